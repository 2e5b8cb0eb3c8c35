// The brief as a list of typed blocks, shared by the PDF and DOCX renderers so both say exactly the
// same thing in the same order (the Markdown renderer is the reference and is tested against it).
import type { BriefModel } from "./brief-types";
import { SECTION_TITLES } from "./brief-types";

export type Run = { text: string; bold?: boolean; italic?: boolean; mono?: boolean; footnote?: number };
export type Block =
  | { type: "title"; text: string }
  | { type: "meta"; text: string }
  | { type: "h2" | "h3"; text: string }
  | { type: "p" | "bullet" | "quote"; runs: Run[] }
  | { type: "table"; header: string[]; rows: string[][] };

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const text = (t: string, extra: Omit<Run, "text"> = {}): Run => ({ text: t, ...extra });
const cites = (ns: number[]): Run[] => ns.map((n) => ({ text: "", footnote: n }));

export function briefOutline(m: BriefModel): Block[] {
  const b: Block[] = [];
  const has = (s: (typeof m.sections)[number]) => m.sections.includes(s);
  b.push({ type: "title", text: m.case.title });
  b.push({ type: "meta", text: `Case brief, release ${m.releaseNumber}${m.previousRelease ? ` (previous: release ${m.previousRelease.number}, ${dateOnly(m.previousRelease.at)})` : ""} · ${dateOnly(m.generatedAt)} · ${m.template === "summary" ? "one-page summary" : "full brief"}` });
  if (has("bluf")) b.push({ type: "h2", text: SECTION_TITLES.bluf }, { type: "p", runs: [text(m.bluf || "No summary yet.")] });
  if (has("judgments")) {
    b.push({ type: "h2", text: SECTION_TITLES.judgments });
    if (!m.judgments.length) b.push({ type: "p", runs: [text("No approved judgment yet.")] });
    m.judgments.forEach((j, i) => {
      b.push({ type: "h3", text: `${i + 1}. ${j.title}` });
      b.push({ type: "p", runs: [text(j.question, { italic: true })] });
      b.push({ type: "p", runs: [text(j.estimative, { bold: true })] });
      b.push({ type: "bullet", runs: [text("Likelihood: ", { bold: true }), text(j.likelihoodLabel ?? "not graded")] });
      b.push({ type: "bullet", runs: [text("Analytic confidence: ", { bold: true }), text(j.confidenceLabel ?? "not graded")] });
      b.push({ type: "bullet", runs: [text("Approved: ", { bold: true }), text(j.approvedBy ? `by ${j.approvedBy} on ${dateOnly(j.approvedAt)} (version ${j.version}, SHA-256 ${j.contentHash.slice(0, 16)}…)` : "NOT APPROVED")] });
      for (const v of j.vendorStatements) b.push({ type: "bullet", runs: [text("Source's own stated confidence: ", { bold: true }), text(`${v.claimant} — “${v.sourceConfidence}” (quoted; not our assessment)`)] });
      if (j.rationale) b.push({ type: "p", runs: [text(j.rationale)] });
      for (const c of m.claims.filter((c) => j.supportingClaimIds.includes(c.id))) b.push({ type: "bullet", runs: [text(`${c.grade} `, { bold: true }), text(c.statement), ...cites(c.footnotes)] });
    });
  }
  if (has("alternatives")) {
    b.push({ type: "h2", text: SECTION_TITLES.alternatives });
    if (!m.alternatives.length) b.push({ type: "p", runs: [text("No alternative hypotheses were recorded.")] });
    for (const a of m.alternatives) {
      const grade = [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null].filter(Boolean).join(", ");
      b.push({ type: "bullet", runs: [text(a.title, { bold: true }), text(` — ${a.disposition === "rejected" ? `rejected: ${a.rejectedReason ?? ""}` : `${grade || "not graded"} (${a.reviewState.replace("_", " ")})`}`)] });
    }
    if (m.dissent.length) {
      b.push({ type: "h3", text: "Recorded dissent" });
      for (const d of m.dissent) b.push({ type: "quote", runs: [text(`${d.author} on “${d.hypothesisTitle}” (${dateOnly(d.at)}): `, { bold: true }), text(d.body)] });
    }
  }
  if (has("evidence")) {
    b.push({ type: "h2", text: SECTION_TITLES.evidence });
    if (!m.claims.length) b.push({ type: "p", runs: [text("No claims have been rated against the key judgments yet.")] });
    for (const c of [...m.claims].sort((x, y) => (x.stance === y.stance ? 0 : x.stance === "for" ? -1 : 1))) {
      b.push({ type: "bullet", runs: [text(`${c.stance === "against" ? "Against" : "For"} · ${c.grade} `, { bold: true }), text(`${c.statement} — ${c.claimant} (${c.kind}${c.sourceConfidence ? `; the source's own words: “${c.sourceConfidence}”` : ""})`), ...cites(c.footnotes)] });
    }
  }
  if (has("timeline")) {
    b.push({ type: "h2", text: SECTION_TITLES.timeline });
    if (!m.timeline.length) b.push({ type: "p", runs: [text("No events yet.")] });
    for (const e of m.timeline) b.push({ type: "bullet", runs: [text(`${e.date} — `, { bold: true }), text(e.title)] });
  }
  if (has("changes")) {
    b.push({ type: "h2", text: SECTION_TITLES.changes });
    if (!m.changes.length) b.push({ type: "p", runs: [text(m.previousRelease ? "No judgment changed since the last release." : "First release.")] });
    for (const ch of m.changes) b.push({ type: "bullet", runs: [text(`${ch.kind === "added" ? "Added" : "Changed"} “${ch.title}” `, { bold: true }), text(`(version ${ch.version}, ${dateOnly(ch.at)}, ${ch.by})${ch.fields.length ? ` — ${ch.fields.join(", ")}` : ""}: ${ch.reason}`)] });
  }
  if (has("sources")) {
    b.push({ type: "h2", text: SECTION_TITLES.sources });
    b.push({
      type: "table",
      header: ["Document", "Source", "Rel.", "Author", "URL", "Published", "Retrieved", "SHA-256"],
      rows: m.sources.map((s) => [s.title, s.sourceName ?? s.publisher ?? "—", s.reliability + (s.overrideReason ? ` (override: ${s.overrideReason})` : ""), s.author ?? "—", s.url ?? "—", dateOnly(s.publishedAt), s.retrievedAt.replace(".000Z", "Z"), s.sha256]),
    });
  }
  return b;
}

/** A footnote's text: the exact quote, where it comes from, and the hash of the captured copy. */
export function footnoteText(f: BriefModel["footnotes"][number]) {
  return `“${f.quote}” — ${f.documentTitle}${f.sourceName ? `, ${f.sourceName}` : ""} (reliability ${f.reliability}); SHA-256 ${f.sha256}${f.url ? `; ${f.url}` : ""}`;
}
