"use client";
// Signs out through lib/client/auth.ts (plain fetch to next-auth's endpoint; no next-auth/react).
import { useState } from "react";
import { signOut } from "@/lib/client/auth";

export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  return (
    <button
      type="button"
      disabled={state === "pending"}
      onClick={() => {
        setState("pending");
        signOut({ callbackUrl: "/login" }).catch(() => setState("failed"));
      }}
      className="rounded-md px-2 py-1 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50"
    >
      {state === "failed" ? "Sign out failed — retry" : "Sign out"}
    </button>
  );
}
