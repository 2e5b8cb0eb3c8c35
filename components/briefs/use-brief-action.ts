"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, isConflict } from "@/lib/client/api";
import { briefKeys } from "@/lib/client/query-keys";

export type BriefAction = "submit" | "approve" | "release" | "request-changes";
const URLS: Record<BriefAction, (caseId: string) => string> = {
  submit: (id) => `/api/cases/${id}/brief/submit`,
  approve: (id) => `/api/cases/${id}/brief/approve`,
  "request-changes": (id) => `/api/cases/${id}/brief/request-changes`,
  release: (id) => `/api/cases/${id}/releases`,
};

/**
 * Submit the brief for review, approve it (the content hash shown), send it back with a comment, or release it. The draft and the releases
 * refresh after it, and after a 409 too: the brief or its approval moved under the user, so the state as it is
 * now is shown.
 */
export function useBriefAction({ caseId, contentHash }: { caseId: string; contentHash: string }) {
  const queryClient = useQueryClient();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: briefKeys.draft(caseId) });
    queryClient.invalidateQueries({ queryKey: briefKeys.releases(caseId) });
  };
  return useMutation({
    mutationFn: ({ action, comment = "" }: { action: BriefAction; comment?: string }) =>
      api<{ release?: { number: number } }>(URLS[action](caseId), {
        method: "POST",
        json: action === "approve" ? { contentHash } : action === "request-changes" ? { comment } : {},
      }),
    onSuccess: refresh,
    onError: (err) => {
      if (isConflict(err)) refresh();
    },
  });
}
