"use client";
// The sign-in form. Deliberately small: it calls next-auth's credentials endpoint through
// lib/client/auth.ts (plain fetch, no next-auth/react) and validates nothing itself (the server does),
// so the login page ships no zod, no TanStack Query and no next-auth client — only React, Next and this.
import { useState } from "react";
import { Button, Field, FormError, Input } from "@/components/ui/form";
import { signInWithCredentials } from "@/lib/client/auth";

export function LoginForm({ next, initialError }: { next: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    let failure: string | undefined;
    try {
      failure = await signInWithCredentials({
        email: String(form.get("email")),
        password: String(form.get("password")),
        callbackUrl: new URL(next, window.location.origin).href,
      });
    } catch {
      failure = "Could not reach the server. Check your connection and try again.";
    }
    if (!failure) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(failure);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <FormError message={error} />
      <Field id="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field id="password" label="Password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
