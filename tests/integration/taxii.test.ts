// TAXII 2.1 conformance (issue 14): the read-only feed of released briefs, walked through the real route
// handlers against the MUSTs of the OASIS TAXII 2.1 specification for the endpoints it serves, and an
// authorization test across users: a token never sees a collection of a case its user cannot read.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { seedAlbaniaRelease } from "../../scripts/lib/demo-attribution";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { getReleaseFile } from "@/lib/briefs/releases";
import { collectionIdOf } from "@/lib/taxii/collections";
import { DRAFT_MARK } from "@/lib/briefs/brief-types";
import type { Ctx } from "@/lib/auth/actor";
import * as discoveryRoute from "@/app/taxii2/route";
import * as apiRootRoute from "@/app/taxii2/api/route";
import * as collectionsRoute from "@/app/taxii2/api/collections/route";
import * as collectionRoute from "@/app/taxii2/api/collections/[collectionId]/route";
import * as objectsRoute from "@/app/taxii2/api/collections/[collectionId]/objects/route";
import * as objectRoute from "@/app/taxii2/api/collections/[collectionId]/objects/[objectId]/route";
import * as versionsRoute from "@/app/taxii2/api/collections/[collectionId]/objects/[objectId]/versions/route";
import * as manifestRoute from "@/app/taxii2/api/collections/[collectionId]/manifest/route";
import { ctxOfUser } from "../support/factories";

const TAXII = "application/taxii+json;version=2.1";
type Handler = (req: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Stix = { id: string; type: string; modified?: string; created?: string; [k: string]: unknown };

let caseId: string;
let collectionId: string;
let analyst: Ctx;
let reviewer: Ctx;
let investigator: Ctx;
let token: string;
let releaseObjects: Stix[];
let release1At: string;

const basic = (secret: string, user = "opencti") => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

async function call(
  route: { GET: unknown },
  path: string,
  {
    params = {},
    auth = `Bearer ${token}`,
    accept = TAXII,
  }: { params?: Record<string, string>; auth?: string | null; accept?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  if (accept) headers.accept = accept;
  const res = await (route.GET as Handler)(new NextRequest(`http://casefile.test${path}`, { headers }), {
    params: Promise.resolve(params),
  });
  return { res, status: res.status, body: await res.json(), type: res.headers.get("content-type") };
}

const byId = (list: Stix[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const objectsPath = (query = "") => `/taxii2/api/collections/${collectionId}/objects/${query}`;
const objects = (query = "", opts: Parameters<typeof call>[2] = {}) =>
  call(objectsRoute, objectsPath(query), { params: { collectionId }, ...opts });

/** Every page of a query, following `next` until `more` is false. */
async function allPages(route: { GET: unknown }, path: string, params: Record<string, string>, query: string) {
  const pages: Record<string, unknown>[] = [];
  let next: string | undefined;
  for (let i = 0; i < 100; i++) {
    const sep = query ? "&" : "";
    const { status, body } = await call(route, `${path}?${query}${next ? `${sep}next=${encodeURIComponent(next)}` : ""}`, { params });
    expect(status).toBe(200);
    pages.push(body);
    if (!body.more) break;
    expect(typeof body.next).toBe("string");
    next = body.next;
  }
  return pages;
}

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
  collectionId = collectionIdOf(caseId);
  analyst = await ctxOfUser("analyst@example.com");
  reviewer = await ctxOfUser("reviewer@example.com");
  investigator = await ctxOfUser("investigator@example.com");
  token = (await createApiToken({ ctx: analyst, name: "taxii" })).token;
  const file = await getReleaseFile({ access: { caseId, role: "owner" }, number: 1, format: "stix" });
  releaseObjects = JSON.parse(file.bytes.toString("utf8")).objects;
  release1At = (await db.briefRelease.findFirstOrThrow({ where: { caseId, number: 1 } })).createdAt.toISOString();
}, 180_000);

describe("TAXII 2.1: discovery, API root, collections", () => {
  it("answers discovery and the API root in the TAXII media type, with one API root", async () => {
    const d = await call(discoveryRoute, "/taxii2/");
    expect(d.status).toBe(200);
    expect(d.type).toBe(TAXII);
    expect(d.body.api_roots).toHaveLength(1);
    expect(d.body.api_roots[0]).toMatch(/^https?:\/\/[^/]+\/taxii2\/api\/$/);
    expect(d.body.default).toBe(d.body.api_roots[0]);
    expect(d.body.title).toBeTruthy();
    const root = await call(apiRootRoute, "/taxii2/api/");
    expect(root.type).toBe(TAXII);
    expect(root.body).toMatchObject({ versions: [TAXII], max_content_length: expect.any(Number), title: expect.any(String) });
  });

  it("lists one read-only collection per readable case with a release, with a stable UUID", async () => {
    const { status, body, type } = await call(collectionsRoute, "/taxii2/api/collections/");
    expect(status).toBe(200);
    expect(type).toBe(TAXII);
    expect(body.collections).toEqual([
      {
        id: collectionId,
        title: "2022 Albania government cyberattacks",
        description: expect.stringContaining("TLP:AMBER"),
        can_read: true,
        can_write: false,
        media_types: ["application/stix+json;version=2.1"],
      },
    ]);
    expect(collectionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(collectionIdOf(caseId)).toBe(collectionId);
    const one = await call(collectionRoute, `/taxii2/api/collections/${collectionId}/`, { params: { collectionId } });
    expect(one.body).toEqual(body.collections[0]);
  });

  it("answers an unknown collection with a 404 TAXII error message", async () => {
    for (const id of ["0b2d7a51-3c1e-4f6a-9d8e-2a7b5c4d3e1f", "not-a-uuid", caseId]) {
      const { status, body, type } = await call(collectionRoute, `/taxii2/api/collections/${id}/`, { params: { collectionId: id } });
      expect(status).toBe(404);
      expect(type).toBe(TAXII);
      expect(body).toMatchObject({ title: expect.any(String), description: expect.any(String), http_status: "404" });
    }
  });
});

describe("TAXII 2.1: content negotiation and authentication", () => {
  it("refuses a request without an acceptable Accept with 406, and takes the TAXII media type with or without a version", async () => {
    for (const accept of [
      null,
      "application/json",
      "application/taxii+json;version=2.0",
      "application/stix+json;version=2.1",
      "text/html",
    ]) {
      const { status, body, type } = await call(collectionsRoute, "/taxii2/api/collections/", { accept });
      expect(status, String(accept)).toBe(406);
      expect(type).toBe(TAXII);
      expect(body).toMatchObject({ http_status: "406", title: expect.any(String) });
    }
    for (const accept of [
      "application/taxii+json",
      "application/taxii+json; version=2.1",
      "application/json, application/taxii+json;version=2.1",
    ])
      expect((await call(collectionsRoute, "/taxii2/api/collections/", { accept })).status, accept).toBe(200);
  });

  it("takes the API token as a Bearer token or as the HTTP Basic password; anything else is a 401 with a challenge", async () => {
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth: basic(token) })).body.collections).toHaveLength(1);
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth: basic(token, "") })).status).toBe(200);
    for (const auth of [null, "Bearer cf_nope", basic("wrong-password"), basic(""), `Basic ${token}`, "Token abc"]) {
      const { res, status, body, type } = await call(discoveryRoute, "/taxii2/", { auth });
      expect(status, String(auth)).toBe(401);
      expect(type).toBe(TAXII);
      expect(body).toMatchObject({ http_status: "401", title: expect.any(String) });
      expect(res.headers.get("www-authenticate")).toMatch(/Basic realm="Casefile TAXII"/);
    }
    // Authentication comes first: an anonymous request learns nothing, whatever it accepts.
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth: null, accept: "text/html" })).status).toBe(401);
  });
});

describe("TAXII 2.1: objects, manifest, versions", () => {
  it("serves exactly the release's STIX objects in an envelope, with the date-added headers", async () => {
    const { status, body, type, res } = await objects();
    expect(status).toBe(200);
    expect(type).toBe(TAXII);
    expect(Object.keys(body).sort()).toEqual(["more", "objects"]);
    expect(body.more).toBe(false);
    expect(byId(body.objects)).toEqual(byId(releaseObjects));
    expect(res.headers.get("x-taxii-date-added-first")).toBe(release1At);
    expect(res.headers.get("x-taxii-date-added-last")).toBe(release1At);
    expect(releaseObjects.length).toBeGreaterThan(10);
  });

  it("pages with limit and next, and the pages stitch back to exactly the release's objects", async () => {
    const pages = await allPages(objectsRoute, objectsPath(), { collectionId }, "limit=4");
    expect(pages.length).toBe(Math.ceil(releaseObjects.length / 4));
    for (const p of pages.slice(0, -1)) expect(p).toMatchObject({ more: true, next: expect.any(String), objects: expect.any(Array) });
    expect(pages.at(-1)).not.toHaveProperty("next");
    const stitched = pages.flatMap((p) => p.objects as Stix[]);
    expect(stitched).toHaveLength(releaseObjects.length);
    expect(new Set(stitched.map((o) => o.id)).size).toBe(stitched.length);
    expect(byId(stitched)).toEqual(byId(releaseObjects));
    // The manifest pages the same way, one entry per object version.
    const manifest = (
      await allPages(manifestRoute, `/taxii2/api/collections/${collectionId}/manifest/`, { collectionId }, "limit=5")
    ).flatMap((p) => p.objects as Record<string, string>[]);
    expect(manifest.map((m) => m.id)).toEqual(stitched.map((o) => o.id));
    for (const [i, m] of manifest.entries()) {
      expect(Object.keys(m).sort()).toEqual(["date_added", "id", "media_type", "version"]);
      expect(m).toMatchObject({ date_added: release1At, media_type: "application/stix+json;version=2.1" });
      expect(m.version).toBe(stitched[i].modified ?? stitched[i].created);
    }
  });

  it("refuses a limit, next or added_after it cannot read with a 400 TAXII error", async () => {
    for (const q of ["?limit=0", "?limit=-3", "?limit=abc", "?next=garbage", "?added_after=yesterday", "?match[version]=soon"]) {
      const { status, body } = await objects(q);
      expect(status, q).toBe(400);
      expect(body.http_status).toBe("400");
    }
  });

  it("treats added_after as exclusive", async () => {
    const at = await objects(`?added_after=${release1At}`);
    expect(at.status).toBe(200);
    expect(at.body).toEqual({ more: false });
    expect(at.res.headers.get("x-taxii-date-added-first")).toBeNull();
    const before = new Date(Date.parse(release1At) - 1).toISOString();
    expect((await objects(`?added_after=${before}`)).body.objects).toHaveLength(releaseObjects.length);
  });

  it("filters by match[type] and match[id], each taking a comma-separated list", async () => {
    const notes = (await objects("?match[type]=note")).body.objects as Stix[];
    expect(notes.length).toBe(releaseObjects.filter((o) => o.type === "note").length);
    expect(notes.every((o) => o.type === "note")).toBe(true);
    const two = (await objects("?match[type]=campaign,report")).body.objects as Stix[];
    expect(new Set(two.map((o) => o.type))).toEqual(new Set(["campaign", "report"]));
    expect((await objects("?match[type]=malware-analysis")).body).toEqual({ more: false });
    const report = releaseObjects.find((o) => o.type === "report")!;
    const campaign = releaseObjects.find((o) => o.type === "campaign")!;
    expect(((await objects(`?match[id]=${report.id}`)).body.objects as Stix[]).map((o) => o.id)).toEqual([report.id]);
    expect(((await objects(`?match[id]=${report.id},${campaign.id}`)).body.objects as Stix[]).map((o) => o.id).sort()).toEqual(
      [report.id, campaign.id].sort(),
    );
    expect(((await objects(`?match[id]=${report.id}&match[type]=note`)).body.objects ?? []) as Stix[]).toEqual([]);
    expect((await objects("?match[spec_version]=2.0")).body).toEqual({ more: false });
  });

  it("serves one object and its versions; an object the collection never held is a 404", async () => {
    const report = releaseObjects.find((o) => o.type === "report")!;
    const params = { collectionId, objectId: report.id };
    const one = await call(objectRoute, `/taxii2/api/collections/${collectionId}/objects/${report.id}/`, { params });
    expect(one.body).toEqual({ more: false, objects: [report] });
    expect(one.res.headers.get("x-taxii-date-added-last")).toBe(release1At);
    const versions = await call(versionsRoute, `/taxii2/api/collections/${collectionId}/objects/${report.id}/versions/`, { params });
    expect(versions.type).toBe(TAXII);
    expect(versions.body).toEqual({ more: false, versions: [report.modified] });
    for (const objectId of ["report--0b2d7a51-3c1e-4f6a-9d8e-2a7b5c4d3e1f", "nonsense"]) {
      const missing = await call(objectRoute, `/taxii2/api/collections/${collectionId}/objects/${objectId}/`, {
        params: { collectionId, objectId },
      });
      expect(missing.status).toBe(404);
      expect(missing.body.http_status).toBe("404");
    }
  });

  it("never serves a draft: no draft mark, and the report is the released one", async () => {
    const all = (await objects("?match[version]=all")).body.objects as Stix[];
    expect(JSON.stringify(all)).not.toContain(DRAFT_MARK);
    const report = all.find((o) => o.type === "report")!;
    expect(report.name).toBe("2022 Albania government cyberattacks");
    expect(report.x_casefile_brief).toMatchObject({ release: 1, draft: false });
  });

  it("adds a second release's new versions: match[version] all/first/last/timestamp, versions and added_after", async () => {
    await seedAlbaniaRelease({ analyst, reviewer, caseId });
    const file2 = await getReleaseFile({ access: { caseId, role: "owner" }, number: 2, format: "stix" });
    const release2Objects: Stix[] = JSON.parse(file2.bytes.toString("utf8")).objects;
    const release2At = (await db.briefRelease.findFirstOrThrow({ where: { caseId, number: 2 } })).createdAt.toISOString();
    const report1 = releaseObjects.find((o) => o.type === "report")!;
    const report2 = release2Objects.find((o) => o.type === "report")!;
    expect(report2.id).toBe(report1.id);
    expect(report2.modified).not.toBe(report1.modified);

    // Default (last): every object of either release once, at its newest version: release 2's objects, and
    // those of release 1 that release 2 no longer carries (its per-release notes), as release 1 gave them.
    const latest = (await allPages(objectsRoute, objectsPath(), { collectionId }, "limit=6")).flatMap((p) => p.objects as Stix[]);
    const inRelease2 = new Set(release2Objects.map((o) => o.id));
    expect(byId(latest)).toEqual(byId([...release2Objects, ...releaseObjects.filter((o) => !inRelease2.has(o.id))]));

    const params = { collectionId, objectId: report1.id };
    const path = `/taxii2/api/collections/${collectionId}/objects/${report1.id}/`;
    const versionsOf = async (q: string) =>
      ((await call(objectRoute, `${path}${q}`, { params })).body.objects as Stix[]).map((o) => o.modified);
    expect(await versionsOf("")).toEqual([report2.modified]);
    expect(await versionsOf("?match[version]=last")).toEqual([report2.modified]);
    expect(await versionsOf("?match[version]=first")).toEqual([report1.modified]);
    expect(await versionsOf("?match[version]=all")).toEqual([report1.modified, report2.modified]);
    expect(await versionsOf(`?match[version]=${report1.modified}`)).toEqual([report1.modified]);
    expect(await versionsOf("?match[version]=first,last")).toEqual([report1.modified, report2.modified]);
    const versions = await call(versionsRoute, `${path}versions/`, { params });
    expect(versions.body).toEqual({ more: false, versions: [report1.modified, report2.modified] });
    expect(versions.res.headers.get("x-taxii-date-added-first")).toBe(release1At);
    expect(versions.res.headers.get("x-taxii-date-added-last")).toBe(release2At);
    const paged = await call(versionsRoute, `${path}versions/?limit=1`, { params });
    expect(paged.body).toMatchObject({ more: true, versions: [report1.modified], next: expect.any(String) });

    // An unchanged object is one version, added with release 1; added_after release 1 gives only what release 2 changed.
    const identity = release2Objects.find((o) => o.type === "identity" && o.identity_class === "organization" && !o.created_by_ref)!;
    const identityPath = `/taxii2/api/collections/${collectionId}/objects/${identity.id}/versions/`;
    expect((await call(versionsRoute, identityPath, { params: { collectionId, objectId: identity.id } })).body.versions).toHaveLength(1);
    const added = (await objects(`?added_after=${release1At}&match[version]=all`)).body.objects as Stix[];
    expect(added.map((o) => o.id)).toContain(report1.id);
    expect(added.map((o) => o.id)).not.toContain(identity.id);
    const manifest = await call(
      manifestRoute,
      `/taxii2/api/collections/${collectionId}/manifest/?added_after=${release1At}&match[version]=all`,
      {
        params: { collectionId },
      },
    );
    expect((manifest.body.objects as { date_added: string }[]).every((m) => m.date_added === release2At)).toBe(true);
    expect(manifest.res.headers.get("x-taxii-date-added-first")).toBe(release2At);
  }, 60_000);
});

describe("TAXII 2.1: authorization across users", () => {
  it("a token of someone outside the case sees no collection, and gets the same 404 on it as on an unknown one", async () => {
    const outsider = (await createApiToken({ ctx: investigator, name: "taxii" })).token;
    const auth = `Bearer ${outsider}`;
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth })).body).toEqual({});
    const report = releaseObjects.find((o) => o.type === "report")!;
    const attempts: [{ GET: unknown }, string, Record<string, string>][] = [
      [collectionRoute, "", { collectionId }],
      [objectsRoute, "objects/", { collectionId }],
      [manifestRoute, "manifest/", { collectionId }],
      [objectRoute, `objects/${report.id}/`, { collectionId, objectId: report.id }],
      [versionsRoute, `objects/${report.id}/versions/`, { collectionId, objectId: report.id }],
    ];
    for (const [route, suffix, params] of attempts) {
      const { status, body } = await call(route, `/taxii2/api/collections/${collectionId}/${suffix}`, { params, auth });
      expect(status, suffix).toBe(404);
      expect(body).toEqual({ title: "Not found", description: "Not found.", http_status: "404", error_id: expect.any(String) });
    }
    // A viewer of the case reads the feed too (reading is every role's right).
    const viewer = (await createApiToken({ ctx: await ctxOfUser("viewer@example.com"), name: "taxii" })).token;
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth: basic(viewer) })).body.collections).toHaveLength(1);
    // Removed from the case, the same token loses the collection at once.
    const vera = await ctxOfUser("viewer@example.com");
    await db.caseMember.delete({ where: { caseId_userId: { caseId, userId: vera.actor.id } } });
    expect((await call(collectionsRoute, "/taxii2/api/collections/", { auth: basic(viewer) })).body).toEqual({});
    expect((await objects("", { auth: basic(viewer) })).status).toBe(404);
  });

  it("refuses a revoked token on its very next request", async () => {
    const { token: t, apiToken } = await createApiToken({ ctx: analyst, name: "revoke me" });
    expect((await objects("", { auth: basic(t) })).status).toBe(200);
    await revokeApiToken({ ctx: analyst, tokenId: apiToken.id });
    const { status, res } = await objects("", { auth: basic(t) });
    expect(status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Basic");
    expect((await objects("", { auth: `Bearer ${t}` })).status).toBe(401);
  });
});
