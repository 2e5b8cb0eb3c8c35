"use client";
import Link from "next/link";
import { Fragment, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { entityKeys } from "@/lib/client/query-keys";
import { ENTITY_KIND_LABELS, ENTITY_KINDS } from "@/lib/entities/schemas";
import { Button } from "@/components/ui/form";
import { EntityForm } from "./entity-form";
import { toEntityRow, type EntityRow } from "./types";
import { EditToggleCell, InlineEditRow } from "@/components/ui/inline-edit";

/** The case's entities grouped by kind, with aliases and how many claims mention each. */
export function EntitiesList({ caseId, initial, canManage }: { caseId: string; initial: EntityRow[]; canManage: boolean }) {
  const { data } = useQuery({
    queryKey: entityKeys.list(caseId),
    queryFn: () => api<{ entities: EntityRow[] }>(`/api/cases/${caseId}/entities`).then((r) => r.entities.map(toEntityRow)),
    initialData: initial,
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const groups = ENTITY_KINDS.map((kind) => ({ kind, rows: data.filter((e) => e.kind === kind) })).filter((g) => g.rows.length);

  return (
    <div className="space-y-5">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">
          Entities <span className="text-sm font-normal text-slate-600">({data.length})</span>
        </h2>
        {canManage && !adding && (
          <Button type="button" onClick={() => setAdding(true)}>
            New entity
          </Button>
        )}
      </div>
      {adding && (
        <section aria-labelledby="add-entity-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="add-entity-heading" className="mb-3 font-semibold">
            Add an entity
          </h3>
          <EntityForm caseId={caseId} onDone={() => setAdding(false)} />
        </section>
      )}
      {data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {canManage
            ? "No entities yet. Add the threat actors, organisations, people and places the reporting names, with their aliases, then tag claims with them to see everything said about each one."
            : "No entities have been recorded in this case yet. The case owner or an editor can add the actors, organisations and places the reporting names."}
        </p>
      )}
      {groups.map(({ kind, rows }) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="space-y-2">
          <h3 id={`kind-${kind}`} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {ENTITY_KIND_LABELS[kind]} <span className="font-normal">({rows.length})</span>
          </h3>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" aria-labelledby={`kind-${kind}`}>
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="w-1/4 px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Aliases
                  </th>
                  <th scope="col" className="w-24 px-3 py-2 text-right">
                    Claims
                  </th>
                  {canManage && (
                    <th scope="col" className="w-20 px-3 py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((e) => (
                  <Fragment key={e.id}>
                    <tr className="align-top" data-testid="entity-row">
                      <td className="px-3 py-2">
                        <Link
                          href={`/cases/${caseId}/entities/${e.id}`}
                          className="font-medium text-indigo-800 underline-offset-2 hover:underline"
                        >
                          {e.name}
                        </Link>
                        {e.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{e.description}</p>}
                      </td>
                      <td className="px-3 py-2 text-slate-700">
                        {e.aliases.length ? (
                          <ul className="flex flex-wrap gap-1" aria-label={`Aliases of ${e.name}`}>
                            {e.aliases.map((a) => (
                              <li key={a} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                                {a}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="text-slate-500">—</span>
                        )}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums text-slate-700">{e.claimCount}</td>
                      {canManage && (
                        <EditToggleCell name={e.name} open={editing === e.id} onToggle={() => setEditing(editing === e.id ? null : e.id)} />
                      )}
                    </tr>
                    {editing === e.id && (
                      <InlineEditRow colSpan={4}>
                        <EntityForm caseId={caseId} existing={e} onDone={() => setEditing(null)} />
                      </InlineEditRow>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
