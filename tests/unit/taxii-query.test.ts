// TAXII 2.1 content negotiation and the collection query (lib/taxii), on hand-made object versions.
import { describe, expect, it } from "vitest";
import { acceptsTaxii, TAXII_MAX_PAGE } from "@/lib/taxii/media";
import { parseTaxiiQuery, queryVersions, type TaxiiObjectVersion } from "@/lib/taxii/query";
import { BadRequestError } from "@/lib/errors";

const v = (id: string, version: string, dateAdded: string, type = id.split("--")[0]): TaxiiObjectVersion => ({
  id,
  type,
  version,
  specVersion: "2.1",
  dateAdded,
  object: { id, type, modified: version },
});
const R1 = "2026-01-01T00:00:00.000Z";
const R2 = "2026-02-01T00:00:00.000Z";
const ALL = [
  v("note--b", "2025-01-01T00:00:00.000Z", R1),
  v("note--b", "2025-06-01T00:00:00.000Z", R2),
  v("report--a", "2025-01-01T00:00:00.000Z", R1),
  v("report--a", "2025-03-01T00:00:00.000Z", R2),
  v("report--a", "2025-05-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"),
  v("campaign--c", "2025-01-01T00:00:00.000Z", R1),
];
const run = (query: string, filters: "objects" | "object" | "versions" = "objects") =>
  queryVersions(ALL, parseTaxiiQuery(new URLSearchParams(query), filters));
const ids = (query: string) => run(query).items.map((x) => `${x.id}@${x.version.slice(0, 7)}`);

describe("TAXII content negotiation", () => {
  it("accepts the TAXII 2.1 media type, with or without a version, among other ranges", () => {
    for (const accept of [
      "application/taxii+json;version=2.1",
      "application/taxii+json",
      'application/taxii+json; version="2.1"',
      "text/html, application/taxii+json;version=2.1;q=0.5",
      "APPLICATION/TAXII+JSON;VERSION=2.1",
    ])
      expect(acceptsTaxii(accept), accept).toBe(true);
  });

  it("refuses anything else: no header, JSON, STIX, another TAXII version, or the TAXII type with q=0", () => {
    for (const accept of [null, "", "*/*", "application/json", "application/stix+json;version=2.1", "application/taxii+json;version=2.0"])
      expect(acceptsTaxii(accept), String(accept)).toBe(false);
    expect(acceptsTaxii("application/taxii+json;version=2.1;q=0")).toBe(false);
  });
});

describe("TAXII collection query", () => {
  it("gives each object's latest version by default, first/last/all/a timestamp on request", () => {
    expect(ids("")).toEqual(["campaign--c@2025-01", "note--b@2025-06", "report--a@2025-05"]);
    expect(ids("match[version]=first")).toEqual(["campaign--c@2025-01", "note--b@2025-01", "report--a@2025-01"]);
    expect(ids("match[version]=all")).toHaveLength(ALL.length);
    expect(ids("match[version]=2025-03-01T00:00:00Z,first&match[id]=report--a")).toEqual(["report--a@2025-01", "report--a@2025-03"]);
    // The versions endpoint lists every version, whatever match[version] says.
    expect(run("match[version]=last", "versions").items).toHaveLength(ALL.length);
  });

  it("applies added_after (exclusive) before picking versions, and filters by type and id", () => {
    expect(ids(`added_after=${R1}&match[version]=all`)).toEqual(["note--b@2025-06", "report--a@2025-03", "report--a@2025-05"]);
    expect(ids(`added_after=${R2}`)).toEqual(["report--a@2025-05"]);
    expect(ids("match[type]=note,campaign&match[version]=all")).toEqual(["campaign--c@2025-01", "note--b@2025-01", "note--b@2025-06"]);
    expect(ids("match[id]=note--b&match[type]=report")).toEqual([]);
  });

  it("pages in a stable order with an opaque next, capping limit at the server's maximum", () => {
    const seen: string[] = [];
    let next = "";
    for (;;) {
      const page = run(`match[version]=all&limit=2${next ? `&next=${next}` : ""}`);
      seen.push(...page.items.map((x) => `${x.id}@${x.version}`));
      if (!page.more) break;
      next = page.next!;
    }
    expect(seen).toEqual(run("match[version]=all").items.map((x) => `${x.id}@${x.version}`));
    expect(new Set(seen).size).toBe(ALL.length);
    expect(parseTaxiiQuery(new URLSearchParams("limit=999999"), "objects").limit).toBe(TAXII_MAX_PAGE);
    for (const bad of ["limit=0", "limit=1.5", "next=%%%", "added_after=2026-01-01", "match[version]=latest"])
      expect(() => parseTaxiiQuery(new URLSearchParams(bad), "objects"), bad).toThrow(BadRequestError);
  });
});
