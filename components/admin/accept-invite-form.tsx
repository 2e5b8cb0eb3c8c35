"use client";
import Link from "next/link";
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";
import { Button, Field, Input } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useAcceptInvite } from "./use-accept-invite";

export function AcceptInviteForm({
  token,
  purpose,
  email,
  name: initialName,
}: {
  token: string;
  purpose: "invite" | "reset";
  email: string;
  name: string;
}) {
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const accept = useAcceptInvite({ token, purpose });
  const error = asApiError(accept.error);
  if (accept.isSuccess) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
        <p>Your password is set. You can now sign in as {email}.</p>
        <Link href="/login" className="font-semibold text-indigo-800 underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const differs = password !== confirm;
        setMismatch(differs);
        if (!differs) accept.mutate({ name, password });
      }}
    >
      <Field id="invite-email" label="Email">
        <Input id="invite-email" name="username" autoComplete="username" value={email} readOnly />
      </Field>
      {purpose === "invite" && (
        <Field id="invite-name" label="Your name" error={error?.issueFor("name")}>
          <Input
            id="invite-name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            aria-invalid={!!error?.issueFor("name")}
          />
        </Field>
      )}
      <Field
        id="invite-password"
        label="Password"
        error={error?.issueFor("password")}
        hint={`At least ${PASSWORD_MIN} characters (up to ${PASSWORD_MAX}); common passwords are refused.`}
      >
        <Input
          id="invite-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!error?.issueFor("password")}
        />
      </Field>
      <Field id="invite-confirm" label="Repeat the password" error={mismatch ? "The two passwords differ." : undefined}>
        <Input
          id="invite-confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={mismatch}
        />
      </Field>
      <ApiErrorMessage error={accept.error} fields={["password", "name"]} />
      <Button type="submit" className="w-full" disabled={accept.isPending}>
        {accept.isPending ? "Saving…" : purpose === "invite" ? "Create account" : "Set new password"}
      </Button>
    </form>
  );
}
