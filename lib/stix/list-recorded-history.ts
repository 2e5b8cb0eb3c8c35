import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CasefileDissentSchema, CasefileHistorySchema, CasefileRatingSchema, CasefileReviewSchema } from "./schemas";

/**
 * What an imported case archive recorded from the workspace it came from (recorded_history, migration 0016):
 * the ACH ratings, dissent, reviews and judgment versions of people who have no account here, each with its
 * recorded attribution (display name and e-mail there). Read-only history: none of it is a rating, comment or
 * approval of this workspace. Keys are this case's ids (hypotheses, claims, questions, entities).
 */
export async function listRecordedHistory({ access }: { access: CaseAccess }) {
  const rows = await db.recordedHistory.findMany({
    where: { caseId: access.caseId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, record: true },
  });
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.record);
  return {
    ratings: of("rating").map((r) => CasefileRatingSchema.parse(r)),
    dissent: of("dissent").map((r) => CasefileDissentSchema.parse(r)),
    reviews: of("review").map((r) => CasefileReviewSchema.parse(r)),
    history: of("history").map((r) => CasefileHistorySchema.parse(r)),
  };
}
