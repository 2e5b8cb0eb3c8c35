"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys, sourceKeys } from "@/lib/client/query-keys";
import type { SourceRow, SourceValues } from "./types";

// An empty URL field means "no URL": the schema accepts only a real http(s) URL or nothing.
function body(v: SourceValues) {
  const url = v.url.trim();
  return { name: v.name, kind: v.kind, reliability: v.reliability, rationale: v.rationale, ...(url ? { url } : {}) };
}

/** Creates a source, or (with `sourceId`) regrades/edits one at the version the user opened. */
export function useSaveSource({ caseId, sourceId }: { caseId: string; sourceId?: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version, reason }: { values: SourceValues; version?: number; reason?: string }) =>
      sourceId
        ? api<{ source: SourceRow }>(`/api/cases/${caseId}/sources/${sourceId}`, {
            method: "PATCH",
            json: { ...body(values), version, ...(reason?.trim() ? { reason } : {}) },
          })
        : api<{ source: SourceRow }>(`/api/cases/${caseId}/sources`, { method: "POST", json: body(values) }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: sourceKeys.list(caseId) });
      // A regrade changes the grade pair of every claim quoting this source's documents.
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
