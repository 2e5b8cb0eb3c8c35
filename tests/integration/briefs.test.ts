import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { composeBrief, briefHash } from "@/lib/briefs/compose-brief";
import { renderMarkdown } from "@/lib/briefs/render-markdown";
import { strFromU8, unzipSync } from "fflate";
import type { CaseAccess } from "@/lib/cases/require-case-access";

let access: CaseAccess;

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  const c = await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } });
  access = { caseId: c.id, role: "owner" };
}, 120_000);

describe("brief composition", () => {
  it("takes key judgments from approved hypotheses, stating likelihood and confidence separately", async () => {
    const m = await composeBrief({ access });
    expect(m.judgments.map((j) => j.title)).toEqual(["Iran's MOIS-linked operators"]);
    const j = m.judgments[0];
    // ICD 203: likelihood (with its range) and the analyst's own proposition in one sentence, confidence and why in another.
    expect(j.estimative).toBe(
      "We assess that it is likely (55–80 %) that operators working for Iran's Ministry of Intelligence and Security (MOIS) carried out the July and September 2022 attacks on Albania's government systems.",
    );
    expect(j.confidenceSentence).toMatch(/^We have moderate confidence in this judgment: two governments attribute the attacks to Iran/);
    expect(j).toMatchObject({ likelihoodLabel: "Likely", confidenceLabel: "Moderate", approvedBy: "Rui Reviewer" });
    expect(m.alternatives.map((a) => a.title)).toEqual([
      "A hacktivist group acting alone",
      "A criminal ransomware crew",
      "Another state, under a false flag",
    ]);
    expect(m.alternatives.find((a) => a.disposition === "rejected")?.rejectedReason).toMatch(/ransom/);
    expect(m.blockers).toEqual([]);
  });

  it("cites quotes as footnotes back to hashed documents, and lists the denial as evidence against", async () => {
    const m = await composeBrief({ access });
    const denial = m.claims.find((c) => c.kind === "denial")!;
    expect(m.judgments[0].against.map((a) => a.claimId)).toContain(denial.id);
    expect(m.judgments[0].supportingClaimIds).not.toContain(denial.id);
    for (const f of m.footnotes) {
      const doc = await db.document.findUniqueOrThrow({ where: { id: f.documentId } });
      expect(f.sha256).toBe(doc.sha256);
      expect(doc.text).toContain(f.quote);
    }
    expect(m.sources).toHaveLength(3);
  });

  it("renders Markdown with the TLP marking first and last, quotes with curly quotes intact, and the sources appendix", async () => {
    const md = renderMarkdown(await composeBrief({ access }));
    const lines = md.trim().split("\n");
    expect(lines[0]).toBe("**TLP:AMBER**");
    expect(lines.at(-1)).toBe("**TLP:AMBER**");
    expect(md).toContain("We assess that it is likely (55–80 %) that operators working for");
    expect(md).not.toMatch(/with (low|moderate|high) confidence that/);
    expect(md).toContain("“rejected the baseless accusations”");
    expect(md).toContain("Mandiant — “moderate confidence” (quoted; not our assessment)");
    expect(md).toMatch(/\| UPI opinion column \| D \|/);
  });

  it("has a stable hash for unchanged content and a new one after any change", async () => {
    const a = briefHash(await composeBrief({ access }));
    expect(briefHash(await composeBrief({ access }))).toBe(a);
    await db.case.update({ where: { id: access.caseId }, data: { summary: "Changed BLUF" } });
    expect(briefHash(await composeBrief({ access }))).not.toBe(a);
  });
});

describe("PDF and DOCX", () => {
  it("renders a PDF whose text holds the judgments, quotes and TLP marking (read back with unpdf)", async () => {
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await renderPdf(await composeBrief({ access }));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    for (const page of text) expect(page).toContain("TLP:AMBER");
    const all = text.join("\n").replace(/\s+/g, " ");
    expect(totalPages).toBeGreaterThan(1);
    expect(all).toContain("We assess that it is likely (55–80 %) that");
    expect(all).toContain("“rejected the baseless accusations”");
    expect(all).toContain("Mandiant — “moderate confidence”");
  }, 60_000);

  it("renders a DOCX whose XML holds the judgments, quotes as footnotes and the TLP marking in header and footer", async () => {
    const { renderDocx } = await import("@/lib/briefs/render-docx");
    const zip = unzipSync(new Uint8Array(await renderDocx(await composeBrief({ access }))));
    const xml = async (name: string) => strFromU8(zip[name]).replace(/<[^>]+>/g, "");
    const body = await xml("word/document.xml");
    expect(body).toContain("We assess that it is likely (55–80 %) that");
    expect(await xml("word/footnotes.xml")).toContain("“rejected the baseless accusations”");
    const headers = Object.keys(zip).filter((f) => /word\/(header|footer)\d*\.xml/.test(f));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(await xml(h)).toContain("TLP:AMBER");
  });

  it("keeps curly quotes, em dashes, £, Albanian ë/ç and Persian names in all formats", async () => {
    const { createCase } = await import("@/lib/cases/create-case");
    const { createPastedDocument } = await import("@/lib/documents/create-document");
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    const { renderDocx } = await import("@/lib/briefs/render-docx");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const owner = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
    const ctx = { actor: { id: owner.id, email: owner.email, name: owner.name, isAdmin: false }, requestId: "t" };
    const special = "“Shqipëria” — £3m, Kuçovë; وزارت اطلاعات";
    const c = await createCase({ ctx, input: { title: `Brief characters ${special}`, summary: special } });
    await createPastedDocument({ ctx, access: { caseId: c.id, role: "owner" }, input: { title: `Doc ${special}`, text: special } });
    const m = await composeBrief({ access: { caseId: c.id, role: "owner" } });
    expect(renderMarkdown(m)).toContain("“Shqipëria” — £3m, Kuçovë; وزارت اطلاعات");
    const docx = unzipSync(new Uint8Array(await renderDocx(m)));
    expect(strFromU8(docx["word/document.xml"])).toContain("“Shqipëria” — £3m, Kuçovë; وزارت اطلاعات");
    const pdfText = (await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(m))), { mergePages: true })).text;
    for (const word of ["“Shqipëria”", "—", "£3m", "Kuçovë"]) expect(pdfText).toContain(word);
    // Persian is laid out right to left with DejaVu's glyphs. Reading it back, "وزارت" comes out
    // exactly; the lam-alef ligature in "اطلاعات" is extracted as alef-lam, so compare its letters.
    expect(pdfText).toContain("وزارت");
    const sorted = (w: string) => [...w].sort().join("");
    expect(pdfText.split(/\s+/).some((w) => sorted(w) === sorted("اطلاعات"))).toBe(true);
  }, 60_000);
});

describe("long PDFs", () => {
  // Regression: a brief of ten or more pages failed with "unsupported number" from the page-number footer.
  it("renders a brief of many pages with the TLP marking on every page", async () => {
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const base = await composeBrief({ access });
    const claims = Array.from({ length: 150 }, (_, i) => ({
      ...base.claims[0],
      id: `c${i}`,
      statement: `Claim ${i}: ${"the attackers reused infrastructure ".repeat(12)}`,
    }));
    const pdf = await renderPdf({ ...base, bluf: "Long summary. ".repeat(1500), claims });
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(10);
    for (const page of text) expect(page).toContain("TLP:AMBER");
  }, 120_000);
});
