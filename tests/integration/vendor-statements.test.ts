import { describe, expect, it } from "vitest";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { loadVendorStatements, vendorStatementsFor } from "@/lib/attribution/vendor-statements";
import { makeCase, makeUser } from "../support/factories";

const base = {
  statement: "s",
  claimant: "Mandiant",
  kind: "fact",
  status: "draft",
  sourceConfidence: null,
  sourceName: "Mandiant",
  sourceKind: "vendor",
};

describe("vendorStatementsFor (the rule)", () => {
  it("keeps the source's own confidence words, and vendor assessments without them; drops the rest", () => {
    const rows = vendorStatementsFor([
      { ...base, id: "1", sourceConfidence: " moderate confidence " },
      { ...base, id: "2", kind: "assessment", statement: "APT34 is behind it" },
      { ...base, id: "3", kind: "assessment", claimant: "Reuters", sourceName: "Reuters", sourceKind: "outlet" },
      { ...base, id: "4", kind: "fact" },
      { ...base, id: "5", sourceConfidence: "high confidence", status: "rejected" },
    ]);
    expect(rows).toEqual([
      { who: "Mandiant", phrase: "moderate confidence", statement: null, sourceKind: "vendor", claimIds: ["1"] },
      { who: "Mandiant", phrase: null, statement: "APT34 is behind it", sourceKind: "vendor", claimIds: ["2"] },
    ]);
  });

  it("one line per speaker and words, whatever the case of the letters", () => {
    const rows = vendorStatementsFor([
      { ...base, id: "1", sourceConfidence: "moderate confidence" },
      { ...base, id: "2", sourceConfidence: "Moderate confidence" },
      { ...base, id: "3", claimant: "Microsoft", sourceConfidence: "high confidence" },
    ]);
    expect(rows.map((r) => [r.who, r.phrase, r.claimIds])).toEqual([
      ["Mandiant", "moderate confidence", ["1", "2"]],
      ["Microsoft", "high confidence", ["3"]],
    ]);
  });

  it("falls back to the source name when the claimant is blank", () => {
    expect(vendorStatementsFor([{ ...base, id: "1", claimant: " ", sourceConfidence: "low confidence" }])[0].who).toBe("Mandiant");
  });
});

describe("loadVendorStatements (from the database)", () => {
  it("finds, per actor entity, the claims that mention it with stated confidence or as a vendor assessment", async () => {
    const ana = await makeUser({ name: "Ana" });
    const c = await makeCase({ owner: ana });
    const as = { ctx: ana, access: { caseId: c.id, role: "owner" as const } };
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Mandiant report", text: "We assess with moderate confidence that the operators work for MOIS. APT34 overlaps." },
    });
    const vendor = await createSource({ ...as, input: { name: "Mandiant", kind: "vendor", reliability: "B", rationale: "Track record" } });
    await assignDocumentSource({ ...as, documentId: document.id, input: { sourceId: vendor.id } });
    const mois = await createEntity({ ...as, input: { kind: "threat_actor", name: "Iran MOIS" } });
    const other = await createEntity({ ...as, input: { kind: "threat_actor", name: "Someone else" } });
    const stated = await createClaim({
      ...as,
      input: {
        statement: "Operators work for MOIS",
        claimant: "Mandiant",
        kind: "assessment",
        credibility: 2,
        sourceConfidence: "moderate confidence",
        excerpts: [{ documentId: document.id, exact: "moderate confidence" }],
        entityIds: [mois.id],
      },
    });
    const assessment = await createClaim({
      ...as,
      input: {
        statement: "APT34 overlaps with the operators",
        claimant: "Mandiant",
        kind: "assessment",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "APT34 overlaps." }],
        entityIds: [mois.id],
      },
    });
    await createClaim({
      ...as,
      input: {
        statement: "A plain fact",
        claimant: "Mandiant",
        kind: "fact",
        credibility: 2,
        excerpts: [{ documentId: document.id, exact: "APT34" }],
        entityIds: [mois.id],
      },
    });
    await createClaim({
      ...as,
      input: {
        statement: "Rejected",
        claimant: "Mandiant",
        kind: "assessment",
        credibility: 5,
        status: "rejected",
        sourceConfidence: "high confidence",
        excerpts: [{ documentId: document.id, exact: "APT34" }],
        entityIds: [mois.id],
      },
    });

    const result = await loadVendorStatements({ access: as.access, entityIds: [mois.id, other.id, mois.id] });
    expect(Object.keys(result)).toEqual([mois.id]);
    expect(result[mois.id]).toEqual([
      { who: "Mandiant", phrase: "moderate confidence", statement: null, sourceKind: "vendor", claimIds: [stated.id] },
      { who: "Mandiant", phrase: null, statement: "APT34 overlaps with the operators", sourceKind: "vendor", claimIds: [assessment.id] },
    ]);
    // Another case asking for these entity ids gets nothing: the query is scoped to the case.
    const elsewhere = await makeCase({ owner: ana });
    expect(await loadVendorStatements({ access: { caseId: elsewhere.id, role: "owner" }, entityIds: [mois.id] })).toEqual({});
  });
});
