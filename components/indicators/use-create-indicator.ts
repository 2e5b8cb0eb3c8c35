"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { indicatorKeys } from "@/lib/client/query-keys";
import type { IndicatorType } from "@/lib/indicators/types";
import type { IndicatorDetail } from "./indicator-labels";

export type CreateIndicatorBody = {
  type: IndicatorType;
  value: string;
  excerpts?: { documentId: string; start: number; end: number; exact: string }[];
  note?: string;
};

/** Records an indicator (typed in, or a suggestion accepted with its quote); the case's lists refresh after. */
export function useCreateIndicator({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIndicatorBody) =>
      api<{ indicator: IndicatorDetail; created: boolean }>(`/api/cases/${caseId}/indicators`, { method: "POST", json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.all(caseId) }),
  });
}
