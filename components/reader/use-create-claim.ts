"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import type { ReaderClaim } from "./types";

export type NewClaimInput = {
  statement: string;
  claimant?: string;
  originatorSourceId?: string;
  kind: string;
  credibility?: number;
  sourceConfidence: string;
  entityIds?: string[];
  excerpts: { documentId: string; start: number; end: number; exact: string }[];
};

/** POST /api/cases/{caseId}/claims; the server checks every quote against the stored text. */
export function useCreateClaim({ caseId, readerKey }: { caseId: string; readerKey: readonly unknown[] }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewClaimInput) =>
      api<{ claim: ReaderClaim }>(`/api/cases/${caseId}/claims`, { method: "POST", json: input }).then((r) => r.claim),
    onSuccess: (claim) => {
      // Shown at once, then confirmed by the refetch the invalidation triggers.
      queryClient.setQueryData<ReaderClaim[]>(readerKey, (old) => (old ? [...old.filter((c) => c.id !== claim.id), claim] : old));
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
