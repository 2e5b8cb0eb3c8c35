"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { documentKeys } from "@/lib/client/query-keys";

export type DocumentMetadataValues = { title: string; publisher: string; author: string; publishedAt: string; url: string };
export type DocumentMetadataCurrent = {
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  version: number;
};

/** PATCH …/metadata with the version read and a reason; a 409 comes back as an ApiError whose body holds `current`. */
export function useUpdateDocumentMetadata({ caseId, documentId, urlFrozen }: { caseId: string; documentId: string; urlFrozen: boolean }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version, reason }: { values: DocumentMetadataValues; version: number; reason: string }) => {
      const { url, ...rest } = values;
      return api<{ document: DocumentMetadataCurrent }>(`/api/cases/${caseId}/documents/${documentId}/metadata`, {
        method: "PATCH",
        // Every field is sent: an emptied box clears it. A URL capture's URL is not editable, so not sent.
        json: { ...rest, ...(urlFrozen ? {} : { url }), version, reason },
      }).then((r) => r.document);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.detail(caseId, documentId) }),
  });
}
