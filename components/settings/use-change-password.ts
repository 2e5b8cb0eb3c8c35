"use client";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api";

/** Change the signed-in user's password (the current one is checked by the server). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api("/api/me/password", { method: "POST", json: input }),
  });
}
