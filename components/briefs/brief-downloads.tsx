// Downloads of the draft as it stands (saved template and sections). Releases are downloaded from the
// releases list, where each file's stored bytes and SHA-256 never change.
export const FORMAT_LABELS = { md: "Markdown", pdf: "PDF", docx: "Word (DOCX)", stix: "STIX 2.1 bundle" } as const;
export type FormatKey = keyof typeof FORMAT_LABELS;
export const FORMAT_ORDER: FormatKey[] = ["pdf", "docx", "md", "stix"];

export function BriefDownloads({ caseId }: { caseId: string }) {
  return (
    <section aria-labelledby="brief-downloads-heading" className="space-y-2 text-sm" data-testid="brief-downloads">
      <h2 id="brief-downloads-heading" className="font-semibold text-slate-900">
        Download the draft
      </h2>
      <ul className="flex flex-wrap gap-2">
        {FORMAT_ORDER.map((f) => (
          <li key={f}>
            <a
              href={`/api/cases/${caseId}/export?format=${f}`}
              download
              className="inline-flex rounded-md bg-white px-2.5 py-1.5 font-medium text-indigo-800 ring-1 ring-slate-300 hover:bg-indigo-50"
            >
              {FORMAT_LABELS[f]}
              <span className="sr-only"> draft</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600">Drafts are marked with the case&apos;s TLP like a release, but carry no approval.</p>
    </section>
  );
}
