"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { eventKeys } from "@/lib/client/query-keys";

export type EventValues = { title: string; description: string; date: string; claimIds: string[] };

/** PATCH an event at the version the user opened; a 409 comes back as an ApiError whose body holds `current`. */
export function useUpdateEvent({ caseId, eventId }: { caseId: string; eventId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: EventValues & { version: number }) =>
      api<{ event: { id: string } }>(`/api/cases/${caseId}/events/${eventId}`, { method: "PATCH", json: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.list(caseId) }),
  });
}

export function useCreateEvent({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: EventValues) => api<{ event: { id: string } }>(`/api/cases/${caseId}/events`, { method: "POST", json: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.list(caseId) }),
  });
}
