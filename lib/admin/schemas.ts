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
