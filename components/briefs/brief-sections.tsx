// The sections of the brief preview, in the order every export uses (lib/briefs/render-markdown.ts).
// Rendered from the same BriefModel the exports render, so the preview says what the files will say.
import type { ReactNode } from "react";
import type { BriefModel, BriefSection } from "@/lib/briefs/brief-types";
import { SECTION_TITLES } from "@/lib/briefs/brief-types";
import { likelihoodRange } from "@/components/attribution/judgment-labels";
import { FootnoteRefs } from "./brief-footnotes";
import { dateOnly } from "./release-readiness";

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export function Section({ id, children }: { id: BriefSection; children: ReactNode }) {
  return (
    <section aria-labelledby={`brief-${id}`} className="mt-7" data-testid={`brief-section-${id}`}>
      <h2 id={`brief-${id}`} className="mb-2 border-b border-slate-300 pb-1 text-lg font-semibold text-slate-900">{SECTION_TITLES[id]}</h2>
      {children}
    </section>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="italic text-slate-600">{children}</p>;

export function JudgmentsSection({ m }: { m: BriefModel }) {
  return (
    <Section id="judgments">
      {!m.judgments.length && <Empty>No approved judgment yet.</Empty>}
      <div className="space-y-6">
        {m.judgments.map((j, i) => {
          const support = m.claims.filter((c) => j.supportingClaimIds.includes(c.id));
          return (
            <article key={j.id} aria-labelledby={`judgment-${j.id}`} className="space-y-2" data-testid="key-judgment">
              <h3 id={`judgment-${j.id}`} className="text-base font-semibold text-slate-900">{i + 1}. {j.title}</h3>
              <p className="italic text-slate-700">{j.question}</p>
              <p className="font-semibold text-slate-950" data-testid="estimative">{j.estimative}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-sans text-sm">
                <dt className="font-medium text-slate-600">Likelihood</dt>
                <dd data-testid="judgment-likelihood">{j.likelihoodLabel ? `${j.likelihoodLabel} (${likelihoodRange(j.likelihood ?? "")})` : "not graded"}</dd>
                <dt className="font-medium text-slate-600">Analytic confidence</dt>
                <dd data-testid="judgment-confidence">{j.confidenceLabel ?? "not graded"}</dd>
                <dt className="font-medium text-slate-600">Review</dt>
                <dd>
                  {j.approvedBy ? (
                    <>Approved by {j.approvedBy} on {dateOnly(j.approvedAt)} (version {j.version}, SHA-256 <code className="font-mono text-xs" title={j.contentHash}>{j.contentHash.slice(0, 16)}…</code>)</>
                  ) : (
                    <span className="font-semibold text-red-800">NOT APPROVED</span>
                  )}
                </dd>
              </dl>
              {j.vendorStatements.length > 0 && (
                <ul className="space-y-0.5 text-sm">
                  {j.vendorStatements.map((v) => (
                    <li key={v.claimId} data-testid="vendor-statement">
                      <span className="font-sans font-medium text-slate-600">Source&apos;s own stated confidence:</span> {v.claimant} — “{v.sourceConfidence}” <span className="text-slate-600">(quoted; not our assessment)</span>
                    </li>
                  ))}
                </ul>
              )}
              {j.rationale && <p className="text-slate-800">{j.rationale}</p>}
              {support.length > 0 && (
                <div>
                  <p className="font-sans text-sm font-medium text-slate-600">Supported by</p>
                  <ul className="list-disc space-y-1 pl-5">
                    {support.map((c) => (
                      <li key={c.id} data-testid="supporting-claim">
                        <span className="font-sans text-xs font-bold">{c.grade}</span> {c.statement}
                        <FootnoteRefs ns={c.footnotes} />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </article>
          );
        })}
      </div>
    </Section>
  );
}

export function AlternativesSection({ m }: { m: BriefModel }) {
  return (
    <Section id="alternatives">
      {!m.alternatives.length && <Empty>No alternative hypotheses were recorded.</Empty>}
      <ul className="list-disc space-y-1 pl-5">
        {m.alternatives.map((a) => {
          const grade = [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null].filter(Boolean).join(", ");
          return (
            <li key={a.id} data-testid="alternative">
              <span className="font-semibold">{a.title}</span> — {a.disposition === "rejected" ? `rejected: ${a.rejectedReason ?? ""}` : `${grade || "not graded"} (${a.reviewState.replace("_", " ")})`}
            </li>
          );
        })}
      </ul>
      {m.dissent.length > 0 && (
        <>
          <h3 className="mt-4 mb-1 text-base font-semibold">Recorded dissent</h3>
          {m.dissent.map((d, i) => (
            <blockquote key={i} className="my-2 border-l-4 border-slate-300 pl-3 text-slate-800" data-testid="dissent">
              <span className="font-semibold">{d.author} on “{d.hypothesisTitle}” ({dateOnly(d.at)}):</span> {d.body}
            </blockquote>
          ))}
        </>
      )}
    </Section>
  );
}

export function EvidenceSection({ m }: { m: BriefModel }) {
  const ordered = [...m.claims].sort((x, y) => (x.stance === y.stance ? 0 : x.stance === "for" ? -1 : 1));
  return (
    <Section id="evidence">
      {!m.claims.length && <Empty>No claims have been rated against the key judgments yet.</Empty>}
      <ul className="space-y-1.5">
        {ordered.map((c) => (
          <li key={c.id} className="grid grid-cols-[5.5rem_1fr] gap-2" data-testid="evidence-claim">
            <span className="font-sans text-xs font-bold uppercase tracking-wide text-slate-700">{c.stance === "against" ? "Against" : "For"} · {c.grade}</span>
            <span>
              {c.statement} — {c.claimant} ({c.kind}
              {c.sourceConfidence ? <>; the source&apos;s own words: “{c.sourceConfidence}”</> : null})
              <FootnoteRefs ns={c.footnotes} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function TimelineSection({ m }: { m: BriefModel }) {
  return (
    <Section id="timeline">
      {!m.timeline.length && <Empty>No events yet.</Empty>}
      <ul className="space-y-1">
        {m.timeline.map((e) => (
          <li key={e.id} className="grid grid-cols-[7rem_1fr] gap-2" data-testid="timeline-event">
            <span className="font-sans text-sm font-semibold tabular-nums">{e.date}</span>
            <span>{e.title}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ChangesSection({ m }: { m: BriefModel }) {
  return (
    <Section id="changes">
      {!m.changes.length && <Empty>{m.previousRelease ? "No judgment changed since the last release." : "First release."}</Empty>}
      <ul className="list-disc space-y-1 pl-5">
        {m.changes.map((ch) => (
          <li key={`${ch.hypothesisId}-${ch.version}`} data-testid="brief-change">
            <span className="font-semibold">{ch.kind === "added" ? "Added" : "Changed"} “{ch.title}”</span> (version {ch.version}, {dateOnly(ch.at)}, {ch.by})
            {ch.fields.length ? ` — ${ch.fields.join(", ")}` : ""}: {ch.reason}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function SourcesSection({ m }: { m: BriefModel }) {
  return (
    <Section id="sources">
      {!m.sources.length && <Empty>No documents yet.</Empty>}
      {m.sources.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse font-sans text-xs" data-testid="sources-appendix">
            <caption className="sr-only">Every document of the case with its source, reliability, dates and the SHA-256 of the captured copy</caption>
            <thead>
              <tr className="border-b border-slate-400 text-left text-slate-700">
                <th scope="col" className="py-1 pr-2 font-semibold">Document</th>
                <th scope="col" className="py-1 pr-2 font-semibold">Source</th>
                <th scope="col" className="py-1 pr-2 font-semibold">Reliability</th>
                <th scope="col" className="py-1 pr-2 font-semibold">Author</th>
                <th scope="col" className="py-1 pr-2 font-semibold">Published</th>
                <th scope="col" className="py-1 pr-2 font-semibold">Retrieved</th>
                <th scope="col" className="py-1 font-semibold">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {m.sources.map((s) => (
                <tr key={s.documentId} className="border-b border-slate-200 align-top" data-testid="source-row">
                  <td className="py-1.5 pr-2">
                    <span className="font-serif text-sm text-slate-900">{s.title}</span>
                    {s.url && <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="block break-all text-slate-700 underline">{s.url}</a>}
                  </td>
                  <td className="py-1.5 pr-2">{s.sourceName ?? s.publisher ?? "—"}</td>
                  <td className="py-1.5 pr-2">
                    <span className="font-semibold">{s.reliability}</span>
                    {s.overrideReason && <span className="block text-slate-700">override: {s.overrideReason}</span>}
                  </td>
                  <td className="py-1.5 pr-2">{s.author ?? "—"}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">{dateOnly(s.publishedAt)}</td>
                  <td className="py-1.5 pr-2 tabular-nums">{utc(s.retrievedAt)}</td>
                  <td className="w-[17rem] py-1.5"><code className="break-all font-mono text-[11px] text-slate-900" data-testid="source-sha256">{s.sha256}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
