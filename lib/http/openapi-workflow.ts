// The OpenAPI description of the everyday-workflow routes (issue 18): tasks and notifications. Kept
// apart from openapi.ts so the two grow without touching each other; openapi.ts spreads these paths in.
import { CreateTaskSchema, TaskListQuerySchema, UpdateTaskSchema } from "@/lib/tasks/schemas";
import { RequestChangesSchema } from "@/lib/attribution/schemas";
import { MarkNotificationsReadSchema, NotificationListQuerySchema } from "@/lib/notifications/schemas";
import type { Operation } from "./openapi";
import { AUTH, CASE, WRITE } from "./openapi-errors";

export const WORKFLOW_TAGS = ["tasks", "notifications"];

export const WORKFLOW_PATHS: Record<string, Partial<Record<"get" | "post" | "patch", Operation>>> = {
  "/api/cases/{caseId}/tasks": {
    get: {
      summary:
        "The case's tasks: open first, then in progress, done, cancelled; earliest due first. status=active for open and in progress",
      tag: "tasks",
      query: TaskListQuerySchema,
      response: "TaskListResponse",
      errors: [...CASE, 422],
    },
    post: {
      summary:
        "A task {title, description, status, assigneeId (a member), dueDate (YYYY-MM-DD, a real day), linkType claim|hypothesis|brief, linkId}; the assignee is notified. Not for viewers (403)",
      tag: "tasks",
      body: CreateTaskSchema,
      status: 201,
      response: "TaskResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/tasks/{taskId}": {
    patch: {
      summary:
        "Edit, reassign, progress or cancel (status cancelled) a task; `version` required, 409 with the current task when stale. A viewer may change only the status of a task assigned to them (403 otherwise)",
      tag: "tasks",
      body: UpdateTaskSchema,
      response: "TaskResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/request-changes": {
    post: {
      summary:
        "Send the submitted brief back with {comment} (what needs to change); never a brief you submitted (403); 409 when it is not waiting for review. Whoever submitted it is notified",
      tag: "briefs",
      body: RequestChangesSchema,
      response: "ReviewResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/me/tasks": {
    get: {
      summary: "Open and in-progress tasks assigned to you across your cases, earliest due first",
      tag: "tasks",
      response: "TaskListResponse",
      errors: AUTH,
    },
  },
  "/api/me/notifications": {
    get: {
      summary:
        "Your own notifications, newest first, with the unread count (unread=1 for unread only); only from cases you are a member of",
      tag: "notifications",
      query: NotificationListQuerySchema,
      response: "NotificationListResponse",
      errors: [...AUTH, 422],
    },
  },
  "/api/me/notifications/read": {
    post: {
      summary: "Mark your notifications {ids} read, or {all: true}; another user's notification is a 404",
      tag: "notifications",
      body: MarkNotificationsReadSchema,
      response: "MarkedReadResponse",
      errors: [...AUTH, 400, 403, 404, 415, 422],
    },
  },
};
