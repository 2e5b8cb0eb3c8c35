"use client";
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";
import { Button, Field, Input } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useChangePassword } from "./use-change-password";

export function ChangePasswordForm({ email }: { email: string }) {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useChangePassword();
  const error = asApiError(change.error);
  const fieldError = (p: string) => error?.issueFor(p);
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const differs = newPassword !== confirm;
        setMismatch(differs);
        if (!differs)
          change.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                setCurrent("");
                setNew("");
                setConfirm("");
              },
            },
          );
      }}
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field id="current-password" label="Current password" error={fieldError("currentPassword")}>
        <Input
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          aria-invalid={!!fieldError("currentPassword")}
        />
      </Field>
      <Field
        id="new-password"
        label="New password"
        error={fieldError("newPassword")}
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}); a few unrelated words work well. Common passwords are refused.`}
      >
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          aria-invalid={!!fieldError("newPassword")}
        />
      </Field>
      <Field id="confirm-password" label="Repeat the new password" error={mismatch ? "The two new passwords differ." : undefined}>
        <Input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={mismatch}
        />
      </Field>
      <ApiErrorMessage error={change.error} fields={["currentPassword", "newPassword"]} />
      {change.isSuccess && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Password changed. Your other sessions have been signed out and your API tokens revoked.
        </p>
      )}
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
