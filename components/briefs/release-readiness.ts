// Why the Release button is disabled, in the same words the server's 409 uses (lib/briefs/releases.ts).
// The server decides and refuses anyway; this only explains the state before anyone clicks.
import type { BriefPayload } from "./types";

export function releaseReasons({ payload, actorId }: { payload: BriefPayload; actorId: string }): string[] {
  const reasons = [...payload.brief.blockers];
  const a = payload.approval;
  if (!a || a.decision !== "approved") reasons.push("The brief has not been approved by a reviewer.");
  else if (!a.current) reasons.push("The brief changed after it was approved; it needs a new approval.");
  else if (a.reviewer?.id === actorId) reasons.push("The brief was approved by you; a release needs a reviewer other than the releaser.");
  return reasons;
}

/** "2022-07-15" from an ISO time: dates in the preview are the document's, not the reader's clock. */
export const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

export const TEMPLATE_LABELS = { full: "Full brief", summary: "One-page summary" } as const;
