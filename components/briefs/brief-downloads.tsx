// Downloads of the draft as it stands (saved template and sections). Releases are downloaded from the
// releases list, where each file's stored bytes and SHA-256 never change.
export const FORMAT_LABELS = { md: "Markdown", pdf: "PDF", docx: "Word (DOCX)", stix: "STIX 2.1 bundle" } as const;
export type FormatKey = keyof typeof FORMAT_LABELS;
export const FORMAT_ORDER: FormatKey[] = ["pdf", "docx", "md", "stix"];
const DOWNLOAD_LINK = "inline-flex rounded-md bg-white px-2.5 py-1.5 font-medium text-indigo-800 ring-1 ring-slate-300 hover:bg-indigo-50";
// The whole case, not a brief: the lossless case archive (lib/stix/export-case-archive.ts) and a MISP event.
const CASE_EXPORTS = [
  { format: "archive", label: "Case archive (STIX 2.1, lossless)" },
  { format: "misp", label: "MISP event" },
] as const;

export function BriefDownloads({ caseId }: { caseId: string }) {
  return (
    <section aria-labelledby="brief-downloads-heading" className="space-y-2 text-sm" data-testid="brief-downloads">
      <h2 id="brief-downloads-heading" className="font-semibold text-slate-900">
        Download the draft
      </h2>
      <ul className="flex flex-wrap gap-2">
        {FORMAT_ORDER.map((f) => (
          <li key={f}>
            <a href={`/api/cases/${caseId}/export?format=${f}`} download className={DOWNLOAD_LINK}>
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

/** The whole case for another workspace or for MISP (not a brief; the same permission as the downloads above). */
export function CaseExports({ caseId }: { caseId: string }) {
  return (
    <section aria-labelledby="case-exports-heading" className="space-y-2 text-sm" data-testid="case-exports">
      <h2 id="case-exports-heading" className="font-semibold text-slate-900">
        Export the whole case
      </h2>
      <ul className="flex flex-wrap gap-2">
        {CASE_EXPORTS.map(({ format, label }) => (
          <li key={format}>
            <a href={`/api/cases/${caseId}/export?format=${format}`} download className={DOWNLOAD_LINK}>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600">
        Not a brief: every document, claim, rating and review, to move the case to another workspace (Import a case on its New case page) or
        into MISP.
      </p>
    </section>
  );
}
