import "server-only";
// Importing a MISP event (MISP's JSON format, {"Event": {…}}, or the bare event PyMISP also reads) as a
// new case. The event is untrusted: size-limited, parsed without prototype keys (the STIX importer's
// parser), checked completely, and only then written in one transaction, so a refused event stores nothing.
//
// Casefile keeps quote-level provenance, and MISP attributes come without a document. So the import
// writes one synthetic document: the event's text, one line per thing (info, tags, each attribute's
// category, type, value and comment, objects with their attributes, galaxy clusters with synonyms);
// its original is the event's JSON exactly as received (hashed as received). Then:
// - attributes of the types Casefile records (ip-*, domain, hostname, url, email-*, md5, sha1, sha256,
//   vulnerability), in the event or inside its objects, become indicators in canonical form, each
//   quoting its value at its offsets in that document; other types are counted as skipped, values that
//   are not valid indicators as invalid (both reported), never an error;
// - the strictest tlp: tag anywhere becomes the case's TLP (AMBER when there is none);
// - a claim exported by Casefile (an annotation object with text and quote) becomes a draft claim
//   quoting its quote's line, with its kind, credibility and ATT&CK techniques;
// - ATT&CK techniques named by attack-pattern galaxy tags or clusters and carried by no such claim
//   become claims quoting the tag, tagged with the technique (Casefile tags techniques on claims);
// - galaxy clusters of actors and tools (threat-actor, mitre-intrusion-set, mitre-malware, tool…)
//   become entities with their synonyms as aliases, and the ATT&CK id when the cluster carries one.
import { createHash } from "node:crypto";
import type { ZodError } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, type FieldIssue } from "@/lib/errors";
import { slugify } from "@/lib/cases/slugify";
import { anchorExcerpt, type AnchoredExcerpt } from "@/lib/claims/verify-excerpt";
import { MAX_TEXT_CHARS } from "@/lib/documents/schemas";
import { attackCatalog, attackObject } from "@/lib/attack/catalog";
import { canonicalise } from "@/lib/indicators/canonicalise";
import { flagsFor } from "@/lib/indicators/warning-lists";
import type { IndicatorType } from "@/lib/indicators/types";
import { mostRestrictiveTlp, type TlpKey } from "@/lib/standards/scales";
import { parseUntrustedJson } from "@/lib/stix/import-stix";
import { unstorableValues } from "@/lib/http/json-guard";
import {
  indicatorTypesOfMisp,
  attackIdOfClusterValue,
  clusterName,
  entityKindOfGalaxy,
  parseGalaxyTag,
  techniqueOfTag,
  tlpOfTag,
} from "./mapping";
import {
  MAX_MISP_ATTRIBUTES,
  MAX_MISP_EVENT_BYTES,
  MispEventSchema,
  type MispAttributeInput,
  type MispEventInput,
  type MispImportReport,
} from "./schemas";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const TEXT_OBJECTS = new Set(["annotation", "report"]);
const MISP_KEYS = ["Event", "response", "info", "Attribute", "Object", "Galaxy", "Tag", "threat_level_id", "analysis"];

/**
 * Which importer a parsed body is for: a STIX object has a `type`; an object with MISP's keys (Event,
 * info, Attribute…) is a MISP event; anything else goes to the STIX importer, which says what it expected.
 */
export function detectImportFormat(value: unknown): "misp" | "stix" {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "stix";
  const o = value as Record<string, unknown>;
  if ("type" in o) return "stix";
  return MISP_KEYS.some((k) => k in o) ? "misp" : "stix";
}

type EntityPlan = {
  kind: "threat_actor" | "intrusion_set" | "malware";
  name: string;
  aliases: string[];
  description: string;
  attackId: string | null;
};
type IndicatorPlan = { type: IndicatorType; value: string; note: string; excerpts: Omit<AnchoredExcerpt, "documentId">[] };
type ClaimPlan = {
  statement: string;
  claimant: string;
  kind: "fact" | "allegation" | "assessment" | "denial";
  credibility: number;
  techniqueIds: string[];
  excerpt: Omit<AnchoredExcerpt, "documentId">;
};
export type MispPlan = {
  eventUuid: string | null;
  sha256: string;
  original: Buffer;
  case: { title: string; summary: string; tlp: TlpKey };
  document: { title: string; originalName: string; text: string; publishedAt: Date | null };
  indicators: IndicatorPlan[];
  entities: EntityPlan[];
  claims: ClaimPlan[];
  report: MispImportReport;
};

const refuse = (message: string, issues: FieldIssue[]): never => {
  throw new InvalidError(message, issues);
};
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function zodRefusal(prefix: string, err: ZodError): never {
  const issues = err.issues.slice(0, 50).map((i) => ({ path: [prefix, ...i.path.map(String)].join("."), message: i.message }));
  const first = issues[0];
  return refuse(
    `This is not a valid MISP event: ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : ""}`,
    issues,
  );
}

/** The synthetic document, written line by line, remembering where each quoted value sits. */
class EventText {
  private parts: string[] = [];
  private length = 0;
  /** Appends `before + quoted + after` as one line and returns the quoted part's offsets (UTF-16). */
  line(before: string, quoted = "", after = ""): { start: number; end: number; exact: string } {
    const start = this.length + before.length;
    const lineText = `${before}${quoted}${after}\n`;
    this.parts.push(lineText);
    this.length += lineText.length;
    return { start, end: start + quoted.length, exact: quoted };
  }
  get size() {
    return this.length;
  }
  toString() {
    return this.parts.join("");
  }
}

const ANALYSIS = ["initial", "ongoing", "completed"];
const THREAT_LEVEL = ["", "high", "medium", "low", "undefined"];

/** Checks an event completely and returns what to create; throws a 422 naming the problem. */
export function planMispImport({ raw, parsed, now = new Date() }: { raw: string; parsed: unknown; now?: Date }): MispPlan {
  const original = Buffer.from(raw, "utf8");
  if (original.length > MAX_MISP_EVENT_BYTES)
    refuse(
      `A MISP event is kept whole as the evidence of the import, and an event of ${(original.length / 1048576).toFixed(1)} MB is more than the ${MAX_MISP_EVENT_BYTES / 1048576} MB a document's original may hold; split the event.`,
      [{ path: "Event", message: `larger than ${MAX_MISP_EVENT_BYTES / 1048576} MB` }],
    );
  const top = parsed as Record<string, unknown>;
  let candidate: unknown;
  let prefix = "Event";
  const response = top.response;
  if ("Event" in top) candidate = top.Event;
  else if (Array.isArray(response) && response.length > 0) {
    // What MISP's REST API answers (events/restSearch): {"response": [{"Event": …}, …]}.
    if (response.length > 1)
      refuse(`The file holds ${response.length} MISP events; import one event at a time.`, [
        { path: "response", message: "more than one event" },
      ]);
    candidate = (response[0] as Record<string, unknown> | null)?.Event;
    prefix = "response.0.Event";
  } else if ("info" in top) {
    candidate = top; // the bare event, as PyMISP's test files and MISPEvent.to_json() write it
    prefix = "event";
  } else
    refuse('This is not a MISP event: the top-level object has no "Event" (a MISP export is {"Event": {"info": …, "Attribute": […]}}).', [
      { path: "Event", message: "is missing" },
    ]);
  if (!candidate || typeof candidate !== "object" || Array.isArray(candidate))
    refuse('This is not a MISP event: "Event" must be an object with the event\'s info and attributes.', [
      { path: "Event", message: "must be an object" },
    ]);
  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused here rather than failing in the database.
  // Large numbers are not: MISP's ids and sizes are never stored as integers by this import.
  const unstorable = unstorableValues(candidate).filter((i) => i.message.startsWith("Text"));
  if (unstorable.length)
    refuse(
      `This MISP event cannot be stored: ${prefix}.${unstorable[0].path}: ${unstorable[0].message}`,
      unstorable.map((i) => ({ path: `${prefix}.${i.path}`, message: i.message })),
    );
  const res = MispEventSchema.safeParse(candidate);
  if (!res.success) zodRefusal(prefix, res.error);
  const event = res.data as MispEventInput;
  const attributeCount = event.Attribute.length + event.Object.reduce((n, o) => n + o.Attribute.length, 0);
  if (attributeCount > MAX_MISP_ATTRIBUTES)
    refuse(
      `The event holds ${attributeCount.toLocaleString("en")} attributes; an import takes at most ${MAX_MISP_ATTRIBUTES.toLocaleString("en")}.`,
      [{ path: `${prefix}.Attribute`, message: "too many attributes" }],
    );

  const info = oneLine(event.info);
  const org = event.Orgc?.name ? oneLine(event.Orgc.name) : null;
  const date = event.date && /^\d{4}-\d{2}-\d{2}$/.test(event.date) && !Number.isNaN(Date.parse(event.date)) ? event.date : null;
  const uuid = event.uuid && /^[0-9a-f-]{32,36}$/i.test(event.uuid) ? event.uuid.toLowerCase() : null;
  const analysis = ANALYSIS[Number(event.analysis)] ?? null;
  const threat = THREAT_LEVEL[Number(event.threat_level_id)] || null;

  const doc = new EventText();
  doc.line("MISP event: ", info);
  if (uuid) doc.line("Event UUID: ", uuid);
  if (org) doc.line("Creator organisation: ", org);
  if (date) doc.line("Date: ", date);
  if (analysis) doc.line("Analysis: ", analysis);
  if (threat) doc.line("Threat level: ", threat);

  const tlps: TlpKey[] = [];
  const techniqueQuote = new Map<string, { start: number; end: number; exact: string }>();
  const entities = new Map<string, EntityPlan>();
  const report: MispImportReport = {
    eventUuid: uuid,
    indicators: 0,
    entities: 0,
    techniques: [],
    skipped: { count: 0, types: [] },
    invalid: { count: 0, examples: [] },
  };

  const addEntity = (kind: EntityPlan["kind"], value: string, aliases: string[], description: string, externalIds: string[]) => {
    const name = cut(oneLine(clusterName(value)), 200);
    if (!name) return;
    const attackId =
      [...externalIds, attackIdOfClusterValue(value) ?? ""]
        .map((x) => x.trim().toUpperCase())
        .find((x) => /^[GSC]\d{4}$/.test(x) && attackObject(x)) ?? null;
    const key = name.toLowerCase();
    const existing = entities.get(key);
    const cleanAliases = aliases.map(oneLine).filter((a) => a && a.length <= 200 && a.toLowerCase() !== key);
    if (existing) {
      existing.aliases = [...new Set([...existing.aliases, ...cleanAliases])].slice(0, 50);
      if (!existing.description && description) existing.description = cut(description.trim(), 4000);
      existing.attackId ??= attackId;
      return;
    }
    entities.set(key, {
      kind,
      name,
      aliases: [...new Set(cleanAliases)].slice(0, 50),
      description: cut(description.trim(), 4000),
      attackId,
    });
  };

  const readTag = (name: string, indent: string) => {
    const where = doc.line(`${indent}Tag: `, oneLine(name));
    const tlp = tlpOfTag(name);
    if (tlp) tlps.push(tlp);
    const technique = techniqueOfTag(name);
    if (technique && !techniqueQuote.has(technique)) techniqueQuote.set(technique, where);
    const galaxy = parseGalaxyTag(name);
    const kind = galaxy && entityKindOfGalaxy(galaxy.type);
    if (galaxy && kind) addEntity(kind, galaxy.value, [], "", []);
  };

  type Quote = { start: number; end: number; exact: string };
  const indicators = new Map<string, Omit<IndicatorPlan, "excerpts"> & { quotes: Quote[] }>();
  const skippedTypes = new Map<string, number>();
  const skip = (type: string) => {
    report.skipped.count++;
    skippedTypes.set(type, (skippedTypes.get(type) ?? 0) + 1);
  };
  const readAttribute = (a: MispAttributeInput, indent: string, label: string, inObject?: string) => {
    const value = oneLine(a.value);
    const comment = a.comment ? oneLine(a.comment) : "";
    const where = doc.line(`${indent}${label}: `, value, comment ? ` — ${comment}` : "");
    for (const t of a.Tag) readTag(t.name, `${indent}  `);
    classify(a, value, comment, where, inObject);
    return where;
  };
  const classify = (a: MispAttributeInput, value: string, comment: string, where: Quote, inObject?: string) => {
    const mispType = a.type.toLowerCase();
    // An annotation or report object is text about the event (a Casefile export's quotes and the hash
    // of their source document): its values are kept in the document, not recorded as indicators.
    if (inObject && TEXT_OBJECTS.has(inObject)) return skip(`${mispType} (in ${inObject} object)`);
    const types = indicatorTypesOfMisp(mispType);
    if (!types) return skip(mispType);
    let reason = "";
    for (const type of types) {
      const c = value ? canonicalise(type, value) : { ok: false as const, message: "The value is empty." };
      if (!c.ok) {
        reason ||= c.message;
        continue;
      }
      const key = `${type}|${c.value}`;
      let plan = indicators.get(key);
      if (!plan) indicators.set(key, (plan = { type, value: c.value, note: "", quotes: [] }));
      if (comment && !plan.note.includes(comment)) plan.note = cut(plan.note ? `${plan.note} ${comment}` : comment, 4000);
      plan.quotes.push(where);
      return;
    }
    report.invalid.count++;
    if (report.invalid.examples.length < 20) report.invalid.examples.push({ type: mispType, value: cut(value, 200), reason });
  };

  for (const t of event.Tag) readTag(t.name, "");
  for (const a of event.Attribute) readAttribute(a, "", `${oneLine(a.category ?? "Attribute")} / ${a.type}`);
  // A claim with its quote, as a Casefile export writes it (an annotation object with text, quote,
  // claimant, admiralty-grade, attack-techniques): it comes back as a claim quoting that line.
  const quoteClaims: (Omit<ClaimPlan, "excerpt"> & { quote: Quote })[] = [];
  for (const o of event.Object) {
    const name = o.name.toLowerCase();
    doc.line(`Object ${oneLine(o.name)}`, "", o.comment ? ` — ${oneLine(o.comment)}` : "");
    const fields = new Map<string, Quote>();
    for (const a of o.Attribute) {
      const where = readAttribute(a, "  ", `${a.object_relation ? oneLine(a.object_relation) : a.type} (${a.type})`, name);
      const relation = a.object_relation?.toLowerCase();
      if (relation && !fields.has(relation)) fields.set(relation, where);
    }
    const statement = fields.get("text")?.exact;
    const quote = fields.get("quote");
    if (!TEXT_OBJECTS.has(name) || !statement || !quote?.exact) continue;
    const kind = /\((fact|allegation|assessment|denial),/.exec(o.comment ?? "")?.[1] as ClaimPlan["kind"] | undefined;
    const grade = /([1-6])$/.exec(fields.get("admiralty-grade")?.exact ?? "");
    quoteClaims.push({
      statement: cut(statement, 4000),
      claimant: cut(fields.get("claimant")?.exact || org || "MISP event", 300),
      kind: kind ?? "allegation",
      credibility: grade ? Number(grade[1]) : 6,
      techniqueIds: [
        ...new Set((fields.get("attack-techniques")?.exact ?? "").split(/[\s,]+/).filter((id) => attackCatalog().techniqueById.has(id))),
      ],
      quote,
    });
  }
  for (const g of event.Galaxy) {
    for (const cl of g.GalaxyCluster) {
      const type = (cl.type ?? g.type).toLowerCase();
      const where = doc.line(`Galaxy ${oneLine(type)}: `, oneLine(cl.value));
      const synonyms = (cl.meta?.synonyms ?? []).map(oneLine).filter(Boolean);
      if (synonyms.length) doc.line("  Synonyms: ", synonyms.join(", "));
      const kind = entityKindOfGalaxy(type);
      if (kind) addEntity(kind, cl.value, synonyms, cl.description ?? "", cl.meta?.external_id ?? []);
      if (type.endsWith("attack-pattern")) {
        const id = [...(cl.meta?.external_id ?? []), attackIdOfClusterValue(cl.value) ?? ""].find((x) =>
          attackCatalog().techniqueById.has(x),
        );
        if (id && !techniqueQuote.has(id)) techniqueQuote.set(id, where);
      }
    }
  }
  if (doc.size > MAX_TEXT_CHARS)
    refuse(
      `The event's text (${doc.size.toLocaleString("en")} characters) is longer than a document may hold (${MAX_TEXT_CHARS.toLocaleString("en")}); split the event.`,
      [{ path: prefix, message: "too much text for one document" }],
    );
  const text = doc.toString();
  // Every quote is checked against the finished text, as a quote typed by an analyst would be.
  const anchor = (q: Quote, path: string) => {
    const { documentId: _none, ...rest } = anchorExcerpt({ text, excerpt: { documentId: "", ...q }, path });
    return rest;
  };
  const indicatorPlans: IndicatorPlan[] = [...indicators.values()].map(({ quotes, ...p }, i) => ({
    ...p,
    excerpts: quotes.map((q, j) => anchor(q, `indicators.${i}.excerpts.${j}`)),
  }));
  const claimant = org ?? "MISP event";
  const quoted = new Set(quoteClaims.flatMap((c) => c.techniqueIds));
  const claims: ClaimPlan[] = [
    ...quoteClaims.map(({ quote, ...c }, i) => ({ ...c, excerpt: anchor(quote, `claims.${i}.quote`) })),
    // A technique only tagged (no claim of the event carries it): the event's creator assigns it, their
    // assessment, not yet judged by this team, quoting the tag.
    ...[...techniqueQuote.entries()]
      .filter(([id]) => !quoted.has(id))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([techniqueId, q]) => ({
        statement: `The MISP event tags ATT&CK technique ${techniqueId} (${attackCatalog().techniqueById.get(techniqueId)!.name}).`,
        claimant,
        kind: "assessment" as const,
        credibility: 6,
        techniqueIds: [techniqueId],
        excerpt: anchor(q, `techniques.${techniqueId}`),
      })),
  ];
  report.skipped.types = [...skippedTypes].map(([type, count]) => ({ type, count }));
  report.indicators = indicatorPlans.length;
  report.entities = entities.size;
  report.techniques = [...new Set(claims.flatMap((c) => c.techniqueIds))].sort();

  const suffix = ` (imported ${now.toISOString().slice(0, 10)})`;
  const summary = [
    `Imported from MISP event ${uuid ?? "(no UUID)"}${org ? ` by ${org}` : ""}${date ? `, dated ${date}` : ""}.`,
    analysis ? `MISP analysis: ${analysis}.` : "",
    threat ? `MISP threat level: ${threat}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    eventUuid: uuid,
    sha256: sha256(original),
    original,
    case: { title: `${cut(info, 200 - suffix.length)}${suffix}`, summary, tlp: mostRestrictiveTlp(tlps) ?? "AMBER" },
    document: {
      title: cut(`MISP event: ${info}`, 300),
      originalName: `${uuid ?? "misp-event"}.json`,
      text,
      publishedAt: date ? new Date(`${date}T00:00:00Z`) : null,
    },
    indicators: indicatorPlans,
    entities: [...entities.values()],
    claims,
    report,
  };
}

/**
 * Imports a MISP event (its raw JSON text, already parsed by the caller when it detected the format) as
 * a new case owned by the importer. Everything is checked first and written in one transaction.
 */
export async function importMispEvent({ ctx, raw, parsed }: { ctx: Ctx; raw: string; parsed?: unknown }) {
  const plan = planMispImport({ raw, parsed: parsed === undefined ? parseUntrustedJson(raw) : parsed });
  const created = await db.$transaction(async (tx) => writePlan({ tx, ctx, plan }), { timeout: 120_000, maxWait: 10_000 });
  return { case: created, report: plan.report };
}

async function writePlan({ tx, ctx, plan }: { tx: Tx; ctx: Ctx; plan: MispPlan }) {
  const reason = `Imported from MISP event ${plan.eventUuid ?? "(no UUID)"} (SHA-256 ${plan.sha256})`;
  const audit = (action: string, caseId: string, targetType: string, targetId: string, after: unknown) =>
    recordAudit({ tx, ctx, action, caseId, targetType, targetId, after, reason });
  const created = await tx.case.create({
    data: {
      ...plan.case,
      status: "active",
      slug: slugify(plan.case.title),
      createdById: ctx.actor.id,
      members: { create: { userId: ctx.actor.id, role: "owner" } },
    },
  });
  const caseId = created.id;
  await audit("case.create", caseId, "case", caseId, created);
  await audit("case.import", caseId, "case", caseId, {
    format: "misp",
    eventUuid: plan.eventUuid,
    sha256: plan.sha256,
    report: plan.report,
  });

  const mimeType = "application/json";
  await tx.$executeRaw`INSERT INTO blobs (sha256, bytes, size, mime_type) VALUES (${plan.sha256}, ${plan.original}, ${plan.original.length}, ${mimeType}) ON CONFLICT (sha256) DO NOTHING`;
  const document = await tx.document.create({
    data: {
      caseId,
      title: plan.document.title,
      publishedAt: plan.document.publishedAt,
      kind: "upload",
      originalName: plan.document.originalName,
      mimeType,
      text: plan.document.text,
      sha256: plan.sha256,
      textSha256: sha256(plan.document.text),
      sizeBytes: plan.original.length,
      addedById: ctx.actor.id,
    },
  });
  const { text: _omit, ...docSummary } = document;
  await audit("document.create", caseId, "document", document.id, docSummary);

  for (const e of plan.entities) {
    const row = await tx.entity.create({ data: { caseId, ...e } });
    await audit("entity.create", caseId, "entity", row.id, row);
  }
  for (const c of plan.claims) {
    // Drafts: whoever made them in MISP, this team has not reviewed them yet.
    const row = await tx.claim.create({
      data: {
        caseId,
        statement: c.statement,
        claimant: c.claimant,
        kind: c.kind,
        credibility: c.credibility,
        status: "draft",
        createdById: ctx.actor.id,
        excerpts: { create: [{ ...c.excerpt, documentId: document.id, position: 0 }] },
        techniques: { create: c.techniqueIds.map((techniqueId) => ({ techniqueId, caseId, createdById: ctx.actor.id })) },
      },
    });
    await audit("claim.create", caseId, "claim", row.id, { ...row, techniqueIds: c.techniqueIds });
  }
  for (const i of plan.indicators) {
    const flags = flagsFor(i.type, i.value);
    const row = await tx.indicator.create({
      data: { caseId, type: i.type, value: i.value, flags, note: i.note, createdById: ctx.actor.id },
    });
    const excerpts = i.excerpts.map((e) => ({ ...e, documentId: document.id }));
    await tx.indicatorExcerpt.createMany({ data: excerpts.map((e) => ({ indicatorId: row.id, ...e })) });
    await audit("indicator.create", caseId, "indicator", row.id, {
      type: i.type,
      value: i.value,
      flags,
      excerpts,
      claimIds: [],
      entityIds: [],
    });
  }
  return { ...created, role: "owner" as const };
}
