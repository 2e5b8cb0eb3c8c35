import { withUser } from "@/lib/http/route";
import { reviewQueue } from "@/lib/review/review-queue";
import { respond } from "@/lib/http/respond";
import { ReviewQueueResponseSchema } from "@/lib/attribution/schemas";

// GET /api/reviews/queue — judgments waiting for the caller's review, with the unread count
export const GET = withUser(async ({ actor }) => respond(ReviewQueueResponseSchema, await reviewQueue({ actor })));
