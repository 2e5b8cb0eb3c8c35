"use client";
import { useRouter } from "next/navigation";
import { ApiError } from "@/lib/client/api";
import type { OverlapRow } from "@/lib/attack/overlap";
import { useRecordOverlapClaim } from "./use-attack";

/** The overlap ranking; a row can be recorded as an assessment claim (credibility 4) for the ACH matrix. */
export function OverlapTable({
  caseId,
  rows,
  observedCount,
  canRecord,
}: {
  caseId: string;
  rows: OverlapRow[];
  observedCount: number;
  canRecord: boolean;
}) {
  const record = useRecordOverlapClaim({ caseId });
  const router = useRouter();
  if (observedCount === 0)
    return <p className="text-sm text-slate-600">Tag techniques on claims to compare the case with documented groups.</p>;
  if (rows.length === 0) return <p className="text-sm text-slate-600">No documented group uses any of the case&apos;s techniques.</p>;
  return (
    <div className="space-y-2">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Groups ranked by weighted overlap with the case&apos;s {observedCount} techniques</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-2">
              Group
            </th>
            <th scope="col" className="py-1 pr-2">
              Score
            </th>
            <th scope="col" className="py-1 pr-2">
              Shared techniques
            </th>
            {canRecord && (
              <th scope="col" className="py-1">
                Evidence
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.groupId} className="border-b border-slate-200 align-top">
              <td className="py-1 pr-2">
                <span className="font-mono">{row.groupId}</span> {row.name}
              </td>
              <td className="py-1 pr-2 font-mono">{row.score.toFixed(3)}</td>
              <td className="py-1 pr-2">
                {row.shared.map((t) => (
                  <span key={t} className={`mr-1 font-mono ${row.nonDiagnostic.includes(t) ? "text-slate-500" : "text-slate-900"}`}>
                    {t}
                    {row.nonDiagnostic.includes(t) ? "*" : ""}
                  </span>
                ))}
              </td>
              {canRecord && (
                <td className="py-1">
                  <button
                    type="button"
                    disabled={record.isPending}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                    onClick={() =>
                      record.mutate(row.groupId, { onSuccess: ({ claim }) => router.push(`/cases/${caseId}/claims/${claim.id}`) })
                    }
                  >
                    Record as claim<span className="sr-only"> for {row.name}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600">* used by half or more of documented groups: sharing it says little.</p>
      {record.error && (
        <p role="alert" data-testid="form-error" className="text-sm text-red-700">
          {record.error instanceof ApiError ? record.error.message : "The claim could not be recorded; try again."}
        </p>
      )}
    </div>
  );
}
