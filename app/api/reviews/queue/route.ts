import { withUser } from "@/lib/http/route";
import { reviewQueue } from "@/lib/review/review-queue";

// GET /api/reviews/queue — judgments waiting for the caller's review, with the unread count
export const GET = withUser(async ({ actor }) => reviewQueue({ actor }));
