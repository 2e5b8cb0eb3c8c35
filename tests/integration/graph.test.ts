// Issue 15: the evidence graph of the demo case, its provenance marks, its statement count and who may read it.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.PRISMA_QUERY_COUNT = "1";
});

import { NextRequest } from "next/server";
import { db, disconnectDb, queryStats } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { getCaseGraph } from "@/lib/graph/get-case-graph";
import { CaseGraphResponseSchema, type CaseGraph, type CaseGraphView } from "@/lib/graph/schemas";
import { expandGraph } from "@/lib/graph/expand-graph";
import { GET as getGraph } from "@/app/api/cases/[caseId]/graph/route";
import type { Ctx } from "@/lib/auth/actor";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { makeUser, ctxOfUser } from "../support/factories";

let caseId: string;
let wire: CaseGraph;
// The answer as the page works with it (lib/graph/expand-graph.ts): node ids, record ids, labels, origins.
let graph: CaseGraphView;

async function fetchGraph(who: Ctx, id = caseId) {
  const { token } = await createApiToken({ ctx: who, name: "graph" });
  const res = await getGraph(new NextRequest(`http://localhost/api/cases/${id}/graph`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ caseId: id }),
  });
  return { status: res.status, body: await res.json() };
}
const claimNode = (startsWith: string) => graph.nodes.find((n) => n.type === "claim" && n.label.startsWith(startsWith))!;

beforeAll(async () => {
  await disconnectDb();
  await seedDemo({ log: () => {} });
  caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
  const viewer = await ctxOfUser("viewer@example.com");
  const res = await fetchGraph(viewer);
  expect(res.status).toBe(200);
  wire = CaseGraphResponseSchema.parse(res.body);
  graph = expandGraph(caseId, wire);
}, 120_000);

describe("evidence graph of the demo case", () => {
  it("answers compactly: edges and origin chains name nodes by index, nothing the page can work out is repeated", () => {
    for (const e of wire.edges) {
      expect(wire.nodes[e.source]).toBeDefined();
      expect(wire.nodes[e.target]).toBeDefined();
    }
    const claim = wire.nodes.find((n) => n.type === "claim")!;
    expect(wire.nodes[claim.origin!.chain[0]]).toBe(claim);
    expect(Object.keys(claim)).not.toContain("recordId");
    expect(wire.edges.some((e) => "label" in e || ("note" in e && e.note == null))).toBe(false);
    // The page's model gets back what was left out.
    const view = graph.nodes.find((n) => n.id === claim.id)!;
    expect(view.recordId).toBe(claim.id.slice("claim:".length));
    expect(view.rejected).toBe(claim.status === "rejected");
    expect(graph.nodes.find((n) => n.type === "document")?.href).toMatch(new RegExp(`^/cases/${caseId}/documents/`));
  });

  it("answers a viewer with every kind of node, and edges that join nodes it returned", async () => {
    const types = new Set(graph.nodes.map((n) => n.type));
    for (const t of ["source", "document", "claim", "entity", "technique", "hypothesis"]) expect(types).toContain(t);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const e of graph.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    expect(graph.nodes.filter((n) => n.type === "claim")).toHaveLength(await db.claim.count({ where: { caseId, retractedAt: null } }));
    // Sources carry their Admiralty grade; the UPI column is D.
    expect(graph.nodes.find((n) => n.type === "source" && n.label === "UPI opinion column")?.reliability).toBe("D");
  });

  it("draws document → source, claim → document at its quote, claim ↔ claim and claim → entity/technique", async () => {
    const denial = claimNode("Iran denies responsibility");
    const attribution = claimNode("Albania and the United States hold Iran responsible");
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: denial.id, target: attribution.id, type: "contradicts", label: "contradicts" }),
    );
    const wire = graph.nodes.find((n) => n.type === "document" && n.label.startsWith("Suspected Iranian cyberattack"))!;
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: attribution.id, target: wire.id, type: "quotes" }));
    expect(graph.edges.some((e) => e.source === wire.id && e.type === "published_by")).toBe(true);
    const firstQuote = await db.excerpt.findFirstOrThrow({ where: { claimId: attribution.recordId }, orderBy: { position: "asc" } });
    expect(attribution.href).toBe(`/cases/${caseId}/documents/${firstQuote.documentId}#excerpt-${firstQuote.id}`);
    // The quoted words stay out of the graph (the side panel reads them from the claim when it is selected).
    expect(attribution).not.toHaveProperty("quote");
    const tagged = graph.edges.filter((e) => e.type === "tagged").map((e) => e.target);
    expect(tagged.sort()).toEqual(["technique:T1114", "technique:T1485"]);
    expect(graph.nodes.find((n) => n.id === "technique:T1485")?.label).toBe("T1485 Data Destruction");
  });

  it("rates claim → hypothesis with the mean of the raters, as the ACH matrix does", async () => {
    const rated = graph.edges.filter((e) => e.type === "rated");
    expect(rated.length).toBeGreaterThan(0);
    const stored = await db.achRating.findMany({
      where: { hypothesis: { caseId } },
      select: { claimId: true, hypothesisId: true, rating: true },
    });
    const one = rated[0];
    const scores = stored
      .filter((r) => `claim:${r.claimId}` === one.source && `hypothesis:${r.hypothesisId}` === one.target)
      .map((r) => ({ CC: 5, C: 4, N: 3, I: 2, II: 1, NA: 3 })[r.rating]);
    expect(one.rating!.raters).toBe(scores.length);
    expect(one.rating!.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length);
    expect(one.label).toMatch(/^(consistent|neutral|inconsistent) \(/);
  });

  it("traces the relayed Microsoft claims to one origin, Microsoft's DART, through the UPI column", async () => {
    const mois = claimNode("Microsoft's Detection and Response Team traced the attacks");
    const iran = claimNode("The Microsoft Detection and Response Team's report");
    const dart = graph.nodes.find((n) => n.type === "source" && n.label.startsWith("Microsoft Detection and Response Team"))!;
    const upiDoc = graph.nodes.find((n) => n.type === "document" && n.label === "Albania shows the West how to deal with Iran")!;
    expect(mois.origin).toEqual({
      sourceId: dart.recordId,
      label: dart.label,
      claimId: iran.recordId,
      chain: [mois.id, iran.id, upiDoc.id, dart.id],
    });
    expect(iran.origin?.sourceId).toBe(dart.recordId);
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: mois.id, target: iran.id, type: "repeats" }));
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: mois.id, target: dart.id, type: "originated_by" }));
  });

  it("marks circular reporting by the independence rule, with one explanation for both claims", async () => {
    const attribution = claimNode("Albania and the United States hold Iran responsible");
    const severed = claimNode("Albania ended diplomatic relations");
    const severedUpi = claimNode("Albania severed diplomatic relations");
    const mois = claimNode("Microsoft's Detection and Response Team traced the attacks");
    const iran = claimNode("The Microsoft Detection and Response Team's report");
    // Two documents from two sources: independent, as the demo's "Confirmed" claim needs.
    const independent = graph.edges.find((e) => e.type === "corroborates" && e.source === severedUpi.id && e.target === severed.id)!;
    expect(independent.circular).toBe(false);
    expect(severed.circular).toBe(false);
    // Both Microsoft relays "corroborate" the attribution: one report counted twice.
    const relays = graph.circular.filter((c) => c.claimIds.includes(mois.recordId) && c.claimIds.includes(iran.recordId));
    expect(relays).toHaveLength(1);
    expect(relays[0].originLabel).toBe("Microsoft Detection and Response Team (DART)");
    expect(relays[0].explanation).toMatch(/one claim is linked as repeating another/);
    for (const relay of [mois, iran]) {
      expect(relay.circular).toBe(true);
      expect(graph.edges.find((e) => e.type === "corroborates" && e.source === relay.id && e.target === attribution.id)).toMatchObject({
        circular: true,
        label: "corroborates (circular)",
      });
    }
    // The sanctions claim quotes the same wire report as the attribution it "corroborates": one origin.
    const sanctions = claimNode("The US Treasury sanctioned");
    const pair = graph.circular.filter((c) => c.claimIds.includes(sanctions.recordId) && c.claimIds.includes(attribution.recordId));
    expect(pair).toHaveLength(1);
    expect(pair[0].explanation).toMatch(/one origin \(Wire report \(London\), citing the Daily Telegraph\): both quote Wire report/);
  });

  it("reads the whole case in a fixed number of statements, whatever its size", async () => {
    const seen: string[] = [];
    const listen = (e: { query: string }) => void seen.push(e.query);
    queryStats.listeners.add(listen);
    try {
      await getCaseGraph({ access: { caseId, role: "viewer" } });
    } finally {
      queryStats.listeners.delete(listen);
    }
    expect(queryStats.enabled).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(13);
  });

  it("works the circular marks out again when the evidence changes (they are kept per case between requests)", async () => {
    // Two claims that quote one document and are not linked: linked as corroborating, they are one origin.
    const quoting = new Map<string, string[]>();
    for (const e of graph.edges) if (e.type === "quotes") quoting.set(e.target, [...(quoting.get(e.target) ?? []), e.source]);
    const linked = new Set(
      graph.edges
        .filter((e) => e.source.startsWith("claim:") && e.target.startsWith("claim:"))
        .map((e) => [e.source, e.target].sort().join("|")),
    );
    const pair = [...quoting.values()]
      .flatMap((cs) => cs.flatMap((a) => cs.filter((b) => a < b && !linked.has(`${a}|${b}`)).map((b) => [a, b])))
      .at(0)!;
    const [a, b] = pair.map((id) => id.slice("claim:".length));
    const marked = (g: CaseGraph) => g.circular.some((c) => c.claimIds.includes(a) && c.claimIds.includes(b));
    expect(marked(await getCaseGraph({ access: { caseId, role: "viewer" } }))).toBe(false);
    const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
    const link = await db.claimLink.create({
      data: { caseId, fromClaimId: a, toClaimId: b, kind: "corroborates", createdById: analyst.id },
    });
    try {
      expect(marked(await getCaseGraph({ access: { caseId, role: "viewer" } }))).toBe(true);
    } finally {
      await db.claimLink.delete({ where: { id: link.id } });
    }
    expect(marked(await getCaseGraph({ access: { caseId, role: "viewer" } }))).toBe(false);
  });

  it("answers 404 to someone who is not a member of the case, and for a malformed case id", async () => {
    const stranger = await makeUser({ name: "Stranger" });
    const denied = await fetchGraph(stranger);
    expect(denied.status).toBe(404);
    expect(JSON.stringify(denied.body)).not.toContain("Microsoft");
    expect((await fetchGraph(stranger, "not-a-uuid")).status).toBe(404);
  });
});
