"use client";
// The admin console's changes to users: each refreshes the user list it shows.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { adminKeys } from "@/lib/client/query-keys";
import type { CASE_ROLES } from "@/lib/auth/permissions";

type Role = (typeof CASE_ROLES)[number];
/** A one-time link (invite or password reset) and when it stops working. */
export type OneTimeLinkData = { link: string; expiresAt: string };

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.users() });
}

/** POST a new user; the answer carries their invite link. */
export function useInviteUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (input: { email: string; name: string; isAdmin: boolean }) =>
      api<OneTimeLinkData & { user: { email: string } }>("/api/admin/users", { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

/** Reset a user's password (the answer carries the reset link), disable or enable them. */
export function useUserAction({ userId }: { userId: string }) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (what: "reset-password" | "disable" | "enable") =>
      api<Partial<OneTimeLinkData>>(`/api/admin/users/${userId}/${what}`, { method: "POST" }),
    onSuccess: refresh,
  });
}

/** Give a user a role on a case, change it, or (role null) take them off the case. */
export function useChangeMembership({ userId }: { userId: string }) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ caseId, role }: { caseId: string; role: Role | null }) =>
      api(`/api/admin/cases/${caseId}/members/${userId}`, role ? { method: "PUT", json: { role } } : { method: "DELETE" }),
    onSuccess: refresh,
  });
}
