// "Waiting for your review": judgments colleagues submitted in cases where this user reviews.
// Unread items (not yet opened) are bold and marked "New".
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { TlpBadge } from "@/components/ui/tlp-badge";
import type { reviewQueue } from "@/lib/review/review-queue";
import { utcLabel } from "@/components/activity/time-format";

type Queue = Awaited<ReturnType<typeof reviewQueue>>;

export function ReviewQueuePanel({ queue }: { queue: Queue }) {
  const { items, unread } = queue;
  return (
    <section id="review-queue" aria-labelledby="review-queue-heading" className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-baseline justify-between gap-4 border-b border-slate-200 px-4 py-3">
        <h2 id="review-queue-heading" className="font-semibold">
          Waiting for your review
        </h2>
        <p className="text-sm text-slate-600" data-testid="review-queue-count">
          {items.length === 0 ? "Nothing waiting" : `${items.length} waiting · ${unread} unread`}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">
          Nothing needs your review. When a colleague submits a judgment for review in a case where you are a reviewer or owner, it appears
          here; your own judgments go to someone else.
        </p>
      ) : (
        <ul aria-label="Review items" className="divide-y divide-slate-100">
          {items.map((i) => (
            <li key={i.reviewId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm" data-unread={i.unread}>
              {i.unread && <span className="rounded bg-indigo-700 px-1.5 py-px text-xs font-semibold text-white">New</span>}
              <Link
                href={i.href}
                className={`min-w-0 flex-1 truncate text-indigo-800 hover:underline ${i.unread ? "font-bold" : "font-normal"}`}
              >
                {i.title}
              </Link>
              <span className="flex items-center gap-2 text-xs text-slate-600">
                <TlpBadge tlp={i.tlp} />
                <span className="max-w-56 truncate">{i.caseTitle}</span>
              </span>
              <span className="w-64 text-right text-xs text-slate-600">
                submitted by {i.submittedBy}{" "}
                <time dateTime={i.submittedAt} title={utcLabel(i.submittedAt)}>
                  {formatDistanceToNow(new Date(i.submittedAt), { addSuffix: true, includeSeconds: false })}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
