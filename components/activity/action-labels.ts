// How audit actions read in the activity log. Pure, so the page, the dashboard and tests share it.

/** The filterable families of actions, in the order the filter lists them. */
export const ACTION_FAMILIES = [
  { key: "case", label: "Case" },
  { key: "document", label: "Documents" },
  { key: "source", label: "Sources" },
  { key: "claim", label: "Claims" },
  { key: "entity", label: "Entities" },
  { key: "event", label: "Timeline events" },
  { key: "question", label: "Attribution questions" },
  { key: "hypothesis", label: "Hypotheses" },
  { key: "review", label: "Reviews" },
  { key: "ach", label: "ACH ratings" },
  { key: "comment", label: "Comments" },
  // Membership changes are audited as case_member.* (the filter matched none while it said "member").
  { key: "case_member", label: "Members" },
] as const;
export type ActionFamily = (typeof ACTION_FAMILIES)[number]["key"];
export const FAMILY_KEYS = ACTION_FAMILIES.map((f) => f.key) as readonly ActionFamily[];

const LABELS: Record<string, string> = {
  "case.create": "created the case",
  "case.update": "edited the case",
  "document.create": "added a document",
  "document.update": "corrected a document's details",
  "document.source": "set a document's source",
  "source.create": "added a source",
  "source.update": "edited a source",
  "claim.create": "created a claim",
  "claim.update": "edited a claim",
  "claim.link": "linked two claims",
  "claim.unlink": "removed a claim link",
  "entity.create": "added an entity",
  "entity.update": "edited an entity",
  "event.create": "placed an event on the timeline",
  "event.update": "edited a timeline event",
  "question.create": "asked an attribution question",
  "question.update": "edited an attribution question",
  "hypothesis.create": "added a hypothesis",
  "hypothesis.update": "changed a hypothesis",
  "ach.rate": "rated evidence against a hypothesis",
  "ach.clear": "cleared an ACH rating",
  "review.submit": "submitted a judgment for review",
  "review.approve": "approved a judgment",
  "review.request_changes": "requested changes to a judgment",
  "comment.create": "commented",
  "comment.dissent": "recorded a dissent",
  "member.add": "added a member",
  "member.update": "changed a member's role",
  "member.remove": "removed a member",
  "task.create": "added a task",
  "task.update": "updated a task",
  "brief.request_changes": "sent the brief back",
  "case_member.add": "added a member",
  "case_member.set_role": "changed a member's role",
  "case_member.remove": "removed a member",
  "case_member.leave": "left the case",
};

/** "claim.create" → "created a claim"; an action added later without a label still reads sensibly. */
export function actionLabel(action: string): string {
  if (LABELS[action]) return LABELS[action];
  const [noun, verb = "changed"] = action.split(".");
  return `${verb.replace(/_/g, " ")} (${noun.replace(/_/g, " ")})`;
}
