"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { eventKeys } from "@/lib/client/query-keys";

export type EventValues = { title: string; description: string; date: string; claimIds: string[] };

export function useCreateEvent({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: EventValues) => api<{ event: { id: string } }>(`/api/cases/${caseId}/events`, { method: "POST", json: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.list(caseId) }),
  });
}
