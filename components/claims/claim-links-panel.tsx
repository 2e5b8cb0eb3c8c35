"use client";
// A claim's links to other claims, grouped by kind and read from this claim's side, with a form to
// add one (find the other claim by its statement) and a button to remove each.
import Link from "next/link";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import { Button, FormError } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { GradeBadge } from "./grade-badge";
import { LINK_DIRECTION_LABELS, LINK_GROUP_LABELS, LINK_KINDS, type ClaimDetail, type ClaimPage, type LinkKind } from "./claim-labels";
import { useAddClaimLink, useRemoveClaimLink } from "./use-claim-links";

export function ClaimLinksPanel({ caseId, claim, canEdit }: { caseId: string; claim: ClaimDetail; canEdit: boolean }) {
  const remove = useRemoveClaimLink({ caseId });
  return (
    <section aria-labelledby="claim-links-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="claim-links-heading" className="font-semibold">
        Links to other claims
      </h3>
      {remove.error && <FormError message={remove.error.message} />}
      {LINK_KINDS.map((kind) => {
        const links = claim.links.filter((l) => l.kind === kind);
        return (
          <div key={kind}>
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
              {LINK_GROUP_LABELS[kind]} ({links.length})
            </h4>
            {links.length ? (
              <ul className="mt-1 space-y-1.5" aria-label={LINK_GROUP_LABELS[kind]} data-testid={`links-${kind}`}>
                {links.map((l) => (
                  <li key={l.id} className="flex items-start justify-between gap-2 text-sm">
                    <span className="min-w-0">
                      <span className="text-xs text-slate-600">{LINK_DIRECTION_LABELS[kind][l.direction]} </span>
                      <Link href={`/cases/${caseId}/claims/${l.claimId}`} className="text-slate-900 hover:text-indigo-800 hover:underline">
                        {l.statement}
                      </Link>
                      {l.note && <span className="block text-xs text-slate-600">{l.note}</span>}
                    </span>
                    {canEdit && (
                      <button
                        type="button"
                        className="shrink-0 rounded px-1.5 text-xs font-medium text-red-800 hover:bg-red-50 disabled:text-slate-500"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(l.id)}
                        aria-label={`Remove link: ${LINK_DIRECTION_LABELS[kind][l.direction].toLowerCase()} “${l.statement}”`}
                      >
                        Remove
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-600">None.</p>
            )}
          </div>
        );
      })}
      {canEdit && <AddLinkForm caseId={caseId} claim={claim} />}
    </section>
  );
}

function AddLinkForm({ caseId, claim }: { caseId: string; claim: ClaimDetail }) {
  const [kind, setKind] = useState<LinkKind>("corroborates");
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [toClaimId, setToClaimId] = useState<string | null>(null);
  const add = useAddClaimLink({ caseId, claimId: claim.id });
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const filters = { q, pageSize: 8, sort: "statement", dir: "asc", picker: true };
  const results = useQuery({
    queryKey: claimKeys.list(caseId, filters),
    queryFn: () =>
      api<ClaimPage>(`/api/cases/${caseId}/claims?${new URLSearchParams({ q, pageSize: "8", sort: "statement", dir: "asc" })}`),
    enabled: q.length > 0,
  });
  const candidates = (results.data?.claims ?? []).filter((c) => c.id !== claim.id);

  return (
    <form
      aria-label="Add a link"
      className="space-y-2 border-t border-slate-200 pt-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!toClaimId) return;
        add.mutate(
          { toClaimId, kind },
          {
            onSuccess: () => {
              setToClaimId(null);
              setText("");
              setQ("");
            },
          },
        );
      }}
    >
      <h4 className="text-sm font-semibold">Add a link</h4>
      <ApiErrorMessage error={add.error} inline={["kind", "toClaimId"]} fields={[]} />
      <div className="flex gap-2">
        <div className="w-40 shrink-0">
          <label htmlFor="link-kind" className="mb-0.5 block text-xs font-medium text-slate-700">
            This claim…
          </label>
          <select
            id="link-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as LinkKind)}
            className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          >
            {LINK_KINDS.map((k) => (
              <option key={k} value={k}>
                {LINK_DIRECTION_LABELS[k].out.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-1">
          <label htmlFor="link-search" className="mb-0.5 block text-xs font-medium text-slate-700">
            Find the other claim
          </label>
          <input
            id="link-search"
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setToClaimId(null);
            }}
            placeholder="Words from its statement"
            className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          />
        </div>
      </div>
      {q && (
        <fieldset>
          <legend className="sr-only">Pick the claim to link</legend>
          {results.isFetching && !results.data ? (
            <p className="text-sm text-slate-600">Searching…</p>
          ) : candidates.length ? (
            <ul className="max-h-56 space-y-1 overflow-y-auto">
              {candidates.map((c) => (
                <li key={c.id}>
                  <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                    <input
                      type="radio"
                      name="link-target"
                      value={c.id}
                      checked={toClaimId === c.id}
                      onChange={() => setToClaimId(c.id)}
                      className="mt-1"
                    />
                    <GradeBadge grade={c.grade} reliability={c.reliability} credibility={c.credibility} />
                    <span>{c.statement}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No other claim matches “{q}”.</p>
          )}
        </fieldset>
      )}
      <Button type="submit" disabled={!toClaimId || add.isPending}>
        {add.isPending ? "Linking…" : "Add link"}
      </Button>
    </form>
  );
}
