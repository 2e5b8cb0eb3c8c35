import "server-only";
// Importing a STIX 2.1 bundle (a report and its objects) as a new case. The bundle is untrusted: it is
// size-limited, parsed without prototype keys, checked object by object, and every check runs BEFORE
// the one transaction that writes the case, so a refused bundle stores nothing at all.
//
// A Casefile export (report.x_casefile_case present) is rebuilt exactly: sources, documents (text and
// original bytes, both hashes re-verified), entities, claims with their quotes re-anchored, links, the
// attribution questions and every hypothesis, the indicators (values re-canonicalised, quotes re-anchored,
// claim and entity links), the timeline events, and the casefile-record extension (lib/stix/schemas.ts).
// ACH ratings, dissent, reviews and each judgment's history belong to people of another workspace, who
// have no account here: they are kept as RECORDED history (recorded_history, migration 0016; read-only,
// with the person's display name and e-mail as recorded attribution), never as ratings, comments or
// approvals of this workspace. So the content round-trips (the next export carries them again), while
// the imported case's own review state is fresh: every imported hypothesis starts as a draft, and an
// approval recorded from the exporting team approves nothing here — a new team must review the
// judgments itself. Non-dissent comments and retracted events are not carried.
//
// A plain third-party bundle keeps: the report as the case (name → title, description → summary),
// threat actors, intrusion sets, malware, infrastructure, identities and locations as entities, and the
// bundle itself as an "upload" document (application/stix+json, hashed as received) so the evidence of
// what was imported stays in the case. Third-party notes and opinions are not turned into claims:
// they carry no quote from a document we hold. Its observables, simple STIX-pattern indicators and CVE
// vulnerabilities become indicators, each quoted from the kept bundle where it writes the value.
import { createHash } from "node:crypto";
import type { ZodError } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, TooLargeError, type FieldIssue } from "@/lib/errors";
import { slugify } from "@/lib/cases/slugify";
import { importedTitle } from "@/lib/cases/imported-title";
import { anchorExcerpt, type AnchoredExcerpt } from "@/lib/claims/verify-excerpt";
import { hypothesisContent } from "@/lib/attribution/content-hash";
import { MAX_TEXT_CHARS, MAX_UPLOAD_BYTES } from "@/lib/documents/schemas";
import { TLP, mostRestrictiveTlp, tlpForStixMarking, type TlpKey } from "@/lib/standards/scales";
import { ATTACK_VERSION, attackCatalog, attackObject } from "@/lib/attack/catalog";
import {
  CasefileCaseSchema,
  CasefileClaimSchema,
  CasefileQuestionSchema,
  CasefileRecordSchema,
  CASEFILE_RECORD_EXTENSION_ID,
  CASEFILE_RECORD_FORMAT,
  MAX_ANY_STRING,
  MAX_BUNDLE_BYTES,
  MAX_JSON_DEPTH,
  StixBundleSchema,
  StixNamedSchema,
  StixObjectSchema,
  StixReportSchema,
  type CasefileCase,
  type CasefileClaim,
  type CasefileIndicator,
  type CasefileQuestion,
  type CasefileRecord,
} from "./schemas";
import { IMPORT_REASON_PREFIX } from "./load-case-record";
import { canonicalise } from "@/lib/indicators/canonicalise";
import { INDICATOR_FLAGS } from "@/lib/indicators/types";
import { flagsFor } from "@/lib/indicators/warning-lists";
import { INDICATED_KINDS } from "@/lib/indicators/create-indicator";
import { cutText } from "@/lib/text/cut-text";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const TLP_BY_LEVEL = new Map<string, TlpKey>([...TLP.map((t) => [t.stixLevel, t.key] as const), ["white", "CLEAR"]]);

/** The TLP level a marking-definition object in the bundle stands for: a known id, a TLP 1.0 `definition`, or a TLP 2.0 extension. */
function tlpOfMarkingObject(o: RawObject): TlpKey | null {
  const known = tlpForStixMarking(o.id);
  if (known) return known;
  const def = o.definition as { tlp?: unknown } | undefined;
  if (o.definition_type === "tlp" && typeof def?.tlp === "string") return TLP_BY_LEVEL.get(def.tlp.toLowerCase()) ?? null;
  for (const ext of Object.values((o.extensions ?? {}) as Record<string, { tlp_2_0?: unknown }>)) {
    if (typeof ext?.tlp_2_0 === "string") return TLP_BY_LEVEL.get(ext.tlp_2_0.toLowerCase()) ?? null;
  }
  return null;
}
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

type RawObject = { type: string; id: string; [k: string]: unknown };
type Plan = {
  bundleId: string;
  bundleSha256: string;
  mode: "casefile" | "stix";
  case: { title: string; summary: string; tlp: TlpKey; status: CasefileCase["status"] };
  sources: CasefileCase["sources"];
  documents: (CasefileCase["documents"][number] & { original: Buffer })[];
  entities: CasefileCase["entities"];
  claims: (Omit<CasefileClaim, "excerpts"> & { excerpts: (AnchoredExcerpt & { documentKey: string })[] })[];
  claimLinks: CasefileCase["claimLinks"];
  questions: CasefileQuestion[];
  indicators: (Omit<CasefileIndicator, "excerpts"> & { excerpts: (AnchoredExcerpt & { documentKey: string })[] })[];
  record: CasefileRecord;
};

class Refusal {
  issues: FieldIssue[] = [];
  add(path: string, message: string) {
    if (this.issues.length < 50) this.issues.push({ path, message });
  }
  zod(prefix: string, err: ZodError) {
    for (const i of err.issues) this.add([prefix, ...i.path.map(String)].filter(Boolean).join("."), i.message);
  }
  throwIfAny(summary: string) {
    if (this.issues.length) {
      const first = this.issues[0];
      throw new InvalidError(
        `${summary} ${first.path}: ${first.message}${this.issues.length > 1 ? ` (and ${this.issues.length - 1} more problem${this.issues.length > 2 ? "s" : ""})` : ""}`,
        this.issues,
      );
    }
  }
}

/** JSON.parse that refuses prototype keys, then a depth and string-length walk without recursion. */
export function parseUntrustedJson(raw: string): unknown {
  if (Buffer.byteLength(raw, "utf8") > MAX_BUNDLE_BYTES)
    throw new TooLargeError(`The bundle is larger than ${MAX_BUNDLE_BYTES / 1048576} MB.`);
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(raw, (k, v) => {
      if (FORBIDDEN_KEYS.has(k)) forbidden = k;
      return v;
    });
  } catch (err) {
    throw new InvalidError(`The file is not valid JSON (${err instanceof Error ? err.message.slice(0, 200) : "parse error"}).`, [
      { path: "bundle", message: "not valid JSON" },
    ]);
  }
  if (forbidden)
    throw new InvalidError(`The bundle contains the key "${forbidden}", which is refused.`, [
      { path: "bundle", message: `forbidden key ${forbidden}` },
    ]);
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH)
      throw new InvalidError(`The bundle is nested more than ${MAX_JSON_DEPTH} levels deep.`, [
        { path: "bundle", message: "nested too deeply" },
      ]);
    if (typeof node === "string" && node.length > MAX_ANY_STRING)
      throw new InvalidError(
        `The bundle holds a string of ${node.length.toLocaleString("en")} characters; the limit is ${MAX_ANY_STRING.toLocaleString("en")}.`,
        [{ path: "bundle", message: "string too long" }],
      );
    if (node && typeof node === "object") for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return value;
}

/** Every `*_ref`/`*_refs` in an object (custom x_ properties excepted), with where it was found. */
function refsOf(node: unknown, path: string, out: { path: string; ref: unknown }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => refsOf(n, `${path}.${i}`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x_")) continue;
      if (k.endsWith("_ref")) out.push({ path: `${path}.${k}`, ref: v });
      else if (k.endsWith("_refs") && Array.isArray(v)) v.forEach((r, i) => out.push({ path: `${path}.${k}.${i}`, ref: r }));
      else refsOf(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Checks a bundle completely and returns what to create; throws a 413/422 naming the problem. */
export function planStixImport(raw: string): Plan {
  const parsed = parseUntrustedJson(raw);
  const r = new Refusal();
  const envelope = StixBundleSchema.safeParse(parsed);
  if (!envelope.success) {
    r.zod("bundle", envelope.error);
    r.throwIfAny("This is not a STIX 2.1 bundle:");
  }
  const bundle = envelope.data!;
  const objects: RawObject[] = [];
  const indexOf = new Map<string, number>();
  bundle.objects.forEach((o, i) => {
    const res = StixObjectSchema.safeParse(o);
    if (!res.success) return r.zod(`objects.${i}`, res.error);
    if (indexOf.has(res.data.id))
      return r.add(`objects.${i}.id`, `${res.data.id} appears twice in the bundle; import one version of each object`);
    if (res.data.created && res.data.modified && res.data.modified < res.data.created) r.add(`objects.${i}.modified`, "is before created");
    indexOf.set(res.data.id, i);
    objects.push(res.data as RawObject);
  });
  r.throwIfAny("The bundle has invalid objects:");
  objects.forEach((o, i) => {
    for (const { path, ref } of refsOf(o, `objects.${i}`)) {
      if (typeof ref !== "string") r.add(path, "is not an identifier");
      else if (!indexOf.has(ref) && !tlpForStixMarking(ref)) r.add(path, `refers to ${ref.slice(0, 120)}, which is not in the bundle`);
    }
  });
  r.throwIfAny("The bundle refers to objects it does not contain:");

  const reports = objects.filter((o) => o.type === "report");
  if (reports.length !== 1) {
    throw new InvalidError(
      reports.length
        ? `The bundle holds ${reports.length} reports; import one report at a time.`
        : "The bundle holds no report: an import needs a report and its objects.",
      [{ path: "bundle.objects", message: reports.length ? "more than one report" : "no report" }],
    );
  }
  const reportIndex = indexOf.get(reports[0].id)!;
  const report = StixReportSchema.safeParse(reports[0]);
  if (!report.success) r.zod(`objects.${reportIndex}`, report.error);
  r.throwIfAny("The report is not valid:");
  // The case takes the strictest TLP marking anywhere in the bundle: on the report or on any object in it
  // (object-level markings), by TLP 2.0 or TLP 1.0 id, or by a marking-definition object the bundle defines.
  const markingOf = new Map(objects.filter((o) => o.type === "marking-definition").map((o) => [o.id, tlpOfMarkingObject(o)]));
  const markingTlps = objects
    .flatMap((o) => (Array.isArray(o.object_marking_refs) ? (o.object_marking_refs as unknown[]) : []))
    .filter((id): id is string => typeof id === "string")
    .map((id) => markingOf.get(id) ?? tlpForStixMarking(id))
    .filter((t): t is TlpKey => !!t);
  const base = { bundleId: bundle.id, bundleSha256: sha256(Buffer.from(raw, "utf8")) };

  if (report.data!.x_casefile_case !== undefined)
    return planCasefile({ r, objects, indexOf, reportIndex, report: report.data!, markingTlps, base });

  // A third-party report: the case, its named actors and things, and the bundle itself as evidence.
  if (raw.length > MAX_TEXT_CHARS)
    throw new TooLargeError(
      `A bundle without Casefile data is kept whole as a document, which holds at most ${MAX_TEXT_CHARS.toLocaleString("en")} characters.`,
    );
  const producer = typeof report.data!.created_by_ref === "string" ? report.data!.created_by_ref : null;
  const entities: CasefileCase["entities"] = [];
  const entityKeyOf = new Map<string, string>();
  const names = new Set<string>();
  objects.forEach((o, i) => {
    const kind =
      o.type === "threat-actor"
        ? "threat_actor"
        : o.type === "intrusion-set"
          ? "intrusion_set"
          : o.type === "malware" || o.type === "infrastructure" || o.type === "location"
            ? o.type
            : o.type === "identity" && o.id !== producer
              ? o.identity_class === "individual"
                ? "person"
                : "organization"
              : null;
    if (!kind) return;
    const named = StixNamedSchema.safeParse(o);
    if (!named.success) return r.zod(`objects.${i}`, named.error);
    if (names.has(named.data.name)) return; // one entity per name; a second object of the same name adds nothing we can keep apart
    names.add(named.data.name);
    entityKeyOf.set(o.id, `e${i}`);
    entities.push({
      key: `e${i}`,
      kind: kind as CasefileCase["entities"][number]["kind"],
      name: named.data.name,
      aliases: [...new Set((named.data.aliases ?? []).filter((a) => a !== named.data.name))],
      description: named.data.description ?? "",
      attackId: mitreAttackId(o),
    });
  });
  r.throwIfAny("The bundle has invalid objects:");
  const description = (report.data!.description ?? "").trim();
  const original = Buffer.from(raw, "utf8");
  return {
    ...base,
    mode: "stix",
    case: {
      title: report.data!.name,
      summary: description.length > 4000 ? `${cutText(description, 3990)}…` : description,
      tlp: mostRestrictiveTlp(markingTlps) ?? "AMBER",
      status: "active",
    },
    sources: [],
    entities,
    claims: [],
    claimLinks: [],
    questions: [],
    record: { format: CASEFILE_RECORD_FORMAT, events: [], ratings: [], dissent: [], reviews: [], history: [] },
    indicators: thirdPartyIndicators({ objects, raw, entityKeyOf, entityKind: new Map(entities.map((e) => [e.key, e.kind])) }),
    documents: [
      {
        key: "bundle",
        title: cutText(`STIX bundle: ${report.data!.name}`, 300),
        url: null,
        publisher: null,
        author: null,
        publishedAt: typeof report.data!.published === "string" ? report.data!.published : null,
        retrievedAt: new Date().toISOString(),
        kind: "upload",
        originalName: `${bundle.id}.json`,
        mimeType: "application/stix+json",
        sha256: sha256(original),
        textSha256: sha256(raw),
        text: raw,
        originalBase64: null,
        sourceKey: null,
        reliabilityOverride: null,
        overrideReason: null,
        original,
      },
    ],
  };
}

function planCasefile({
  r,
  objects,
  indexOf,
  reportIndex,
  report,
  markingTlps,
  base,
}: {
  r: Refusal;
  objects: RawObject[];
  indexOf: Map<string, number>;
  reportIndex: number;
  report: { x_casefile_case?: unknown; external_references?: unknown; extensions?: unknown };
  markingTlps: TlpKey[];
  base: { bundleId: string; bundleSha256: string };
}): Plan {
  const at = `objects.${reportIndex}.x_casefile_case`;
  const cf = CasefileCaseSchema.safeParse(report.x_casefile_case);
  if (!cf.success) r.zod(at, cf.error);
  // The casefile-record extension (absent in archives made before it: nothing recorded then).
  const extAt = `objects.${reportIndex}.extensions.${CASEFILE_RECORD_EXTENSION_ID}`;
  const ext =
    report.extensions && typeof report.extensions === "object"
      ? (report.extensions as Record<string, unknown>)[CASEFILE_RECORD_EXTENSION_ID]
      : undefined;
  const rec = CasefileRecordSchema.safeParse(ext ?? { format: CASEFILE_RECORD_FORMAT });
  if (!rec.success) r.zod(extAt, rec.error);
  const questions: CasefileQuestion[] = [];
  const claims: CasefileClaim[] = [];
  const claimAt: string[] = [];
  for (const o of objects) {
    const i = indexOf.get(o.id)!;
    if (o.type === "campaign" && o.x_casefile_question !== undefined) {
      const q = CasefileQuestionSchema.safeParse(o.x_casefile_question);
      if (q.success) questions.push(q.data);
      else r.zod(`objects.${i}.x_casefile_question`, q.error);
    }
    if (o.type === "note" && o.x_casefile_claim !== undefined) {
      const c = CasefileClaimSchema.safeParse(o.x_casefile_claim);
      if (c.success) {
        claims.push(c.data);
        claimAt.push(`objects.${i}.x_casefile_claim`);
      } else r.zod(`objects.${i}.x_casefile_claim`, c.error);
    }
  }
  r.throwIfAny("The Casefile data in the bundle is not valid:");
  const data = cf.data!;

  const unique = <T>(rows: T[], keyOf: (x: T) => string, path: string, what: string) => {
    const seen = new Set<string>();
    rows.forEach((x, i) => {
      const k = keyOf(x);
      if (seen.has(k)) r.add(`${path}.${i}`, `${what} “${k.slice(0, 100)}” appears twice`);
      seen.add(k);
    });
    return seen;
  };
  const sourceKeys = unique(data.sources, (s) => s.key, `${at}.sources`, "source key");
  unique(data.sources, (s) => s.name, `${at}.sources`, "source name");
  const entityKeys = unique(data.entities, (e) => e.key, `${at}.entities`, "entity key");
  unique(data.entities, (e) => e.name, `${at}.entities`, "entity name");
  data.entities.forEach(
    (e, i) =>
      !e.attackId || attackObject(e.attackId) || r.add(`${at}.entities.${i}.attackId`, `is not in ATT&CK Enterprise v${ATTACK_VERSION}`),
  );
  const docKeys = unique(data.documents, (d) => d.key, `${at}.documents`, "document key");
  const claimKeys = unique(claims, (c) => c.key, "claims", "claim key");
  const questionKeys = unique(questions, (q) => q.key, "questions", "question key");
  const hypothesisKeys = unique(
    questions.flatMap((q) => q.hypotheses),
    (h) => h.key,
    "hypotheses",
    "hypothesis key",
  );

  // The chain of evidence: each document's text and original must hash to what the export says, and
  // the report's external references must list that hash.
  const referenced = new Set(
    (Array.isArray(report.external_references) ? report.external_references : [])
      .map((x) => (x && typeof x === "object" ? (x as { hashes?: Record<string, unknown> }).hashes?.["SHA-256"] : undefined))
      .filter((h): h is string => typeof h === "string")
      .map((h) => h.toLowerCase()),
  );
  const documents: Plan["documents"] = [];
  data.documents.forEach((d, i) => {
    const p = `${at}.documents.${i}`;
    if (sha256(d.text) !== d.textSha256)
      return r.add(
        `${p}.text`,
        `the text of “${d.title}” does not match its SHA-256 ${d.textSha256}; the document was altered after export`,
      );
    const original = d.originalBase64 === null ? Buffer.from(d.text, "utf8") : Buffer.from(d.originalBase64, "base64");
    if (original.length > MAX_UPLOAD_BYTES)
      return r.add(`${p}.originalBase64`, `the original is larger than ${MAX_UPLOAD_BYTES / 1048576} MB`);
    if (sha256(original) !== d.sha256)
      return r.add(
        `${p}.sha256`,
        `the original of “${d.title}” does not match its SHA-256 ${d.sha256}; the document was altered after export`,
      );
    if (!referenced.has(d.sha256)) r.add(`${p}.sha256`, `the report's external references do not list “${d.title}” (SHA-256 ${d.sha256})`);
    if (d.sourceKey && !sourceKeys.has(d.sourceKey)) r.add(`${p}.sourceKey`, "refers to a source that is not in the bundle");
    if (d.reliabilityOverride && !d.overrideReason?.trim())
      r.add(`${p}.overrideReason`, "overriding the source's reliability needs a reason");
    documents.push({ ...d, original });
  });
  const textOf = new Map(documents.map((d) => [d.key, d.text]));

  const planned: Plan["claims"] = [];
  claims.forEach((c, ci) => {
    const p = claimAt[ci];
    c.entityKeys.forEach((k, j) => entityKeys.has(k) || r.add(`${p}.entityKeys.${j}`, "refers to an entity that is not in the bundle"));
    c.techniqueIds.forEach(
      (t, j) =>
        attackCatalog().techniqueById.has(t) || r.add(`${p}.techniqueIds.${j}`, `is not an ATT&CK Enterprise v${ATTACK_VERSION} technique`),
    );
    const excerpts: Plan["claims"][number]["excerpts"] = [];
    c.excerpts.forEach((e, j) => {
      const text = textOf.get(e.documentKey);
      if (!text)
        return r.add(
          `${p}.excerpts.${j}.documentKey`,
          docKeys.has(e.documentKey) ? "refers to a document that failed its checks" : "refers to a document that is not in the bundle",
        );
      try {
        excerpts.push({
          ...anchorExcerpt({
            text,
            excerpt: { documentId: e.documentKey, exact: e.exact, start: e.start, end: e.end },
            path: `${p}.excerpts.${j}`,
          }),
          documentKey: e.documentKey,
        });
      } catch (err) {
        if (err instanceof InvalidError) for (const issue of err.issues ?? []) r.add(issue.path, issue.message);
        else throw err;
      }
    });
    planned.push({ ...c, entityKeys: [...new Set(c.entityKeys)], excerpts });
  });
  const linkSeen = new Set<string>();
  data.claimLinks.forEach((l, i) => {
    const p = `${at}.claimLinks.${i}`;
    if (!claimKeys.has(l.fromKey) || !claimKeys.has(l.toKey)) r.add(p, "links a claim that is not in the bundle");
    if (l.fromKey === l.toKey) r.add(p, "links a claim to itself");
    const k = [l.kind, ...[l.fromKey, l.toKey].sort()].join("|");
    if (linkSeen.has(k)) r.add(p, "repeats a link");
    linkSeen.add(k);
  });
  questions.forEach((q, qi) =>
    q.hypotheses.forEach((h, hi) => {
      if (h.actorKey && !entityKeys.has(h.actorKey))
        r.add(`questions.${qi}.hypotheses.${hi}.actorKey`, "refers to an entity that is not in the bundle");
    }),
  );
  // Indicators: canonical values (checked as a new one would be), each quote re-anchored and saying the value,
  // links only to claims and indicatable entities of the bundle. Flags are what the bundle says plus what our lists say.
  const entityKind = new Map(data.entities.map((e) => [e.key, e.kind]));
  const indicatorSeen = new Set<string>();
  const indicators: Plan["indicators"] = [];
  data.indicators.forEach((ind, i) => {
    const p = `${at}.indicators.${i}`;
    const canonical = canonicalise(ind.type, ind.value);
    if (!canonical.ok) return r.add(`${p}.value`, canonical.message);
    if (canonical.value !== ind.value) return r.add(`${p}.value`, `is not in its canonical form (${canonical.value.slice(0, 100)})`);
    if (indicatorSeen.has(`${ind.type}:${ind.value}`)) r.add(`${p}.value`, `${ind.type} “${ind.value.slice(0, 100)}” appears twice`);
    indicatorSeen.add(`${ind.type}:${ind.value}`);
    ind.claimKeys.forEach((k, j) => claimKeys.has(k) || r.add(`${p}.claimKeys.${j}`, "refers to a claim that is not in the bundle"));
    ind.entityKeys.forEach((k, j) => {
      const kind = entityKind.get(k);
      if (!kind) r.add(`${p}.entityKeys.${j}`, "refers to an entity that is not in the bundle");
      else if (!(INDICATED_KINDS as readonly string[]).includes(kind))
        r.add(`${p}.entityKeys.${j}`, "an indicator points to an intrusion set, threat actor, malware or infrastructure");
    });
    const excerpts: Plan["indicators"][number]["excerpts"] = [];
    ind.excerpts.forEach((e, j) => {
      const text = textOf.get(e.documentKey);
      if (!text)
        return r.add(
          `${p}.excerpts.${j}.documentKey`,
          docKeys.has(e.documentKey) ? "refers to a document that failed its checks" : "refers to a document that is not in the bundle",
        );
      try {
        const anchored = anchorExcerpt({
          text,
          excerpt: { documentId: e.documentKey, exact: e.exact, start: e.start, end: e.end },
          path: `${p}.excerpts.${j}`,
        });
        const quoted = canonicalise(ind.type, anchored.exact);
        if (!quoted.ok || quoted.value !== ind.value) return r.add(`${p}.excerpts.${j}.exact`, `does not write ${ind.value.slice(0, 100)}`);
        excerpts.push({ ...anchored, documentKey: e.documentKey });
      } catch (err) {
        if (err instanceof InvalidError) for (const issue of err.issues ?? []) r.add(issue.path, issue.message);
        else throw err;
      }
    });
    const flags = new Set([...ind.flags, ...flagsFor(ind.type, ind.value)]);
    indicators.push({
      ...ind,
      flags: INDICATOR_FLAGS.filter((f) => flags.has(f)),
      claimKeys: [...new Set(ind.claimKeys)],
      entityKeys: [...new Set(ind.entityKeys)],
      excerpts,
    });
  });
  // The record: every key it names must be a claim, hypothesis, question or entity of this bundle.
  const record = rec.data!;
  const needs = (set: Set<string>, k: string | null, path: string, what: string) =>
    k === null || set.has(k) || r.add(path, `refers to ${what} that is not in the bundle`);
  unique(record.events, (e) => e.key, `${extAt}.events`, "event key");
  record.events.forEach((e, i) => e.claimKeys.forEach((k, j) => needs(claimKeys, k, `${extAt}.events.${i}.claimKeys.${j}`, "a claim")));
  record.ratings.forEach((x, i) => {
    needs(hypothesisKeys, x.hypothesisKey, `${extAt}.ratings.${i}.hypothesisKey`, "a hypothesis");
    needs(claimKeys, x.claimKey, `${extAt}.ratings.${i}.claimKey`, "a claim");
  });
  const targetKeys = { hypothesis: hypothesisKeys, question: questionKeys, claim: claimKeys };
  record.dissent.forEach((d, i) => needs(targetKeys[d.targetType], d.targetKey, `${extAt}.dissent.${i}.targetKey`, `a ${d.targetType}`));
  record.reviews.forEach((x, i) =>
    x.targetType === "hypothesis"
      ? x.targetKey === null
        ? r.add(`${extAt}.reviews.${i}.targetKey`, "a judgment's review names its hypothesis")
        : needs(hypothesisKeys, x.targetKey, `${extAt}.reviews.${i}.targetKey`, "a hypothesis")
      : x.targetKey === null || r.add(`${extAt}.reviews.${i}.targetKey`, "the brief's review names no key"),
  );
  record.history.forEach((h, i) => {
    needs(hypothesisKeys, h.hypothesisKey, `${extAt}.history.${i}.hypothesisKey`, "a hypothesis");
    needs(entityKeys, h.snapshot.actorEntityId ?? null, `${extAt}.history.${i}.snapshot.actorEntityId`, "an entity");
  });
  r.throwIfAny("The Casefile data in the bundle is inconsistent:");

  return {
    ...base,
    mode: "casefile",
    // What the bundle is marked with governs; if its Casefile data says stricter, the stricter holds.
    case: {
      title: data.title,
      summary: data.summary,
      tlp: mostRestrictiveTlp([...markingTlps, data.tlp]) ?? data.tlp,
      status: data.status,
    },
    sources: data.sources,
    documents,
    entities: data.entities,
    claims: planned,
    claimLinks: data.claimLinks,
    questions,
    indicators,
    record,
  };
}

/**
 * Imports a STIX 2.1 bundle (its raw JSON text) as a new case owned by the importer. Everything is
 * checked first and written in one transaction: a refused or failing import leaves nothing behind.
 */
export async function importStixBundle({ ctx, raw }: { ctx: Ctx; raw: string }) {
  const plan = planStixImport(raw);
  // The reason on each hypothesis's first version; the export marks that version madeByImport (lib/stix/load-case-record.ts).
  const reason = `${IMPORT_REASON_PREFIX}${plan.bundleId} (SHA-256 ${plan.bundleSha256})`;
  return db.$transaction(async (tx) => writePlan({ tx, ctx, plan, reason }), { timeout: 120_000, maxWait: 10_000 });
}

async function writePlan({ tx, ctx, plan, reason }: { tx: Tx; ctx: Ctx; plan: Plan; reason: string }) {
  const audit = (action: string, caseId: string, targetType: string, targetId: string, after: unknown) =>
    recordAudit({ tx, ctx, action, caseId, targetType, targetId, after, reason });
  const title = importedTitle(plan.case.title);
  const created = await tx.case.create({
    data: {
      ...plan.case,
      title,
      slug: slugify(title),
      createdById: ctx.actor.id,
      members: { create: { userId: ctx.actor.id, role: "owner" } },
    },
  });
  const caseId = created.id;
  await audit("case.create", caseId, "case", caseId, created);
  await audit("case.import", caseId, "case", caseId, { bundleId: plan.bundleId, bundleSha256: plan.bundleSha256, mode: plan.mode });

  const sourceId = new Map<string, string>();
  for (const s of plan.sources) {
    const row = await tx.source.create({
      data: {
        caseId,
        name: s.name,
        kind: s.kind,
        reliability: s.reliability,
        rationale: s.rationale,
        url: s.url,
        createdById: ctx.actor.id,
      },
    });
    sourceId.set(s.key, row.id);
    await audit("source.create", caseId, "source", row.id, row);
  }
  const documentId = new Map<string, string>();
  for (const d of plan.documents) {
    // Content-addressed: identical bytes are stored once; the hash was verified against them above.
    await tx.$executeRaw`INSERT INTO blobs (sha256, bytes, size, mime_type) VALUES (${d.sha256}, ${d.original}, ${d.original.length}, ${d.mimeType}) ON CONFLICT (sha256) DO NOTHING`;
    // The document keeps its original kind, type, capture time and both hashes: these bytes ARE the
    // original capture, so the evidence chain continues; the audit event records that it came by import.
    const row = await tx.document.create({
      data: {
        caseId,
        title: d.title,
        url: d.url,
        publisher: d.publisher,
        author: d.author,
        publishedAt: d.publishedAt ? new Date(d.publishedAt) : null,
        retrievedAt: new Date(d.retrievedAt),
        kind: d.kind,
        originalName: d.originalName,
        mimeType: d.mimeType,
        text: d.text,
        sha256: d.sha256,
        textSha256: d.textSha256,
        sizeBytes: d.original.length,
        addedById: ctx.actor.id,
        sourceId: d.sourceKey ? sourceId.get(d.sourceKey) : null,
        reliabilityOverride: d.reliabilityOverride,
        overrideReason: d.reliabilityOverride ? d.overrideReason : null,
      },
    });
    documentId.set(d.key, row.id);
    const { text: _omit, ...summary } = row;
    await audit("document.create", caseId, "document", row.id, summary);
  }
  const entityId = new Map<string, string>();
  for (const e of plan.entities) {
    const row = await tx.entity.create({
      data: {
        caseId,
        kind: e.kind,
        name: e.name,
        aliases: [...new Set(e.aliases.filter((a) => a.toLowerCase() !== e.name.toLowerCase()))],
        description: e.description,
        attackId: e.attackId,
      },
    });
    entityId.set(e.key, row.id);
    await audit("entity.create", caseId, "entity", row.id, row);
  }
  const claimId = new Map<string, string>();
  for (const c of plan.claims) {
    const row = await tx.claim.create({
      data: {
        caseId,
        statement: c.statement,
        claimant: c.claimant,
        kind: c.kind,
        credibility: c.credibility,
        sourceConfidence: c.sourceConfidence,
        status: c.status,
        createdById: ctx.actor.id,
        excerpts: {
          create: c.excerpts.map(({ documentKey, documentId: _k, ...e }, position) => ({
            ...e,
            documentId: documentId.get(documentKey)!,
            position,
          })),
        },
        entities: { create: c.entityKeys.map((k) => ({ entityId: entityId.get(k)! })) },
        techniques: { create: [...new Set(c.techniqueIds)].map((techniqueId) => ({ techniqueId, caseId, createdById: ctx.actor.id })) },
      },
    });
    claimId.set(c.key, row.id);
    await audit("claim.create", caseId, "claim", row.id, row);
  }
  for (const l of plan.claimLinks) {
    const row = await tx.claimLink.create({
      data: {
        caseId,
        fromClaimId: claimId.get(l.fromKey)!,
        toClaimId: claimId.get(l.toKey)!,
        kind: l.kind,
        note: l.note,
        createdById: ctx.actor.id,
      },
    });
    await audit("claim.link", caseId, "claim", row.fromClaimId, row);
  }
  for (const ind of plan.indicators) {
    const day = (d: string | null) => (d ? new Date(`${d}T00:00:00.000Z`) : null);
    const row = await tx.indicator.create({
      data: {
        caseId,
        type: ind.type,
        value: ind.value,
        flags: ind.flags,
        note: ind.note,
        firstSeen: day(ind.firstSeen),
        lastSeen: day(ind.lastSeen),
        status: ind.status,
        createdById: ctx.actor.id,
        excerpts: {
          create: ind.excerpts.map(({ documentKey, documentId: _k, ...e }) => ({ ...e, documentId: documentId.get(documentKey)! })),
        },
        claims: { create: ind.claimKeys.map((k) => ({ claimId: claimId.get(k)! })) },
        entities: { create: ind.entityKeys.map((k) => ({ entityId: entityId.get(k)! })) },
      },
    });
    await audit("indicator.create", caseId, "indicator", row.id, { ...row, excerpts: ind.excerpts.length });
  }
  const questionId = new Map<string, string>();
  const hypothesisId = new Map<string, string>();
  for (const q of plan.questions) {
    const question = await tx.attributionQuestion.create({
      data: { caseId, question: q.question, conclusion: q.conclusion, createdById: ctx.actor.id },
    });
    questionId.set(q.key, question.id);
    await audit("question.create", caseId, "question", question.id, question);
    for (const h of q.hypotheses) {
      // A draft: the exporting team's approval covered their review, not ours.
      const row = await tx.hypothesis.create({
        data: {
          caseId,
          questionId: question.id,
          title: h.title,
          description: h.description,
          actorEntityId: h.actorKey ? entityId.get(h.actorKey)! : null,
          likelihood: h.likelihood,
          confidence: h.confidence,
          rationale: h.rationale,
          disposition: h.disposition,
          rejectedReason: h.disposition === "rejected" ? h.rejectedReason : null,
          proposition: h.proposition,
          confidenceBasis: h.confidenceBasis,
          reviewState: "draft",
          authorId: ctx.actor.id,
        },
      });
      await tx.hypothesisVersion.create({
        data: { hypothesisId: row.id, version: 1, snapshot: hypothesisContent(row), reason, changedById: ctx.actor.id },
      });
      hypothesisId.set(h.key, row.id);
      await audit("hypothesis.create", caseId, "hypothesis", row.id, row);
    }
  }

  // The timeline is the case's content, not anyone's judgment: its events are this case's events.
  for (const e of plan.record.events) {
    const row = await tx.event.create({
      data: {
        caseId,
        title: e.title,
        description: e.description,
        occurredAt: new Date(e.occurredAt),
        precision: e.precision,
        createdById: ctx.actor.id,
        claims: { create: [...new Set(e.claimKeys)].map((k) => ({ claimId: claimId.get(k)! })) },
      },
    });
    await audit("event.create", caseId, "event", row.id, { ...row, claimIds: e.claimKeys.map((k) => claimId.get(k)) });
  }

  // Ratings, dissent, reviews and judgment history of the exporting workspace: recorded, read-only history
  // (see the top of this file). Keys become this case's ids so the next export names this case's records. A
  // recorded approval does not touch reviewState: the hypotheses above are drafts and stay so.
  const local = (k: string | null, ids: Map<string, string>) => (k === null ? null : ids.get(k)!);
  const targetIds = { hypothesis: hypothesisId, question: questionId, claim: claimId };
  const recorded: { kind: string; record: object }[] = [
    ...plan.record.ratings.map((x) => ({
      kind: "rating",
      record: { ...x, hypothesisKey: local(x.hypothesisKey, hypothesisId), claimKey: local(x.claimKey, claimId) },
    })),
    ...plan.record.dissent.map((x) => ({ kind: "dissent", record: { ...x, targetKey: local(x.targetKey, targetIds[x.targetType]) } })),
    ...plan.record.reviews.map((x) => ({ kind: "review", record: { ...x, targetKey: local(x.targetKey, hypothesisId) } })),
    ...plan.record.history.map((x) => ({
      kind: "history",
      record: {
        ...x,
        hypothesisKey: local(x.hypothesisKey, hypothesisId),
        snapshot: { ...x.snapshot, actorEntityId: local(x.snapshot.actorEntityId ?? null, entityId) },
      },
    })),
  ];
  if (recorded.length) {
    await tx.recordedHistory.createMany({
      data: recorded.map((x) => ({ caseId, kind: x.kind, record: x.record, bundleId: plan.bundleId })),
    });
    const count = (kind: string) => recorded.filter((x) => x.kind === kind).length;
    await audit("case.import.recorded", caseId, "case", caseId, {
      bundleId: plan.bundleId,
      ratings: count("rating"),
      dissent: count("dissent"),
      reviews: count("review"),
      history: count("history"),
    });
  }
  return { ...created, role: "owner" as const };
}

const SCO_TYPES: Record<string, CasefileIndicator["type"]> = {
  "ipv4-addr": "ipv4",
  "ipv6-addr": "ipv6",
  "domain-name": "domain",
  url: "url",
  "email-addr": "email",
};
const HASH_TYPES: Record<string, CasefileIndicator["type"]> = { MD5: "md5", SHA1: "sha1", SHA256: "sha256" };
const SIMPLE_PATTERN = /^\[\s*([a-z0-9-]+):(value|hashes\.(?:'([^']+)'|([A-Za-z0-9-]+)))\s*=\s*'((?:[^'\\]|\\['\\])*)'\s*\]$/;

/**
 * The indicators of a third-party bundle: its observables of our types (addresses, domains, URLs, e-mail
 * addresses, files with an MD5/SHA-1/SHA-256), the single comparisons of its STIX-pattern indicators
 * (`[ipv4-addr:value = '…']`, `[file:hashes.'SHA-256' = '…']`; compound patterns are left out) and its CVE
 * vulnerabilities. Each is quoted from the bundle itself, which the case keeps as its document (the value
 * as the bundle writes it, at its first place there), and points to the entities its `indicates`
 * relationships name. A value that is not a valid indicator is left out, like a duplicate.
 */
function thirdPartyIndicators({
  objects,
  raw,
  entityKeyOf,
  entityKind,
}: {
  objects: RawObject[];
  raw: string;
  entityKeyOf: Map<string, string>;
  entityKind: Map<string, string>;
}): Plan["indicators"] {
  const found = new Map<string, { type: CasefileIndicator["type"]; written: string; value: string; note: string; objectIds: string[] }>();
  const add = (objectId: string, type: CasefileIndicator["type"] | undefined, written: unknown, note = "") => {
    if (!type || typeof written !== "string" || !written || written.length > 2048) return;
    const canonical = canonicalise(type, written);
    if (!canonical.ok) return;
    const key = `${type}:${canonical.value}`;
    const seen = found.get(key);
    if (seen) {
      seen.objectIds.push(objectId);
      if (!seen.note) seen.note = note;
    } else found.set(key, { type, written, value: canonical.value, note, objectIds: [objectId] });
  };
  const hashType = (algorithm: string) => HASH_TYPES[algorithm.toUpperCase().replace(/-/g, "")];
  const text = (v: unknown) => (typeof v === "string" ? cutText(v.trim(), 4000) : "");
  for (const o of objects) {
    if (SCO_TYPES[o.type]) add(o.id, SCO_TYPES[o.type], o.value);
    else if (o.type === "file" && o.hashes && typeof o.hashes === "object")
      for (const [algorithm, digest] of Object.entries(o.hashes as Record<string, unknown>)) add(o.id, hashType(algorithm), digest);
    else if (o.type === "indicator" && o.pattern_type === "stix" && typeof o.pattern === "string") {
      const m = SIMPLE_PATTERN.exec(o.pattern.trim());
      if (!m) continue;
      const literal = m[5].replace(/\\(['\\])/g, "$1");
      const type = m[2] === "value" ? SCO_TYPES[m[1]] : m[1] === "file" ? hashType(m[3] ?? m[4]) : undefined;
      add(o.id, type, literal, text(o.description));
    } else if (o.type === "vulnerability" && Array.isArray(o.external_references)) {
      const ref = (o.external_references as Record<string, unknown>[]).find((x) => x && x.source_name === "cve");
      add(o.id, "cve", ref?.external_id ?? o.name, text(o.description));
    }
  }
  // `indicates` (indicator → entity), and `targets` (entity → vulnerability) for CVE ids.
  const linked = new Map<string, Set<string>>();
  for (const o of objects) {
    if (o.type !== "relationship" || typeof o.source_ref !== "string" || typeof o.target_ref !== "string") continue;
    const [from, to] =
      o.relationship_type === "indicates"
        ? [o.source_ref, o.target_ref]
        : o.relationship_type === "targets"
          ? [o.target_ref, o.source_ref]
          : [];
    const entity = to ? entityKeyOf.get(to) : undefined;
    if (!from || !entity || !(INDICATED_KINDS as readonly string[]).includes(entityKind.get(entity) ?? "")) continue;
    linked.set(from, (linked.get(from) ?? new Set()).add(entity));
  }
  return [...found.values()].map((f) => {
    // Quoted from the bundle as written there (a value JSON escapes is not written as such: no quote then).
    const start = JSON.stringify(f.written) === `"${f.written}"` ? raw.indexOf(f.written) : -1;
    let excerpt: AnchoredExcerpt | null = null;
    try {
      if (start >= 0)
        excerpt = anchorExcerpt({
          text: raw,
          excerpt: { documentId: "bundle", start, end: start + f.written.length, exact: f.written },
          path: "",
        });
    } catch {
      excerpt = null;
    }
    return {
      key: `i${f.objectIds[0]}`.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64),
      type: f.type,
      value: f.value,
      status: "active" as const,
      flags: flagsFor(f.type, f.value),
      note: f.note,
      firstSeen: null,
      lastSeen: null,
      excerpts: excerpt ? [{ ...excerpt, documentKey: "bundle" }] : [],
      claimKeys: [],
      entityKeys: [...new Set(f.objectIds.flatMap((id) => [...(linked.get(id) ?? [])]))],
    };
  });
}

/** The ATT&CK id (G…, S…, C…) an object carries in its mitre-attack external reference, when it is one we ship. */
function mitreAttackId(o: Record<string, unknown>): string | null {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
  const ref = refs.find((x) => x && x.source_name === "mitre-attack" && typeof x.external_id === "string");
  const id = ref ? String(ref.external_id).toUpperCase() : null;
  return id && /^[GSC]\d{4}$/.test(id) && attackObject(id) ? id : null;
}
