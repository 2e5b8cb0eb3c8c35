// Unit tests for the case archive's canonical content digest (lib/stix/content-digest.ts): what it ignores
// (ids, order, the import's title mark and history entry) and what it does not (any content change).
import { describe, expect, it } from "vitest";
import { canonicalJson, caseArchiveDigest } from "@/lib/stix/content-digest";
import { CASEFILE_FORMAT, CASEFILE_RECORD_EXTENSION_ID, CASEFILE_RECORD_FORMAT } from "@/lib/stix/schemas";

const TEXT = "Ελληνικά: the wiper 🙂 called home.";
type Obj = { type: string; id: string; [k: string]: unknown };
function archive(ids: { doc: string; claim: string; other: string; h: string; q: string }, title = "Wiper case"): { objects: Obj[] } {
  const claim = (key: string, statement: string) => ({
    type: "note",
    id: `note--${key}`,
    x_casefile_claim: {
      key,
      statement,
      claimant: "Vendor",
      kind: "fact",
      credibility: 2,
      sourceConfidence: null,
      status: "draft",
      entityKeys: [],
      techniqueIds: ["T1486"],
      excerpts: [{ documentKey: ids.doc, exact: "the wiper", start: 10, end: 19 }],
    },
  });
  return {
    objects: [
      {
        type: "report",
        id: "report--x",
        x_casefile_case: {
          format: CASEFILE_FORMAT,
          title,
          summary: "",
          tlp: "AMBER",
          status: "active",
          sources: [],
          documents: [
            {
              key: ids.doc,
              title: "Doc",
              url: null,
              publisher: null,
              author: null,
              publishedAt: null,
              retrievedAt: "2022-07-15T00:00:00.000Z",
              kind: "paste",
              originalName: null,
              mimeType: "text/plain",
              sha256: "0".repeat(64),
              textSha256: "0".repeat(64),
              text: TEXT,
              originalBase64: null,
              sourceKey: null,
              reliabilityOverride: null,
              overrideReason: null,
            },
          ],
          entities: [],
          claimLinks: [{ fromKey: ids.claim, toKey: ids.other, kind: "corroborates", note: null }],
        },
        extensions: {
          [CASEFILE_RECORD_EXTENSION_ID]: {
            extension_type: "property-extension",
            format: CASEFILE_RECORD_FORMAT,
            ratings: [
              {
                hypothesisKey: ids.h,
                claimKey: ids.claim,
                rating: "C",
                note: "",
                rater: { name: "Rui", email: "r@x" },
                at: "2022-08-01T00:00:00.000Z",
              },
            ],
            history: [
              {
                hypothesisKey: ids.h,
                version: 1,
                snapshot: { title: "MOIS", actorEntityId: null },
                reason: "Created",
                changedBy: { name: "Ana", email: "a@x" },
                at: "2022-08-01T00:00:00.000Z",
              },
            ],
          },
        },
      },
      claim(ids.claim, "The wiper called home."),
      claim(ids.other, "A second claim."),
      {
        type: "campaign",
        id: "campaign--x",
        x_casefile_question: {
          key: ids.q,
          question: "Who?",
          conclusion: "",
          hypotheses: [
            {
              key: ids.h,
              title: "MOIS",
              description: "",
              actorKey: null,
              likelihood: "likely",
              confidence: "moderate",
              rationale: "",
              disposition: "open",
              rejectedReason: null,
            },
          ],
        },
      },
    ],
  };
}
type Archive = ReturnType<typeof archive>;
const A = { doc: "d1", claim: "c1", other: "c2", h: "h1", q: "q1" };
const B = { doc: "D9", claim: "C9", other: "C8", h: "H9", q: "Q9" };
const reportOf = (a: Archive) => a.objects.find((o) => o.type === "report")!;
const ext = (a: Archive) => (reportOf(a).extensions as Record<string, Record<string, unknown[]>>)[CASEFILE_RECORD_EXTENSION_ID];

describe("caseArchiveDigest", () => {
  it("ignores ids, object order and the import's title mark", () => {
    const a = archive(A);
    const b = archive(B, "Wiper case (imported 2026-12-04)");
    b.objects.reverse();
    expect(caseArchiveDigest(b)).toBe(caseArchiveDigest(a));
  });

  it("ignores the history entry an import writes itself, and nothing else in the history", () => {
    const a = archive(A);
    const b = archive(B);
    ext(b).history.push({ ...(ext(b).history[0] as object), version: 2, reason: "Imported from STIX bundle--…", madeByImport: true });
    expect(caseArchiveDigest(b)).toBe(caseArchiveDigest(a));
    ext(b).history.push({ ...(ext(b).history[0] as object), version: 3, reason: "Sharper" });
    expect(caseArchiveDigest(b)).not.toBe(caseArchiveDigest(a));
  });

  it("changes when content changes: a rating moved to the other claim, a quote offset, a rater's name", () => {
    const base = caseArchiveDigest(archive(A));
    const moved = archive(A);
    (ext(moved).ratings[0] as { claimKey: string }).claimKey = A.other;
    expect(caseArchiveDigest(moved)).not.toBe(base);
    const offset = archive(A);
    (offset.objects.find((o) => o.type === "note")!.x_casefile_claim as { excerpts: { start: number }[] }).excerpts[0].start = 11;
    expect(caseArchiveDigest(offset)).not.toBe(base);
    const rater = archive(A);
    (ext(rater).ratings[0] as { rater: { name: string } }).rater.name = "Someone else";
    expect(caseArchiveDigest(rater)).not.toBe(base);
  });

  it("writes canonical JSON with sorted keys at every depth", () => {
    expect(canonicalJson({ b: [{ d: 1, c: "é" }], a: null })).toBe('{"a":null,"b":[{"c":"é","d":1}]}');
  });
});
