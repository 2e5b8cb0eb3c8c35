"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { attackKeys } from "@/lib/client/query-keys";

export type TechniqueTag = { id: string; name: string };
export type TechniqueHit = { id: string; name: string; parentName: string | null; tactics: string[]; subtechnique: boolean; url: string };

/** The technique picker's search (ids, name words, analyst terms), once two characters are typed. */
export function useTechniqueSearch(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: attackKeys.techniques(q),
    queryFn: () => api<{ techniques: TechniqueHit[] }>(`/api/attack/techniques?q=${encodeURIComponent(q)}&limit=12`),
    enabled: q.length >= 2,
    staleTime: Infinity,
  });
}

/** Replaces a claim's technique tags; the page's server data (the ATT&CK view) refreshes after. */
export function useSetClaimTechniques({ caseId, claimId }: { caseId: string; claimId: string }) {
  const router = useRouter();
  return useMutation({
    mutationFn: (techniqueIds: string[]) =>
      api<{ claimId: string; techniques: TechniqueTag[] }>(`/api/cases/${caseId}/claims/${claimId}/techniques`, {
        method: "PUT",
        json: { techniqueIds },
      }),
    onSuccess: () => router.refresh(),
  });
}

/** Links an entity to an ATT&CK group, software or campaign (null unlinks). */
export function useLinkEntityAttack({ caseId, entityId }: { caseId: string; entityId: string }) {
  const router = useRouter();
  return useMutation({
    mutationFn: (attackId: string | null) => api(`/api/cases/${caseId}/entities/${entityId}/attack`, { method: "PUT", json: { attackId } }),
    onSuccess: () => router.refresh(),
  });
}

/** Records one overlap row as an assessment claim; answers the new claim's id. */
export function useRecordOverlapClaim({ caseId }: { caseId: string }) {
  return useMutation({
    mutationFn: (groupId: string) =>
      api<{ claim: { id: string }; documentId: string }>(`/api/cases/${caseId}/attack/overlap/claims`, {
        method: "POST",
        json: { groupId },
      }),
  });
}
