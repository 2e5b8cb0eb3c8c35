import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { uuidV5 } from "@/lib/stix/ids";
import { STIX_MEDIA_TYPE } from "./media";
import type { TaxiiObjectVersion } from "./query";

/**
 * One TAXII collection per case the caller may read that has at least one release. Its id is a
 * name-based UUID of the case id: stable for ever, and a UUID v5 as strict TAXII clients expect.
 * Only released content is ever served: the objects are the STIX files stored with each release,
 * byte for byte what was approved, never the live case or its draft brief.
 */
export const collectionIdOf = (caseId: string) => uuidV5(`taxii-collection:${caseId}`);

export type TaxiiCollection = {
  id: string;
  title: string;
  description: string;
  can_read: true;
  can_write: false;
  media_types: string[];
};

async function readableCasesWithReleases(actor: Actor) {
  const memberships = await db.caseMember.findMany({
    where: { userId: actor.id, case: { releases: { some: {} } } },
    select: { role: true, case: { select: { id: true, title: true, tlp: true } } },
    orderBy: { case: { createdAt: "asc" } },
  });
  return memberships.filter((m) => can(m.role, "briefs.read")).map((m) => m.case);
}

const describe = (c: { id: string; title: string; tlp: string }): TaxiiCollection => ({
  id: collectionIdOf(c.id),
  title: c.title,
  description: `Released briefs of the case “${c.title}” as STIX 2.1 (TLP:${c.tlp.replace("_", "+")}).`,
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
});

export async function listCollections(actor: Actor): Promise<TaxiiCollection[]> {
  return (await readableCasesWithReleases(actor)).map(describe);
}

/** The collection and its case, or 404 alike for an unknown id, a case the caller cannot read and a case with no release. */
export async function findCollection(actor: Actor, collectionId: string | undefined) {
  const found = (await readableCasesWithReleases(actor)).find((c) => collectionIdOf(c.id) === collectionId);
  if (!found) throw new NotFoundError("Collection");
  return { caseId: found.id, collection: describe(found) };
}

type StixObject = Record<string, unknown> & { id: string; type: string };

// Releases never change (the database refuses it), so a parsed STIX file can be kept by release id.
const parsed = new Map<string, StixObject[]>();
const PARSED_CACHE_SIZE = 32;

function stixObjectsOf(releaseId: string, bytes: Uint8Array): StixObject[] {
  const cached = parsed.get(releaseId);
  if (cached) return cached;
  const bundle = JSON.parse(Buffer.from(bytes).toString("utf8")) as { objects?: StixObject[] };
  const objects = (bundle.objects ?? []).filter((o) => typeof o?.id === "string" && typeof o?.type === "string");
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(releaseId, objects);
  return objects;
}

/**
 * Every version of every object the case's releases carry. A version is the object's `modified`
 * (its `created` for objects that are never modified, such as a TLP marking); the same version in a
 * later release is the same version, added when it first appeared.
 */
export async function collectionObjects(caseId: string): Promise<TaxiiObjectVersion[]> {
  const releases = await db.briefRelease.findMany({
    where: { caseId },
    orderBy: { number: "asc" },
    select: { id: true, createdAt: true, files: { where: { format: "stix" }, select: { bytes: true } } },
  });
  const versions = new Map<string, TaxiiObjectVersion>();
  for (const r of releases) {
    const file = r.files[0];
    if (!file) continue;
    const dateAdded = r.createdAt.toISOString();
    for (const object of stixObjectsOf(r.id, file.bytes)) {
      const version = String(object.modified ?? object.created ?? dateAdded);
      const key = `${object.id} ${version}`;
      if (versions.has(key)) continue;
      versions.set(key, {
        id: object.id,
        type: object.type,
        version,
        specVersion: String(object.spec_version ?? "2.1"),
        dateAdded,
        object,
      });
    }
  }
  return [...versions.values()];
}
