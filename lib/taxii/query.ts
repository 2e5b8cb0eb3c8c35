// Filtering and paging of a collection's object versions (OASIS TAXII 2.1 §3.4–3.6). Pure: the routes
// hand it every version the collection holds and the query string; it answers one page.
import { BadRequestError } from "@/lib/errors";
import { STIX_MEDIA_TYPE, TAXII_MAX_PAGE } from "./media";

/** One version of one STIX object in a collection: identified by its id and `modified` (§3.6). */
export type TaxiiObjectVersion = {
  id: string;
  type: string;
  version: string;
  specVersion: string;
  /** When the collection first held this version: the time of the release that first carried it. */
  dateAdded: string;
  object: Record<string, unknown>;
};

export type TaxiiQuery = {
  addedAfter?: number;
  ids?: Set<string>;
  types?: Set<string>;
  versions: string[];
  specVersions?: Set<string>;
  limit: number;
  after?: [string, string, string];
};

/** The filters each endpoint takes (§5.4 objects, §5.5 object, §5.3 manifest, §5.7 versions); others are ignored (§3.5). */
export type TaxiiFilterSet = "objects" | "object" | "versions";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function timestamp(value: string, parameter: string): number {
  const ms = TIMESTAMP.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new BadRequestError(`${parameter} must be a timestamp such as 2026-01-31T12:00:00.000Z.`);
  return ms;
}

const list = (value: string | null) =>
  value === null
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);

/** The sort key of a version: date added, then id, then version. Releases only add later dates, so a page boundary never moves. */
const keyOf = (v: TaxiiObjectVersion): [string, string, string] => [v.dateAdded, v.id, v.version];
function compareKeys(a: [string, string, string], b: [string, string, string]) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
export const byDateAdded = (a: TaxiiObjectVersion, b: TaxiiObjectVersion) => compareKeys(keyOf(a), keyOf(b));

function encodeNext(key: [string, string, string]) {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}
function decodeNext(token: string): [string, string, string] {
  try {
    const key = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === "string")) return key as [string, string, string];
  } catch {
    // falls through to the 400 below
  }
  throw new BadRequestError("The next parameter is not one this server gave out.");
}

export function parseTaxiiQuery(params: URLSearchParams, filters: TaxiiFilterSet): TaxiiQuery {
  const query: TaxiiQuery = { versions: ["last"], limit: TAXII_MAX_PAGE };
  const addedAfter = params.get("added_after");
  if (addedAfter !== null) query.addedAfter = timestamp(addedAfter, "added_after");
  const limit = params.get("limit");
  if (limit !== null) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1) throw new BadRequestError("limit must be a positive whole number.");
    query.limit = Math.min(Number(limit), TAXII_MAX_PAGE);
  }
  const next = params.get("next");
  if (next !== null) query.after = decodeNext(next);
  const specVersions = list(params.get("match[spec_version]"));
  if (specVersions) query.specVersions = new Set(specVersions);
  if (filters === "versions") {
    query.versions = ["all"];
    return query;
  }
  const versions = list(params.get("match[version]"));
  if (versions) {
    for (const v of versions) if (!["all", "first", "last"].includes(v)) timestamp(v, "match[version]");
    query.versions = versions;
  }
  if (filters === "object") return query;
  const ids = list(params.get("match[id]"));
  if (ids) query.ids = new Set(ids);
  const types = list(params.get("match[type]"));
  if (types) query.types = new Set(types);
  return query;
}

/** match[version]: per object, the versions named by all/first/last or an exact timestamp (§3.5.1). */
function selectVersions(items: TaxiiObjectVersion[], wanted: string[]): TaxiiObjectVersion[] {
  if (wanted.includes("all")) return items;
  const byId = new Map<string, TaxiiObjectVersion[]>();
  for (const v of items) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  const exact = new Set(wanted.filter((w) => w !== "first" && w !== "last").map((w) => Date.parse(w)));
  const keep = new Set<TaxiiObjectVersion>();
  for (const versions of byId.values()) {
    const sorted = [...versions].sort((a, b) => Date.parse(a.version) - Date.parse(b.version) || (a.version < b.version ? -1 : 1));
    if (wanted.includes("first")) keep.add(sorted[0]);
    if (wanted.includes("last")) keep.add(sorted[sorted.length - 1]);
    for (const v of sorted) if (exact.has(Date.parse(v.version))) keep.add(v);
  }
  return items.filter((v) => keep.has(v));
}

export type TaxiiPage = { items: TaxiiObjectVersion[]; more: boolean; next?: string };

/**
 * Applies the filters in the reference server's order (added_after, match[id], match[type],
 * match[spec_version], then match[version] over what is left) and cuts one page in the stable order.
 * added_after is exclusive: a version added at exactly that instant is not returned.
 */
export function queryVersions(all: TaxiiObjectVersion[], query: TaxiiQuery): TaxiiPage {
  let items = [...all].sort(byDateAdded);
  if (query.addedAfter !== undefined) items = items.filter((v) => Date.parse(v.dateAdded) > query.addedAfter!);
  if (query.ids) items = items.filter((v) => query.ids!.has(v.id));
  if (query.types) items = items.filter((v) => query.types!.has(v.type));
  if (query.specVersions) items = items.filter((v) => query.specVersions!.has(v.specVersion));
  items = selectVersions(items, query.versions);
  if (query.after) items = items.filter((v) => compareKeys(keyOf(v), query.after!) > 0);
  const page = items.slice(0, query.limit);
  const more = items.length > page.length;
  return { items: page, more, ...(more ? { next: encodeNext(keyOf(page[page.length - 1])) } : {}) };
}

/** X-TAXII-Date-Added-First/Last: the first and last date_added of what this response carries (§3.3.1). */
export function dateAddedHeaders(items: TaxiiObjectVersion[]): Record<string, string> {
  if (!items.length) return {};
  const dates = items.map((v) => v.dateAdded).sort();
  return { "X-TAXII-Date-Added-First": dates[0], "X-TAXII-Date-Added-Last": dates[dates.length - 1] };
}

// Resources (§3.6 envelope, §5.3 manifest, §5.7 versions). A list with nothing in it is left out, as the
// specification asks; `more` is always said.
const paging = (page: TaxiiPage) => ({ more: page.more, ...(page.next ? { next: page.next } : {}) });

export const envelope = (page: TaxiiPage) => ({
  ...paging(page),
  ...(page.items.length ? { objects: page.items.map((v) => v.object) } : {}),
});

export const manifest = (page: TaxiiPage) => ({
  ...paging(page),
  ...(page.items.length
    ? { objects: page.items.map((v) => ({ id: v.id, date_added: v.dateAdded, version: v.version, media_type: STIX_MEDIA_TYPE })) }
    : {}),
});

export const versionList = (page: TaxiiPage) => ({
  ...paging(page),
  ...(page.items.length ? { versions: page.items.map((v) => v.version) } : {}),
});
