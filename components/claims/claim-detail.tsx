"use client";
// One claim: its grade, quotes with their context and a way back to the exact place in the document,
// entities, links and (for editors) the edit form. Kept in the query cache so edits and links refresh it.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import { GradeBadge } from "./grade-badge";
import { ClaimEditForm } from "./claim-edit-form";
import { ClaimLinksPanel } from "./claim-links-panel";
import { ClaimDetailQuotes } from "./claim-detail-quotes";
import { RetractButton } from "@/components/lifecycle/retract-button";
import { RetractedBanner } from "@/components/lifecycle/retracted-banner";
import { ReliabilityBadge } from "@/components/sources/reliability-badge";
import {
  KIND_LABELS,
  STATUS_LABELS,
  STATUS_STYLES,
  credibilityLabel,
  credibilityMeaning,
  reliabilityLabel,
  type ClaimDetail,
  type EntityOption,
  type SourceOption,
} from "./claim-labels";

export function ClaimDetailView({
  caseId,
  initial,
  canEdit,
  canRetract = false,
  entities,
  sources = [],
}: {
  caseId: string;
  initial: ClaimDetail;
  canEdit: boolean;
  canRetract?: boolean;
  entities: EntityOption[];
  sources?: SourceOption[];
}) {
  const { data: claim } = useQuery({
    queryKey: claimKeys.detail(caseId, initial.id),
    queryFn: () => api<{ claim: ClaimDetail }>(`/api/cases/${caseId}/claims/${initial.id}`).then((r) => r.claim),
    initialData: initial,
  });
  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[1fr_24rem]">
      <div className="min-w-0 space-y-6">
        <Link href={`/cases/${caseId}/claims`} className="text-sm font-medium text-indigo-800 hover:underline">
          ← All claims
        </Link>
        <RetractedBanner kind="claim" retraction={claim.retraction} />
        <ClaimSummary claim={claim} />
        <ClaimDetailQuotes caseId={caseId} claim={claim} />
        {claim.retraction ? null : canEdit ? (
          <section aria-labelledby="edit-claim" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 id="edit-claim" className="mb-3 font-semibold">
              Edit claim
            </h3>
            <ClaimEditForm caseId={caseId} claim={claim} entities={entities} sources={sources} />
            {canRetract && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <RetractButton caseId={caseId} kind="claim" id={claim.id} name={claim.statement.slice(0, 80)} />
              </div>
            )}
          </section>
        ) : (
          <p className="text-sm text-slate-600" data-testid="read-only-note">
            Your role on this case lets you read this claim, not change it.
          </p>
        )}
      </div>
      <aside className="space-y-6">
        <ClaimLinksPanel caseId={caseId} claim={claim} canEdit={canEdit} />
        <section aria-labelledby="claim-entities">
          <h3 id="claim-entities" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
            Entities
          </h3>
          {claim.entities.length ? (
            <ul className="flex flex-wrap gap-1.5" aria-label="Entities mentioned">
              {claim.entities.map((e) => (
                <li key={e.id}>
                  <Link
                    href={`/cases/${caseId}/entities/${e.id}`}
                    className="inline-block rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-900 hover:underline"
                  >
                    {e.name} <span className="text-indigo-800">· {e.kind}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No entities tagged.</p>
          )}
        </section>
      </aside>
    </main>
  );
}

function ClaimSummary({ claim }: { claim: ClaimDetail }) {
  const ind = claim.independence;
  return (
    <section aria-labelledby="claim-statement" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start gap-3">
        <GradeBadge grade={claim.grade} reliability={claim.reliability} credibility={claim.credibility} size="lg" />
        <div className="min-w-0">
          <h2 id="claim-statement" className="text-xl font-semibold leading-snug text-slate-900" data-testid="claim-statement">
            {claim.statement}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Claimed by <span className="font-medium">{claim.claimant}</span>
          </p>
          <p className="mt-0.5 text-sm text-slate-700" data-testid="claim-originator">
            {claim.originator ? (
              <>
                First made by <span className="font-medium">{claim.originator.name}</span>{" "}
                <ReliabilityBadge grade={claim.originator.reliability} />; the quoted documents relay it.
              </>
            ) : (
              "Originator not named: each quote's own source counts as its origin."
            )}
          </p>
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Item label="Kind">{KIND_LABELS[claim.kind]}</Item>
        <Item label="Status">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[claim.status]}`}>{STATUS_LABELS[claim.status]}</span>
        </Item>
        <Item label="Source reliability">
          {reliabilityLabel(claim.reliability)}
          {claim.source ? ` (${claim.source.name})` : claim.reliability ? " (no source assigned)" : ""}
          <span className="block text-xs text-slate-600" data-testid="reliability-rule">
            {claim.reliabilityRule}
          </span>
        </Item>
        <Item label="Credibility">
          <span data-testid="claim-credibility">{credibilityLabel(claim.credibility)}</span>
          <span className="block text-xs text-slate-600">{credibilityMeaning(claim.credibility)}</span>
        </Item>
        <Item label="Source's own confidence">{claim.sourceConfidence ? `“${claim.sourceConfidence}”` : "Not stated"}</Item>
        <Item label="Recorded">
          {claim.createdBy}, {claim.createdAt.slice(0, 10)} · version {claim.version}
        </Item>
      </dl>
      {ind && ind.origins >= 2 && (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="independence-ok">
          Backed by {ind.origins} independent origins.
        </p>
      )}
      {ind?.warning && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="independence-warning"
        >
          <span aria-hidden="true">⚠ </span>
          <span className="sr-only">Warning: </span>
          {ind.warning}
        </p>
      )}
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
