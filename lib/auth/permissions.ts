// Every "may this role do X on a case" decision, in one table. Routes and pages name the action;
// nothing else in the code compares roles.
import type { CaseRole } from "@/lib/generated/prisma/enums";

export const CASE_ROLES = ["owner", "editor", "reviewer", "viewer"] as const satisfies readonly CaseRole[];

const ALL: CaseRole[] = ["owner", "editor", "reviewer", "viewer"];
const WRITERS: CaseRole[] = ["owner", "editor"];

export const PERMISSIONS = {
  "case.read": ALL,
  "case.update": WRITERS,
  "case.members.read": ALL,
  "case.members.manage": ["owner"],
  // Leaving a case (removing yourself); the last owner is refused in lib/cases/leave-case.ts.
  "case.leave": ALL,
  "documents.read": ALL,
  "documents.create": WRITERS,
  "documents.update": WRITERS,
  "sources.read": ALL,
  "sources.manage": WRITERS,
  "claims.read": ALL,
  "claims.create": WRITERS,
  "claims.update": WRITERS,
  "entities.read": ALL,
  "entities.manage": WRITERS,
  "events.read": ALL,
  "events.manage": WRITERS,
  "attribution.read": ALL,
  "hypotheses.manage": WRITERS,
  "ach.rate": ["owner", "editor", "reviewer"],
  "reviews.approve": ["owner", "reviewer"],
  "comments.create": ["owner", "editor", "reviewer"],
  "briefs.read": ALL,
  "briefs.manage": WRITERS,
  "audit.read": ALL,
  // Indicators (issue 13): writers record and edit them; everyone reads and extracts suggestions.
  "indicators.read": ALL,
  "indicators.manage": WRITERS,
  // Retracting keeps the record and hides it (issue 12); writers may retract what writers may add.
  "documents.retract": WRITERS,
  "claims.retract": WRITERS,
  "sources.retract": WRITERS,
  "events.retract": WRITERS,
  // Tasks (issue 18): whoever works on the case (not a viewer) creates, assigns, edits and cancels
  // them; any member moves a task assigned to them through its states (lib/tasks/update-task.ts).
  "tasks.read": ALL,
  "tasks.manage": ["owner", "editor", "reviewer"],
  "tasks.progress": ALL,
} as const satisfies Record<string, readonly CaseRole[]>;

export type CaseAction = keyof typeof PERMISSIONS;

export function can(role: CaseRole | null | undefined, action: CaseAction): boolean {
  return role != null && (PERMISSIONS[action] as readonly CaseRole[]).includes(role);
}

export const ROLE_LABELS: Record<CaseRole, string> = {
  owner: "Owner",
  editor: "Editor",
  reviewer: "Reviewer",
  viewer: "Viewer",
};
