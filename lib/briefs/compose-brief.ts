import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { hypothesisHash } from "@/lib/attribution/content-hash";
import { loadClaimDetails, type ClaimDetail } from "@/lib/claims/claim-details";
import { effectiveReliability } from "@/lib/claims/claim-details";
import { formatEventDate } from "@/lib/events/schemas";
import { ANALYTIC_CONFIDENCE, LIKELIHOOD, disagreeingEstimativePhrases, getTlp, type LikelihoodKey } from "@/lib/standards/scales";
import { BRIEF_SECTIONS, BRIEF_TEMPLATES, type BriefModel, type BriefSection, type BriefTemplate, type BriefFootnote } from "./brief-types";

const likelihoodLabel = (k: string | null) => (k ? LIKELIHOOD.find((l) => l.key === k)?.label ?? k : null);
const confidenceLabel = (k: string | null) => (k ? ANALYTIC_CONFIDENCE.find((c) => c.key === k)?.label ?? k : null);

/** "We assess with moderate confidence that it is likely that …": ICD 203 keeps the two axes apart. */
export function estimativeSentence({ title, likelihood, confidence }: { title: string; likelihood: string | null; confidence: string | null }) {
  const l = likelihoodLabel(likelihood)?.toLowerCase();
  const c = confidenceLabel(confidence)?.toLowerCase();
  const raw = title.replace(/\.$/, "");
  // "A hacktivist group" reads as "a hacktivist group" mid-sentence; proper names keep their capitals.
  const subject = /^(A|An|The|Another|Some)\b/.test(raw) ? raw.charAt(0).toLowerCase() + raw.slice(1) : raw;
  if (!l && !c) return `We have not yet graded the judgment: ${subject}.`;
  const lead = c ? `We assess with ${c} confidence that` : "We assess that";
  return l ? `${lead} it is ${l} that the attacks were carried out by ${subject}.` : `${lead} the attacks were carried out by ${subject}.`;
}

export async function getBriefSettings({ caseId }: { caseId: string }): Promise<{ template: BriefTemplate; sections: BriefSection[]; version: number }> {
  const s = await db.briefSettings.findUnique({ where: { caseId } });
  const template = (s?.template as BriefTemplate) ?? "full";
  const sections = s?.sections.length ? (s.sections.filter((x) => (BRIEF_SECTIONS as readonly string[]).includes(x)) as BriefSection[]) : [...BRIEF_TEMPLATES[template]];
  return { template, sections, version: s?.version ?? 0 };
}

/**
 * Builds the brief for a case as it stands: approved judgments (and leading ones, which block a
 * release until approved), alternatives and dissent, the claims rated for or against each key
 * judgment with footnoted quotes, the timeline, every cited document in the sources appendix, and
 * what changed since the last release.
 */
export async function composeBrief({ access, template: templateOverride }: { access: CaseAccess; template?: BriefTemplate }): Promise<BriefModel> {
  const c = await db.case.findUnique({ where: { id: access.caseId } });
  if (!c) throw new NotFoundError("Case");
  const settings = await getBriefSettings({ caseId: c.id });
  const template = templateOverride ?? settings.template;
  const sections = templateOverride ? [...BRIEF_TEMPLATES[templateOverride]] : settings.sections;
  const lastRelease = await db.briefRelease.findFirst({ where: { caseId: c.id }, orderBy: { number: "desc" }, select: { number: true, createdAt: true } });

  const questions = await db.attributionQuestion.findMany({
    where: { caseId: c.id },
    orderBy: { createdAt: "asc" },
    include: { hypotheses: { orderBy: { createdAt: "asc" }, include: { actor: true, versions: { orderBy: { version: "asc" } } } } },
  });
  const hypotheses = questions.flatMap((q) => q.hypotheses.map((h) => ({ ...h, question: q })));
  const isKey = (h: (typeof hypotheses)[number]) => h.disposition !== "rejected" && (h.reviewState === "approved" || h.disposition === "leading");
  const keys = hypotheses.filter(isKey);

  const approvals = await db.review.findMany({
    where: { targetType: "hypothesis", targetId: { in: keys.map((h) => h.id) }, decision: "approved" },
    orderBy: { decidedAt: "desc" },
    include: { reviewer: { select: { name: true } } },
  });
  const matrices = await Promise.all(questions.map((q) => getAchMatrix({ access, questionId: q.id })));
  const cellValue = new Map(matrices.flatMap((m) => m?.cells.map((cell) => [`${cell.hypothesisId}|${cell.claimId}`, cell.value] as const) ?? []));
  const ratedClaimIds = (hId: string, test: (v: number) => boolean) =>
    [...cellValue.entries()].filter(([k, v]) => k.startsWith(`${hId}|`) && v !== null && test(v)).map(([k]) => k.split("|")[1]);

  // Evidence for a key judgment is what was rated consistent with it (mean above neutral); evidence
  // against (below neutral) is shown too, so a reader sees what the judgment had to overcome.
  const supports = (v: number) => v > 3;
  const contradicts = (v: number) => v < 3;
  const againstIds = new Set(keys.flatMap((h) => ratedClaimIds(h.id, contradicts)));
  const evidenceIds = [...new Set(keys.flatMap((h) => [...ratedClaimIds(h.id, supports), ...ratedClaimIds(h.id, contradicts)]))];
  const actorClaimIds = keys.some((h) => h.actorEntityId)
    ? (await db.claimEntity.findMany({ where: { entityId: { in: keys.map((h) => h.actorEntityId).filter((x): x is string => !!x) } }, select: { claimId: true, entityId: true } }))
    : [];
  const details = await loadClaimDetails({ caseId: c.id, claimIds: [...new Set([...evidenceIds, ...actorClaimIds.map((a) => a.claimId)])] });
  const byId = new Map(details.map((d) => [d.id, d]));

  // Footnotes in order of first citation.
  const footnotes: BriefFootnote[] = [];
  const footnoteOf = new Map<string, number>();
  const cite = (claim: ClaimDetail) =>
    claim.excerpts.map((e) => {
      if (!footnoteOf.has(e.id)) {
        footnoteOf.set(e.id, footnotes.length + 1);
        footnotes.push({ n: footnotes.length + 1, excerptId: e.id, documentId: e.documentId, documentTitle: e.documentTitle, quote: e.exact, sourceName: e.source?.name ?? null, reliability: e.reliability, url: null, sha256: "" });
      }
      return footnoteOf.get(e.id)!;
    });
  const claims = evidenceIds.map((id) => byId.get(id)!).filter(Boolean).map((d) => ({
    id: d.id, statement: d.statement, claimant: d.claimant, kind: d.kind, credibility: d.credibility, grade: d.grade, sourceConfidence: d.sourceConfidence, status: d.status,
    stance: (againstIds.has(d.id) ? "against" : "for") as "for" | "against", footnotes: cite(d),
  }));

  const judgments = keys.map((h) => {
    const approval = approvals.find((a) => a.targetId === h.id && h.reviewState === "approved");
    const related = [...new Set([...ratedClaimIds(h.id, supports), ...actorClaimIds.filter((a) => a.entityId === h.actorEntityId).map((a) => a.claimId)])];
    return {
      id: h.id,
      questionId: h.questionId,
      question: h.question.question,
      title: h.title,
      actor: h.actor ? { id: h.actor.id, name: h.actor.name, kind: h.actor.kind, aliases: h.actor.aliases } : null,
      likelihood: h.likelihood,
      likelihoodLabel: likelihoodLabel(h.likelihood),
      confidence: h.confidence,
      confidenceLabel: confidenceLabel(h.confidence),
      estimative: estimativeSentence(h),
      rationale: h.rationale,
      version: h.version,
      contentHash: hypothesisHash(h),
      approvedBy: approval?.reviewer?.name ?? null,
      approvedAt: approval?.decidedAt?.toISOString() ?? null,
      supportingClaimIds: ratedClaimIds(h.id, supports),
      // A source's own stated confidence is quoted next to the judgment, never in place of it.
      vendorStatements: related.map((id) => byId.get(id)).filter((d): d is ClaimDetail => !!d?.sourceConfidence).map((d) => ({ claimant: d.claimant, sourceConfidence: d.sourceConfidence!, claimId: d.id })),
    };
  });

  const alternatives = hypotheses.filter((h) => !isKey(h)).map((h) => ({
    id: h.id, title: h.title, disposition: h.disposition, rejectedReason: h.rejectedReason, likelihoodLabel: likelihoodLabel(h.likelihood), confidenceLabel: confidenceLabel(h.confidence), reviewState: h.reviewState, rationale: h.rationale,
  }));
  const dissentRows = await db.comment.findMany({ where: { caseId: c.id, isDissent: true, targetType: "hypothesis" }, orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } });
  const titleOf = new Map(hypotheses.map((h) => [h.id, h.title]));
  const dissent = dissentRows.map((d) => ({ hypothesisId: d.targetId, hypothesisTitle: titleOf.get(d.targetId) ?? "", author: d.author.name, body: d.body, at: d.createdAt.toISOString() }));

  const events = await db.event.findMany({ where: { caseId: c.id }, orderBy: { occurredAt: "asc" }, include: { claims: { select: { claimId: true } } } });
  const timeline = events.map((e) => ({ id: e.id, title: e.title, date: formatEventDate(e), precision: e.precision, occurredAt: e.occurredAt.toISOString(), claimIds: e.claims.map((x) => x.claimId) }));

  const docs = await db.document.findMany({
    where: { caseId: c.id },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, author: true, publisher: true, url: true, publishedAt: true, retrievedAt: true, sha256: true, sourceId: true, reliabilityOverride: true, overrideReason: true, source: { select: { name: true, kind: true, reliability: true, rationale: true } } },
  });
  const sources = docs.map((d) => ({
    documentId: d.id, title: d.title, sourceId: d.sourceId, sourceName: d.source?.name ?? null, sourceKind: d.source?.kind ?? null, reliability: effectiveReliability(d),
    reliabilityRationale: d.source?.rationale ?? null, overrideReason: d.overrideReason, author: d.author, publisher: d.publisher, url: d.url,
    publishedAt: d.publishedAt?.toISOString() ?? null, retrievedAt: d.retrievedAt.toISOString(), sha256: d.sha256,
  }));
  const docById = new Map(sources.map((s) => [s.documentId, s]));
  for (const f of footnotes) {
    f.url = docById.get(f.documentId)?.url ?? null;
    f.sha256 = docById.get(f.documentId)?.sha256 ?? "";
  }

  const since = lastRelease?.createdAt ?? new Date(0);
  const changers = await db.user.findMany({ where: { id: { in: [...new Set(hypotheses.flatMap((h) => h.versions.map((v) => v.changedById)))] } }, select: { id: true, name: true } });
  const nameOf = new Map(changers.map((u) => [u.id, u.name]));
  const changes = hypotheses.flatMap((h) =>
    h.versions.filter((v) => v.at > since).map((v, i, arr) => {
      const prev = h.versions.find((p) => p.version === v.version - 1)?.snapshot as Record<string, unknown> | undefined;
      const snap = v.snapshot as Record<string, unknown>;
      void arr;
      void i;
      return {
        hypothesisId: h.id, title: h.title, version: v.version, at: v.at.toISOString(), by: nameOf.get(v.changedById) ?? "unknown", reason: v.reason,
        fields: prev ? Object.keys(snap).filter((k) => JSON.stringify(snap[k]) !== JSON.stringify(prev[k])) : [], kind: (v.version === 1 ? "added" : "changed") as "added" | "changed",
      };
    }),
  );

  const wordingWarnings = hypotheses.flatMap((h) =>
    h.likelihood
      ? (["title", "description", "rationale"] as const).flatMap((field) =>
          disagreeingEstimativePhrases({ text: h[field], likelihood: h.likelihood as LikelihoodKey }).map((p) => ({
            hypothesisId: h.id, phrase: p.phrase, phraseMeans: likelihoodLabel(p.key) ?? p.key, stored: likelihoodLabel(h.likelihood) ?? "", field,
          })),
        )
      : [],
  );

  const blockers = [
    ...(judgments.length === 0 ? ["There is no approved key judgment to release."] : []),
    ...keys.filter((h) => h.reviewState !== "approved").map((h) => `Key judgment “${h.title}” is not approved (${h.reviewState.replace("_", " ")}).`),
  ];

  return {
    case: { id: c.id, title: c.title, tlp: c.tlp, tlpLabel: getTlp(c.tlp).label, status: c.status },
    template,
    sections,
    releaseNumber: (lastRelease?.number ?? 0) + 1,
    generatedAt: new Date().toISOString(),
    bluf: c.summary,
    judgments,
    alternatives,
    dissent,
    claims,
    footnotes,
    timeline,
    sources,
    changes,
    previousRelease: lastRelease ? { number: lastRelease.number, at: lastRelease.createdAt.toISOString() } : null,
    wordingWarnings,
    blockers,
  };
}

/** The hash a reviewer approves: the brief's content without the moment it was generated. */
export function briefHash(model: BriefModel) {
  const { generatedAt: _g, ...content } = model;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}
