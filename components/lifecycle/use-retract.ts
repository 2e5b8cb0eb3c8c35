"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/query-keys";

export type RetractKind = "document" | "claim" | "source" | "event";
export type Retraction = { at: string; by: string | null; reason: string };

/** POST …/{kind}s/{id}/retract with a reason; refreshes the case's queries and the server-rendered page. */
export function useRetract({ caseId, kind, id }: { caseId: string; kind: RetractKind; id: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (reason: string) =>
      api<{ retraction: Retraction }>(`/api/cases/${caseId}/${kind}s/${id}/retract`, { method: "POST", json: { reason } }),
    onSuccess: () => {
      // A retraction hides the record from lists and changes grades and origin counts elsewhere: the case's
      // detail key is the prefix of every case-scoped key, so this refreshes all of them.
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      router.refresh();
    },
  });
}
