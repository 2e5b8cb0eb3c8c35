// Markdown brief: the reference rendering. The TLP marking opens and closes the document.
import type { BriefModel } from "./brief-types";
import { SECTION_TITLES } from "./brief-types";

const dateOnly = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
// Markdown control characters in captured text must not change the brief's structure.
const esc = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, "\\$1");

export function renderMarkdown(m: BriefModel): string {
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines, "");
  const fn = (ns: number[]) => ns.map((n) => `[^${n}]`).join("");
  p(`**${m.case.tlpLabel}**`);
  p(`# ${esc(m.case.title)}`);
  p(`Case brief, release ${m.releaseNumber}${m.previousRelease ? ` (previous: release ${m.previousRelease.number}, ${dateOnly(m.previousRelease.at)})` : ""} · ${dateOnly(m.generatedAt)} · ${m.template === "summary" ? "one-page summary" : "full brief"}`);
  const has = (s: (typeof m.sections)[number]) => m.sections.includes(s);

  if (has("bluf")) p(`## ${SECTION_TITLES.bluf}`, esc(m.bluf || "No summary yet."));
  if (has("judgments")) {
    p(`## ${SECTION_TITLES.judgments}`);
    if (!m.judgments.length) p("No approved judgment yet.");
    m.judgments.forEach((j, i) => {
      p(`### ${i + 1}. ${esc(j.title)}`, `*${esc(j.question)}*`, `**${esc(j.estimative)}**`);
      p(`- Likelihood: ${j.likelihoodLabel ?? "not graded"}`, `- Analytic confidence: ${j.confidenceLabel ?? "not graded"}`, `- Approved: ${j.approvedBy ? `by ${esc(j.approvedBy)} on ${dateOnly(j.approvedAt)} (version ${j.version}, SHA-256 ${j.contentHash.slice(0, 16)}…)` : "NOT APPROVED"}`);
      for (const v of j.vendorStatements) p(`- Source's own stated confidence: ${esc(v.claimant)} — “${esc(v.sourceConfidence)}” (quoted; not our assessment)`);
      if (j.rationale) p(esc(j.rationale));
      const support = m.claims.filter((c) => j.supportingClaimIds.includes(c.id));
      if (support.length) p("Supported by:", ...support.map((c) => `- ${c.grade} ${esc(c.statement)} ${fn(c.footnotes)}`));
    });
  }
  if (has("alternatives")) {
    p(`## ${SECTION_TITLES.alternatives}`);
    if (!m.alternatives.length) p("No alternative hypotheses were recorded.");
    for (const a of m.alternatives) {
      const grade = [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null].filter(Boolean).join(", ");
      p(`- **${esc(a.title)}** — ${a.disposition === "rejected" ? `rejected: ${esc(a.rejectedReason ?? "")}` : `${grade || "not graded"} (${a.reviewState.replace("_", " ")})`}`);
    }
    if (m.dissent.length) p("### Recorded dissent", ...m.dissent.map((d) => `- ${esc(d.author)} on “${esc(d.hypothesisTitle)}” (${dateOnly(d.at)}): ${esc(d.body)}`));
  }
  if (has("evidence")) {
    p(`## ${SECTION_TITLES.evidence}`);
    if (!m.claims.length) p("No claims have been rated against the key judgments yet.");
    for (const c of [...m.claims].sort((a, b) => (a.stance === b.stance ? 0 : a.stance === "for" ? -1 : 1))) {
      p(`- ${c.stance === "against" ? "Against" : "For"} · **${c.grade}** ${esc(c.statement)} — ${esc(c.claimant)} (${c.kind}${c.sourceConfidence ? `; the source's own words: “${esc(c.sourceConfidence)}”` : ""}) ${fn(c.footnotes)}`);
    }
  }
  if (has("timeline")) {
    p(`## ${SECTION_TITLES.timeline}`);
    p(...(m.timeline.length ? m.timeline.map((e) => `- **${e.date}** — ${esc(e.title)}`) : ["No events yet."]));
  }
  if (has("changes")) {
    p(`## ${SECTION_TITLES.changes}`);
    if (!m.changes.length) p(m.previousRelease ? "No judgment changed since the last release." : "First release.");
    for (const ch of m.changes) p(`- ${ch.kind === "added" ? "Added" : "Changed"} “${esc(ch.title)}” (version ${ch.version}, ${dateOnly(ch.at)}, ${esc(ch.by)})${ch.fields.length ? ` — ${ch.fields.join(", ")}` : ""}: ${esc(ch.reason)}`);
  }
  if (has("sources")) {
    p(`## ${SECTION_TITLES.sources}`);
    p("| Document | Source | Reliability | Author | URL | Published | Retrieved | SHA-256 |", "|---|---|---|---|---|---|---|---|");
    out.pop();
    for (const s of m.sources) {
      out.push(`| ${esc(s.title)} | ${esc(s.sourceName ?? s.publisher ?? "—")} | ${s.reliability}${s.overrideReason ? ` (override: ${esc(s.overrideReason)})` : ""} | ${esc(s.author ?? "—")} | ${s.url ? esc(s.url) : "—"} | ${dateOnly(s.publishedAt)} | ${s.retrievedAt.replace(".000Z", "Z")} | \`${s.sha256}\` |`);
    }
    out.push("");
  }
  if (m.footnotes.length) {
    p("---");
    for (const f of m.footnotes) out.push(`[^${f.n}]: “${esc(f.quote)}” — ${esc(f.documentTitle)}${f.sourceName ? `, ${esc(f.sourceName)}` : ""} (reliability ${f.reliability}); SHA-256 \`${f.sha256}\`${f.url ? `; ${esc(f.url)}` : ""}`);
    out.push("");
  }
  p(`**${m.case.tlpLabel}**`);
  return out.join("\n");
}
