"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { commentKeys } from "@/lib/client/query-keys";

/** POST a comment, a reply (parentId) or a recorded dissent on a hypothesis; its threads refresh. */
export function usePostComment({ caseId, hypothesisId }: { caseId: string; hypothesisId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ parentId, body, isDissent }: { parentId: string | null; body: string; isDissent: boolean }) =>
      api(`/api/cases/${caseId}/comments`, {
        method: "POST",
        json: { targetType: "hypothesis", targetId: hypothesisId, parentId, body, isDissent },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.thread(caseId, "hypothesis", hypothesisId) }),
  });
}
