import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { composeBrief, briefHash } from "@/lib/briefs/compose-brief";
import { renderMarkdown } from "@/lib/briefs/render-markdown";
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
    expect(j.estimative).toBe("We assess with moderate confidence that it is likely that the attacks were carried out by Iran's MOIS-linked operators.");
    expect(j).toMatchObject({ likelihoodLabel: "Likely", confidenceLabel: "Moderate", approvedBy: "Rui Reviewer" });
    expect(m.alternatives.map((a) => a.title)).toEqual(["A hacktivist group acting alone", "A criminal ransomware crew", "Another state, under a false flag"]);
    expect(m.alternatives.find((a) => a.disposition === "rejected")?.rejectedReason).toMatch(/ransom/);
    expect(m.blockers).toEqual([]);
  });

  it("cites quotes as footnotes back to hashed documents, and lists the denial as evidence against", async () => {
    const m = await composeBrief({ access });
    expect(m.claims.find((c) => c.kind === "denial")?.stance).toBe("against");
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
    expect(md).toContain("We assess with moderate confidence that it is likely");
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
