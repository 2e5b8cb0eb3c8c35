// The brief as a list of typed blocks: Markdown, PDF and DOCX all render this one outline, so every
// format says exactly the same thing in the same order.
import type { BriefClaim, BriefIndicator, BriefModel } from "./brief-types";
import { DRAFT_MARK, SECTION_TITLES } from "./brief-types";

export type Run = { text: string; bold?: boolean; italic?: boolean; mono?: boolean; footnote?: number };
export type Block =
  | { type: "title"; text: string }
  | { type: "meta"; text: string }
  | { type: "draft"; text: string }
  | { type: "h2" | "h3"; text: string }
  | { type: "p" | "bullet" | "quote"; runs: Run[] }
  // detailColumns: how many trailing columns are too wide for a column (a URL, a hash); the PDF prints them under the row.
  | { type: "table"; header: string[]; rows: string[][]; detailColumns?: number };

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const text = (t: string, extra: Omit<Run, "text"> = {}): Run => ({ text: t, ...extra });
const cites = (ns: number[]): Run[] => ns.map((n) => ({ text: "", footnote: n }));

export function draftNotice(m: BriefModel) {
  return `${DRAFT_MARK}: generated ${dateOnly(m.generatedAt)}; not approved for release. Nothing in it may be shared as a finished assessment.`;
}

/** A claim as one line: grade (with its independence caveat), statement, who says it, its quotes. */
function claimRuns(c: BriefClaim, extra = ""): Run[] {
  return [
    text(`${c.grade} `, { bold: true }),
    text(
      `${c.statement} — ${c.claimant} (${c.kind}${c.sourceConfidence ? `; the source's own words: “${c.sourceConfidence}”` : ""})${extra}`,
    ),
    ...(c.independenceCaveat ? [text(` Caveat: ${c.independenceCaveat}`, { italic: true })] : []),
    ...cites(c.footnotes),
  ];
}

export function briefOutline(m: BriefModel): Block[] {
  const b: Block[] = [];
  const has = (s: (typeof m.sections)[number]) => m.sections.includes(s);
  const claimOf = new Map(m.claims.map((c) => [c.id, c]));
  const claimLines = (ids: string[], extra: (id: string) => string = () => "") =>
    ids
      .map((id) => claimOf.get(id))
      .filter((c): c is BriefClaim => !!c)
      .map((c): Block => ({ type: "bullet", runs: claimRuns(c, extra(c.id)) }));

  if (m.draft) b.push({ type: "draft", text: draftNotice(m) });
  b.push({ type: "title", text: m.case.title });
  b.push({
    type: "meta",
    text: `Case brief, ${m.draft ? "draft of " : ""}release ${m.releaseNumber}${m.previousRelease ? ` (previous: release ${m.previousRelease.number}, ${dateOnly(m.previousRelease.at)})` : ""} · ${dateOnly(m.generatedAt)} · ${m.template === "summary" ? "one-page summary" : "full brief"} · ${m.case.tlpLabel}`,
  });
  if (has("bluf")) b.push({ type: "h2", text: SECTION_TITLES.bluf }, { type: "p", runs: [text(m.bluf || "No summary yet.")] });

  if (has("judgments")) {
    b.push({ type: "h2", text: SECTION_TITLES.judgments });
    if (!m.judgments.length) b.push({ type: "p", runs: [text("No approved judgment yet.")] });
    m.judgments.forEach((j, i) => {
      b.push({ type: "h3", text: `${i + 1}. ${j.title}` });
      b.push({ type: "p", runs: [text(j.question, { italic: true })] });
      b.push({ type: "p", runs: [text(j.estimative, { bold: true })] });
      b.push({ type: "p", runs: [text(j.confidenceSentence, { bold: true })] });
      b.push({
        type: "bullet",
        runs: [
          text("Likelihood: ", { bold: true }),
          text(j.likelihoodLabel ? `${j.likelihoodLabel} (${j.likelihoodRange})` : "not graded"),
        ],
      });
      b.push({ type: "bullet", runs: [text("Analytic confidence: ", { bold: true }), text(j.confidenceLabel ?? "not stated")] });
      b.push({
        type: "bullet",
        runs: [
          text("Reviewed: ", { bold: true }),
          text(
            j.approvedBy
              ? `approved by ${j.approvedBy} on ${dateOnly(j.approvedAt)} (version ${j.version}, SHA-256 ${j.contentHash.slice(0, 16)}…)`
              : "NOT APPROVED: no second analyst has approved this judgment",
          ),
        ],
      });
      for (const v of j.vendorStatements)
        b.push({
          type: "bullet",
          runs: [
            text("Source's own stated confidence: ", { bold: true }),
            text(`${v.claimant} — “${v.sourceConfidence}” (quoted; not our assessment)`),
          ],
        });
      if (j.rationale) b.push({ type: "p", runs: [text(j.rationale)] });
      b.push({
        type: "p",
        runs: [text("Supported by ", { bold: true }), text("(claims that favour this judgment over at least one live alternative):")],
      });
      b.push(
        ...(j.supportingClaimIds.length
          ? claimLines(j.supportingClaimIds)
          : [{ type: "bullet" as const, runs: [text("No claim favours this judgment over a live alternative yet.")] }]),
      );
      if (j.nonDiagnosticClaimIds.length) {
        b.push({
          type: "p",
          runs: [
            text("Consistent but not diagnostic ", { bold: true }),
            text("(consistent with the live alternatives too, so it does not tell them apart):"),
          ],
        });
        b.push(...claimLines(j.nonDiagnosticClaimIds));
      }
      if (j.untestedClaimIds.length) {
        b.push({
          type: "p",
          runs: [
            text("Consistent, not yet rated against every alternative ", { bold: true }),
            text("(no diagnosticity yet: it may or may not tell the hypotheses apart):"),
          ],
        });
        b.push(...claimLines(j.untestedClaimIds));
      }
      b.push({
        type: "p",
        runs: [text("Evidence against ", { bold: true }), text("(rated inconsistent, contradicting the support, or denials):")],
      });
      b.push(
        ...(j.against.length
          ? claimLines(
              j.against.map((a) => a.claimId),
              (id) => ` — ${j.against.find((a) => a.claimId === id)!.detail}`,
            )
          : [{ type: "bullet" as const, runs: [text("None recorded.")] }]),
      );
    });
  }

  if (has("ach") && m.ach.length) {
    b.push({ type: "h2", text: SECTION_TITLES.ach });
    for (const a of m.ach) {
      b.push({ type: "h3", text: a.question });
      b.push({
        type: "table",
        header: ["Hypothesis", "Inconsistency (lower is better)", "Cells rated", "Rank"],
        rows: a.hypotheses.map((h) => [h.title, h.inconsistency.toFixed(2), String(h.ratedCount), String(h.rank)]),
      });
      if (a.mostDiagnostic.length) {
        b.push({ type: "p", runs: [text("Most diagnostic claims:", { bold: true })] });
        for (const d of a.mostDiagnostic)
          b.push({
            type: "bullet",
            runs: [text(`${d.statement} (diagnosticity ${d.diagnosticity.toFixed(2)})`), ...cites(claimOf.get(d.claimId)?.footnotes ?? [])],
          });
      } else b.push({ type: "p", runs: [text("No claim is diagnostic yet: none is rated differently against two hypotheses.")] });
      if (a.sensitivity) {
        const ranking = a.sensitivity.ranking.map((h) => `${h.rank}. ${h.title} (${h.inconsistency.toFixed(2)})`).join("; ");
        b.push({
          type: "p",
          runs: [
            text("If the most diagnostic claim is false: ", { bold: true }),
            text(
              `without “${a.sensitivity.statement}” the ranking is ${ranking} — ${a.sensitivity.leaderChanges ? "the leading hypothesis changes" : "the leading hypothesis does not change"}.`,
            ),
          ],
        });
      }
      b.push({ type: "p", runs: [text(a.note, { italic: true })] });
    }
  }

  if (has("alternatives")) {
    b.push({ type: "h2", text: SECTION_TITLES.alternatives });
    if (!m.alternatives.length) b.push({ type: "p", runs: [text("No alternative hypotheses were recorded.")] });
    for (const a of m.alternatives) {
      const grade = [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null]
        .filter(Boolean)
        .join(", ");
      b.push({
        type: "bullet",
        runs: [
          text(a.title, { bold: true }),
          text(` — ${a.disposition === "rejected" ? `rejected: ${a.rejectedReason ?? ""}` : grade || "not graded"} (${a.reviewNote})`),
        ],
      });
    }
    if (m.dissent.length) {
      b.push({ type: "h3", text: "Recorded dissent" });
      for (const d of m.dissent)
        b.push({
          type: "quote",
          runs: [text(`${d.author} on “${d.hypothesisTitle}” (${dateOnly(d.at)}), signed: `, { bold: true }), text(d.body)],
        });
    }
  }

  if (has("evidence")) {
    b.push({ type: "h2", text: SECTION_TITLES.evidence });
    if (!m.claims.length) b.push({ type: "p", runs: [text("No claim is cited yet.")] });
    b.push(...claimLines(m.claims.map((c) => c.id)));
  }

  if (has("behaviour")) {
    b.push({ type: "h2", text: SECTION_TITLES.behaviour });
    if (!m.techniques.length) b.push({ type: "p", runs: [text("No behaviour tagged with MITRE ATT&CK techniques yet.")] });
    else
      b.push({
        type: "p",
        runs: [text("Techniques (MITRE ATT&CK Enterprise) that the cited quotes describe, by tactic.", { italic: true })],
      });
    for (const t of m.techniques) {
      b.push({ type: "bullet", runs: [text(`${t.tactic} — `, { bold: true }), text(`${t.id} ${t.name}`), ...cites(t.footnotes)] });
    }
    b.push(...indicatorBlocks(m.indicators));
  }

  if (has("timeline")) {
    b.push({ type: "h2", text: SECTION_TITLES.timeline });
    if (!m.timeline.length) b.push({ type: "p", runs: [text("No events yet.")] });
    for (const e of m.timeline) {
      const dating = e.claimIds.map((id) => claimOf.get(id)?.statement).filter(Boolean);
      b.push({
        type: "bullet",
        runs: [
          text(`${e.date} — `, { bold: true }),
          text(e.title),
          text(dating.length ? ` (dated by: ${dating.map((s) => `“${s}”`).join("; ")})` : " (undated by sources)", { italic: true }),
          ...cites(e.footnotes),
        ],
      });
    }
  }

  if (has("changes")) {
    b.push({ type: "h2", text: SECTION_TITLES.changes });
    if (!m.changes.length)
      b.push({ type: "p", runs: [text(m.previousRelease ? "No judgment changed since the last release." : "First release.")] });
    for (const ch of m.changes)
      b.push({
        type: "bullet",
        runs: [
          text(`${ch.kind === "added" ? "Added" : "Changed"} “${ch.title}” `, { bold: true }),
          text(
            `(version ${ch.version}, ${dateOnly(ch.at)}, ${ch.by})${ch.fields.length ? ` — ${ch.fields.join(", ")}` : ""}: ${ch.reason}`,
          ),
        ],
      });
  }

  if (has("sources")) {
    b.push({ type: "h2", text: SECTION_TITLES.sources });
    if (!m.sources.length) b.push({ type: "p", runs: [text("No document is cited.")] });
    else
      b.push({
        type: "table",
        header: ["Document", "Source", "Reliability", "Author", "Published", "Retrieved", "URL", "SHA-256"],
        rows: m.sources.map((s) => [
          `${s.title}${s.tlp ? ` (${s.tlp.replace("_", "+")})` : ""}`,
          s.sourceName ?? s.publisher ?? "no source: ungraded",
          s.reliability + (s.overrideReason ? ` (override: ${s.overrideReason})` : ""),
          s.author ?? "—",
          dateOnly(s.publishedAt),
          s.retrievedAt.replace(".000Z", "Z"),
          s.url ?? "—",
          s.sha256,
        ]),
        detailColumns: 2,
      });
  }

  if (m.notes.length) {
    b.push({ type: "h2", text: "Notes on this brief" });
    for (const n of m.notes) b.push({ type: "bullet", runs: [text(n)] });
  }
  if (m.draft) b.push({ type: "draft", text: draftNotice(m) });
  return b;
}

const seen = (i: BriefIndicator) => (i.firstSeen || i.lastSeen ? ` (seen ${i.firstSeen ?? "?"} to ${i.lastSeen ?? "?"})` : "");

/** One indicator: its defanged value (never a live link), when it was seen, the analyst's note, its quotes. */
function indicatorRuns(i: BriefIndicator, warning = false): Run[] {
  return [
    text(i.defanged, { mono: true }),
    text(seen(i)),
    ...(i.note ? [text(` — ${i.note}`)] : []),
    ...(warning ? [text(` On a warning list: ${i.warnings.join("; ") || i.flags.join(", ")}.`, { italic: true })] : []),
    ...cites(i.footnotes),
  ];
}

/**
 * The indicators part of "Observed behaviour and indicators": active indicators grouped by type, defanged.
 * Flagged ones (on a warning list: private, reserved or documentation addresses, well-known domains) are
 * not mixed in: they are printed apart, each marked with its warning, so no one blocks on them unawares.
 */
function indicatorBlocks(indicators: BriefIndicator[]): Block[] {
  const b: Block[] = [{ type: "h3", text: "Indicators" }];
  if (!indicators.length) return [...b, { type: "p", runs: [text("No active indicator with a quote in the cited documents.")] }];
  b.push({
    type: "p",
    runs: [
      text(
        "Active indicators the cited documents report, grouped by type and defanged (hxxp, [.], [@], [:]) so that none is a live link: refang a value before using it.",
        { italic: true },
      ),
    ],
  });
  const clean = indicators.filter((i) => !i.flags.length);
  const flagged = indicators.filter((i) => i.flags.length);
  let type = "";
  for (const i of clean) {
    if (i.type !== type) b.push({ type: "p", runs: [text(i.typeLabel, { bold: true })] });
    type = i.type;
    b.push({ type: "bullet", runs: indicatorRuns(i) });
  }
  if (flagged.length) {
    b.push({
      type: "p",
      runs: [
        text("On a warning list ", { bold: true }),
        text(
          "(recorded by an analyst, but private, reserved or documentation addresses, or well-known domains: probably not this intrusion's own; do not block on them):",
        ),
      ],
    });
    for (const i of flagged) b.push({ type: "bullet", runs: [text(`${i.typeLabel} `, { bold: true }), ...indicatorRuns(i, true)] });
  }
  return b;
}

/** A footnote's text: the exact quote, where it comes from, where in the captured text, and its hash. */
export function footnoteText(f: BriefModel["footnotes"][number]) {
  const { quote, rest } = footnoteParts(f);
  return `“${quote}”${rest}`;
}

/** The quote as printed (an indicator's defanged: never a live link) and the rest of the footnote. */
export function footnoteParts(f: BriefModel["footnotes"][number]) {
  return {
    quote: f.printedQuote ?? f.quote,
    rest: `${f.printedQuote ? " (defanged)" : ""} — ${f.documentTitle}${f.sourceName ? `, ${f.sourceName}` : ""} (reliability ${f.reliability}); characters ${f.start}–${f.end} (UTF-16) of the captured text, SHA-256 ${f.sha256}${f.url ? `; ${f.url}` : ""}`,
  };
}
