"use client";
// One indicator: its defanged value, the warnings on it, where the case's documents report it (each quote
// links to its place in the reader), its status and sightings, linked claims and entities, and the other
// readable cases that hold it.
import Link from "next/link";
import { useState } from "react";
import { CopyRefangedButton } from "./copy-refanged-button";
import { FlagBadges } from "./flag-badges";
import { IndicatorEditForm } from "./indicator-edit-form";
import { INDICATOR_TYPE_LABELS, STATUS_LABELS, type IndicatorDetail } from "./indicator-labels";
import type { IndicatorFlag, IndicatorType } from "@/lib/indicators/types";

export function IndicatorDetailView({ caseId, initial, canEdit }: { caseId: string; initial: IndicatorDetail; canEdit: boolean }) {
  const [indicator, setIndicator] = useState(initial);
  const i = indicator;
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <p className="text-sm">
        <Link href={`/cases/${caseId}/indicators`} className="text-indigo-800 underline">
          ← All indicators
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{INDICATOR_TYPE_LABELS[i.type as IndicatorType]}</p>
        <h2 className="break-all font-mono text-xl font-semibold text-slate-900" data-testid="indicator-defanged">
          {i.defanged}
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <CopyRefangedButton value={i.value} label={i.defanged} />
          <FlagBadges flags={i.flags as IndicatorFlag[]} />
          <span className="text-slate-700">{STATUS_LABELS[i.status as "active" | "retired"]}</span>
        </div>
        {i.warnings.length > 0 && (
          <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900" aria-label="Warnings">
            {i.warnings.map((w) => (
              <li key={w.flag + w.reason}>{w.reason}</li>
            ))}
          </ul>
        )}
      </header>

      {canEdit ? (
        <IndicatorEditForm caseId={caseId} indicator={i} onSaved={setIndicator} />
      ) : (
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">First seen</dt>
          <dd>{i.firstSeen ?? "—"}</dd>
          <dt className="text-slate-600">Last seen</dt>
          <dd>{i.lastSeen ?? "—"}</dd>
          <dt className="text-slate-600">Note</dt>
          <dd className="whitespace-pre-wrap">{i.note || "—"}</dd>
        </dl>
      )}

      <section aria-labelledby="indicator-quotes" className="space-y-3">
        <h3 id="indicator-quotes" className="font-semibold">
          Quotes <span className="text-sm font-normal text-slate-600">({i.excerpts.length})</span>
        </h3>
        {i.excerpts.length === 0 ? (
          <p className="text-sm text-slate-700">None: this indicator was typed in. Accept it from a document to anchor it to a quote.</p>
        ) : (
          <ol className="space-y-3" aria-label="Quotes">
            {i.excerpts.map((e) => (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="indicator-quote">
                {/* Captured text is rendered as text, never as HTML. */}
                <blockquote className="break-words font-serif leading-relaxed text-slate-900">
                  {e.prefix && <span className="text-slate-600">…{e.prefix}</span>}
                  <mark className="rounded bg-yellow-100 px-0.5 text-slate-950">{e.exact}</mark>
                  {e.suffix && <span className="text-slate-600">{e.suffix}…</span>}
                </blockquote>
                <div className="mt-2 flex flex-wrap gap-x-4 text-xs text-slate-700">
                  <Link
                    href={`/cases/${caseId}/documents/${e.documentId}#chars-${e.start}-${e.end}`}
                    className="font-medium text-indigo-800 underline hover:text-indigo-950"
                  >
                    Open in “{e.documentTitle}”
                  </Link>
                  <span>
                    characters {e.start.toLocaleString("en")}–{e.end.toLocaleString("en")}
                  </span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="indicator-links" className="grid gap-6 sm:grid-cols-2">
        <div className="space-y-2">
          <h3 id="indicator-links" className="font-semibold">
            Claims
          </h3>
          {i.claims.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {i.claims.map((c) => (
                <li key={c.id}>
                  <Link href={`/cases/${caseId}/claims/${c.id}`} className="text-indigo-800 underline">
                    {c.statement}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">No linked claims.</p>
          )}
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold">Indicates</h3>
          {i.entities.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {i.entities.map((e) => (
                <li key={e.id}>
                  <Link href={`/cases/${caseId}/entities/${e.id}`} className="text-indigo-800 underline">
                    {e.name}
                  </Link>{" "}
                  <span className="text-slate-600">({e.kind.replace(/_/g, " ")})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">No linked entities.</p>
          )}
        </div>
      </section>

      <section id="other-cases" aria-labelledby="indicator-other-cases" className="space-y-2">
        <h3 id="indicator-other-cases" className="font-semibold">
          Also in other cases you can read <span className="text-sm font-normal text-slate-600">({i.otherCases.length})</span>
        </h3>
        {i.otherCases.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {i.otherCases.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}/indicators?q=${encodeURIComponent(i.defanged)}`} className="text-indigo-800 underline">
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">None of the other cases you can read holds this value.</p>
        )}
      </section>
    </main>
  );
}
