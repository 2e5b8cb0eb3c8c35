// Markdown brief: the shared outline (brief-outline.ts) as CommonMark with footnotes. The TLP marking
// opens and closes the document; a draft says so at the top and the bottom.
import type { BriefModel } from "./brief-types";
import { briefOutline, footnoteParts, type Run } from "./brief-outline";

// Inline control characters in captured or typed text must not change the brief's structure.
const inline = (s: string) => s.replace(/([\\`*_[\]<>|#~])/g, "\\$1");

/**
 * One line of text whatever it holds: line breaks inside a field become spaces, so a newline followed
 * by "# TLP:CLEAR" or "- item" can never start a heading or a list item in the export.
 */
export function escapeInline(s: string) {
  return inline(
    s
      .replace(/[\r\n\u2028\u2029\u000b\u000c\u0085]+/g, " ")
      .replace(/\s{2,}/g, " ")
      .trim(),
  );
}

/** escapeInline, and what would still open a block where the text starts a line (a list marker, a rule, an ordered item). */
export function escapeLine(s: string) {
  return escapeInline(s).replace(/^([-+=]|\d+[.)])/, "\\$1");
}

/** A paragraph: its own paragraph breaks kept, every line escaped so none can open a block. */
export function escapeParagraph(s: string) {
  return s
    .split(/\n\s*\n/)
    .map((para) => escapeLine(para))
    .filter(Boolean)
    .join("\n\n");
}

/** Text as a CommonMark code span: shown literally (no escapes, no autolinks), on one line. */
export function codeSpan(s: string) {
  const t = s.replace(/[\r\n\u2028\u2029\u000b\u000c\u0085]+/g, " ");
  const fence = "`".repeat(Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = /^`|`$/.test(t) || /^ .* $/.test(t) ? " " : "";
  return `${fence}${pad}${t}${pad}${fence}`;
}

function runs(rs: Run[]) {
  return rs
    .map((r) => {
      if (r.footnote) return `[^${r.footnote}]`;
      const t = escapeInline(r.text);
      if (!t) return "";
      const lead = r.text.match(/^\s*/)![0] ? " " : "";
      const trail = r.text.match(/\s*$/)![0] ? " " : "";
      const wrapped = r.mono ? codeSpan(r.text) : r.bold && r.italic ? `***${t}***` : r.bold ? `**${t}**` : r.italic ? `*${t}*` : t;
      return `${lead}${wrapped}${trail}`;
    })
    .join("")
    .replace(/ +(\[\^)/g, " $1")
    .trim()
    .replace(/^([-+=]|\d+[.)])/, "\\$1");
}

export function renderMarkdown(m: BriefModel): string {
  const out: string[] = [`**${m.case.tlpLabel}**`, ""];
  let inList = false;
  for (const block of briefOutline(m)) {
    // Consecutive bullets form one list; anything else closes it with a blank line.
    if (inList && block.type !== "bullet") out.push("");
    inList = block.type === "bullet";
    switch (block.type) {
      case "draft":
        out.push(`> **${escapeLine(block.text)}**`, "");
        break;
      case "title":
        out.push(`# ${escapeInline(block.text)}`, "");
        break;
      case "meta":
        out.push(escapeLine(block.text), "");
        break;
      case "h2":
        out.push(`## ${escapeInline(block.text)}`, "");
        break;
      case "h3":
        out.push(`### ${escapeInline(block.text)}`, "");
        break;
      case "p":
        // A paragraph of one run keeps the author's own paragraph breaks (a BLUF, a rationale).
        out.push(
          block.runs.length === 1 && !block.runs[0].bold && !block.runs[0].italic ? escapeParagraph(block.runs[0].text) : runs(block.runs),
          "",
        );
        break;
      case "bullet":
        out.push(`- ${runs(block.runs)}`);
        break;
      case "quote":
        out.push(`> ${runs(block.runs)}`, "");
        break;
      case "table":
        out.push(`| ${block.header.map(escapeInline).join(" | ")} |`, `|${block.header.map(() => "---").join("|")}|`);
        for (const row of block.rows) out.push(`| ${row.map((cell) => escapeInline(cell) || "—").join(" | ")} |`);
        out.push("");
        break;
    }
  }
  if (inList) out.push("");
  if (m.footnotes.length) {
    out.push("---", "");
    for (const f of m.footnotes) {
      const { quote, rest } = footnoteParts(f);
      // A defanged indicator quote is a code span, which no Markdown renderer turns into a link.
      out.push(`[^${f.n}]: “${f.printedQuote ? codeSpan(quote) : escapeInline(quote)}” ${escapeInline(rest)}`);
    }
    out.push("");
  }
  out.push(`**${m.case.tlpLabel}**`);
  return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}
