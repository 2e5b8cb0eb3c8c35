// The OpenAPI description of the everyday-workflow routes (issue 18): tasks and notifications. Kept
// apart from openapi.ts so the two grow without touching each other; openapi.ts spreads these paths in.
import { CreateTaskSchema, TaskListQuerySchema, UpdateTaskSchema, TASK_STATUSES, TASK_LINK_TYPES } from "@/lib/tasks/schemas";
import { RequestChangesSchema } from "@/lib/attribution/schemas";
import { MarkNotificationsReadSchema, NotificationListQuerySchema } from "@/lib/notifications/schemas";
import type { Operation } from "./openapi";

type JsonSchema = Record<string, unknown>;
const obj = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
});
const arrayOf = (items: JsonSchema) => ({ type: "array", items });
const id = { type: "string", format: "uuid" };
const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };
const at = { type: "string", format: "date-time" };
const person = obj({ id, name: str });

const TASK = obj({
  id,
  caseId: id,
  caseTitle: str,
  title: str,
  description: str,
  status: { type: "string", enum: [...TASK_STATUSES] },
  assignee: { anyOf: [person, { type: "null" }] },
  dueDate: { type: ["string", "null"], format: "date", description: "A calendar day, YYYY-MM-DD" },
  link: {
    anyOf: [obj({ type: { type: "string", enum: [...TASK_LINK_TYPES] }, id, label: str, href: str }), { type: "null" }],
    description: "The claim, hypothesis or brief (id = the case's id) the task is about",
  },
  version: { type: "integer", description: "Send it back with an edit; 409 when someone saved since." },
  createdBy: person,
  createdAt: at,
  updatedAt: at,
});
const NOTIFICATION = obj({
  id,
  kind: {
    type: "string",
    description: "review.approved, review.changes_requested, brief.approved, comment.created or task.assigned",
  },
  message: str,
  href: { type: "string", description: "Where it opens, a path inside the app" },
  caseId: { type: ["string", "null"], format: "uuid" },
  caseTitle: nullableStr,
  actorName: nullableStr,
  createdAt: at,
  readAt: { type: ["string", "null"], format: "date-time" },
});

const AUTH = [401, 500];
const CASE = [...AUTH, 403, 404];
const WRITE = [...CASE, 400, 415, 422];

export const WORKFLOW_TAGS = ["tasks", "notifications"];

export const WORKFLOW_PATHS: Record<string, Partial<Record<"get" | "post" | "patch", Operation>>> = {
  "/api/cases/{caseId}/tasks": {
    get: {
      summary:
        "The case's tasks: open first, then in progress, done, cancelled; earliest due first. status=active for open and in progress",
      tag: "tasks",
      query: TaskListQuerySchema,
      response: obj({ tasks: arrayOf(TASK) }),
      errors: [...CASE, 422],
    },
    post: {
      summary:
        "A task {title, description, status, assigneeId (a member), dueDate (YYYY-MM-DD, a real day), linkType claim|hypothesis|brief, linkId}; the assignee is notified. Not for viewers (403)",
      tag: "tasks",
      body: CreateTaskSchema,
      status: 201,
      response: obj({ task: TASK }),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/tasks/{taskId}": {
    patch: {
      summary:
        "Edit, reassign, progress or cancel (status cancelled) a task; `version` required, 409 with the current task when stale. A viewer may change only the status of a task assigned to them (403 otherwise)",
      tag: "tasks",
      body: UpdateTaskSchema,
      response: obj({ task: TASK }),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/request-changes": {
    post: {
      summary:
        "Send the submitted brief back with {comment} (what needs to change); never a brief you submitted (403); 409 when it is not waiting for review. Whoever submitted it is notified",
      tag: "briefs",
      body: RequestChangesSchema,
      response: obj({ review: { type: "object" } }),
      errors: [...WRITE, 409],
    },
  },
  "/api/me/tasks": {
    get: {
      summary: "Open and in-progress tasks assigned to you across your cases, earliest due first",
      tag: "tasks",
      response: obj({ tasks: arrayOf(TASK) }),
      errors: AUTH,
    },
  },
  "/api/me/notifications": {
    get: {
      summary:
        "Your own notifications, newest first, with the unread count (unread=1 for unread only); only from cases you are a member of",
      tag: "notifications",
      query: NotificationListQuerySchema,
      response: obj({ notifications: arrayOf(NOTIFICATION), unread: { type: "integer" } }),
      errors: [...AUTH, 422],
    },
  },
  "/api/me/notifications/read": {
    post: {
      summary: "Mark your notifications {ids} read, or {all: true}; another user's notification is a 404",
      tag: "notifications",
      body: MarkNotificationsReadSchema,
      response: obj({ marked: { type: "integer" } }),
      errors: [...AUTH, 400, 403, 404, 415, 422],
    },
  },
};
