"use client";
// The team page's changes: add someone by e-mail, change a member's role, remove a member. Each refreshes the team list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { memberKeys } from "@/lib/client/query-keys";
import type { CaseRole } from "@/lib/domain-types";

/** PUT a new role, or DELETE the membership when `role` is null (the server keeps the last owner). */
export function useChangeMember({ caseId, userId, onDone }: { caseId: string; userId: string; onDone?: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: CaseRole | null) =>
      api(`/api/cases/${caseId}/members/${userId}`, role ? { method: "PUT", json: { role } } : { method: "DELETE" }),
    onSuccess: () => {
      onDone?.();
      queryClient.invalidateQueries({ queryKey: memberKeys.list(caseId) });
    },
  });
}

/** POST {email, role}; the answer's message is the same whether or not the e-mail has an account. */
export function useAddMember({ caseId, onAdded }: { caseId: string; onAdded: (message: string) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: CaseRole }) =>
      api<{ message: string }>(`/api/cases/${caseId}/members`, { method: "POST", json: input }),
    onSuccess: (r) => {
      onAdded(r.message);
      queryClient.invalidateQueries({ queryKey: memberKeys.list(caseId) });
    },
  });
}
