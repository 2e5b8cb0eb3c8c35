"use client";
import { Fragment, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { sourceKeys } from "@/lib/client/query-keys";
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";
import { Button } from "@/components/ui/form";
import { ReliabilityBadge } from "./reliability-badge";
import { SourceForm } from "./source-form";
import type { SourceRow } from "./types";
import { EditToggleCell, InlineEditRow } from "@/components/ui/inline-edit";
import { RetractButton } from "@/components/lifecycle/retract-button";
import { RetractedTag } from "@/components/lifecycle/retracted-banner";
import { ShowRetractedToggle } from "@/components/lifecycle/show-retracted-toggle";

/** The case's sources with their grades; editors add and regrade them in place. */
export function SourcesRegistry({
  caseId,
  initial,
  canManage,
  canRetract = false,
  showRetracted = false,
}: {
  caseId: string;
  initial: SourceRow[];
  canManage: boolean;
  canRetract?: boolean;
  showRetracted?: boolean;
}) {
  const { data } = useQuery({
    queryKey: sourceKeys.listing(caseId, { showRetracted }),
    queryFn: () =>
      api<{ sources: SourceRow[] }>(`/api/cases/${caseId}/sources${showRetracted ? "?include=retracted" : ""}`).then((r) => r.sources),
    initialData: initial,
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">
          Sources <span className="text-sm font-normal text-slate-600">({data.length})</span>
        </h2>
        <div className="flex items-center gap-4">
          <ShowRetractedToggle path={`/cases/${caseId}/sources`} showing={showRetracted} />
          {canManage && !adding && (
            <Button type="button" onClick={() => setAdding(true)}>
              New source
            </Button>
          )}
        </div>
      </div>
      {adding && (
        <section aria-labelledby="add-source-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="add-source-heading" className="mb-3 font-semibold">
            Add a source
          </h3>
          <SourceForm caseId={caseId} onDone={() => setAdding(false)} />
        </section>
      )}
      {data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {canManage
            ? "No sources yet. Add the outlets, vendors and agencies your documents come from and grade each one A–F: every claim inherits the grade of the source it quotes."
            : "No sources have been registered in this case yet. The case owner or an editor can add them and grade each one A–F."}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" aria-label="Sources">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Kind
                </th>
                <th scope="col" className="px-3 py-2">
                  Reliability
                </th>
                <th scope="col" className="px-3 py-2">
                  Rationale
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Documents
                </th>
                {canManage && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {data.map((s) => (
                <Fragment key={s.id}>
                  <tr className="align-top" data-testid="source-row">
                    <td className={`px-3 py-2 font-medium ${s.retractedAt ? "text-slate-500" : "text-slate-900"}`}>
                      {s.name}
                      {s.retractedAt && <RetractedTag reason={s.retractionReason} />}
                      {s.url && (
                        <a
                          href={s.url}
                          target="_blank"
                          rel="noopener noreferrer nofollow"
                          className="mt-0.5 block max-w-[16rem] truncate text-xs font-normal text-indigo-800 underline"
                        >
                          {s.url}
                        </a>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                      {SOURCE_KIND_LABELS[s.kind as keyof typeof SOURCE_KIND_LABELS] ?? s.kind}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <ReliabilityBadge grade={s.reliability} withLabel />
                    </td>
                    <td className="max-w-md px-3 py-2 whitespace-pre-line text-slate-700">
                      {s.rationale}
                      {s.retractedAt && <span className="mt-1 block text-xs text-red-900">Retracted: {s.retractionReason}</span>}
                      {!!s.regrades?.length && (
                        <details className="mt-1 text-xs" data-testid="source-history">
                          <summary className="cursor-pointer text-slate-600">
                            History ({s.regrades.length} regrade{s.regrades.length > 1 ? "s" : ""})
                          </summary>
                          <ol className="mt-1 space-y-0.5">
                            {s.regrades.map((r) => (
                              <li key={r.at}>
                                {r.at.slice(0, 10)}: {r.from} → {r.to}
                                {r.by ? ` by ${r.by}` : ""}
                                {r.reason ? ` — ${r.reason}` : ""}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-700">{s.documentCount}</td>
                    {canManage &&
                      (s.retractedAt ? (
                        <td />
                      ) : (
                        <EditToggleCell name={s.name} open={editing === s.id} onToggle={() => setEditing(editing === s.id ? null : s.id)} />
                      ))}
                  </tr>
                  {editing === s.id && (
                    <InlineEditRow colSpan={6}>
                      <SourceForm caseId={caseId} existing={s} onDone={() => setEditing(null)} />
                      {canRetract && (
                        <div className="mt-3 border-t border-slate-200 pt-3">
                          <RetractButton caseId={caseId} kind="source" id={s.id} name={s.name} onDone={() => setEditing(null)} />
                        </div>
                      )}
                    </InlineEditRow>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
