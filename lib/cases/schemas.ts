import { z } from "zod";

export const CASE_STATUSES = ["draft", "active", "paused", "closed"] as const;
export const TLP_VALUES = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;

const title = z.string().trim().min(1, "Title is required.").max(200, "Title must be at most 200 characters.");
const summary = z.string().trim().max(4000, "Summary must be at most 4,000 characters.");

export const CreateCaseSchema = z.object({
  title,
  summary: summary.default(""),
  status: z.enum(CASE_STATUSES).default("active"),
  tlp: z.enum(TLP_VALUES).default("AMBER"),
});
export type CreateCaseInput = z.input<typeof CreateCaseSchema>;

export const UpdateCaseSchema = z.object({
  version: z.number().int().positive("The version you edited is required."),
  title: title.optional(),
  summary: summary.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  tlp: z.enum(TLP_VALUES).optional(),
});
export type UpdateCaseInput = z.input<typeof UpdateCaseSchema>;

// What the API returns for a case: parsed on the way out so a new column never leaks by accident.
export const CaseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(CASE_STATUSES),
  tlp: z.enum(TLP_VALUES),
  version: z.number().int(),
  createdAt: z.date().transform((d) => d.toISOString()),
  updatedAt: z.date().transform((d) => d.toISOString()),
  role: z.enum(["owner", "editor", "reviewer", "viewer"]).optional(),
});
export type CaseDto = z.output<typeof CaseSchema>;

export const AddMemberSchema = z.object({
  email: z.email("Enter a valid email address.").transform((e) => e.toLowerCase()),
  role: z.enum(["owner", "editor", "reviewer", "viewer"]),
});

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). CaseSchema strips the database columns.
const MEMBER_ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export const CaseResponseSchema = z.strictObject({ case: CaseSchema });
export const CaseListResponseSchema = z.strictObject({ cases: z.array(CaseSchema.extend({ documentCount: z.number().int() })) });
export const CaseDetailResponseSchema = z.strictObject({
  case: CaseSchema,
  members: z.array(z.strictObject({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(MEMBER_ROLES) })),
});
export const MemberListResponseSchema = z.strictObject({
  members: z.array(
    z.strictObject({
      userId: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(MEMBER_ROLES),
      disabled: z.boolean(),
      // The role may approve judgments and briefs and the account is active (the no-reviewer warning reads it).
      canReview: z.boolean(),
      since: z.date(),
    }),
  ),
});
/** POST …/presence: who else has the case open. */
export const PresenceResponseSchema = z.strictObject({
  viewers: z.array(z.strictObject({ userId: z.string(), name: z.string(), lastSeenAt: z.iso.datetime() })),
});
/** The dashboard's filter (?q=&status=): words in the title or summary, and one status. A value that is not one is ignored. */
export const CaseListFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
});
export type CaseListFilter = z.input<typeof CaseListFilterSchema>;
