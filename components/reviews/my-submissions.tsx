// "What you submitted": the latest submission of each judgment or brief this user sent for review, with
// where it stands now. Every row opens the page where the item is reviewed.
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { TlpBadge } from "@/components/ui/tlp-badge";
import type { listMySubmissions } from "@/lib/review/list-my-submissions";
import { utcLabel } from "@/components/activity/time-format";

type Submission = Awaited<ReturnType<typeof listMySubmissions>>[number];

const STATE: Record<string, { label: string; style: string }> = {
  pending: { label: "Waiting for review", style: "bg-amber-50 text-amber-900 ring-amber-200" },
  approved: { label: "Approved", style: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  changes_requested: { label: "Changes requested", style: "bg-red-50 text-red-800 ring-red-200" },
  withdrawn: { label: "Withdrawn", style: "bg-slate-100 text-slate-700 ring-slate-300" },
};

const ago = (iso: string) => (
  <time dateTime={iso} title={utcLabel(iso)}>
    {formatDistanceToNow(new Date(iso), { addSuffix: true })}
  </time>
);

function stateOf(s: Submission) {
  // An approval withdrawn by a later edit still names who approved it, but never reads "Approved".
  if (s.decision === "withdrawn" && s.reviewer) return { label: "Approval withdrawn", style: STATE.withdrawn.style };
  return STATE[s.decision] ?? { label: s.decision, style: STATE.withdrawn.style };
}

export function MySubmissions({ submissions }: { submissions: Submission[] }) {
  return (
    <section aria-labelledby="my-submissions-heading" className="rounded-lg border border-slate-200 bg-white">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="my-submissions-heading" className="font-semibold">
          What you submitted
        </h2>
      </div>
      {submissions.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">
          You have not submitted anything for review yet. Submit a judgment from its page, or the brief from the Brief page: a reviewer or
          owner of the case who did not write it approves it.
        </p>
      ) : (
        <ul aria-label="Your submissions" className="divide-y divide-slate-100">
          {submissions.map((s) => {
            const state = stateOf(s);
            return (
              <li key={s.reviewId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm" data-kind={s.targetType}>
                <Link href={s.href} className="min-w-0 flex-1 truncate text-indigo-800 hover:underline">
                  {s.title}
                </Link>
                <span className="flex items-center gap-2 text-xs text-slate-600">
                  <TlpBadge tlp={s.tlp} />
                  <span className="max-w-56 truncate">{s.caseTitle}</span>
                </span>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${state.style}`}
                  data-testid="submission-state"
                >
                  {state.label}
                </span>
                <span className="w-64 text-right text-xs text-slate-600">
                  {s.reviewer && s.decidedAt ? (
                    <>
                      {s.decision === "changes_requested" ? "by" : "reviewer"} {s.reviewer} {ago(s.decidedAt)}
                    </>
                  ) : (
                    <>submitted {ago(s.submittedAt)}</>
                  )}
                </span>
                {s.comment && <p className="w-full text-xs text-slate-700">“{s.comment}”</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
