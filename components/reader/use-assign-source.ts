"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys, documentKeys, sourceKeys } from "@/lib/client/query-keys";

export type NewSource = { name: string; kind: string; reliability: string; rationale: string; url?: string };

/** POST /api/cases/{caseId}/sources: a source registered inline from the reader. */
export function useCreateSource({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSource) =>
      api<{ source: { id: string } }>(`/api/cases/${caseId}/sources`, { method: "POST", json: input }).then((r) => r.source),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeys.list(caseId) }),
  });
}

/** PUT /api/cases/{caseId}/documents/{documentId}/source; grades of this document's claims change with it. */
export function useAssignSource({ caseId, documentId }: { caseId: string; documentId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { sourceId: string | null; reliabilityOverride: string | null; overrideReason: string | null }) =>
      api(`/api/cases/${caseId}/documents/${documentId}/source`, { method: "PUT", json: input }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: documentKeys.detail(caseId, documentId) });
      queryClient.invalidateQueries({ queryKey: sourceKeys.list(caseId) });
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
