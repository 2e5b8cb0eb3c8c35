"use client";
// The Brief page: the preview as it will be released, with what blocks a release and any wording that
// outruns the stored judgments above it; the controls (sections, downloads, review and release) beside
// it; the releases below. The draft lives in the query cache so a save, a submission, an approval or a
// release refreshes everything shown.
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { BriefModel } from "@/lib/briefs/brief-types";
import { BriefPreview } from "./brief-preview";
import { BriefAlerts } from "./brief-alerts";
import { BriefSettingsForm, type BriefChoice } from "./brief-settings-form";
import { BriefDownloads, CaseExports } from "./brief-downloads";
import { BriefReviewPanel } from "./brief-review-panel";
import { BriefReleases } from "./brief-releases";
import { briefKeys } from "@/lib/client/query-keys";
import type { BriefPayload, BriefPerms, ReleaseRow } from "./types";

type Props = { caseId: string; initial: BriefPayload; initialReleases: ReleaseRow[]; actorId: string; perms: BriefPerms };

export function BriefView({ caseId, initial, initialReleases, actorId, perms }: Props) {
  // Coming back to the tab refetches: the approval may have been given in the meantime.
  const { data } = useQuery({
    queryKey: briefKeys.draft(caseId),
    queryFn: () => api<BriefPayload>(`/api/cases/${caseId}/brief`),
    initialData: initial,
    refetchOnWindowFocus: true,
  });
  // The settings form's choice before it is saved: the preview follows it (GET …/brief/preview saves nothing).
  const [choice, setChoice] = useState<BriefChoice | null>(null);
  const unsaved =
    choice !== null && (choice.template !== data.settings.template || choice.sections.join() !== data.settings.sections.join());
  const preview = useQuery({
    queryKey: briefKeys.preview(caseId, choice?.template, choice?.sections.join(",")),
    queryFn: () =>
      api<{ brief: BriefModel }>(
        `/api/cases/${caseId}/brief/preview?${new URLSearchParams({ template: choice!.template, sections: choice!.sections.join(",") })}`,
      ).then((r) => r.brief),
    enabled: unsaved && choice.sections.length > 0,
    placeholderData: keepPreviousData,
  });
  const m = data.brief;
  const shown = unsaved && choice.sections.length > 0 && preview.data ? preview.data : m;
  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Brief</h2>
          <p className="text-sm text-slate-700">
            Preview of release {m.releaseNumber}. The PDF and DOCX carry the {m.case.tlpLabel} marking in the header and footer of every
            page.
          </p>
        </div>
        <BriefAlerts caseId={caseId} m={m} canManage={perms.canManage} />
        <p role="status" className={unsaved ? "rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950" : "sr-only"}>
          {unsaved
            ? choice.sections.length
              ? "Previewing your unsaved choice of template and sections. Save it to use it for the downloads and a release."
              : "Pick at least one section to preview."
            : ""}
        </p>
        <BriefPreview caseId={caseId} m={shown} />
        <BriefReleases caseId={caseId} initial={initialReleases} />
      </div>
      <aside aria-label="Brief controls" className="space-y-5 lg:sticky lg:top-4 lg:self-start">
        {(perms.canManage || perms.canApprove) && (
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <BriefReviewPanel caseId={caseId} payload={data} actorId={actorId} perms={perms} />
          </div>
        )}
        {perms.canManage && (
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <BriefSettingsForm caseId={caseId} settings={data.settings} onChoiceChange={setChoice} />
          </div>
        )}
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <BriefDownloads caseId={caseId} />
          <CaseExports caseId={caseId} />
        </div>
      </aside>
    </main>
  );
}
