// The database's enum types for code that must not import the database client (app/ and components/):
// type-only re-exports, so the generated Prisma client never reaches a page or a browser bundle.
export type { CaseRole, CaseStatus, Tlp, ReviewDecision, ReviewState } from "@/lib/generated/prisma/enums";

/** A task as the API and the pages show it (lib/tasks/task-view.ts). Dates are ISO strings; dueDate is "YYYY-MM-DD". */
export type TaskView = {
  id: string;
  caseId: string;
  caseTitle: string;
  title: string;
  description: string;
  status: "open" | "in_progress" | "done" | "cancelled";
  assignee: { id: string; name: string } | null;
  dueDate: string | null;
  link: { type: "claim" | "hypothesis" | "brief"; id: string; label: string; href: string } | null;
  version: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

/** One of the signed-in user's notifications (lib/notifications). */
export type NotificationView = {
  id: string;
  kind: string;
  message: string;
  href: string;
  caseId: string | null;
  caseTitle: string | null;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
};
