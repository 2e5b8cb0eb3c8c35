// Indicators as STIX 2.1: the observable itself (an SCO: ipv4-addr, ipv6-addr, domain-name, url, email-addr,
// file with hashes), a `vulnerability` for a CVE id, and for every other type an `indicator` whose STIX pattern
// matches that observable, `based-on` it and `indicates` the intrusion sets and malware it points to. Shared
// by the brief's STIX (render-stix.ts) and the case archive (export-case-archive.ts). Pure.
import { stixId, uuidV5 } from "./ids";
import type { StixObject } from "./render-stix";

// STIX 2.1 §2.9: SCO ids are UUIDv5 of their ID-contributing properties in this namespace, so two producers
// naming the same address give it the same id and a platform merges them.
export const STIX_SCO_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";

export type IndicatorForStix = {
  id: string;
  type: string;
  value: string;
  flags: string[];
  warnings: string[];
  note: string;
  firstSeen: string | null;
  lastSeen: string | null;
  createdAt: string;
  updatedAt: string;
};

type Observable = { type: string; props: Record<string, unknown>; path: string };

const HASH_KEY: Record<string, string> = { md5: "MD5", sha1: "SHA-1", sha256: "SHA-256" };

/**
 * A url SCO's value must be an RFC 3986 URI: what a report wrote may hold characters a URI cannot (a
 * backslash, a space-less non-ASCII path), which are percent-encoded (UTF-8), as a browser would send them.
 */
export function stixUrl(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return "%EF%BF%BD";
    }
  });
}

function observable(i: IndicatorForStix): Observable | null {
  switch (i.type) {
    case "ipv4":
      return { type: "ipv4-addr", props: { value: i.value }, path: "value" };
    case "ipv6":
      return { type: "ipv6-addr", props: { value: i.value }, path: "value" };
    case "domain":
      return { type: "domain-name", props: { value: i.value }, path: "value" };
    case "url":
      return { type: "url", props: { value: stixUrl(i.value) }, path: "value" };
    case "email":
      return { type: "email-addr", props: { value: i.value }, path: "value" };
    case "md5":
    case "sha1":
    case "sha256": {
      const key = HASH_KEY[i.type];
      // A hash algorithm with a hyphen is quoted in a pattern's object path (STIX patterning §9.2).
      return { type: "file", props: { hashes: { [key]: i.value } }, path: `hashes.${key.includes("-") ? `'${key}'` : key}` };
    }
    default:
      return null;
  }
}

/** A STIX pattern string literal: backslashes and single quotes escaped (STIX patterning §9.4). */
export const patternString = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** `[ipv4-addr:value = '203.0.113.7']`, `[file:hashes.'SHA-256' = '…']`; null for a CVE id, which no pattern detects. */
export function stixPattern(i: Pick<IndicatorForStix, "type" | "value">): string | null {
  const o = observable({ ...i, id: "", flags: [], warnings: [], note: "", firstSeen: null, lastSeen: null, createdAt: "", updatedAt: "" });
  return o ? `[${o.type}:${o.path} = ${patternString(String(o.props.value ?? i.value))}]` : null;
}

/** RFC 8785 canonical JSON of flat string-valued objects (sorted keys, JSON string escapes). */
function canonicalJson(v: unknown): string {
  if (v && typeof v === "object")
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

export const scoId = (type: string, props: Record<string, unknown>) => `${type}--${uuidV5(canonicalJson(props), STIX_SCO_NAMESPACE)}`;

// Indicator types: an indicator on a warning list is most likely not malicious (a well-known domain, a
// documentation or private address) and says so, so that no consumer blocks on it unawares.
function indicatorTypes(i: IndicatorForStix): string[] {
  if (i.flags.includes("benign")) return ["benign"];
  if (i.flags.length) return ["unknown"];
  return ["malicious-activity"];
}

const later = (a: string, b: string) => (b > a ? b : a);
const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/** The id that stands for an indicator in a bundle: its `indicator`, or for a CVE id its `vulnerability`. */
export const indicatorRef = (i: { id: string; type: string }) =>
  i.type === "cve" ? stixId("vulnerability", i.id) : stixId("indicator", i.id);

/** SDO types an indicator may `indicates` (STIX 2.1 §4.6) and that may `targets` a vulnerability. */
const INDICATED = ["intrusion-set", "threat-actor", "malware", "infrastructure", "campaign", "attack-pattern", "tool"];
const TARGETS_VULNERABILITY = ["intrusion-set", "threat-actor", "malware", "campaign", "attack-pattern", "tool"];

/**
 * The STIX objects for one active indicator: its SCO (or vulnerability), its `indicator` with a pattern,
 * and the relationships to the SDOs it points to (`indicates`; for a CVE, those SDOs `targets` it).
 * Returns the objects and the id that stands for the indicator (the `indicator`, or the vulnerability).
 */
export function indicatorStixObjects({
  indicator: i,
  common,
  markingRefs,
  indicatedSdos,
  quotes = [],
  references = [],
}: {
  indicator: IndicatorForStix;
  // The quotes that report it (as footnotes print them) and the hashed documents they come from.
  quotes?: string[];
  references?: Record<string, unknown>[];
  // created_by_ref, spec_version and object_marking_refs of the SDOs and SROs.
  common: Record<string, unknown>;
  markingRefs: string[];
  indicatedSdos: string[];
}): { objects: StixObject[]; ref: string } {
  const created = i.createdAt;
  const modified = later(i.createdAt, i.updatedAt);
  const seen =
    i.firstSeen || i.lastSeen
      ? `Seen ${i.firstSeen ?? "(first sighting not recorded)"} to ${i.lastSeen ?? "(last sighting not recorded)"}.`
      : "";
  const description = [
    [i.note, seen, i.warnings.length ? `On a warning list: ${i.warnings.join("; ")}.` : ""].filter(Boolean).join(" "),
    ...quotes.map((q) => `Reported in: ${q}`),
  ]
    .filter(Boolean)
    .join("\n\n");
  const sdoTypeOf = (ref: string) => ref.slice(0, ref.indexOf("--"));

  if (i.type === "cve") {
    const id = indicatorRef(i);
    return {
      ref: id,
      objects: [
        {
          type: "vulnerability",
          id,
          ...common,
          created,
          modified,
          name: i.value,
          ...(description ? { description } : {}),
          external_references: [
            { source_name: "cve", external_id: i.value, url: `https://www.cve.org/CVERecord?id=${i.value}` },
            ...references,
          ],
        },
        ...indicatedSdos
          .filter((sdo) => TARGETS_VULNERABILITY.includes(sdoTypeOf(sdo)))
          .map((sdo) => ({
            type: "relationship",
            id: stixId("relationship", "targets", i.id, sdo),
            ...common,
            created,
            modified,
            relationship_type: "targets",
            source_ref: sdo,
            target_ref: id,
          })),
      ],
    };
  }

  const o = observable(i)!;
  const sco: StixObject = { type: o.type, spec_version: "2.1", id: scoId(o.type, o.props), object_marking_refs: markingRefs, ...o.props };
  const indicatorId = indicatorRef(i);
  return {
    ref: indicatorId,
    objects: [
      sco,
      {
        type: "indicator",
        id: indicatorId,
        ...common,
        created,
        modified,
        name: i.value,
        ...(description ? { description } : {}),
        indicator_types: indicatorTypes(i),
        pattern: stixPattern(i)!,
        pattern_type: "stix",
        pattern_version: "2.1",
        valid_from: i.firstSeen ? dayStart(i.firstSeen) : created,
        ...(i.flags.length ? { labels: i.flags.map((f) => `warning-list:${f}`) } : {}),
        ...(references.length ? { external_references: references } : {}),
      },
      {
        type: "relationship",
        id: stixId("relationship", "based-on", i.id),
        ...common,
        created,
        modified,
        relationship_type: "based-on",
        source_ref: indicatorId,
        target_ref: sco.id,
      },
      ...indicatedSdos
        .filter((sdo) => INDICATED.includes(sdoTypeOf(sdo)))
        .map((sdo) => ({
          type: "relationship",
          id: stixId("relationship", "indicates", i.id, sdo),
          ...common,
          created,
          modified,
          relationship_type: "indicates",
          source_ref: indicatorId,
          target_ref: sdo,
        })),
    ],
  };
}
