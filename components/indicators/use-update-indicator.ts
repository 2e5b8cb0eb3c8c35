"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { indicatorKeys } from "@/lib/client/query-keys";
import type { IndicatorDetail } from "./indicator-labels";

export type IndicatorEditValues = {
  note: string;
  /** "" = not known. */
  firstSeen: string;
  lastSeen: string;
  status: "active" | "retired";
  /** What the indicator is linked to, sent as ids (the whole list: the server replaces the links). */
  claims: { id: string; statement: string }[];
  entities: { id: string; name: string; kind: string }[];
};

/** PATCH with the version the user edited; a 409 comes back as an ApiError whose body holds `current`. */
export function useUpdateIndicator({ caseId, indicatorId }: { caseId: string; indicatorId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: IndicatorEditValues; version: number }) =>
      api<{ indicator: IndicatorDetail }>(`/api/cases/${caseId}/indicators/${indicatorId}`, {
        method: "PATCH",
        // Every field is sent, so an emptied date clears it rather than being skipped.
        json: {
          note: values.note,
          firstSeen: values.firstSeen || null,
          lastSeen: values.lastSeen || null,
          status: values.status,
          claimIds: values.claims.map((c) => c.id),
          entityIds: values.entities.map((e) => e.id),
          version,
        },
      }).then((r) => r.indicator),
    onSuccess: (indicator) => {
      queryClient.setQueryData(indicatorKeys.detail(caseId, indicatorId), indicator);
      queryClient.invalidateQueries({ queryKey: indicatorKeys.all(caseId) });
    },
  });
}
