// What stands between the draft and a release (blockers), and brief text whose estimative words say
// something other than the stored likelihood ("almost certainly" over a judgment stored as Likely).
import Link from "next/link";
import type { BriefModel } from "@/lib/briefs/brief-types";

export function BriefAlerts({ caseId, m }: { caseId: string; m: BriefModel }) {
  const titleOf = new Map([...m.judgments, ...m.alternatives].map((h) => [h.id, h.title]));
  return (
    <>
      {m.blockers.length > 0 && (
        <section aria-labelledby="brief-blockers-heading" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950" data-testid="brief-blockers">
          <h2 id="brief-blockers-heading" className="font-semibold">This brief cannot be released yet</h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {m.blockers.map((b) => <li key={b} data-testid="brief-blocker">{b}</li>)}
          </ul>
          <p className="mt-2">
            Approve or set aside these judgments on the <Link href={`/cases/${caseId}/attribution`} className="font-medium underline">Attribution</Link> page.
          </p>
        </section>
      )}
      {m.wordingWarnings.length > 0 && (
        <section aria-labelledby="brief-wording-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950" data-testid="wording-warnings">
          <h2 id="brief-wording-heading" className="font-semibold">Wording that outruns the stored judgment</h2>
          <p className="mt-0.5">Estimative words in the text must match the likelihood the judgment records (ICD 203).</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {m.wordingWarnings.map((w, i) => (
              <li key={`${w.hypothesisId}-${w.field}-${i}`} data-testid="wording-warning">
                “{w.phrase}” in the {w.field} of{" "}
                <Link href={`/cases/${caseId}/attribution/${w.hypothesisId}`} className="font-medium underline">{titleOf.get(w.hypothesisId) ?? "a hypothesis"}</Link>{" "}
                says {w.phraseMeans}, but the judgment is stored as {w.stored}.
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
