import { z } from "zod";

export const NotificationListQuerySchema = z.object({
  unread: z.enum(["1"], 'unread must be "1" (to list only unread notifications).').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** Mark some of your notifications read ({ids}), or all of them ({all: true}). */
export const MarkNotificationsReadSchema = z
  .object({
    ids: z.array(z.uuid("ids must be notification ids.")).min(1).max(200).optional(),
    all: z.literal(true, "all must be true.").optional(),
  })
  .refine((v) => !!v.ids !== !!v.all, { message: "Send either ids or all: true.", path: ["ids"] });
export type MarkNotificationsReadInput = z.input<typeof MarkNotificationsReadSchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi-workflow.ts).
export const NotificationListResponseSchema = z.strictObject({
  notifications: z.array(
    z.strictObject({
      id: z.string(),
      // review.approved, review.changes_requested, brief.approved, comment.created or task.assigned
      kind: z.string(),
      message: z.string(),
      // Where it opens, a path inside the app.
      href: z.string(),
      caseId: z.string().nullable(),
      caseTitle: z.string().nullable(),
      actorName: z.string().nullable(),
      createdAt: z.iso.datetime(),
      readAt: z.iso.datetime().nullable(),
    }),
  ),
  unread: z.number().int(),
});
export const MarkedReadResponseSchema = z.strictObject({ marked: z.number().int() });
