import { z } from "zod";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/dates/calendar-date";

// TheHive's task states: waiting (open), in progress, completed (done) and cancelled (kept, never deleted).
export const TASK_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};
/** A task still to do: shown under "My tasks" and counted as overdue past its due date. */
export const ACTIVE_TASK_STATUSES = ["open", "in_progress"] as const satisfies readonly TaskStatus[];

// What a task is about: a claim, a hypothesis (judgment) or the case's brief.
export const TASK_LINK_TYPES = ["claim", "hypothesis", "brief"] as const;

const title = z.string("Give the task a title.").trim().min(1, "Give the task a title.").max(300, "Title must be at most 300 characters.");
const description = z.string().trim().max(4000, "Description must be at most 4,000 characters.");
const STATUS_MESSAGE = "Status must be open, in_progress, done or cancelled.";
// "YYYY-MM-DD", a day that exists; "" or null clears it (a form's empty date box).
const dueDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v)), `Due date: ${CALENDAR_DATE_MESSAGE}`)
  .nullable()
  .transform((v) => (v ? v : null));
const assigneeId = z
  .string()
  .refine((v) => v === "" || z.uuid().safeParse(v).success, "Pick a member of the case as assignee.")
  .nullable()
  .transform((v) => (v ? v : null));
const linkType = z
  .enum([...TASK_LINK_TYPES, ""], "Link must be a claim, a hypothesis or the brief.")
  .nullable()
  .transform((v) => (v ? v : null));
const linkId = z
  .string()
  .refine((v) => v === "" || z.uuid().safeParse(v).success, "Pick the claim or hypothesis the task is about.")
  .nullable()
  .transform((v) => (v ? v : null));

export const CreateTaskSchema = z.object({
  title,
  description: description.default(""),
  status: z.enum(TASK_STATUSES, STATUS_MESSAGE).default("open"),
  assigneeId: assigneeId.optional(),
  dueDate: dueDate.optional(),
  // linkId names the claim or hypothesis; for the brief it is left out.
  linkType: linkType.optional(),
  linkId: linkId.optional(),
});
export type CreateTaskInput = z.input<typeof CreateTaskSchema>;

/** An edit names the version it read; absent fields stay, "" or null clears an optional one. */
export const UpdateTaskSchema = z.object({
  version: z.number("version is required: send the version of the task you edited.").int().positive("version must be positive."),
  title: title.optional(),
  description: description.optional(),
  status: z.enum(TASK_STATUSES, STATUS_MESSAGE).optional(),
  assigneeId: assigneeId.optional(),
  dueDate: dueDate.optional(),
  linkType: linkType.optional(),
  linkId: linkId.optional(),
});
export type UpdateTaskInput = z.input<typeof UpdateTaskSchema>;

export const TaskListQuerySchema = z.object({
  status: z.enum([...TASK_STATUSES, "active"], "status must be open, in_progress, done, cancelled or active.").optional(),
});

// Responses (lib/http/respond.ts; documented by lib/http/openapi-workflow.ts): lib/tasks/task-view.ts's TaskView.
const person = z.strictObject({ id: z.string(), name: z.string() });
export const TaskSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  assignee: person.nullable(),
  // A calendar day, YYYY-MM-DD.
  dueDate: z.string().nullable(),
  // The claim, hypothesis or brief (id = the case's id) the task is about.
  link: z.strictObject({ type: z.enum(TASK_LINK_TYPES), id: z.string(), label: z.string(), href: z.string() }).nullable(),
  version: z.number().int(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const TaskResponseSchema = z.strictObject({ task: TaskSchema });
export const TaskListResponseSchema = z.strictObject({ tasks: z.array(TaskSchema) });
