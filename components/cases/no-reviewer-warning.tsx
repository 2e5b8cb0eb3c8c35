"use client";
// Beside a "Submit for review" control: warns when no one on the case could approve the submission
// (two-person rule: a member whose role may review, other than the submitter and, for a judgment,
// anyone who wrote or changed it since its last approval), and offers to add a reviewer. The server
// still decides who may approve; this only saves a submission that would wait for no one.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { api } from "@/lib/client/api";
import { can } from "@/lib/auth/permissions";
import { memberKeys } from "@/lib/client/query-keys";
import { addReviewerHref, type TeamMember } from "./team-member";

/** Who could approve what `actorId` submits, leaving out `barred` (the judgment's author and editors). */
export function useEligibleReviewers({ caseId, actorId, barred = [] }: { caseId: string; actorId: string; barred?: string[] }) {
  const { data } = useQuery({
    queryKey: memberKeys.list(caseId),
    queryFn: () => api<{ members: TeamMember[] }>(`/api/cases/${caseId}/members`).then((r) => r.members),
  });
  if (!data) return null;
  const me = data.find((m) => m.userId === actorId);
  return {
    eligible: data.filter((m) => m.canReview && m.userId !== actorId && !barred.includes(m.userId)),
    canManageTeam: can(me?.role, "case.members.manage"),
  };
}

export function NoReviewerWarning({ caseId, actorId, barred, what }: { caseId: string; actorId: string; barred?: string[]; what: string }) {
  const reviewers = useEligibleReviewers({ caseId, actorId, barred });
  if (!reviewers || reviewers.eligible.length > 0) return null;
  return (
    <div
      id="no-reviewer-warning"
      role="status"
      className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="no-reviewer-warning"
    >
      <p>
        No one on this case can review {what}: approval needs a reviewer or owner who did not write, change or submit it. You can still
        submit; it waits until someone is added.
      </p>
      {reviewers.canManageTeam ? (
        <Link href={addReviewerHref(caseId)} className="font-medium text-indigo-800 underline hover:text-indigo-950">
          Add a reviewer
        </Link>
      ) : (
        <Link href={`/cases/${caseId}/team`} className="font-medium text-indigo-800 underline hover:text-indigo-950">
          Ask an owner to add a reviewer
        </Link>
      )}
    </div>
  );
}
