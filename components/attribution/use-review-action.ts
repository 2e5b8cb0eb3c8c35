"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, isConflict } from "@/lib/client/api";
import { hypothesisKeys, reviewKeys } from "@/lib/client/query-keys";

export type ReviewAction = "submit" | "approve" | "request-changes";

/**
 * Submit a judgment for review, approve it (with the content hash the reviewer saw) or request changes. The
 * judgment and the review queue refresh after it, and after a 409 too: the judgment changed under the
 * reviewer, so the current version is shown rather than a stale one.
 */
export function useReviewAction({ hypothesisId }: { hypothesisId: string }) {
  const queryClient = useQueryClient();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: hypothesisKeys.detail(hypothesisId) });
    queryClient.invalidateQueries({ queryKey: reviewKeys.queue() });
  };
  return useMutation({
    mutationFn: ({ action, json }: { action: ReviewAction; json: Record<string, unknown> }) =>
      api(`/api/hypotheses/${hypothesisId}/${action}`, { method: "POST", json }),
    onSuccess: refresh,
    onError: (err) => {
      if (isConflict(err)) refresh();
    },
  });
}
