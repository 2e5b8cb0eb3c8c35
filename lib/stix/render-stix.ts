// STIX 2.1 brief: the brief model as a bundle a threat-intelligence platform reads correctly. Built from
// the model alone (no database): a release's STIX file says what the approved brief says, no more —
// only the documents and claims the brief cites, never a document's text or original bytes.
//
// Custom properties (documented in the README):
// - x_casefile_confidence_scale on every object with a `confidence`: "dni" (the ICD 203 likelihood of an
//   attribution, projected on STIX Appendix A's DNI scale) or "admiralty-credibility" (a claim's
//   Admiralty credibility 1–5, Appendix A's Admiralty scale). A consumer knows which scale a number is on.
// - x_casefile_analytic_confidence: the analyst's confidence (low/moderate/high), a separate axis.
import { randomUUID } from "node:crypto";
import type { BriefJudgment, BriefModel } from "@/lib/briefs/brief-types";
import { DRAFT_MARK, NOT_REVIEWED } from "@/lib/briefs/brief-types";
import { draftNotice, footnoteText } from "@/lib/briefs/brief-outline";
import { stixId } from "./ids";
import { indicatorRef, indicatorStixObjects } from "./indicator-objects";
import { LIKELIHOOD, tlpMarkingDefinition, type InformationCredibility, type LikelihoodKey, type TlpKey } from "@/lib/standards/scales";
import { credibilityToStix, likelihoodToStix } from "@/lib/standards/stix-confidence";

export type StixObject = { type: string; id: string; [property: string]: unknown };
export type StixBundle = { type: "bundle"; id: string; objects: StixObject[] };

const PRODUCER_CREATED = "2022-01-01T00:00:00.000Z";
const later = (a: string, b: string) => (b > a ? b : a);
const rank = (k: string | null) => LIKELIHOOD.findIndex((l) => l.key === k);
// An attribution is asserted ("attributed-to") only from "roughly even chance" up; below that it is a note.
export const ATTRIBUTION_FLOOR_KEY: LikelihoodKey = "roughly_even";

/** The producer identity of an installation: its own id, never a constant shared by every copy. */
export const producerIdentityId = (installationId: string) => stixId("identity", "producer", installationId);

/** "Who carried out the July and September 2022 attacks on …?" → "July and September 2022 attacks on …". */
export function campaignName(question: string) {
  const stripped = question
    .trim()
    .replace(/\?+$/, "")
    .replace(
      /^(who|which actors?|what actors?)\s+(carried out|conducted|was behind|were behind|is behind|are behind|did|launched|ran)\s+/i,
      "",
    )
    .replace(/^the\s+/i, "");
  const nameText = stripped || question.trim();
  return (nameText.charAt(0).toUpperCase() + nameText.slice(1)).slice(0, 200);
}

/** Approved, and at "roughly even chance" or higher: only then does the bundle assert an attribution. */
export function assertsAttribution(j: Pick<BriefJudgment, "approvedBy" | "likelihood">) {
  return !!j.approvedBy && !!j.likelihood && rank(j.likelihood) >= rank(ATTRIBUTION_FLOOR_KEY);
}

// How each entity kind is expressed. A victim's system or organisation is an identity the campaign targets,
// never adversary `infrastructure`; infrastructure is adversary infrastructure only when marked so.
function entitySdo(e: BriefModel["entities"][number]): { type: string; extra: Record<string, unknown> } | null {
  switch (e.kind) {
    case "threat_actor":
      return { type: "threat-actor", extra: {} };
    case "intrusion_set":
      return { type: "intrusion-set", extra: {} };
    case "malware":
      return { type: "malware", extra: { is_family: true } };
    case "infrastructure":
      return e.role === "adversary" ? { type: "infrastructure", extra: {} } : { type: "identity", extra: { identity_class: "system" } };
    case "organization":
      return { type: "identity", extra: { identity_class: "organization" } };
    case "person":
      return { type: "identity", extra: { identity_class: "individual" } };
    default:
      // A location needs a region, country or coordinates, which we do not record.
      return null;
  }
}

// ATT&CK's objects are MITRE's, not ours: one fixed timestamp (ATT&CK v18's release, October 2025) keeps every export of
// the same technique identical instead of minting a new version of MITRE's object each time.
const ATTACK_OBJECT_TIMESTAMP = "2025-10-28T00:00:00.000Z";

export function renderStix(model: BriefModel, { bundleId = `bundle--${randomUUID()}` }: { bundleId?: string } = {}): StixBundle {
  const marking = tlpMarkingDefinition(model.case.tlp as TlpKey);
  const producerId = producerIdentityId(model.producer.id);
  const common = { spec_version: "2.1", created_by_ref: producerId, object_marking_refs: [marking.id] };
  const reportId = stixId("report", model.case.id);
  const objects: StixObject[] = [];
  const sourceOf = new Map(model.sources.map((s) => [s.documentId, s]));
  const docReference = (documentId: string) => {
    const d = sourceOf.get(documentId)!;
    return {
      source_name: d.sourceName ?? d.publisher ?? "document",
      description: d.title,
      ...(d.url ? { url: d.url } : {}),
      hashes: { "SHA-256": d.sha256 },
    };
  };

  const identity: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: producerId,
    created: PRODUCER_CREATED,
    modified: PRODUCER_CREATED,
    name: model.producer.name,
    identity_class: "organization",
    object_marking_refs: [marking.id],
  };

  const sdoOf = new Map<string, string>();
  const victims: string[] = [];
  for (const e of model.entities) {
    const kind = entitySdo(e);
    if (!kind) continue;
    const id = stixId(kind.type, e.id);
    sdoOf.set(e.id, id);
    if (e.role === "victim" && kind.type === "identity") victims.push(id);
    objects.push({
      type: kind.type,
      id,
      ...common,
      created: e.createdAt,
      modified: later(e.createdAt, e.updatedAt),
      name: e.name,
      ...(e.description ? { description: e.description } : {}),
      ...(e.aliases.length && kind.type !== "identity" ? { aliases: e.aliases } : {}),
      ...kind.extra,
    });
  }

  const claimOf = new Map(model.claims.map((c) => [c.id, c]));
  const claimNoteId = (id: string) => stixId("note", "claim", id);
  const relationshipOf = new Map<string, string>();
  const campaignOf = new Map<string, string>();
  for (const q of model.questions) {
    const campaignId = stixId("campaign", q.id);
    campaignOf.set(q.id, campaignId);
    objects.push({
      type: "campaign",
      id: campaignId,
      ...common,
      created: q.createdAt,
      modified: later(q.createdAt, q.updatedAt),
      name: campaignName(q.question),
      description: q.question,
    });
    for (const [i, victim] of victims.entries()) {
      objects.push({
        type: "relationship",
        id: stixId("relationship", "targets", q.id, String(i), victim),
        ...common,
        created: q.createdAt,
        modified: later(q.createdAt, q.updatedAt),
        relationship_type: "targets",
        source_ref: campaignId,
        target_ref: victim,
      });
    }
    // The analyst's conclusion is a note about the campaign, not the campaign's objective.
    if (q.conclusion.trim()) {
      objects.push({
        type: "note",
        id: stixId("note", "conclusion", q.id),
        ...common,
        created: q.createdAt,
        modified: later(q.createdAt, q.updatedAt),
        abstract: "Analytic conclusion",
        content: q.conclusion,
        object_refs: [campaignId],
      });
    }
  }

  for (const j of model.judgments) {
    const campaignId = campaignOf.get(j.questionId)!;
    const actorSdo = j.actorId ? sdoOf.get(j.actorId) : undefined;
    let about = campaignId;
    if (assertsAttribution(j) && actorSdo && (actorSdo.startsWith("threat-actor--") || actorSdo.startsWith("intrusion-set--"))) {
      const relId = stixId("relationship", j.id);
      relationshipOf.set(j.id, relId);
      about = relId;
      // One `confidence` per object: on the attribution it is the likelihood (DNI scale), because that is
      // what "attributed-to" asserts; the analytic confidence is a separate axis in its own property.
      objects.push({
        type: "relationship",
        id: relId,
        ...common,
        created: j.createdAt,
        modified: later(j.createdAt, j.updatedAt),
        relationship_type: "attributed-to",
        source_ref: campaignId,
        target_ref: actorSdo,
        description: `${j.estimative} ${j.confidenceSentence}`,
        confidence: likelihoodToStix(j.likelihood as LikelihoodKey),
        x_casefile_confidence_scale: "dni",
        ...(j.confidence ? { x_casefile_analytic_confidence: j.confidence } : {}),
      });
    }
    const against = j.against.map(
      (a) => `- ${claimOf.get(a.claimId)?.grade ?? ""} ${claimOf.get(a.claimId)?.statement ?? ""} (${a.detail})`,
    );
    const list = (ids: string[]) => ids.map((id) => `- ${claimOf.get(id)?.grade ?? ""} ${claimOf.get(id)?.statement ?? ""}`);
    objects.push({
      type: "note",
      id: stixId("note", "judgment", j.id),
      ...common,
      created: j.createdAt,
      modified: later(j.createdAt, j.updatedAt),
      abstract: `Key judgment: ${j.title}`,
      content: [
        j.estimative,
        j.confidenceSentence,
        j.rationale,
        j.supportingClaimIds.length
          ? `Supported by (favours this judgment over at least one live alternative):\n${list(j.supportingClaimIds).join("\n")}`
          : "No claim favours this judgment over a live alternative yet.",
        j.nonDiagnosticClaimIds.length ? `Consistent but not diagnostic:\n${list(j.nonDiagnosticClaimIds).join("\n")}` : "",
        j.untestedClaimIds.length
          ? `Consistent, not yet rated against every alternative (no diagnosticity yet):\n${list(j.untestedClaimIds).join("\n")}`
          : "",
        against.length ? `Evidence against:\n${against.join("\n")}` : "Evidence against: none recorded.",
        j.approvedBy
          ? `Approved by ${j.approvedBy} on ${j.approvedAt?.slice(0, 10)} (version ${j.version}, SHA-256 ${j.contentHash}).`
          : "Not approved: no second analyst has approved this judgment.",
        assertsAttribution(j)
          ? ""
          : "No attributed-to relationship is asserted: the judgment is not approved or is below “roughly even chance”.",
      ]
        .filter(Boolean)
        .join("\n\n"),
      authors: [j.author],
      object_refs: [
        ...new Set([
          about,
          ...[...j.supportingClaimIds, ...j.nonDiagnosticClaimIds, ...j.untestedClaimIds, ...j.against.map((a) => a.claimId)].map(
            claimNoteId,
          ),
        ]),
      ],
      ...(j.confidence ? { x_casefile_analytic_confidence: j.confidence } : {}),
    });
  }

  const byQuestion = new Map<string, BriefModel["alternatives"]>();
  for (const a of model.alternatives) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  for (const [questionId, alternatives] of byQuestion) {
    const q = model.questions.find((x) => x.id === questionId)!;
    const modified = alternatives.reduce((m, a) => later(m, a.updatedAt), q.createdAt);
    objects.push({
      type: "note",
      id: stixId("note", "alternatives", questionId),
      ...common,
      created: q.createdAt,
      modified,
      abstract: "Alternatives considered",
      content: alternatives
        .map(
          (a) =>
            `${a.title} — ${a.disposition === "rejected" ? `rejected: ${a.rejectedReason ?? ""}` : [a.likelihoodLabel, a.confidenceLabel ? `${a.confidenceLabel.toLowerCase()} confidence` : null].filter(Boolean).join(", ") || "not graded"} (${a.reviewState === "approved" ? a.reviewNote : NOT_REVIEWED})`,
        )
        .join("\n"),
      authors: [...new Set(alternatives.map((a) => a.author))],
      object_refs: [campaignOf.get(questionId)!],
    });
  }

  for (const a of model.ach) {
    objects.push({
      type: "note",
      id: stixId("note", "ach", a.questionId),
      ...common,
      created: model.questions.find((q) => q.id === a.questionId)!.createdAt,
      modified: model.questions.find((q) => q.id === a.questionId)!.updatedAt,
      abstract: "Analysis of competing hypotheses (summary)",
      content: [
        ...a.hypotheses.map((h) => `${h.rank}. ${h.title}: inconsistency ${h.inconsistency.toFixed(2)} over ${h.ratedCount} rated cells`),
        a.mostDiagnostic.length
          ? `Most diagnostic: ${a.mostDiagnostic.map((d) => `“${d.statement}” (${d.diagnosticity.toFixed(2)})`).join("; ")}`
          : "No claim is diagnostic yet.",
        a.sensitivity
          ? `Without “${a.sensitivity.statement}”: ${a.sensitivity.ranking.map((h) => `${h.rank}. ${h.title}`).join("; ")} (${a.sensitivity.leaderChanges ? "the leader changes" : "the leader does not change"}).`
          : "",
        a.note,
      ]
        .filter(Boolean)
        .join("\n"),
      object_refs: [campaignOf.get(a.questionId)!],
    });
  }

  // Dissent is a note signed by the analyst who wrote it (an `opinion` would be a consumer's view of the object).
  for (const d of model.dissent) {
    const j = model.judgments.find((x) => x.id === d.hypothesisId);
    const alt = model.alternatives.find((x) => x.id === d.hypothesisId);
    const ref = relationshipOf.get(d.hypothesisId) ?? campaignOf.get(j?.questionId ?? alt?.questionId ?? "");
    if (!ref) continue;
    objects.push({
      type: "note",
      id: stixId("note", "dissent", d.id),
      ...common,
      created: d.at,
      modified: d.at,
      abstract: `Dissent by ${d.author} on “${d.hypothesisTitle}”`,
      content: d.body,
      authors: [d.author],
      object_refs: [ref],
    });
  }

  // A claim's note also refers to the indicators it reports.
  const indicatorsOf = new Map<string, string[]>();
  for (const i of model.indicators) for (const id of i.claimIds) indicatorsOf.set(id, [...(indicatorsOf.get(id) ?? []), indicatorRef(i)]);
  for (const c of model.claims) {
    const refs = [...new Set([...c.entityIds.map((k) => sdoOf.get(k)).filter((x): x is string => !!x), ...(indicatorsOf.get(c.id) ?? [])])];
    const confidence = credibilityToStix(c.credibility as InformationCredibility);
    const notes = c.footnotes.map((n) => model.footnotes[n - 1]);
    objects.push({
      type: "note",
      id: claimNoteId(c.id),
      ...common,
      created: c.createdAt,
      modified: later(c.createdAt, c.updatedAt),
      abstract: `${c.grade} · ${c.kind} · ${c.claimant}`,
      content: [
        c.statement,
        ...notes.map((f) => footnoteText(f)),
        c.sourceConfidence ? `The source's own stated confidence: “${c.sourceConfidence}” (quoted; not our assessment).` : "",
        c.independenceCaveat ? `Caveat: ${c.independenceCaveat}` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      authors: [c.createdBy],
      object_refs: refs.length ? refs : [reportId],
      external_references: [...new Set(notes.map((f) => f.documentId))].map(docReference),
      ...(confidence === undefined ? {} : { confidence, x_casefile_confidence_scale: "admiralty-credibility" }),
    });
  }

  if (model.notes.length) {
    objects.push({
      type: "note",
      id: stixId("note", "brief-notes", model.case.id, String(model.releaseNumber)),
      ...common,
      created: model.generatedAt,
      modified: model.generatedAt,
      abstract: "Notes on this brief",
      content: model.notes.join("\n"),
      object_refs: [reportId],
    });
  }
  if (model.draft) {
    objects.push({
      type: "note",
      id: stixId("note", "draft", model.case.id, String(model.releaseNumber)),
      ...common,
      created: model.generatedAt,
      modified: model.generatedAt,
      abstract: DRAFT_MARK,
      content: draftNotice(model),
      object_refs: [reportId],
    });
  }

  // Observed behaviour: ATT&CK's own attack-pattern objects (its STIX ids and a mitre-attack reference, so OpenCTI and
  // MISP merge them with their ATT&CK), each used by the brief's campaigns. The quotes travel in the claim notes.
  for (const t of model.techniques) {
    objects.push({
      type: "attack-pattern",
      id: t.stixId,
      spec_version: "2.1",
      created: ATTACK_OBJECT_TIMESTAMP,
      modified: ATTACK_OBJECT_TIMESTAMP,
      // The bundle's marking covers everything in it, MITRE's public objects included (over-restrictive is the safe side).
      object_marking_refs: [marking.id],
      name: t.name,
      external_references: [{ source_name: "mitre-attack", external_id: t.id, url: t.url }],
    });
    for (const q of model.questions) {
      objects.push({
        type: "relationship",
        id: stixId("relationship", "uses", q.id, t.id),
        ...common,
        created: q.createdAt,
        modified: later(q.createdAt, q.updatedAt),
        relationship_type: "uses",
        source_ref: campaignOf.get(q.id)!,
        target_ref: t.stixId,
        description: `Described by the quotes of ${t.claimIds.length} ${t.claimIds.length === 1 ? "claim" : "claims"} in this brief.`,
      });
    }
  }

  // Observed indicators: each active one as its observable, an `indicator` with a STIX pattern (a vulnerability
  // for a CVE id), and its relationships; the quotes that report it travel in its description, the hashed
  // documents in its external references.
  const footnoteOf = new Map(model.footnotes.map((f) => [f.n, f]));
  for (const i of model.indicators) {
    const notes = i.footnotes.map((n) => footnoteOf.get(n)!).filter(Boolean);
    objects.push(
      ...indicatorStixObjects({
        indicator: i,
        common,
        markingRefs: [marking.id],
        indicatedSdos: [...new Set(i.entityIds.map((k) => sdoOf.get(k)).filter((x): x is string => !!x))],
        quotes: notes.map((f) => footnoteText(f)),
        references: [...new Set(notes.map((f) => f.documentId))].map(docReference),
      }).objects,
    );
  }

  const report: StixObject = {
    type: "report",
    id: reportId,
    ...common,
    created: model.case.createdAt,
    modified: later(model.case.createdAt, model.generatedAt),
    name: model.draft ? `${model.case.title} (${DRAFT_MARK})` : model.case.title,
    description: model.bluf || "No summary yet.",
    report_types: ["threat-actor"],
    published: model.generatedAt,
    object_refs: [producerId, ...objects.map((o) => o.id)],
    ...(model.sources.length ? { external_references: model.sources.map((s) => docReference(s.documentId)) } : {}),
    x_casefile_brief: { release: model.releaseNumber, draft: model.draft, template: model.template, sections: model.sections },
  };
  return { type: "bundle", id: bundleId, objects: [marking as unknown as StixObject, identity, report, ...objects] };
}
