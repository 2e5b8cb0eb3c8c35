import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { STIX_ID } from "@/lib/stix/ids";
import { collectionObjects, findCollection, listCollections } from "./collections";
import { TAXII_MAX_CONTENT_LENGTH, TAXII_MEDIA_TYPE } from "./media";
import { dateAddedHeaders, envelope, manifest, parseTaxiiQuery, queryVersions, versionList } from "./query";

/** What a TAXII route answers: the resource and any TAXII headers; lib/http/taxii-route.ts sends it. */
export type TaxiiResult = { body: unknown; headers?: Record<string, string> };

type Args = { actor: Actor; params: Record<string, string>; searchParams: URLSearchParams };

export const API_ROOT_PATH = "/taxii2/api/";

/** §4.1 discovery: one API root. */
export function discovery({ baseUrl }: { baseUrl: string }): TaxiiResult {
  const root = `${baseUrl}${API_ROOT_PATH}`;
  return {
    body: {
      title: "Casefile TAXII 2.1 server",
      description: "Released briefs of the cases you can read, as STIX 2.1. Read-only; authenticate with a personal API token.",
      default: root,
      api_roots: [root],
    },
  };
}

/** §4.2 API root. */
export function apiRoot(): TaxiiResult {
  return {
    body: {
      title: "Casefile released briefs",
      description: "One collection per case you can read that has at least one released brief.",
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: TAXII_MAX_CONTENT_LENGTH,
    },
  };
}

/** §5.1 collections; no collections is an empty object. */
export async function collections({ actor }: Pick<Args, "actor">): Promise<TaxiiResult> {
  const list = await listCollections(actor);
  return { body: list.length ? { collections: list } : {} };
}

/** §5.2 one collection. */
export async function collection({ actor, params }: Omit<Args, "searchParams">): Promise<TaxiiResult> {
  return { body: (await findCollection(actor, params.collectionId)).collection };
}

async function versionsOf({ actor, params }: Omit<Args, "searchParams">) {
  const { caseId } = await findCollection(actor, params.collectionId);
  return collectionObjects(caseId);
}

/** §5.3 manifest. */
export async function getManifest(args: Args): Promise<TaxiiResult> {
  const query = parseTaxiiQuery(args.searchParams, "objects");
  const page = queryVersions(await versionsOf(args), query);
  return { body: manifest(page), headers: dateAddedHeaders(page.items) };
}

/** §5.4 objects. */
export async function getObjects(args: Args): Promise<TaxiiResult> {
  const query = parseTaxiiQuery(args.searchParams, "objects");
  const page = queryVersions(await versionsOf(args), query);
  return { body: envelope(page), headers: dateAddedHeaders(page.items) };
}

/** The versions of one object; an id the collection has never held is a 404. */
async function objectVersions(args: Args) {
  const objectId = args.params.objectId;
  const all = STIX_ID.test(objectId) ? (await versionsOf(args)).filter((v) => v.id === objectId) : [];
  if (!all.length) throw new NotFoundError("Object");
  return all;
}

/** §5.6 one object (its latest version unless match[version] says otherwise). */
export async function getObject(args: Args): Promise<TaxiiResult> {
  const query = parseTaxiiQuery(args.searchParams, "object");
  const page = queryVersions(await objectVersions(args), query);
  return { body: envelope(page), headers: dateAddedHeaders(page.items) };
}

/** §5.8 the versions of one object. */
export async function getVersions(args: Args): Promise<TaxiiResult> {
  const query = parseTaxiiQuery(args.searchParams, "versions");
  const page = queryVersions(await objectVersions(args), query);
  return { body: versionList(page), headers: dateAddedHeaders(page.items) };
}
