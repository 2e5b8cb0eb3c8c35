"use client";
// Adding a document to a case: pasted text or captured URL as JSON, an upload as multipart form data. Each form
// keeps its own fields until the server has stored the document; this hook refreshes the lists once it has:
// the case page's list, count and source pickers are server-rendered, so it re-renders the page (client state,
// such as what the other tabs hold, is kept).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api } from "@/lib/client/api";
import { caseKeys, documentKeys } from "@/lib/client/query-keys";
import type { Created } from "./added-notice";

export type NewDocument = {
  /** Which tab sent it ("paste", "upload", "url"), so an error is shown on the tab it was made on. */
  mode: string;
  payload: { json: Record<string, unknown> } | { form: FormData };
};

export function useCreateDocument({ caseId, onCreated }: { caseId: string; onCreated: (created: Created) => void }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: ({ payload }: NewDocument) =>
      api<Created>(
        `/api/cases/${caseId}/documents`,
        "form" in payload ? { method: "POST", body: payload.form } : { method: "POST", json: payload.json },
      ),
    onSuccess: (created) => {
      onCreated(created);
      queryClient.invalidateQueries({ queryKey: documentKeys.list(caseId) });
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      router.refresh();
    },
  });
}

export type UrlPreview = {
  url: string;
  finalUrl: string;
  contentType: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  excerpt: string;
  textLength: number;
  sha256: string;
  size: number;
  retrievedAt: string;
};

/** Fetches what a URL would give (title, site, author, date) before it is captured; stores nothing. */
export function usePreviewUrl({ caseId, onPreview }: { caseId: string; onPreview: (preview: UrlPreview) => void }) {
  return useMutation({
    mutationFn: (url: string) => api<{ preview: UrlPreview }>(`/api/cases/${caseId}/documents/preview`, { method: "POST", json: { url } }),
    onSuccess: ({ preview }) => onPreview(preview),
  });
}
