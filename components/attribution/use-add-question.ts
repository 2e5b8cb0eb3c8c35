"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { attributionKeys } from "@/lib/client/query-keys";

/** POST a new attribution question; the attribution page (server-rendered) and its queries refresh. */
export function useAddQuestion({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (question: string) =>
      api<{ question: { id: string } }>(`/api/cases/${caseId}/questions`, { method: "POST", json: { question } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: attributionKeys.all(caseId) });
      router.refresh();
    },
  });
}
