"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys, entityKeys } from "@/lib/client/query-keys";
import { toEntityRow, type EntityRow, type EntityValues } from "./types";

type Saved = { entity: Omit<EntityRow, "claimCount"> };

/**
 * Adds an entity, or (with `entityId`) renames, re-kinds or re-aliases one at the version the user
 * opened; a stale version comes back as an ApiError (409) whose body holds `current`.
 */
export function useSaveEntity({ caseId, entityId }: { caseId: string; entityId?: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: EntityValues; version?: number }) =>
      entityId
        ? api<Saved>(`/api/cases/${caseId}/entities/${entityId}`, { method: "PATCH", json: { ...values, version } })
        : api<Saved>(`/api/cases/${caseId}/entities`, { method: "POST", json: values }),
    onSuccess: ({ entity }) => {
      // The saved row (with its new version) goes into the list at once, so reopening the editor before
      // the refetch lands does not start from the old version and conflict with the user's own save.
      queryClient.setQueryData<EntityRow[]>(entityKeys.list(caseId), (rows) =>
        rows?.map((r) => (r.id === entity.id ? toEntityRow({ ...entity, claimCount: r.claimCount }) : r)),
      );
      queryClient.invalidateQueries({ queryKey: entityKeys.list(caseId) });
      queryClient.invalidateQueries({ queryKey: entityKeys.detail(caseId, entity.id) });
      // Claims show their entities' names.
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
