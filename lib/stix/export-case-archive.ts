// The case archive: the whole case as a STIX 2.1 bundle with x_casefile_* properties that let Casefile
// rebuild it exactly in another workspace (lib/stix/import-stix.ts): every source, document (text and
// original bytes), claim, entity, link, hypothesis and indicator (retired ones in x_casefile_case only; the
// active ones also as SCOs and indicators), and in the casefile-record extension (an extension-definition
// object in the bundle, STIX 2.1 §7.3, property-extension on the report) the timeline, ACH ratings, dissent,
// the review record and each judgment's history. Export → import → export gives the same content
// (lib/stix/content-digest.ts). It is a transfer format for moving a case, NOT a brief: briefs and releases
// use render-stix.ts, which holds only what the approved brief cites.
import "server-only";
import { randomUUID } from "node:crypto";
import type { BriefModel } from "@/lib/briefs/brief-types";
import { stixId } from "./ids";
import { loadCaseRecord } from "./load-case-record";
import {
  CASEFILE_FORMAT,
  CASEFILE_RECORD_EXTENSION_ID,
  type CasefileRecord,
  type CasefileCase,
  type CasefileClaim,
  type CasefileIndicator,
  type CasefileQuestion,
} from "./schemas";
import { indicatorRef, indicatorStixObjects } from "./indicator-objects";
import { warningsFor } from "@/lib/indicators/warning-lists";
import type { IndicatorType } from "@/lib/indicators/types";
import {
  ANALYTIC_CONFIDENCE,
  LIKELIHOOD,
  getTlp,
  tlpMarkingDefinition,
  type AnalyticConfidence,
  type InformationCredibility,
  type LikelihoodKey,
  type TlpKey,
} from "@/lib/standards/scales";
import { credibilityToStix, likelihoodToStix } from "@/lib/standards/stix-confidence";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { claimGrade, claimReliability } from "@/lib/claims/reliability";

/** Everything in the case that a round trip needs and the brief model does not hold. */
export type StixCaseData = {
  caseId: string;
  createdAt: string;
  summary: string;
  sources: CasefileCase["sources"];
  documents: CasefileCase["documents"];
  entities: CasefileCase["entities"];
  claimLinks: CasefileCase["claimLinks"];
  // Every indicator (retired ones too); the active ones also become STIX objects.
  indicators: (CasefileIndicator & { createdAt: string; updatedAt: string })[];
  claims: (CasefileClaim & { grade: string; createdAt: string; updatedAt: string })[];
  questions: (CasefileQuestion & {
    createdAt: string;
    updatedAt: string;
    hypothesisTimes: Record<string, { createdAt: string; updatedAt: string }>;
  })[];
  record: CasefileRecord;
};

import { campaignName, producerIdentityId, type StixBundle, type StixObject } from "./render-stix";

const PRODUCER_CREATED = "2022-01-01T00:00:00.000Z";

// The casefile-record extension's definition: one fixed id and text for every installation.
const EXTENSION_CREATED = "2026-12-04T00:00:00.000Z";
export function casefileRecordExtensionDefinition(createdByRef: string, markingId: string): StixObject {
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: CASEFILE_RECORD_EXTENSION_ID,
    created_by_ref: createdByRef,
    created: EXTENSION_CREATED,
    modified: EXTENSION_CREATED,
    name: "Casefile case record",
    description:
      "A Casefile case archive's record beyond evidence and judgments: timeline events, ACH ratings (claim × hypothesis), " +
      "dissent, the review record and each judgment's saved versions. People are recorded attribution (display name and " +
      "e-mail in the exporting workspace); a recorded approval is history, never an approval in the importing workspace.",
    schema:
      "Casefile lib/stix/schemas.ts, CasefileRecordSchema (format casefile-record/1): {format, events[{key,title,description," +
      "occurredAt,precision,claimKeys}], ratings[{hypothesisKey,claimKey,rating CC|C|N|I|II|NA,note,rater{name,email},at}], " +
      "dissent[{targetType,targetKey,body,author,at}], reviews[{targetType hypothesis|brief,targetKey,contentHash,targetVersion," +
      "decision,comment,submittedBy,reviewer,createdAt,decidedAt,withdrawnReason,withdrawnAt}], history[{hypothesisKey,version," +
      "snapshot,reason,changedBy,at,madeByImport}]}. Keys are the x_casefile_* keys of the same bundle.",
    version: "1.0.0",
    extension_types: ["property-extension"],
    object_marking_refs: [markingId],
  };
}

const RATING_WORDS: Record<string, string> = {
  CC: "very consistent",
  C: "consistent",
  N: "neutral",
  I: "inconsistent",
  II: "very inconsistent",
  NA: "not applicable",
};

const ENTITY_SDO: Record<string, { type: string; extra?: Record<string, unknown> } | undefined> = {
  threat_actor: { type: "threat-actor" },
  intrusion_set: { type: "intrusion-set" },
  malware: { type: "malware", extra: { is_family: true } },
  infrastructure: { type: "infrastructure" },
  organization: { type: "identity", extra: { identity_class: "organization" } },
  person: { type: "identity", extra: { identity_class: "individual" } },
  // A location needs a region, country or coordinates, which we do not record: kept in x_casefile_case only.
  location: undefined,
};

const later = (a: string, b: string) => (b > a ? b : a);
const label = <T extends { key: string; label: string }>(rows: readonly T[], k: string | null) =>
  k ? (rows.find((r) => r.key === k)?.label ?? k) : null;

export function renderCaseArchive(
  model: BriefModel,
  data: StixCaseData,
  { bundleId = `bundle--${randomUUID()}` }: { bundleId?: string } = {},
): StixBundle {
  const tlpKey = model.case.tlp as TlpKey;
  const marking = tlpMarkingDefinition(tlpKey);
  const reportId = stixId("report", data.caseId);
  const PRODUCER_IDENTITY_ID = producerIdentityId(model.producer.id);
  const common = { spec_version: "2.1", created_by_ref: PRODUCER_IDENTITY_ID, object_marking_refs: [marking.id] };
  const objects: StixObject[] = [];
  const docByKey = new Map(data.documents.map((d) => [d.key, d]));
  const sourceByKey = new Map(data.sources.map((s) => [s.key, s]));
  const docReference = (key: string) => {
    const d = docByKey.get(key)!;
    const source = d.sourceKey ? sourceByKey.get(d.sourceKey) : undefined;
    return {
      source_name: source?.name ?? d.publisher ?? "document",
      description: d.title,
      ...(d.url ? { url: d.url } : {}),
      hashes: { "SHA-256": d.sha256 },
    };
  };

  const identity: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: PRODUCER_IDENTITY_ID,
    created: PRODUCER_CREATED,
    modified: PRODUCER_CREATED,
    name: model.producer.name,
    identity_class: "organization",
    object_marking_refs: [marking.id],
  };

  // Entities that STIX can express become SDOs; every entity also travels in x_casefile_case.
  const entitySdo = new Map<string, string>();
  for (const e of data.entities) {
    const kind = ENTITY_SDO[e.kind];
    if (!kind) continue;
    const id = stixId(kind.type, e.key);
    entitySdo.set(e.key, id);
    objects.push({
      type: kind.type,
      id,
      ...common,
      created: data.createdAt,
      modified: data.createdAt,
      name: e.name,
      ...(e.description ? { description: e.description } : {}),
      ...(e.aliases.length && kind.type !== "identity" ? { aliases: e.aliases } : {}),
      ...kind.extra,
    });
  }

  const keyJudgments = new Map(model.judgments.map((j) => [j.id, j]));
  const relationshipOf = new Map<string, string>();
  const campaignOf = new Map<string, string>();
  for (const q of data.questions) {
    const campaignId = stixId("campaign", q.key);
    campaignOf.set(q.key, campaignId);
    // Every hypothesis, alternatives and rejected ones included, travels with its question.
    const { createdAt, updatedAt, hypothesisTimes, ...question } = q;
    objects.push({
      type: "campaign",
      id: campaignId,
      ...common,
      created: createdAt,
      modified: later(createdAt, updatedAt),
      name: campaignName(q.question),
      description: q.question,
      x_casefile_question: question,
    });
    for (const h of q.hypotheses) {
      const j = keyJudgments.get(h.key);
      if (!j) continue;
      const times = hypothesisTimes[h.key];
      const created = times?.createdAt ?? createdAt;
      const modified = later(created, times?.updatedAt ?? created);
      const actorSdo = h.actorKey ? entitySdo.get(h.actorKey) : undefined;
      let target = campaignId;
      if (actorSdo && (actorSdo.startsWith("threat-actor--") || actorSdo.startsWith("intrusion-set--"))) {
        const relId = stixId("relationship", h.key);
        relationshipOf.set(h.key, relId);
        target = relId;
        // STIX has one `confidence` per object. On the attribution it carries the likelihood (DNI scale,
        // STANDARDS.md §4) because that is what "attributed-to" asserts; the analytic confidence is a
        // separate axis (ICD 203) and goes in the judgment's note and x_casefile_analytic_confidence.
        objects.push({
          type: "relationship",
          id: relId,
          ...common,
          created,
          modified,
          relationship_type: "attributed-to",
          source_ref: campaignId,
          target_ref: actorSdo,
          description: j.estimative,
          ...(h.likelihood ? { confidence: likelihoodToStix(h.likelihood as LikelihoodKey) } : {}),
          ...(h.confidence ? { x_casefile_analytic_confidence: h.confidence } : {}),
        });
      }
      const grade = [
        `Likelihood: ${label(LIKELIHOOD, h.likelihood) ?? "not graded"}${h.likelihood ? ` (STIX confidence ${likelihoodToStix(h.likelihood as LikelihoodKey)}, DNI scale)` : ""}`,
        `analytic confidence: ${label(ANALYTIC_CONFIDENCE, h.confidence) ?? "not graded"}`,
      ].join("; ");
      objects.push({
        type: "note",
        id: stixId("note", "judgment", h.key),
        ...common,
        created,
        modified,
        abstract: `Key judgment: ${j.title}`,
        content: [
          j.estimative,
          grade,
          j.rationale,
          j.approvedBy
            ? `Approved by ${j.approvedBy} on ${j.approvedAt?.slice(0, 10)} (version ${j.version}, SHA-256 ${j.contentHash}).`
            : "Not approved.",
        ]
          .filter(Boolean)
          .join("\n\n"),
        ...(j.approvedBy ? { authors: [j.approvedBy] } : {}),
        object_refs: [target],
        ...(h.confidence ? { x_casefile_analytic_confidence: h.confidence as AnalyticConfidence } : {}),
      });
    }
    const alternatives = q.hypotheses.filter((h) => !keyJudgments.has(h.key));
    if (alternatives.length) {
      objects.push({
        type: "note",
        id: stixId("note", "alternatives", q.key),
        ...common,
        created: createdAt,
        modified: later(createdAt, updatedAt),
        abstract: "Alternatives considered",
        content: alternatives
          .map(
            (h) =>
              `${h.title} — ${h.disposition === "rejected" ? `rejected: ${h.rejectedReason ?? ""}` : [label(LIKELIHOOD, h.likelihood), h.confidence ? `${label(ANALYTIC_CONFIDENCE, h.confidence)?.toLowerCase()} confidence` : null].filter(Boolean).join(", ") || "not graded"}`,
          )
          .join("\n"),
        object_refs: [campaignId],
      });
    }
  }

  // The record as STIX a consumer reads: dissent, reviews and events as notes (dissent signed by its analyst, like
  // the brief's; an `opinion` would be a consumer's view of someone else's object), each question's ACH ratings as
  // a grouping. The structured record itself travels in the casefile-record extension on the report.
  const hypothesisQuestion = new Map(data.questions.flatMap((q) => q.hypotheses.map((h) => [h.key, q] as const)));
  const hypothesisTitle = new Map(data.questions.flatMap((q) => q.hypotheses.map((h) => [h.key, h.title] as const)));
  const aboutHypothesis = (key: string) =>
    relationshipOf.get(key) ??
    (keyJudgments.has(key) ? stixId("note", "judgment", key) : campaignOf.get(hypothesisQuestion.get(key)!.key)!);
  const claimNote = (key: string) => stixId("note", "claim", key);
  const statementOf = new Map(data.claims.map((c) => [c.key, c.statement]));
  const rec = data.record;
  rec.dissent.forEach((d, i) => {
    const ref =
      d.targetType === "hypothesis"
        ? aboutHypothesis(d.targetKey)
        : d.targetType === "claim"
          ? claimNote(d.targetKey)
          : campaignOf.get(d.targetKey)!;
    const on =
      d.targetType === "hypothesis"
        ? hypothesisTitle.get(d.targetKey)
        : d.targetType === "claim"
          ? statementOf.get(d.targetKey)
          : undefined;
    objects.push({
      type: "note",
      id: stixId("note", "dissent", d.targetKey, String(i), d.at),
      ...common,
      created: d.at,
      modified: d.at,
      abstract: `Dissent by ${d.author.name}${on ? ` on “${on.slice(0, 200)}”` : ""}`,
      content: d.body,
      authors: [d.author.name],
      object_refs: [ref],
    });
  });
  rec.reviews.forEach((r, i) => {
    const ref = r.targetType === "hypothesis" && r.targetKey ? aboutHypothesis(r.targetKey) : reportId;
    const decided = r.decidedAt ?? r.withdrawnAt ?? r.createdAt;
    objects.push({
      type: "note",
      id: stixId("note", "review", r.targetKey ?? "brief", String(i), r.createdAt),
      ...common,
      created: r.createdAt,
      modified: later(r.createdAt, decided),
      abstract: `Review of the ${r.targetType === "brief" ? "brief" : `judgment “${(hypothesisTitle.get(r.targetKey ?? "") ?? "").slice(0, 200)}”`}: ${r.decision.replace("_", " ")}`,
      content: [
        `Submitted by ${r.submittedBy.name} on ${r.createdAt.slice(0, 10)}${r.reviewer ? `; reviewer ${r.reviewer.name}` : ""} (content SHA-256 ${r.contentHash}).`,
        r.comment,
        r.withdrawnReason ? `Withdrawn: ${r.withdrawnReason}` : "",
        "A record of the review in the workspace that made it: not an approval in a workspace that imports this archive.",
      ]
        .filter(Boolean)
        .join("\n\n"),
      authors: [...new Set([r.submittedBy.name, ...(r.reviewer ? [r.reviewer.name] : [])])],
      object_refs: [ref],
    });
  });
  rec.events.forEach((e) => {
    objects.push({
      type: "note",
      id: stixId("note", "event", e.key),
      ...common,
      created: data.createdAt,
      modified: data.createdAt,
      abstract: `Event (${e.occurredAt.slice(0, e.precision === "year" ? 4 : e.precision === "month" ? 7 : 10)}): ${e.title}`,
      content: e.description || e.title,
      object_refs: e.claimKeys.length ? e.claimKeys.map(claimNote) : [reportId],
    });
  });
  for (const q of data.questions) {
    const keys = new Set(q.hypotheses.map((h) => h.key));
    const rated = rec.ratings.filter((r) => keys.has(r.hypothesisKey));
    if (!rated.length) continue;
    const at = rated.reduce((m, r) => later(m, r.at), q.createdAt);
    objects.push({
      type: "grouping",
      id: stixId("grouping", "ach", q.key),
      ...common,
      created: q.createdAt,
      modified: at,
      name: `ACH ratings: ${campaignName(q.question)}`,
      context: "unspecified",
      description: rated
        .map(
          (r) =>
            `${r.rater.name}: “${(statementOf.get(r.claimKey) ?? "").slice(0, 200)}” is ${RATING_WORDS[r.rating]} with “${hypothesisTitle.get(r.hypothesisKey)}”${r.note ? ` (${r.note})` : ""}`,
        )
        .join("\n"),
      object_refs: [campaignOf.get(q.key)!, ...new Set(rated.map((r) => claimNote(r.claimKey)))],
    });
  }

  const activeIndicators = data.indicators.filter((i) => i.status === "active");
  const indicatorsOf = new Map<string, string[]>();
  for (const i of activeIndicators)
    for (const k of i.claimKeys) indicatorsOf.set(k, [...(indicatorsOf.get(k) ?? []), indicatorRef({ id: i.key, type: i.type })]);
  for (const c of data.claims) {
    const { grade, createdAt, updatedAt, ...claim } = c;
    const refs = [
      ...new Set([...c.entityKeys.map((k) => entitySdo.get(k)).filter((x): x is string => !!x), ...(indicatorsOf.get(c.key) ?? [])]),
    ];
    const confidence = credibilityToStix(c.credibility as InformationCredibility);
    objects.push({
      type: "note",
      id: stixId("note", "claim", c.key),
      ...common,
      created: createdAt,
      modified: later(createdAt, updatedAt),
      abstract: `${grade} · ${c.kind} · ${c.claimant}`,
      content: [
        c.statement,
        ...c.excerpts.map((e) => `“${e.exact}”`),
        c.sourceConfidence ? `The source's own stated confidence: “${c.sourceConfidence}” (quoted; not our assessment).` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      object_refs: refs.length ? refs : [reportId],
      external_references: [...new Set(c.excerpts.map((e) => e.documentKey))].map(docReference),
      ...(confidence === undefined ? {} : { confidence }),
      x_casefile_claim: claim,
    });
  }

  for (const i of activeIndicators) {
    objects.push(
      ...indicatorStixObjects({
        indicator: {
          id: i.key,
          type: i.type,
          value: i.value,
          flags: i.flags,
          warnings: warningsFor(i.type as IndicatorType, i.value).map((w) => w.reason),
          note: i.note,
          firstSeen: i.firstSeen,
          lastSeen: i.lastSeen,
          createdAt: i.createdAt,
          updatedAt: i.updatedAt,
        },
        common,
        markingRefs: [marking.id],
        indicatedSdos: [...new Set(i.entityKeys.map((k) => entitySdo.get(k)).filter((x): x is string => !!x))],
        quotes: i.excerpts.map((e) => `“${e.exact}” — ${docByKey.get(e.documentKey)?.title ?? "document"}, characters ${e.start}–${e.end}`),
        references: [...new Set(i.excerpts.map((e) => e.documentKey))].map(docReference),
      }).objects,
    );
  }

  const casefile: CasefileCase = {
    format: CASEFILE_FORMAT,
    title: model.case.title,
    summary: data.summary,
    tlp: tlpKey as CasefileCase["tlp"],
    status: model.case.status as CasefileCase["status"],
    sources: data.sources,
    documents: data.documents,
    entities: data.entities,
    claimLinks: data.claimLinks,
    indicators: data.indicators.map(({ createdAt: _c, updatedAt: _u, ...i }) => i),
  };
  const report: StixObject = {
    type: "report",
    id: reportId,
    ...common,
    created: data.createdAt,
    modified: later(data.createdAt, model.generatedAt),
    name: model.case.title,
    description: model.bluf || "No summary yet.",
    published: model.generatedAt,
    report_types: ["threat-actor"],
    object_refs: [PRODUCER_IDENTITY_ID, ...objects.map((o) => o.id)],
    ...(data.documents.length ? { external_references: data.documents.map((d) => docReference(d.key)) } : {}),
    x_casefile_case: casefile,
    x_casefile_tlp: getTlp(tlpKey).label,
    // STIX forbids empty lists as property values: an empty part of the record is left out (the import reads it as []).
    extensions: {
      [CASEFILE_RECORD_EXTENSION_ID]: {
        extension_type: "property-extension",
        ...Object.fromEntries(Object.entries(data.record).filter(([, v]) => !Array.isArray(v) || v.length > 0)),
      },
    },
  };
  const extension = casefileRecordExtensionDefinition(PRODUCER_IDENTITY_ID, marking.id);
  return { type: "bundle", id: bundleId, objects: [marking as unknown as StixObject, identity, extension, report, ...objects] };
}

/** Loads what renderStix needs beyond the brief model: every source, document (with its text and original bytes), entity, claim, link and hypothesis of the case. */
export async function loadStixCaseData({ caseId }: { caseId: string }): Promise<StixCaseData> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, summary: true, createdAt: true } });
  const [sources, documents, entities, claims, links, questions, indicators] = await Promise.all([
    db.source.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
    db.document.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { blob: { select: { bytes: true } } },
    }),
    db.entity.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.claim.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        excerpts: {
          orderBy: { position: "asc" },
          include: {
            document: {
              select: { reliabilityOverride: true, retractedAt: true, source: { select: { reliability: true, retractedAt: true } } },
            },
          },
        },
        entities: { select: { entityId: true } },
        techniques: { select: { techniqueId: true } },
      },
    }),
    db.claimLink.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
    db.attributionQuestion.findMany({
      where: { caseId },
      orderBy: { createdAt: "asc" },
      include: { hypotheses: { orderBy: { createdAt: "asc" } } },
    }),
    db.indicator.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        excerpts: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        claims: { select: { claimId: true }, orderBy: { claimId: "asc" } },
        entities: { select: { entityId: true }, orderBy: { entityId: "asc" } },
      },
    }),
  ]);
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  return {
    record: await loadCaseRecord({ caseId }),
    caseId: c.id,
    createdAt: c.createdAt.toISOString(),
    summary: c.summary,
    sources: sources.map((s) => ({
      key: s.id,
      name: s.name,
      kind: s.kind,
      reliability: s.reliability,
      rationale: s.rationale,
      url: s.url,
    })),
    documents: documents.map((d) => {
      const original = Buffer.from(d.blob.bytes);
      return {
        key: d.id,
        title: d.title,
        url: d.url,
        publisher: d.publisher,
        author: d.author,
        publishedAt: d.publishedAt?.toISOString() ?? null,
        retrievedAt: d.retrievedAt.toISOString(),
        kind: d.kind,
        originalName: d.originalName,
        mimeType: d.mimeType,
        sha256: d.sha256,
        textSha256: d.textSha256,
        text: d.text,
        // The original travels only when it is not just the text: an import can then prove both hashes.
        originalBase64: original.equals(Buffer.from(d.text, "utf8")) ? null : original.toString("base64"),
        sourceKey: d.sourceId,
        reliabilityOverride: d.reliabilityOverride,
        overrideReason: d.overrideReason,
      };
    }),
    entities: entities.map((e) => ({
      key: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      description: e.description,
      attackId: e.attackId,
    })),
    claimLinks: links.map((l) => ({ fromKey: l.fromClaimId, toKey: l.toClaimId, kind: l.kind, note: l.note })),
    indicators: indicators.map((i) => ({
      key: i.id,
      type: i.type,
      value: i.value,
      status: i.status,
      flags: i.flags as CasefileIndicator["flags"],
      note: i.note,
      firstSeen: day(i.firstSeen),
      lastSeen: day(i.lastSeen),
      excerpts: i.excerpts.map((e) => ({ documentKey: e.documentId, exact: e.exact, start: e.start, end: e.end })),
      claimKeys: i.claims.map((x) => x.claimId),
      entityKeys: i.entities.map((x) => x.entityId),
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    })),
    claims: claims.map((cl) => {
      // The stated rule (lib/claims/reliability.ts): the best counted grade, never the first quote's.
      const reliability = claimReliability(cl.excerpts);
      return {
        key: cl.id,
        statement: cl.statement,
        claimant: cl.claimant,
        kind: cl.kind,
        credibility: cl.credibility,
        sourceConfidence: cl.sourceConfidence,
        status: cl.status,
        entityKeys: cl.entities.map((e) => e.entityId),
        techniqueIds: cl.techniques.map((t) => t.techniqueId).sort(),
        excerpts: cl.excerpts.map((e) => ({ documentKey: e.documentId, exact: e.exact, start: e.start, end: e.end })),
        grade: claimGrade({ reliability, credibility: cl.credibility }),
        createdAt: cl.createdAt.toISOString(),
        updatedAt: cl.updatedAt.toISOString(),
      };
    }),
    questions: questions.map((q) => ({
      key: q.id,
      question: q.question,
      conclusion: q.conclusion,
      createdAt: q.createdAt.toISOString(),
      updatedAt: q.updatedAt.toISOString(),
      hypotheses: q.hypotheses.map((h) => ({
        key: h.id,
        title: h.title,
        description: h.description,
        actorKey: h.actorEntityId,
        likelihood: h.likelihood,
        confidence: h.confidence,
        rationale: h.rationale,
        disposition: h.disposition,
        rejectedReason: h.rejectedReason,
        proposition: h.proposition,
        confidenceBasis: h.confidenceBasis,
      })),
      hypothesisTimes: Object.fromEntries(
        q.hypotheses.map((h) => [h.id, { createdAt: h.createdAt.toISOString(), updatedAt: h.updatedAt.toISOString() }]),
      ),
    })),
  };
}

/** The whole case as a STIX 2.1 archive that importStixBundle rebuilds exactly. */
export async function exportCaseArchive({ access }: { access: CaseAccess }): Promise<StixBundle> {
  const model = await composeBrief({ access });
  return renderCaseArchive(model, await loadStixCaseData({ caseId: access.caseId }));
}
