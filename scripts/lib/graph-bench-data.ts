// The generated case of the graph benchmark (issue 15): about 2,000 nodes and 6,000 edges in one case owned by
// the demo analyst. Shared by scripts/bench-graph.ts and in-process measurements of getCaseGraph.
// 60 sources, 340 documents, 1,200 claims, 200 entities, 150 indicators, 40 techniques, 10 hypotheses ≈ 2,000 nodes.
const N = { sources: 60, documents: 340, claims: 1200, entities: 200, indicators: 150, techniques: 40, hypotheses: 10 };
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const RATINGS = ["CC", "C", "N", "I", "II", "NA"] as const;
const LINK_KINDS = ["corroborates", "corroborates", "contradicts", "repeats"] as const;

export async function generateGraphBenchCase() {
  const { db } = await import("@/lib/db");
  const { createCase } = await import("@/lib/cases/create-case");
  const { attackCatalog } = await import("@/lib/attack/catalog");
  const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
  const ctx = { actor: { id: analyst.id, email: analyst.email, name: analyst.name, isAdmin: analyst.isAdmin }, requestId: "bench" };
  const c = await createCase({ ctx, input: { title: "Benchmark: evidence graph of ~2,000 nodes" } });
  const caseId = c.id;
  const id = () => crypto.randomUUID();

  const sources = Array.from({ length: N.sources }, (_, i) => ({
    id: id(),
    caseId,
    name: `Bench source ${i + 1}`,
    kind: "outlet" as const,
    reliability: RELIABILITY[i % 6],
    rationale: "Generated for the graph benchmark.",
    createdById: analyst.id,
  }));
  await db.source.createMany({ data: sources });

  const text = (i: number) =>
    `Bench document ${i}. ` +
    Array.from({ length: 40 }, (_, k) => `Sentence ${k} of report ${i} names actor ${(i * 7 + k) % 97} and host ${(i + k) % 53}.`).join(
      " ",
    );
  const blobs = new Map<string, { sha256: string; bytes: Buffer }>();
  const { sha256Hex } = await import("@/lib/documents/hash");
  const documents = Array.from({ length: N.documents }, (_, i) => {
    const t = text(i);
    const bytes = Buffer.from(t, "utf8");
    const sha256 = sha256Hex(bytes);
    blobs.set(sha256, { sha256, bytes });
    return {
      id: id(),
      caseId,
      title: `Bench report ${i + 1}`,
      kind: "paste" as const,
      mimeType: "text/plain",
      text: t,
      sha256,
      textSha256: sha256,
      sizeBytes: bytes.length,
      addedById: analyst.id,
      sourceId: sources[i % N.sources].id,
    };
  });
  await db.blob.createMany({
    data: [...blobs.values()].map((b) => ({
      sha256: b.sha256,
      bytes: new Uint8Array(b.bytes),
      size: b.bytes.length,
      mimeType: "text/plain",
    })),
    skipDuplicates: true,
  });
  await db.document.createMany({ data: documents });

  const claims = Array.from({ length: N.claims }, (_, i) => ({
    id: id(),
    caseId,
    statement: `Bench claim ${i + 1}: actor ${(i * 7) % 97} used host ${i % 53}.`,
    claimant: `Claimant ${i % 17}`,
    kind: "fact" as const,
    credibility: (i % 6) + 1,
    status: (["accepted", "accepted", "draft", "disputed", "rejected"] as const)[i % 5],
    createdById: analyst.id,
    originatorSourceId: i % 9 === 0 ? sources[(i * 5) % N.sources].id : null,
  }));
  await db.claim.createMany({ data: claims });
  // One quote per claim (1,200 edges), a second for every fourth (300).
  const excerpts = claims.flatMap((cl, i) =>
    (i % 4 === 0 ? [0, 1] : [0]).map((k) => {
      const d = documents[(i * 3 + k * 17) % N.documents];
      const exact = d.text.slice(0, 40);
      return { claimId: cl.id, documentId: d.id, start: 0, end: 40, exact, prefix: "", suffix: d.text.slice(40, 72), position: k };
    }),
  );
  await db.excerpt.createMany({ data: excerpts });
  // Claim links: 900.
  const links = Array.from({ length: 900 }, (_, i) => ({
    id: id(),
    caseId,
    fromClaimId: claims[i].id,
    toClaimId: claims[(i * 7 + 13) % N.claims].id,
    kind: LINK_KINDS[i % 4],
    createdById: analyst.id,
  })).filter((l) => l.fromClaimId !== l.toClaimId);
  await db.claimLink.createMany({ data: links, skipDuplicates: true });

  const entities = Array.from({ length: N.entities }, (_, i) => ({
    id: id(),
    caseId,
    kind: "organization" as const,
    name: `Bench entity ${i + 1}`,
  }));
  await db.entity.createMany({ data: entities });
  // Claim → entity: 1,200.
  await db.claimEntity.createMany({
    data: claims.map((cl, i) => ({ claimId: cl.id, entityId: entities[(i * 11) % N.entities].id })),
    skipDuplicates: true,
  });

  const indicators = Array.from({ length: N.indicators }, (_, i) => ({
    id: id(),
    caseId,
    type: "domain" as const,
    value: `host-${i}.bench.example`,
    createdById: analyst.id,
  }));
  await db.indicator.createMany({ data: indicators });
  // Indicator → claim: 300.
  await db.indicatorClaim.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      indicatorId: indicators[i % N.indicators].id,
      claimId: claims[(i * 13) % N.claims].id,
    })),
    skipDuplicates: true,
  });

  const techniqueIds = attackCatalog()
    .techniques.map((t) => t.id)
    .slice(0, N.techniques);
  // Claim → technique: 400.
  await db.claimTechnique.createMany({
    data: Array.from({ length: 400 }, (_, i) => ({
      claimId: claims[(i * 3) % N.claims].id,
      techniqueId: techniqueIds[i % N.techniques],
      caseId,
      createdById: analyst.id,
    })),
    skipDuplicates: true,
  });

  const question = await db.attributionQuestion.create({
    data: { caseId, question: "Who is behind the benchmark intrusions?", createdById: analyst.id },
  });
  const hypotheses = Array.from({ length: N.hypotheses }, (_, i) => ({
    id: id(),
    caseId,
    questionId: question.id,
    title: `Bench hypothesis ${i + 1}`,
    authorId: analyst.id,
  }));
  await db.hypothesis.createMany({ data: hypotheses });
  // Claim → hypothesis ratings: 1,200 (one rater).
  await db.achRating.createMany({
    data: Array.from({ length: 1200 }, (_, i) => ({
      hypothesisId: hypotheses[i % N.hypotheses].id,
      claimId: claims[(i * 7) % N.claims].id,
      raterId: analyst.id,
      rating: RATINGS[i % 6],
    })),
    skipDuplicates: true,
  });
  return { caseId };
}
