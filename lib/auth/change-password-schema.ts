import { z } from "zod";
import { PASSWORD_MAX } from "./password-limits";

// Lengths are checked by the policy (lib/auth/password-policy.ts) with a clear message; the schema only
// caps the body so a megabyte "password" is not hashed.
export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string()
    .min(1, "Enter your current password.")
    .max(PASSWORD_MAX * 4),
  newPassword: z
    .string()
    .min(1, "Enter a new password.")
    .max(PASSWORD_MAX * 4),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;
