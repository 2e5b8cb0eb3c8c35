import type { Metadata } from "next";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { reviewQueue } from "@/lib/review/review-queue";
import { listMySubmissions } from "@/lib/review/list-my-submissions";
import { AppHeader } from "@/components/app-header";
import { ReviewQueuePanel } from "@/components/dashboard/review-queue-panel";
import { MySubmissions } from "@/components/reviews/my-submissions";

export const metadata: Metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

// The reviewer's queue across all cases (the same list the dashboard shows), and what this user sent
// for review with where each item stands.
export default async function ReviewsPage() {
  const actor = await requireActorOrRedirect("/reviews");
  const [queue, submissions] = await Promise.all([reviewQueue({ actor }), listMySubmissions({ actor })]);
  return (
    <>
      <AppHeader user={actor} reviewUnread={queue.unread} />
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Reviews</h1>
          <p className="text-sm text-slate-600">
            Judgments and briefs colleagues asked you to review, in every case where you review, and what you submitted yourself.
          </p>
        </div>
        <ReviewQueuePanel queue={queue} />
        <MySubmissions submissions={submissions} />
      </main>
    </>
  );
}
