"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, isConflict } from "@/lib/client/api";
import { briefKeys } from "@/lib/client/query-keys";
import type { BriefSection, BriefTemplate } from "@/lib/briefs/brief-types";
import type { BriefSettingsData } from "./types";

export type BriefSettingsInput = {
  version: number;
  template: BriefTemplate;
  sections: BriefSection[];
  includeDocumentIds: string[];
  excludeDocumentIds: string[];
};

/**
 * PUT the brief's template, sections and document choices with the version the user read. The draft refreshes
 * after a save, and after a 409 that carries `current` (someone else saved first: the draft shows their choice).
 */
export function useSaveBriefSettings({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const refreshDraft = () => queryClient.invalidateQueries({ queryKey: briefKeys.draft(caseId) });
  return useMutation({
    mutationFn: (input: BriefSettingsInput) =>
      api<{ settings: BriefSettingsData }>(`/api/cases/${caseId}/brief`, { method: "PUT", json: input }),
    onSuccess: refreshDraft,
    onError: (err) => {
      if (isConflict(err) && err.body.current) refreshDraft();
    },
  });
}
