"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { briefKeys } from "@/lib/client/query-keys";

/** Acknowledge one of the brief's warnings with a reason (printed in the brief's notes); the draft refreshes. */
export function useAcknowledgeWarning({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { warningKey: string; reason: string }) =>
      api(`/api/cases/${caseId}/brief/acknowledgements`, { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefKeys.draft(caseId) }),
  });
}
