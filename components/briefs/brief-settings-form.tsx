"use client";
// Which template and sections the case's brief uses; saved per case (PUT with `version`). A 409 means
// someone else saved first: their choice is shown, the user's ticks are kept, and saving again replaces
// theirs. A refused save (e.g. no section at all) shows the server's message beside the sections.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, asApiError, isConflict } from "@/lib/client/api";
import { BRIEF_SECTIONS, BRIEF_TEMPLATES, SECTION_TITLES, type BriefSection, type BriefTemplate } from "@/lib/briefs/brief-types";
import { Button, Field, Select } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { briefKeys } from "@/lib/client/query-keys";
import { TEMPLATE_LABELS } from "./release-readiness";
import { useSaveBriefSettings } from "./use-save-brief-settings";
import type { BriefSettingsData } from "./types";

export type BriefChoice = { template: BriefTemplate; sections: BriefSection[] };

export function BriefSettingsForm({
  caseId,
  settings,
  onChoiceChange,
}: {
  caseId: string;
  settings: BriefSettingsData;
  /** Told of every template/section change before it is saved, so the preview can follow it. */
  onChoiceChange?: (choice: BriefChoice) => void;
}) {
  const [template, setTemplate] = useState<BriefTemplate>(settings.template);
  const [sections, setSectionsState] = useState<BriefSection[]>(settings.sections);
  const setSections = (next: BriefSection[] | ((cur: BriefSection[]) => BriefSection[])) => {
    const value = typeof next === "function" ? next(sections) : next;
    setSectionsState(value);
    onChoiceChange?.({ template, sections: value });
  };
  // Documents: by default the brief lists what its claims cite; one can be listed always, or left out.
  const [include, setInclude] = useState<string[]>(settings.includeDocumentIds);
  const [exclude, setExclude] = useState<string[]>(settings.excludeDocumentIds);
  const documents = useQuery({
    queryKey: briefKeys.documents(caseId),
    queryFn: () => api<{ documents: { id: string; title: string }[] }>(`/api/cases/${caseId}/documents`),
  });
  const choiceOf = (id: string) => (include.includes(id) ? "include" : exclude.includes(id) ? "exclude" : "cited");
  const choose = (id: string, choice: string) => {
    setInclude((cur) => [...cur.filter((x) => x !== id), ...(choice === "include" ? [id] : [])]);
    setExclude((cur) => [...cur.filter((x) => x !== id), ...(choice === "exclude" ? [id] : [])]);
    touched();
  };
  const [version, setVersion] = useState(settings.version);
  const [conflict, setConflict] = useState<BriefSettingsData | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveBriefSettings({ caseId });
  const submit = () =>
    save.mutate(
      { version, template, sections, includeDocumentIds: include, excludeDocumentIds: exclude },
      {
        onSuccess: ({ settings: s }) => {
          setVersion(s.version);
          setConflict(null);
          setSaved(true);
        },
        onError: (err) => {
          if (isConflict(err) && err.body.current) {
            const current = err.body.current as BriefSettingsData;
            setConflict(current);
            // The next save is a deliberate overwrite of what the user has now seen.
            setVersion(current.version);
          }
        },
      },
    );
  const error = asApiError(save.error);
  const sectionsError = error?.issueFor("sections") ?? error?.issues.find((i) => i.path.startsWith("sections."))?.message;
  const touched = () => setSaved(false);

  return (
    <form
      noValidate
      aria-labelledby="brief-settings-heading"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="brief-settings"
    >
      <h2 id="brief-settings-heading" className="text-sm font-semibold text-slate-900">
        Template and sections
      </h2>
      {conflict && (
        <div
          role="alert"
          className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          data-testid="settings-conflict"
        >
          <p className="font-medium">Someone else changed the brief&apos;s sections after you opened them.</p>
          <p data-testid="settings-conflict-current">
            Saved now: {TEMPLATE_LABELS[conflict.template]} — {conflict.sections.map((s) => SECTION_TITLES[s]).join(", ")}.
          </p>
          <p>Your choice is kept below; save again to replace theirs.</p>
        </div>
      )}
      <Field id="brief-template" label="Template">
        <Select
          id="brief-template"
          value={template}
          onChange={(e) => {
            const t = e.target.value as BriefTemplate;
            setTemplate(t);
            setSectionsState([...BRIEF_TEMPLATES[t]]);
            onChoiceChange?.({ template: t, sections: [...BRIEF_TEMPLATES[t]] });
            touched();
          }}
        >
          {(Object.keys(BRIEF_TEMPLATES) as BriefTemplate[]).map((t) => (
            <option key={t} value={t}>
              {TEMPLATE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset aria-describedby={sectionsError ? "brief-sections-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Sections</legend>
        <div className="mt-1 space-y-1">
          {BRIEF_SECTIONS.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-400 text-indigo-700 focus:ring-indigo-600"
                checked={sections.includes(s)}
                onChange={(e) => {
                  setSections((cur) =>
                    e.target.checked ? BRIEF_SECTIONS.filter((x) => x === s || cur.includes(x)) : cur.filter((x) => x !== s),
                  );
                  touched();
                }}
              />
              {SECTION_TITLES[s]}
            </label>
          ))}
        </div>
        {sectionsError && (
          <p id="brief-sections-error" role="alert" className="mt-1 text-sm text-red-700" data-testid="sections-error">
            {sectionsError}
          </p>
        )}
      </fieldset>
      <fieldset data-testid="brief-documents">
        <legend className="text-sm font-medium text-slate-800">Documents</legend>
        <p className="text-xs text-slate-600">
          The brief lists the documents its claims cite. List one anyway, or leave one out (with the claims that cite only it); the
          brief&apos;s notes say so.
        </p>
        <div className="mt-1 max-h-56 space-y-1 overflow-y-auto">
          {(documents.data?.documents ?? []).map((d) => (
            <label key={d.id} className="flex items-center justify-between gap-2 text-sm text-slate-800">
              <span className="min-w-0 truncate" title={d.title}>
                {d.title}
              </span>
              <select
                aria-label={`In the brief: ${d.title}`}
                className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                value={choiceOf(d.id)}
                onChange={(e) => choose(d.id, e.target.value)}
              >
                <option value="cited">If cited</option>
                <option value="include">Always list</option>
                <option value="exclude">Leave out</option>
              </select>
            </label>
          ))}
          {documents.isError && <p className="text-xs text-red-700">The documents could not be loaded.</p>}
        </div>
      </fieldset>
      <ApiErrorMessage error={save.error} ignore={[409]} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save sections"}
        </Button>
        {saved && !save.isPending && (
          <span role="status" className="text-sm text-emerald-800">
            Saved.
          </span>
        )}
      </div>
      <p className="text-xs text-slate-600">
        The preview follows your choice at once; the downloads and a release use the saved choice. Changing it after an approval needs a new
        approval.
      </p>
    </form>
  );
}
