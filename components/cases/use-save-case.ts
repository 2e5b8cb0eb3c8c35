"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/query-keys";

export type CaseValues = { title: string; summary: string; status: string; tlp: string };

/**
 * Creates a case (no `caseId`) or PATCHes one with the version the user edited; on success opens it. A 409
 * comes back as an ApiError whose body holds `current`, so the form can show both versions.
 */
export function useSaveCase({ caseId }: { caseId?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: CaseValues; version: number }) =>
      caseId
        ? api<{ case: { id: string } }>(`/api/cases/${caseId}`, { method: "PATCH", json: { ...values, version } })
        : api<{ case: { id: string } }>("/api/cases", { method: "POST", json: values }),
    onSuccess: ({ case: c }) => {
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      router.push(`/cases/${c.id}`);
      router.refresh();
    },
  });
}

/** "Leave case": DELETE your own membership (the server refuses the last owner), then back to the dashboard. */
export function useLeaveCase({ caseId, userId }: { caseId: string; userId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/cases/${caseId}/members/${userId}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      router.push("/");
      router.refresh();
    },
  });
}

/**
 * "Import a case": POSTs the chosen file's text (a Casefile archive, any STIX 2.1 bundle or a MISP event; the
 * server detects which) to /api/cases/import; the new case is the caller's, and opens on success.
 */
export function useImportCase() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<{ case: { id: string } }>("/api/cases/import", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: await file.text(),
      }),
    onSuccess: ({ case: c }) => {
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      router.push(`/cases/${c.id}`);
      router.refresh();
    },
  });
}
