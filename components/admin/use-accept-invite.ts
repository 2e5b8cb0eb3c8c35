"use client";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api";

/** Accept an invite (name and password) or a password reset (password only) with the link's token. */
export function useAcceptInvite({ token, purpose }: { token: string; purpose: "invite" | "reset" }) {
  return useMutation({
    mutationFn: ({ name, password }: { name: string; password: string }) =>
      api("/api/invites/accept", { method: "POST", json: { token, password, ...(purpose === "invite" ? { name } : {}) } }),
  });
}
