// STIX 2.1 identifiers must be UUID v1–v5 (the schemas reject our v7 ids), so each STIX id is a
// name-based UUIDv5 of the object's role and our record id: re-exporting a case yields the same ids,
// which is how STIX consumers recognise a newer version of an object they already hold.
import { createHash } from "node:crypto";
import { isId } from "@/lib/ids/id-schema";

// Fixed for ever: changing it would give every exported object a new identity.
export const CASEFILE_STIX_NAMESPACE = "9b3e7c52-41d6-4f0a-8e2b-6c1d5a7f3e90";

/** RFC 4122 §4.3 name-based UUID, SHA-1 (version 5). */
export function uuidV5(name: string, namespace = CASEFILE_STIX_NAMESPACE): string {
  if (!isId(namespace)) throw new RangeError(`Not a UUID namespace: ${namespace}`);
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(Buffer.from(name, "utf8")).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `note--<uuidv5>` for (note, "claim", claimId): the role keeps two objects made from one record apart. */
export function stixId(type: string, ...parts: string[]): string {
  return `${type}--${uuidV5([type, ...parts].join(":"))}`;
}

/** What the schemas accept as an identifier: `type--` and a UUID v1–v5 with the RFC 4122 variant. */
export const STIX_ID =
  /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
