"use client";
// Every release of the case, newest first: who released it, who approved it, and each stored file with
// its full SHA-256, so a recipient can check the bytes they were sent.
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { LocalTime } from "@/components/activity/local-time";
import { briefKeys } from "@/lib/client/query-keys";
import { FORMAT_LABELS, FORMAT_ORDER, type FormatKey } from "./brief-downloads";
import type { ReleaseRow } from "./types";

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);
const rank = (f: string) => (FORMAT_ORDER as string[]).indexOf(f);

export function BriefReleases({ caseId, initial }: { caseId: string; initial: ReleaseRow[] }) {
  const { data } = useQuery({
    queryKey: briefKeys.releases(caseId),
    queryFn: () => api<{ releases: ReleaseRow[] }>(`/api/cases/${caseId}/releases`),
    initialData: { releases: initial },
  });
  const releases = data.releases;
  return (
    <section aria-labelledby="brief-releases-heading" className="space-y-3" data-testid="brief-releases">
      <h2 id="brief-releases-heading" className="text-base font-semibold text-slate-900">
        Releases
      </h2>
      {!releases.length && (
        <p className="text-sm text-slate-700">
          Nothing released yet. A release stores the PDF, DOCX, Markdown and STIX files with their SHA-256; they never change afterwards.
        </p>
      )}
      {releases.map((r) => (
        <article
          key={r.id}
          aria-labelledby={`release-${r.number}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          data-testid="release"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`release-${r.number}`} className="font-semibold">
              Release {r.number}
            </h3>
            <p className="text-sm text-slate-700">
              <LocalTime iso={r.createdAt} /> · released by <span className="font-medium text-slate-900">{r.releasedBy}</span> · approved by{" "}
              <span className="font-medium text-slate-900">{r.approvedBy}</span>
            </p>
          </div>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Files of release {r.number}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                <th scope="col" className="py-1 pr-3 font-semibold">
                  File
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Size
                </th>
                <th scope="col" className="py-1 font-semibold">
                  SHA-256
                </th>
              </tr>
            </thead>
            <tbody>
              {[...r.files]
                .sort((x, y) => rank(x.format) - rank(y.format))
                .map((f) => (
                  <tr key={f.format} className="border-b border-slate-100 last:border-0" data-testid="release-file" data-format={f.format}>
                    <td className="py-1.5 pr-3 whitespace-nowrap">
                      <a
                        href={`/api/cases/${caseId}/releases/${r.number}?format=${f.format}`}
                        download
                        className="font-medium text-indigo-800 underline hover:text-indigo-950"
                        data-testid="release-download"
                      >
                        {FORMAT_LABELS[f.format as FormatKey] ?? f.format}
                        <span className="sr-only"> of release {r.number}</span>
                      </a>
                    </td>
                    <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums text-slate-700">{size(f.size)}</td>
                    <td className="py-1.5">
                      <code className="break-all font-mono text-xs text-slate-900" data-testid="release-sha256">
                        {f.sha256}
                      </code>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
