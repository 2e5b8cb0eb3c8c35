import { z } from "zod";
import { CASE_ROLES } from "@/lib/auth/permissions";

export const InviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address.")),
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
  isAdmin: z.boolean().optional().default(false),
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export const SetMemberRoleSchema = z.object({ role: z.enum(CASE_ROLES, "Choose owner, editor, reviewer or viewer.") });

export const AddMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address.")),
  role: z.enum(CASE_ROLES, "Choose owner, editor, reviewer or viewer."),
});

export const AcceptInviteSchema = z.object({
  token: z.string().max(100),
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters.").optional(),
  password: z.string().min(1, "Choose a password.").max(512),
});

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts).
export const AdminUserListResponseSchema = z.strictObject({
  users: z.array(
    z.strictObject({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      isAdmin: z.boolean(),
      status: z.enum(["active", "invited", "disabled"]),
      createdAt: z.date(),
      memberships: z.array(z.strictObject({ caseId: z.string(), caseTitle: z.string(), caseSlug: z.string(), role: z.string() })),
    }),
  ),
  // Same-title cases read apart by slug, creation date and creator.
  cases: z.array(z.strictObject({ id: z.string(), title: z.string(), slug: z.string(), createdAt: z.date(), createdBy: z.string() })),
});
/** A one-time invite or reset link: shown in this response only. */
const oneTimeLink = { link: z.url(), token: z.string(), expiresAt: z.date() };
export const InvitedUserResponseSchema = z.strictObject({
  user: z.strictObject({ id: z.string(), email: z.string(), name: z.string(), isAdmin: z.boolean() }),
  ...oneTimeLink,
});
export const PasswordResetLinkResponseSchema = z.strictObject(oneTimeLink);
export const MemberRoleResponseSchema = z.strictObject({ member: z.strictObject({ userId: z.string(), role: z.enum(CASE_ROLES) }) });
/** The same answer whether or not an account has that email. */
export const AddMemberResponseSchema = z.strictObject({
  ok: z.literal(true),
  email: z.string(),
  role: z.enum(CASE_ROLES),
  message: z.string(),
});
export const AcceptedInviteResponseSchema = z.strictObject({ email: z.string() });
