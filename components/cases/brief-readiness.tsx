"use client";
// The brief's blockers and estimative-language warnings on the case overview. Composing the brief is the costliest
// part of the overview, so it loads after the page from GET …/brief/readiness (lib/briefs/brief-readiness.ts).
import Link from "next/link";
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import type { BriefReadiness } from "@/lib/cases/evidence-health-schema";

export function BriefReadinessBox({ caseId }: { caseId: string }) {
  const [state, setState] = useState<BriefReadiness | string>("Checking the brief…");
  useEffect(() => {
    api<BriefReadiness>(`/api/cases/${caseId}/brief/readiness`).then(setState, () => setState("The brief could not be checked just now."));
  }, [caseId]);
  if (typeof state === "string")
    return (
      <p aria-live="polite" className="text-xs text-slate-600">
        {state}
      </p>
    );
  const { blockers: b, wordingWarnings: w } = state;
  if (!b.length && !w.length) return null;
  const count = (n: number, word: string) => (n ? `${n} ${word}${n === 1 ? "" : "s"}` : null);
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="brief-health">
      <p className="font-semibold">
        The brief: {[count(b.length, "blocker"), count(w.length, "estimative-language warning")].filter(Boolean).join(", ")}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {[...b, ...w].slice(0, 5).map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
      <Link href={`/cases/${caseId}/brief`} className="mt-1 inline-block font-medium text-amber-950 underline">
        Fix them in the brief
      </Link>
    </div>
  );
}
