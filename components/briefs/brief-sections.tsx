// The sections of the brief preview, in the order every export uses (lib/briefs/render-markdown.ts).
// Rendered from the same BriefModel the exports render, so the preview says what the files will say.
import type { ReactNode } from "react";
import type { BriefClaim, BriefModel, BriefSection } from "@/lib/briefs/brief-types";
import { SECTION_TITLES } from "@/lib/briefs/brief-types";
import { FootnoteRefs } from "./brief-footnotes";
import { dateOnly } from "./release-readiness";

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export function Section({ id, children }: { id: BriefSection; children: ReactNode }) {
  return (
    <section aria-labelledby={`brief-${id}`} className="mt-7" data-testid={`brief-section-${id}`}>
      <h2 id={`brief-${id}`} className="mb-2 border-b border-slate-300 pb-1 text-lg font-semibold text-slate-900">
        {SECTION_TITLES[id]}
      </h2>
      {children}
    </section>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="italic text-slate-600">{children}</p>;

function ClaimLine({ c, detail, testId }: { c: BriefClaim; detail?: string; testId: string }) {
  return (
    <li data-testid={testId}>
      <span className="font-sans text-xs font-bold">{c.grade}</span> {c.statement}
      {detail && <span className="text-slate-700"> — {detail}</span>}
      {c.independenceCaveat && (
        <span className="block font-sans text-xs italic text-amber-900" data-testid="independence-caveat">
          Caveat: {c.independenceCaveat}
        </span>
      )}
      <FootnoteRefs ns={c.footnotes} />
    </li>
  );
}

export function JudgmentsSection({ m }: { m: BriefModel }) {
  const claimOf = new Map(m.claims.map((c) => [c.id, c]));
  const claims = (ids: string[]) => ids.map((id) => claimOf.get(id)).filter((c): c is BriefClaim => !!c);
  return (
    <Section id="judgments">
      {!m.judgments.length && <Empty>No approved judgment yet.</Empty>}
      <div className="space-y-6">
        {m.judgments.map((j, i) => (
          <article key={j.id} aria-labelledby={`judgment-${j.id}`} className="space-y-2" data-testid="key-judgment">
            <h3 id={`judgment-${j.id}`} className="text-base font-semibold text-slate-900">
              {i + 1}. {j.title}
            </h3>
            <p className="italic text-slate-700">{j.question}</p>
            <p className="font-semibold text-slate-950" data-testid="estimative">
              {j.estimative}
            </p>
            <p className="font-semibold text-slate-950" data-testid="confidence-sentence">
              {j.confidenceSentence}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-sans text-sm">
              <dt className="font-medium text-slate-600">Likelihood</dt>
              <dd data-testid="judgment-likelihood">{j.likelihoodLabel ? `${j.likelihoodLabel} (${j.likelihoodRange})` : "not graded"}</dd>
              <dt className="font-medium text-slate-600">Analytic confidence</dt>
              <dd data-testid="judgment-confidence">{j.confidenceLabel ?? "not stated"}</dd>
              <dt className="font-medium text-slate-600">Review</dt>
              <dd>
                {j.approvedBy ? (
                  <>
                    Approved by {j.approvedBy} on {dateOnly(j.approvedAt)} (version {j.version}, SHA-256{" "}
                    <code className="font-mono text-xs" title={j.contentHash}>
                      {j.contentHash.slice(0, 16)}…
                    </code>
                    )
                  </>
                ) : (
                  <span className="font-semibold text-red-800">NOT APPROVED: no second analyst has approved this judgment</span>
                )}
              </dd>
            </dl>
            {j.vendorStatements.length > 0 && (
              <ul className="space-y-0.5 text-sm">
                {j.vendorStatements.map((v) => (
                  <li key={v.claimId} data-testid="vendor-statement">
                    <span className="font-sans font-medium text-slate-600">Source&apos;s own stated confidence:</span> {v.claimant} — “
                    {v.sourceConfidence}” <span className="text-slate-600">(quoted; not our assessment)</span>
                  </li>
                ))}
              </ul>
            )}
            {j.rationale && <p className="whitespace-pre-line text-slate-800">{j.rationale}</p>}
            <div>
              <p className="font-sans text-sm font-medium text-slate-600">
                Supported by <span className="font-normal">(favours this judgment over at least one live alternative)</span>
              </p>
              {j.supportingClaimIds.length ? (
                <ul className="list-disc space-y-1 pl-5">
                  {claims(j.supportingClaimIds).map((c) => (
                    <ClaimLine key={c.id} c={c} testId="supporting-claim" />
                  ))}
                </ul>
              ) : (
                <Empty>No claim favours this judgment over a live alternative yet.</Empty>
              )}
            </div>
            {j.nonDiagnosticClaimIds.length > 0 && (
              <div>
                <p className="font-sans text-sm font-medium text-slate-600">
                  Consistent but not diagnostic <span className="font-normal">(consistent with the live alternatives too)</span>
                </p>
                <ul className="list-disc space-y-1 pl-5">
                  {claims(j.nonDiagnosticClaimIds).map((c) => (
                    <ClaimLine key={c.id} c={c} testId="non-diagnostic-claim" />
                  ))}
                </ul>
              </div>
            )}
            {j.untestedClaimIds.length > 0 && (
              <div>
                <p className="font-sans text-sm font-medium text-slate-600">
                  Consistent, not yet rated against every alternative <span className="font-normal">(no diagnosticity yet)</span>
                </p>
                <ul className="list-disc space-y-1 pl-5">
                  {claims(j.untestedClaimIds).map((c) => (
                    <ClaimLine key={c.id} c={c} testId="untested-claim" />
                  ))}
                </ul>
              </div>
            )}
            <div data-testid="evidence-against">
              <p className="font-sans text-sm font-medium text-slate-600">Evidence against</p>
              {j.against.length ? (
                <ul className="list-disc space-y-1 pl-5">
                  {j.against.map(
                    (a) =>
                      claimOf.get(a.claimId) && (
                        <ClaimLine key={a.claimId} c={claimOf.get(a.claimId)!} detail={a.detail} testId="against-claim" />
                      ),
                  )}
                </ul>
              ) : (
                <Empty>None recorded.</Empty>
              )}
            </div>
          </article>
        ))}
      </div>
    </Section>
  );
}

export function AchSection({ m }: { m: BriefModel }) {
  return (
    <Section id="ach">
      {m.ach.map((a) => (
        <div key={a.questionId} className="mb-4 space-y-2 font-sans text-sm" data-testid="ach-summary">
          <p className="font-serif italic">{a.question}</p>
          <table className="w-full border-collapse text-xs">
            <thead>
              <tr className="border-b border-slate-400 text-left">
                <th scope="col" className="py-1">
                  Hypothesis
                </th>
                <th scope="col">Inconsistency (lower is better)</th>
                <th scope="col">Cells rated</th>
                <th scope="col">Rank</th>
              </tr>
            </thead>
            <tbody>
              {a.hypotheses.map((h) => (
                <tr key={h.hypothesisId} className="border-b border-slate-200">
                  <td className="py-1">{h.title}</td>
                  <td className="tabular-nums">{h.inconsistency.toFixed(2)}</td>
                  <td className="tabular-nums">{h.ratedCount}</td>
                  <td>{h.rank}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.mostDiagnostic.length ? (
            <p>
              <span className="font-medium">Most diagnostic:</span>{" "}
              {a.mostDiagnostic.map((d) => `“${d.statement}” (${d.diagnosticity.toFixed(2)})`).join("; ")}
            </p>
          ) : (
            <Empty>No claim is diagnostic yet.</Empty>
          )}
          {a.sensitivity && (
            <p data-testid="ach-sensitivity">
              <span className="font-medium">If the most diagnostic claim is false:</span>{" "}
              {a.sensitivity.ranking.map((h) => `${h.rank}. ${h.title}`).join("; ")} —{" "}
              {a.sensitivity.leaderChanges ? "the leading hypothesis changes" : "the leading hypothesis does not change"}.
            </p>
          )}
          <p className="italic text-slate-600">{a.note}</p>
        </div>
      ))}
    </Section>
  );
}

export function AlternativesSection({ m }: { m: BriefModel }) {
  return (
    <Section id="alternatives">
      {!m.alternatives.length && <Empty>No alternative hypotheses were recorded.</Empty>}
      <ul className="list-disc space-y-1 pl-5">
        {m.alternatives.map((a) => {
          const grade = [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null]
            .filter(Boolean)
            .join(", ");
          return (
            <li key={a.id} data-testid="alternative">
              <span className="font-semibold">{a.title}</span> —{" "}
              {a.disposition === "rejected" ? `rejected: ${a.rejectedReason ?? ""}` : grade || "not graded"}{" "}
              <span className="text-slate-700">({a.reviewNote})</span>
            </li>
          );
        })}
      </ul>
      {m.dissent.length > 0 && (
        <>
          <h3 className="mt-4 mb-1 text-base font-semibold">Recorded dissent</h3>
          {m.dissent.map((d) => (
            <blockquote key={d.id} className="my-2 border-l-4 border-slate-300 pl-3 text-slate-800" data-testid="dissent">
              <span className="font-semibold">
                {d.author} on “{d.hypothesisTitle}” ({dateOnly(d.at)}), signed:
              </span>{" "}
              {d.body}
            </blockquote>
          ))}
        </>
      )}
    </Section>
  );
}

export function EvidenceSection({ m }: { m: BriefModel }) {
  return (
    <Section id="evidence">
      {!m.claims.length && <Empty>No claim is cited yet.</Empty>}
      <ul className="space-y-1.5">
        {m.claims.map((c) => (
          <li key={c.id} className="grid grid-cols-[3rem_1fr] gap-2" data-testid="evidence-claim">
            <span className="font-sans text-xs font-bold uppercase tracking-wide text-slate-700">{c.grade}</span>
            <span>
              {c.statement} — {c.claimant} ({c.kind}
              {c.sourceConfidence ? <>; the source&apos;s own words: “{c.sourceConfidence}”</> : null})
              {c.independenceCaveat && (
                <span className="block font-sans text-xs italic text-amber-900">Caveat: {c.independenceCaveat}</span>
              )}
              <FootnoteRefs ns={c.footnotes} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

// Observed behaviour: techniques by tactic, then the active indicators by type, always defanged (plain text, never
// a link); those on a warning list apart, with their warning.
export function BehaviourSection({ m }: { m: BriefModel }) {
  const clean = m.indicators.filter((i) => !i.flags.length);
  const flagged = m.indicators.filter((i) => i.flags.length);
  const types = [...new Set(clean.map((i) => i.type))];
  return (
    <Section id="behaviour">
      {!m.techniques.length && <Empty>No behaviour tagged with MITRE ATT&amp;CK techniques yet.</Empty>}
      <ul className="list-disc space-y-1 pl-5">
        {m.techniques.map((t) => (
          <li key={t.id} data-testid="brief-technique">
            <span className="font-semibold">{t.tactic} —</span> {t.id} {t.name}
            <FootnoteRefs ns={t.footnotes} />
          </li>
        ))}
      </ul>
      <h3 className="mt-3 font-sans text-sm font-semibold text-slate-900">Indicators</h3>
      {!m.indicators.length && <Empty>No active indicator with a quote in the cited documents.</Empty>}
      {types.map((type) => (
        <div key={type} className="mt-2">
          <p className="font-sans text-xs font-bold uppercase tracking-wide text-slate-700">
            {clean.find((i) => i.type === type)!.typeLabel}
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {clean
              .filter((i) => i.type === type)
              .map((i) => (
                <li key={i.id} data-testid="brief-indicator">
                  <code className="break-all font-mono text-sm">{i.defanged}</code>
                  {i.firstSeen || i.lastSeen ? ` (seen ${i.firstSeen ?? "?"} to ${i.lastSeen ?? "?"})` : ""}
                  {i.note ? ` — ${i.note}` : ""}
                  <FootnoteRefs ns={i.footnotes} />
                </li>
              ))}
          </ul>
        </div>
      ))}
      {flagged.length > 0 && (
        <div className="mt-2">
          <p className="font-sans text-sm">
            <span className="font-semibold">On a warning list</span> (recorded by an analyst, but private, reserved or documentation
            addresses, or well-known domains: probably not this intrusion&apos;s own; do not block on them):
          </p>
          <ul className="list-disc space-y-1 pl-5">
            {flagged.map((i) => (
              <li key={i.id} data-testid="brief-indicator-flagged">
                <span className="font-semibold">{i.typeLabel}</span> <code className="break-all font-mono text-sm">{i.defanged}</code>
                <span className="italic"> On a warning list: {i.warnings.join("; ") || i.flags.join(", ")}.</span>
                <FootnoteRefs ns={i.footnotes} />
              </li>
            ))}
          </ul>
        </div>
      )}
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
            <span>
              {e.title}
              <span className="block font-sans text-xs italic text-slate-600">
                {e.claimIds.length ? `dated by ${e.claimIds.length} claim${e.claimIds.length > 1 ? "s" : ""}` : "undated by sources"}
              </span>
              <FootnoteRefs ns={e.footnotes} />
            </span>
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
            <span className="font-semibold">
              {ch.kind === "added" ? "Added" : "Changed"} “{ch.title}”
            </span>{" "}
            (version {ch.version}, {dateOnly(ch.at)}, {ch.by}){ch.fields.length ? ` — ${ch.fields.join(", ")}` : ""}: {ch.reason}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function SourcesSection({ m }: { m: BriefModel }) {
  return (
    <Section id="sources">
      {!m.sources.length && <Empty>No document is cited.</Empty>}
      {m.sources.length > 0 && (
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse font-sans text-xs" data-testid="sources-appendix">
            <caption className="sr-only">
              Every document the brief cites, with its source, reliability, dates and the SHA-256 of the captured copy
            </caption>
            <thead>
              <tr className="border-b border-slate-400 text-left text-slate-700">
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Document
                </th>
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Source
                </th>
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Reliability
                </th>
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Author
                </th>
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Published
                </th>
                <th scope="col" className="py-1 pr-2 font-semibold">
                  Retrieved
                </th>
                <th scope="col" className="py-1 font-semibold">
                  SHA-256
                </th>
              </tr>
            </thead>
            <tbody>
              {m.sources.map((s) => (
                <tr key={s.documentId} className="border-b border-slate-200 align-top" data-testid="source-row">
                  <td className="py-1.5 pr-2">
                    <span className="font-serif text-sm text-slate-900">{s.title}</span>
                    {s.url && (
                      <a
                        href={s.url}
                        rel="noopener noreferrer nofollow"
                        target="_blank"
                        className="block break-all text-slate-700 underline"
                      >
                        {s.url}
                      </a>
                    )}
                  </td>
                  <td className="py-1.5 pr-2">
                    {s.sourceName ?? s.publisher ?? "no source: ungraded"}
                    {s.tlp && <span className="block font-semibold">TLP:{s.tlp.replace("_", "+")}</span>}
                  </td>
                  <td className="py-1.5 pr-2">
                    <span className="font-semibold">{s.reliability}</span>
                    {s.overrideReason && <span className="block text-slate-700">override: {s.overrideReason}</span>}
                  </td>
                  <td className="py-1.5 pr-2">{s.author ?? "—"}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">{dateOnly(s.publishedAt)}</td>
                  <td className="py-1.5 pr-2 tabular-nums">{utc(s.retrievedAt)}</td>
                  <td className="w-[17rem] py-1.5">
                    <code className="break-all font-mono text-[11px] text-slate-900" data-testid="source-sha256">
                      {s.sha256}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
