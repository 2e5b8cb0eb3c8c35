// Issue #13, ATT&CK in a case: technique tags on claims, entity links to ATT&CK objects, the case's ATT&CK view, the
// Navigator layer and the TTP-overlap ranking. Through the real route handlers (Bearer token) on a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { rankOverlap } from "@/lib/attack/overlap";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { renderMarkdown } from "@/lib/briefs/render-markdown";
import { PUT as putTechniques } from "@/app/api/cases/[caseId]/claims/[claimId]/techniques/route";
import { PUT as putEntityAttack } from "@/app/api/cases/[caseId]/entities/[entityId]/attack/route";
import { GET as getAttack } from "@/app/api/cases/[caseId]/attack/route";
import { GET as getLayer } from "@/app/api/cases/[caseId]/attack/layer/route";
import { GET as getOverlap } from "@/app/api/cases/[caseId]/attack/overlap/route";
import { GET as searchTechniques } from "@/app/api/attack/techniques/route";
import { POST as postOverlapClaim } from "@/app/api/cases/[caseId]/attack/overlap/claims/route";
import { makeCase, makeUser } from "../support/factories";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const TEXT =
  "The attackers deployed the ZeroCleare wiper, which overwrote the master boot record. " +
  "Separately, ransomware encrypted files on government servers. The group gained access through an Exchange vulnerability.";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const vic = await makeUser({ name: "Vic" });
  const c = await makeCase({ owner: ana, members: [[vic, "viewer"]] });
  const access = { caseId: c.id, role: "owner" as const };
  const { document: doc } = await createPastedDocument({ ctx: ana, access, input: { title: "Wire report", text: TEXT } });
  const claim = (exact: string, credibility: number) =>
    createClaim({
      ctx: ana,
      access,
      input: { statement: exact, claimant: "Wire", kind: "fact", credibility, excerpts: [{ documentId: doc.id, exact }] },
    });
  const wiper = await claim("ZeroCleare wiper, which overwrote the master boot record", 2);
  const ransom = await claim("ransomware encrypted files on government servers", 3);
  const tokenFor = async (who: typeof ana) => (await createApiToken({ ctx: who, name: "attack" })).token;
  const [anaToken, vicToken] = [await tokenFor(ana), await tokenFor(vic)];
  const call = async (
    handler: Handler,
    {
      path,
      method = "GET",
      body,
      params = {},
      as = "ana",
    }: { path: string; method?: string; body?: unknown; params?: Record<string, string>; as?: "ana" | "vic" },
  ) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${as === "ana" ? anaToken : vicToken}`,
      "content-type": "application/json",
    };
    const res = await handler(
      new NextRequest(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
      {
        params: Promise.resolve({ caseId: c.id, ...params }),
      },
    );
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  return { ana, c, access, doc, wiper, ransom, call };
}

describe("ATT&CK technique tags", () => {
  it("tags a claim, normalises ids, audits the change and refuses unknown ids with nothing stored", async () => {
    const { c, wiper, call } = await setup();
    const path = `/api/cases/${c.id}/claims/${wiper.id}/techniques`;
    const ok = await call(putTechniques, {
      path,
      method: "PUT",
      body: { techniqueIds: ["t1561.002", "T1485", "T1485"] },
      params: { claimId: wiper.id },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.techniques).toEqual([
      { id: "T1485", name: "Data Destruction" },
      { id: "T1561.002", name: "Disk Structure Wipe" },
    ]);
    expect(await db.auditEvent.count({ where: { targetId: wiper.id, action: "claim.techniques" } })).toBe(1);

    const unknown = await call(putTechniques, {
      path,
      method: "PUT",
      body: { techniqueIds: ["T1485", "T9999"] },
      params: { claimId: wiper.id },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBe("Not an ATT&CK Enterprise v18.1 technique: T9999.");
    const malformed = await call(putTechniques, { path, method: "PUT", body: { techniqueIds: ["1486"] }, params: { claimId: wiper.id } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.issues[0].message).toBe("Technique ids look like T1486 or T1561.002.");
    const tags = await db.claimTechnique.findMany({ where: { claimId: wiper.id }, orderBy: { techniqueId: "asc" } });
    expect(tags.map((t) => t.techniqueId)).toEqual(["T1485", "T1561.002"]);

    // The same set again changes nothing and writes no audit row.
    await call(putTechniques, { path, method: "PUT", body: { techniqueIds: ["T1561.002", "T1485"] }, params: { claimId: wiper.id } });
    expect(await db.auditEvent.count({ where: { targetId: wiper.id, action: "claim.techniques" } })).toBe(1);

    const viewer = await call(putTechniques, {
      path,
      method: "PUT",
      body: { techniqueIds: ["T1486"] },
      params: { claimId: wiper.id },
      as: "vic",
    });
    expect(viewer.status).toBe(403);
  });

  it("builds the ATT&CK view, the Navigator layer and the overlap ranking from live claims only", async () => {
    const { c, wiper, ransom, call } = await setup();
    const put = (claimId: string, techniqueIds: string[]) =>
      call(putTechniques, {
        path: `/api/cases/${c.id}/claims/${claimId}/techniques`,
        method: "PUT",
        body: { techniqueIds },
        params: { claimId },
      });
    await put(wiper.id, ["T1561.002", "T1485"]);
    await put(ransom.id, ["T1486", "T1561"]);

    const view = await call(getAttack, { path: `/api/cases/${c.id}/attack`, as: "vic" });
    expect(view.status).toBe(200);
    expect(view.body.tactics.map((t: { shortname: string }) => t.shortname).slice(0, 2)).toEqual([
      "reconnaissance",
      "resource-development",
    ]);
    const impact = view.body.tactics.find((t: { shortname: string }) => t.shortname === "impact");
    const byId = Object.fromEntries(impact.techniques.map((t: { id: string }) => [t.id, t]));
    expect(Object.keys(byId).sort()).toEqual(["T1485", "T1486", "T1561"]);
    // T1561: the ransom claim tags the parent, the wiper claim its sub-technique: two claims, best credibility 2.
    expect(byId.T1561).toMatchObject({ claimCount: 2, bestCredibility: 2, claimIds: [ransom.id] });
    expect(byId.T1561.subtechniques).toMatchObject([{ id: "T1561.002", claimCount: 1, bestCredibility: 2, claimIds: [wiper.id] }]);
    expect(view.body.claims.find((cl: { id: string }) => cl.id === wiper.id).quotes[0]).toMatchObject({
      exact: "ZeroCleare wiper, which overwrote the master boot record",
      documentTitle: "Wire report",
    });

    const layer = await call(getLayer, { path: `/api/cases/${c.id}/attack/layer` });
    expect(layer.status).toBe(200);
    expect(layer.headers.get("content-disposition")).toMatch(/attachment; filename=".*-attack-layer\.json"/);
    expect(layer.body).toMatchObject({ domain: "enterprise-attack", versions: { layer: "4.5", attack: "18" } });
    const cell = layer.body.techniques.find((t: { techniqueID: string }) => t.techniqueID === "T1561");
    expect(cell).toMatchObject({ tactic: "impact", score: 2, showSubtechniques: true });
    expect(cell.comment).toContain("ransomware encrypted files");

    const overlap = await call(getOverlap, { path: `/api/cases/${c.id}/attack/overlap` });
    expect(overlap.status).toBe(200);
    expect(overlap.body.observed).toEqual(["T1485", "T1486", "T1561"]);
    // Exactly what a script computes from the shipped catalogue.
    expect(overlap.body.groups).toEqual(rankOverlap(["T1485", "T1486", "T1561"]).groups);
    expect(overlap.body.groups.length).toBeGreaterThan(0);
    expect(overlap.body.note).toMatch(/never attribution by itself/);

    // A row becomes evidence: an assessment claim, credibility 4, quoting the stored computation.
    const top = overlap.body.groups[0];
    const recorded = await call(postOverlapClaim, {
      path: `/api/cases/${c.id}/attack/overlap/claims`,
      method: "POST",
      body: { groupId: top.groupId },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.claim).toMatchObject({ kind: "assessment", claimant: "TTP overlap analysis", credibility: 4 });
    const source = await db.document.findUniqueOrThrow({ where: { id: recorded.body.documentId } });
    const quote = recorded.body.claim.excerpts[0].exact as string;
    expect(source.text.slice(recorded.body.claim.excerpts[0].start, recorded.body.claim.excerpts[0].end)).toBe(quote);
    expect(quote).toContain(`(${top.groupId}) is documented by MITRE ATT&CK as using ${top.shared.length} of the case's 3 techniques`);
    expect(source.text).toMatch(/never attribution by itself/);
    const none = await call(postOverlapClaim, {
      path: `/api/cases/${c.id}/attack/overlap/claims`,
      method: "POST",
      body: { groupId: "G9999" },
    });
    expect(none.status).toBe(422);

    // A rejected claim is not evidence of behaviour: it leaves the view and the overlap.
    await db.claim.update({ where: { id: ransom.id }, data: { status: "rejected" } });
    const after = await call(getOverlap, { path: `/api/cases/${c.id}/attack/overlap` });
    expect(after.body.observed).toEqual(["T1485", "T1561"]);
  });
});

describe("the brief's observed behaviour", () => {
  it("lists tagged techniques by tactic with their footnoted quotes, and the summary template drops the section", async () => {
    const { c, access, wiper, call } = await setup();
    await call(putTechniques, {
      path: `/api/cases/${c.id}/claims/${wiper.id}/techniques`,
      method: "PUT",
      body: { techniqueIds: ["T1561.002"] },
      params: { claimId: wiper.id },
    });
    const full = await composeBrief({ access, template: "full" });
    expect(full.techniques).toMatchObject([{ id: "T1561.002", name: "Disk Structure Wipe", tactic: "Impact", claimIds: [wiper.id] }]);
    const n = full.techniques[0].footnotes[0];
    expect(full.footnotes.find((f) => f.n === n)?.quote).toBe("ZeroCleare wiper, which overwrote the master boot record");
    const md = renderMarkdown(full);
    expect(md).toContain("## Observed behaviour and indicators");
    expect(md).toContain(`- **Impact —** T1561.002 Disk Structure Wipe[^${n}]`);
    const summary = await composeBrief({ access, template: "summary" });
    expect(renderMarkdown(summary)).not.toContain("Observed behaviour");
  });
});

describe("entities linked to ATT&CK objects", () => {
  it("links HomeLand Justice to C0038 with ATT&CK's aliases, refuses a wrong kind or unknown id, and unlinks", async () => {
    const { ana, c, access, call } = await setup();
    const hlj = await createEntity({ ctx: ana, access, input: { kind: "intrusion_set", name: "HomeLand Justice", aliases: [] } });
    const victim = await createEntity({ ctx: ana, access, input: { kind: "organization", name: "Albanian government", aliases: [] } });
    const path = (id: string) => `/api/cases/${c.id}/entities/${id}/attack`;
    const linked = await call(putEntityAttack, {
      path: path(hlj.id),
      method: "PUT",
      body: { attackId: "c0038" },
      params: { entityId: hlj.id },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.attack).toMatchObject({ id: "C0038", kind: "campaign", name: "HomeLand Justice" });
    expect(linked.body.entity.attackId).toBe("C0038");
    expect(linked.body.entity.version).toBe(hlj.version + 1);
    expect(await db.auditEvent.count({ where: { targetId: hlj.id, action: "entity.attack" } })).toBe(1);

    const wrongKind = await call(putEntityAttack, {
      path: path(victim.id),
      method: "PUT",
      body: { attackId: "G0034" },
      params: { entityId: victim.id },
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.message).toMatch(/cannot be ATT&CK group G0034/);
    const unknown = await call(putEntityAttack, {
      path: path(hlj.id),
      method: "PUT",
      body: { attackId: "G9999" },
      params: { entityId: hlj.id },
    });
    expect(unknown.status).toBe(422);
    expect((await db.entity.findUnique({ where: { id: hlj.id } }))!.attackId).toBe("C0038");

    const unlinked = await call(putEntityAttack, {
      path: path(hlj.id),
      method: "PUT",
      body: { attackId: null },
      params: { entityId: hlj.id },
    });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.attack).toBeNull();
  });

  it("finds techniques for the picker and refuses an empty query", async () => {
    const { call } = await setup();
    const hits = await call(searchTechniques, { path: `/api/attack/techniques?q=ransom` });
    expect(hits.status).toBe(200);
    expect(hits.body.techniques.map((t: { id: string }) => t.id)).toContain("T1486");
    const empty = await call(searchTechniques, { path: `/api/attack/techniques?q=` });
    expect(empty.status).toBe(422);
  });
});
