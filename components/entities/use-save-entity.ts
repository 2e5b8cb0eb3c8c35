"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys, entityKeys } from "@/lib/client/query-keys";
import type { EntityValues } from "./types";

type Saved = { entity: { id: string; name: string } };

/** Adds an entity, or (with `entityId`) renames, re-kinds or re-aliases one. */
export function useSaveEntity({ caseId, entityId }: { caseId: string; entityId?: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: EntityValues) =>
      entityId
        ? api<Saved>(`/api/cases/${caseId}/entities/${entityId}`, { method: "PATCH", json: values })
        : api<Saved>(`/api/cases/${caseId}/entities`, { method: "POST", json: values }),
    onSuccess: ({ entity }) => {
      queryClient.invalidateQueries({ queryKey: entityKeys.list(caseId) });
      queryClient.invalidateQueries({ queryKey: entityKeys.detail(caseId, entity.id) });
      // Claims show their entities' names.
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
