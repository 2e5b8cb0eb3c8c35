"use client";
import { useMutation } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { SaveResult } from "./hypothesis-edit-form";

/**
 * PATCH the judgment with the version the edits are based on and the reason for the change; a stale version
 * comes back as an ApiError (409) whose body holds `current`. The caller refreshes what it shows (onSaved).
 */
export function useUpdateHypothesis({ hypothesisId }: { hypothesisId: string }) {
  return useMutation({
    mutationFn: (input: { version: number; reason: string; changes: Record<string, string | null> }) =>
      api<SaveResult>(`/api/hypotheses/${hypothesisId}`, {
        method: "PATCH",
        json: { version: input.version, reason: input.reason, ...input.changes },
      }),
  });
}
