"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { attributionKeys } from "@/lib/client/query-keys";

export type NewHypothesis = {
  questionId: string;
  title: string;
  actorEntityId: string | null;
  likelihood: string | null;
  confidence: string | null;
  proposition: string;
  rationale: string;
};

/** POST a competing hypothesis to a question; the attribution page and its queries refresh. */
export function useAddHypothesis({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: NewHypothesis) =>
      api<{ hypothesis: { id: string } }>(`/api/cases/${caseId}/hypotheses`, { method: "POST", json: input }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: attributionKeys.all(caseId) });
      router.refresh();
    },
  });
}
