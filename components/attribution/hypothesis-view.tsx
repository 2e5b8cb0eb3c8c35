"use client";
// One judgment in full: the analyst's likelihood and confidence, the rationale, what sources themselves
// said, the evidence trail, the review panel, the edit form, the history and the discussion. Kept in the
// query cache, so an edit, a submission or an approval refreshes everything shown.
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { attributionKeys, hypothesisKeys, reviewKeys } from "@/lib/client/query-keys";
import { ReviewStateBadge } from "./review-state-badge";
import { ReviewPanel } from "./review-panel";
import { HypothesisEditForm, type SaveResult } from "./hypothesis-edit-form";
import { HypothesisHistory } from "./hypothesis-history";
import { CommentThreads, DissentSummary, useCommentThreads } from "./comment-threads";
import { EvidenceTrail } from "./evidence-trail";
import { VendorStatementLines } from "./vendor-statement-lines";
import { DISPOSITION_LABELS, confidenceLabel, confidenceMeaning, likelihoodLabel, likelihoodRange } from "./judgment-labels";
import type { CommentThread, EntityOption, EvidenceItem, HypothesisData, HypothesisPayload, VendorStatement } from "./types";

type Props = {
  caseId: string;
  initial: HypothesisPayload;
  initialThreads: CommentThread[];
  actorId: string;
  perms: { canManage: boolean; canReview: boolean; canComment: boolean };
  entities: EntityOption[];
  evidence: EvidenceItem[];
  statements: VendorStatement[];
};

export function HypothesisView({ caseId, initial, initialThreads, actorId, perms, entities, evidence, statements }: Props) {
  const queryClient = useQueryClient();
  const id = initial.hypothesis.id;
  const { data } = useQuery({
    queryKey: hypothesisKeys.detail(id),
    queryFn: () => api<HypothesisPayload>(`/api/hypotheses/${id}`),
    initialData: initial,
  });
  const { data: threads } = useCommentThreads({ caseId, hypothesisId: id, initial: initialThreads });
  const [notice, setNotice] = useState<string | null>(null);
  const h = data.hypothesis;

  function onSaved(r: SaveResult) {
    setNotice(
      r.approvalWithdrawn
        ? "Your edit withdrew the approval; the judgment is back to draft. Submit it for review again when it is ready."
        : r.reviewWithdrawn
          ? "Your edit withdrew the pending review; the judgment is back to draft. Submit it again when it is ready."
          : `Saved as version ${r.hypothesis.version}.`,
    );
    queryClient.invalidateQueries({ queryKey: hypothesisKeys.detail(id) });
    queryClient.invalidateQueries({ queryKey: attributionKeys.all(caseId) });
    queryClient.invalidateQueries({ queryKey: reviewKeys.queue() });
  }

  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0 space-y-6">
        <Link href={`/cases/${caseId}/attribution`} className="text-sm font-medium text-indigo-800 hover:underline">
          ← All hypotheses
        </Link>
        {notice && (
          <p
            role="status"
            className={`rounded-md border px-3 py-2 text-sm ${notice.includes("withdrew") ? "border-amber-300 bg-amber-50 text-amber-950" : "border-emerald-300 bg-emerald-50 text-emerald-950"}`}
            data-testid="save-notice"
          >
            {notice}
          </p>
        )}
        <DissentSummary threads={threads} />
        <JudgmentSummary
          h={h}
          statements={statements}
          approvedBy={data.reviews.filter((r) => r.decision === "approved").at(-1)?.reviewer?.name ?? null}
        />
        <EvidenceTrail caseId={caseId} items={evidence} />
        {perms.canManage && (
          <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 id="edit-heading" className="mb-3 font-semibold">
              Edit judgment
            </h3>
            <HypothesisEditForm hypothesisId={id} initial={h} version={h.version} entities={entities} onSaved={onSaved} />
          </section>
        )}
        <HypothesisHistory history={data.history} entities={entities} />
        <CommentThreads caseId={caseId} hypothesisId={id} threads={threads} canComment={perms.canComment} />
      </div>
      <aside className="space-y-6">
        <ReviewPanel hypothesis={h} reviews={data.reviews} actorId={actorId} canManage={perms.canManage} canReview={perms.canReview} />
      </aside>
    </main>
  );
}

function JudgmentSummary({ h, statements, approvedBy }: { h: HypothesisData; statements: VendorStatement[]; approvedBy: string | null }) {
  const rejected = h.disposition === "rejected";
  return (
    <section
      aria-labelledby="judgment-title"
      className={`space-y-3 rounded-lg border p-5 shadow-sm ${rejected ? "border-slate-300 bg-slate-100" : "border-slate-200 bg-white"}`}
    >
      <p className="text-sm text-slate-600">{h.question.question}</p>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="judgment-title" className="text-xl font-semibold leading-snug text-slate-900" data-testid="hypothesis-title">
          {h.title}
        </h2>
        <ReviewStateBadge state={h.reviewState} approvedBy={approvedBy} />
      </div>
      {h.description && <p className="text-sm text-slate-800">{h.description}</p>}
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <Item label="Actor">{h.actor ? h.actor.name : "No actor named"}</Item>
        <Item label="Disposition">
          <span data-testid="hypothesis-disposition">{DISPOSITION_LABELS[h.disposition] ?? h.disposition}</span>
          {rejected && h.rejectedReason && <span className="block text-slate-700">Reason: {h.rejectedReason}</span>}
        </Item>
        <Item label="Likelihood (ICD 203)">
          <span data-testid="hypothesis-likelihood">{likelihoodLabel(h.likelihood) ?? "Not yet judged"}</span>
          {h.likelihood && <span className="block text-xs text-slate-600">{likelihoodRange(h.likelihood)} probability</span>}
        </Item>
        <Item label="Analytic confidence">
          <span data-testid="hypothesis-confidence">
            {confidenceLabel(h.confidence) ? `${confidenceLabel(h.confidence)} confidence` : "Not yet judged"}
          </span>
          {h.confidence && <span className="block text-xs text-slate-600">{confidenceMeaning(h.confidence)}</span>}
        </Item>
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-slate-800">Rationale</h3>
        <p className="whitespace-pre-wrap text-sm text-slate-900" data-testid="hypothesis-rationale">
          {h.rationale || "No rationale written yet."}
        </p>
      </div>
      <VendorStatementLines statements={statements} />
      <p className="text-xs text-slate-600">
        Version {h.version} · written by {h.author.name} · content hash{" "}
        <code className="font-mono" title={h.contentHash} data-testid="content-hash">
          {h.contentHash.slice(0, 12)}
        </code>
      </p>
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
