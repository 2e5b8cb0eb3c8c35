// The case team on the client: the JSON shape GET /api/cases/{caseId}/members answers (its query key is
// memberKeys in lib/client/query-keys.ts, under ["cases", caseId], so a case refresh covers it).
import type { CaseRole } from "@/lib/domain-types";

export type TeamMember = {
  userId: string;
  email: string;
  name: string;
  role: CaseRole;
  disabled: boolean;
  /** The role may approve judgments and briefs, and the account is active. */
  canReview: boolean;
  since: string;
};

/** Where the team page's add form is; the no-reviewer warnings link here with the reviewer role chosen. */
export const addReviewerHref = (caseId: string) => `/cases/${caseId}/team?role=reviewer#add-member`;
