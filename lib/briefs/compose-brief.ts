import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { summariseAch } from "@/lib/attribution/ach-summary";
import { hypothesisHash } from "@/lib/attribution/content-hash";
import { loadClaimDetails, type ClaimDetail } from "@/lib/claims/claim-details";
import { effectiveReliability } from "@/lib/claims/claim-details";
import { UNGRADED } from "@/lib/claims/reliability";
import { formatEventDate } from "@/lib/events/schemas";
import {
  TLP,
  confidenceLabel,
  getTlp,
  isLikelihoodKey,
  likelihoodLabel,
  likelihoodRange,
  type LikelihoodKey,
  type TlpKey,
} from "@/lib/standards/scales";
import { checkWording, type CompetingQuestion, type WordingText } from "./wording-check";
import {
  BRIEF_SECTIONS,
  BRIEF_TEMPLATES,
  NOT_REVIEWED,
  type AgainstReason,
  type BriefAchSummary,
  type BriefClaim,
  type BriefFootnote,
  type BriefIndicator,
  type BriefModel,
  type BriefSection,
  type BriefSource,
  type BriefTechnique,
  type BriefTemplate,
  type BriefWarning,
} from "./brief-types";
import { attackCatalog } from "@/lib/attack/catalog";
import { defang } from "@/lib/indicators/defang";
import { warningsFor } from "@/lib/indicators/warning-lists";
import { INDICATOR_TYPES, INDICATOR_TYPE_LABELS, type IndicatorType } from "@/lib/indicators/types";

// A cell's mean rating (CC 5 … II 1) favours a hypothesis at C or better and argues against it at I or worse.
const CONSISTENT = 4;
const INCONSISTENT = 2;

const HARMLESS = new Set<IndicatorType>(["md5", "sha1", "sha256", "cve"]);

const clause = (s: string) => s.trim().replace(/[.\s]+$/, "");

/**
 * ICD 203's form: the likelihood with its range and the analyst's own proposition in one sentence, the
 * analytic confidence and why in another. "We assess that it is likely (55–80 %) that <proposition>."
 * "We have moderate confidence in this judgment: <why>." Never the two in one sentence, and never a
 * template around the hypothesis title.
 */
export function estimativeSentences({
  proposition,
  likelihood,
  confidence,
  confidenceBasis,
}: {
  proposition: string;
  likelihood: string | null;
  confidence: string | null;
  confidenceBasis: string;
}) {
  const l = likelihoodLabel(likelihood)?.toLowerCase();
  const p = clause(proposition);
  const estimative = !p
    ? "The proposition of this judgment has not been written."
    : l
      ? `We assess that it is ${l} (${likelihoodRange(likelihood)}) that ${p}.`
      : `We have not graded the likelihood that ${p}.`;
  const c = confidenceLabel(confidence)?.toLowerCase();
  const basis = clause(confidenceBasis);
  const confidenceSentence = !c
    ? "We have not stated our confidence in this judgment."
    : basis
      ? `We have ${c} confidence in this judgment: ${basis}.`
      : `We have ${c} confidence in this judgment.`;
  return { estimative, confidenceSentence };
}

export async function getBriefSettings({ access }: { access: CaseAccess }): Promise<{
  template: BriefTemplate;
  sections: BriefSection[];
  includeDocumentIds: string[];
  excludeDocumentIds: string[];
  version: number;
}> {
  const s = await db.briefSettings.findUnique({ where: { caseId: access.caseId } });
  const template = (s?.template as BriefTemplate) ?? "full";
  const sections = s?.sections.length
    ? (s.sections.filter((x) => (BRIEF_SECTIONS as readonly string[]).includes(x)) as BriefSection[])
    : [...BRIEF_TEMPLATES[template]];
  return {
    template,
    sections,
    includeDocumentIds: s?.includeDocumentIds ?? [],
    excludeDocumentIds: s?.excludeDocumentIds ?? [],
    version: s?.version ?? 0,
  };
}

/**
 * This installation's producer identity: one row, made on first use (two first uses at once keep one,
 * by the singleton's unique index) and carried by backups, so a restored workspace keeps its identity.
 */
export async function getInstallation() {
  const row =
    (await db.installation.findFirst()) ??
    (
      await db.$queryRaw<
        { id: string; name: string }[]
      >`INSERT INTO installation DEFAULT VALUES ON CONFLICT (singleton) DO NOTHING RETURNING id, name`
    )[0] ??
    (await db.installation.findFirstOrThrow());
  return { id: row.id, name: process.env.CASEFILE_PRODUCER_NAME?.trim() || row.name };
}

const tlpRank = (k: string | null) => (k ? TLP.findIndex((t) => t.key === k) : -1);

/**
 * Builds the brief for a case as it stands. It says only what the approved evidence supports:
 * - key judgments are approved (or leading ones, which block a release until approved), printed in ICD 203's form;
 * - "supported by" holds only claims that favour the judgment over a live alternative; claims consistent with
 *   every alternative are listed as not diagnostic; claims rated against it, claims contradicting its support
 *   and denials are listed as evidence against;
 * - rejected claims never appear; the sources appendix, footnotes and every format hold only the documents
 *   these claims cite (plus documents added by hand, minus those left out by hand);
 * - wording and independence warnings, a marking weaker than a cited document's, and unwritten propositions
 *   block a release until fixed (or, for warnings, acknowledged with a reason that the brief prints).
 */
export async function composeBrief({
  access,
  template: templateOverride,
  sections: sectionsOverride,
}: {
  access: CaseAccess;
  template?: BriefTemplate;
  /** An unsaved section choice to preview (in the brief's own order); the saved settings otherwise. */
  sections?: BriefSection[];
}): Promise<BriefModel> {
  const c = await db.case.findUnique({ where: { id: access.caseId } });
  if (!c) throw new NotFoundError("Case");
  const [settings, installation, lastRelease, questions, acknowledgements] = await Promise.all([
    getBriefSettings({ access }),
    getInstallation(),
    db.briefRelease.findFirst({ where: { caseId: c.id }, orderBy: { number: "desc" }, select: { number: true, createdAt: true } }),
    db.attributionQuestion.findMany({
      where: { caseId: c.id },
      orderBy: { createdAt: "asc" },
      include: {
        hypotheses: {
          orderBy: { createdAt: "asc" },
          include: { author: { select: { name: true } }, versions: { orderBy: { version: "asc" } } },
        },
      },
    }),
    db.briefAcknowledgement.findMany({ where: { caseId: c.id }, include: { createdBy: { select: { name: true } } } }),
  ]);
  const template = templateOverride ?? settings.template;
  const sections = sectionsOverride
    ? BRIEF_SECTIONS.filter((x) => sectionsOverride.includes(x))
    : templateOverride
      ? [...BRIEF_TEMPLATES[templateOverride]]
      : settings.sections;
  const hypotheses = questions.flatMap((q) => q.hypotheses.map((h) => ({ ...h, question: q })));
  const isKey = (h: { disposition: string; reviewState: string }) =>
    h.disposition !== "rejected" && (h.reviewState === "approved" || h.disposition === "leading");
  const keys = hypotheses.filter(isKey);

  const approvals = await db.review.findMany({
    where: { targetType: "hypothesis", targetId: { in: hypotheses.map((h) => h.id) }, decision: "approved" },
    orderBy: { decidedAt: "desc" },
    include: { reviewer: { select: { name: true } } },
  });
  const matrices = (await Promise.all(questions.map((q) => getAchMatrix({ access, questionId: q.id })))).filter(
    (m): m is NonNullable<typeof m> => !!m,
  );
  const cellValue = new Map(matrices.flatMap((m) => m.cells.map((cell) => [`${cell.hypothesisId}|${cell.claimId}`, cell.value] as const)));
  const value = (hId: string, claimId: string) => cellValue.get(`${hId}|${claimId}`) ?? null;
  const matrixOf = new Map(matrices.map((m) => [m.question.id, m]));
  const ratedClaims = new Set(matrices.flatMap((m) => m.cells.filter((x) => x.value !== null).map((x) => x.claimId)));

  // Links and denials: only claims that are evidence (never rejected ones).
  const [links, denials, actorClaims] = await Promise.all([
    db.claimLink.findMany({ where: { caseId: c.id, kind: "contradicts" }, select: { fromClaimId: true, toClaimId: true } }),
    db.claim.findMany({
      where: { caseId: c.id, kind: "denial", status: { not: "rejected" }, retractedAt: null },
      select: { id: true, entities: { select: { entityId: true } } },
    }),
    db.claimEntity.findMany({
      where: {
        entityId: { in: keys.map((h) => h.actorEntityId).filter((x): x is string => !!x) },
        claim: { status: { not: "rejected" }, retractedAt: null },
      },
      select: { claimId: true, entityId: true },
    }),
  ]);

  const judgmentEvidence = keys.map((h) => {
    const m = matrixOf.get(h.questionId);
    const claimIds = m?.claims.map((x) => x.id) ?? [];
    const live = (m?.hypotheses ?? []).filter((a) => a.id !== h.id && a.disposition !== "rejected");
    const supporting: string[] = [];
    const nonDiagnostic: string[] = [];
    const untested: string[] = [];
    const against: AgainstReason[] = [];
    for (const claimId of claimIds) {
      const v = value(h.id, claimId);
      if (v === null) continue;
      if (v >= CONSISTENT) {
        // Unrated is not neutral (STANDARDS §5): "not diagnostic" only when every live alternative was rated too.
        const beats = live.filter((a) => (value(a.id, claimId) ?? Infinity) <= INCONSISTENT);
        if (beats.length) supporting.push(claimId);
        else if (live.length && live.every((a) => value(a.id, claimId) !== null)) nonDiagnostic.push(claimId);
        else untested.push(claimId);
      } else if (v <= INCONSISTENT) {
        against.push({ claimId, why: "rated_inconsistent", detail: "rated inconsistent with this judgment" });
      }
    }
    const cited = new Set([...supporting, ...nonDiagnostic, ...untested]);
    const listed = new Set(against.map((a) => a.claimId));
    for (const l of links) {
      for (const [mine, other] of [
        [l.fromClaimId, l.toClaimId],
        [l.toClaimId, l.fromClaimId],
      ]) {
        if (cited.has(mine) && !cited.has(other) && !listed.has(other) && claimIds.includes(other)) {
          listed.add(other);
          against.push({ claimId: other, why: "contradicts", detail: "contradicts a claim listed in support" });
        }
      }
    }
    // A denial is evidence the judgment had to overcome even when rated neutral everywhere.
    for (const d of denials) {
      const aboutActor = !!h.actorEntityId && d.entities.some((e) => e.entityId === h.actorEntityId);
      if (listed.has(d.id) || cited.has(d.id) || !(aboutActor || (ratedClaims.has(d.id) && claimIds.includes(d.id)))) continue;
      listed.add(d.id);
      against.push({ claimId: d.id, why: "denial", detail: "a denial, considered" });
    }
    return { h, supporting, nonDiagnostic, untested, against };
  });

  // ACH summaries: the three most diagnostic claims are printed, so they are cited too.
  const achSummaries = matrices.map((m) => {
    const s = summariseAch({
      hypothesisIds: m.hypotheses.map((h) => h.id),
      claimIds: m.claims.map((x) => x.id),
      ratings: m.cells.flatMap((cell) =>
        cell.ratings.map((r) => ({ hypothesisId: cell.hypothesisId, claimId: cell.claimId, raterId: r.raterId, rating: r.rating })),
      ),
    });
    return { m, s };
  });
  const showAch = sections.includes("ach");

  const events = sections.includes("timeline")
    ? await db.event.findMany({
        where: { caseId: c.id, retractedAt: null },
        orderBy: { occurredAt: "asc" },
        include: { claims: { select: { claimId: true, claim: { select: { status: true, retractedAt: true } } } } },
      })
    : [];

  // Observed behaviour: claims tagged with ATT&CK techniques (rejected and retracted ones drop out below).
  const techniqueTags = sections.includes("behaviour")
    ? await db.claimTechnique.findMany({
        where: { caseId: c.id },
        select: { techniqueId: true, claimId: true },
        orderBy: { techniqueId: "asc" },
      })
    : [];
  // Observed indicators: the active ones, with the quotes that report them (retired ones are not printed).
  const indicatorRows = sections.includes("behaviour")
    ? await db.indicator.findMany({
        where: { caseId: c.id, status: "active" },
        orderBy: [{ type: "asc" }, { value: "asc" }],
        include: {
          excerpts: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: {
              document: {
                select: {
                  title: true,
                  retractedAt: true,
                  reliabilityOverride: true,
                  source: { select: { name: true, reliability: true, retractedAt: true } },
                },
              },
            },
          },
          claims: { select: { claimId: true } },
          entities: { select: { entityId: true } },
        },
      })
    : [];

  const evidenceIds = [
    ...new Set([
      ...judgmentEvidence.flatMap((j) => [...j.supporting, ...j.nonDiagnostic, ...j.untested, ...j.against.map((a) => a.claimId)]),
      ...(showAch ? achSummaries.flatMap(({ s }) => s.mostDiagnostic.map((d) => d.claimId)) : []),
      ...events.flatMap((e) => e.claims.filter((x) => x.claim.status !== "rejected" && !x.claim.retractedAt).map((x) => x.claimId)),
      ...techniqueTags.map((t) => t.claimId),
      // The claims an indicator supports are evidence of the behaviour too (the STIX claim notes refer to it).
      ...indicatorRows.flatMap((i) => i.claims.map((x) => x.claimId)),
    ]),
  ];
  const vendorIds = actorClaims.map((a) => a.claimId);
  // Rejected and retracted claims are not evidence; a retracted document is never cited.
  const details = (await loadClaimDetails({ access, claimIds: [...new Set([...evidenceIds, ...vendorIds])] })).filter(
    (d) => d.status !== "rejected" && !d.retraction,
  );
  const byId = new Map(details.map((d) => [d.id, d]));

  // Documents: what the brief's claims cite, plus any added by hand, minus any left out by hand.
  const excluded = new Set(settings.excludeDocumentIds);
  const keptExcerpts = (d: ClaimDetail) => d.excerpts.filter((e) => !excluded.has(e.documentId) && !e.documentRetracted);
  const inBrief = (id: string) => {
    const d = byId.get(id);
    return !!d && keptExcerpts(d).length > 0;
  };
  const omittedClaims = evidenceIds.filter((id) => byId.has(id) && !inBrief(id));
  const omittedNote = (id: string) =>
    byId.get(id)!.excerpts.every((e) => e.documentRetracted)
      ? `“${byId.get(id)!.statement}” is left out: every document it cites has been retracted.`
      : `“${byId.get(id)!.statement}” is left out: every document it cites was excluded from this brief by hand.`;
  const claimIds = evidenceIds.filter(inBrief);
  const inBriefIds = new Set(claimIds);

  const footnotes: BriefFootnote[] = [];
  const footnoteOf = new Map<string, number>();
  const cite = (claim: ClaimDetail) =>
    keptExcerpts(claim).map((e) => {
      if (!footnoteOf.has(e.id)) {
        footnoteOf.set(e.id, footnotes.length + 1);
        footnotes.push({
          n: footnotes.length + 1,
          excerptId: e.id,
          claimId: claim.id,
          indicatorId: null,
          documentId: e.documentId,
          documentTitle: e.documentTitle,
          quote: e.exact,
          start: e.start,
          end: e.end,
          printedQuote: null,
          sourceName: e.source?.name ?? null,
          reliability: e.reliability ?? UNGRADED,
          url: null,
          sha256: "",
        });
      }
      return footnoteOf.get(e.id)!;
    });

  // Claims in order of first use: each judgment's support, then its evidence against, then the rest.
  const ordered = [
    ...new Set([
      ...judgmentEvidence.flatMap((j) => [...j.supporting, ...j.nonDiagnostic, ...j.untested, ...j.against.map((a) => a.claimId)]),
      ...claimIds,
    ]),
  ].filter((id) => inBriefIds.has(id));
  const entityRows = await db.claimEntity.findMany({ where: { claimId: { in: ordered } }, select: { claimId: true, entityId: true } });
  const claims: BriefClaim[] = ordered.map((id) => {
    const d = byId.get(id)!;
    const caveat = d.independence?.warning ?? null;
    return {
      id: d.id,
      statement: d.statement,
      claimant: d.claimant,
      kind: d.kind,
      credibility: d.credibility,
      reliability: d.reliability ?? UNGRADED,
      grade: d.grade,
      sourceConfidence: d.sourceConfidence,
      status: d.status,
      createdBy: d.createdBy,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      entityIds: entityRows.filter((e) => e.claimId === id).map((e) => e.entityId),
      origins: d.independence?.origins ?? null,
      independenceCaveat: caveat,
      footnotes: cite(d),
    };
  });

  const judgments = judgmentEvidence.map(({ h, supporting, nonDiagnostic, untested, against }) => {
    const approval = h.reviewState === "approved" ? approvals.find((a) => a.targetId === h.id) : undefined;
    const related = [
      ...new Set([...supporting, ...nonDiagnostic, ...actorClaims.filter((a) => a.entityId === h.actorEntityId).map((a) => a.claimId)]),
    ];
    return {
      id: h.id,
      questionId: h.questionId,
      question: h.question.question,
      title: h.title,
      proposition: h.proposition,
      actorId: h.actorEntityId,
      likelihood: h.likelihood,
      likelihoodLabel: likelihoodLabel(h.likelihood),
      likelihoodRange: likelihoodRange(h.likelihood),
      confidence: h.confidence,
      confidenceLabel: confidenceLabel(h.confidence),
      confidenceBasis: h.confidenceBasis,
      ...estimativeSentences(h),
      rationale: h.rationale,
      version: h.version,
      contentHash: hypothesisHash(h),
      author: h.author.name,
      createdAt: h.createdAt.toISOString(),
      updatedAt: h.updatedAt.toISOString(),
      approvedBy: approval?.reviewer?.name ?? null,
      approvedAt: approval?.decidedAt?.toISOString() ?? null,
      supportingClaimIds: supporting.filter((id) => inBriefIds.has(id)),
      nonDiagnosticClaimIds: nonDiagnostic.filter((id) => inBriefIds.has(id)),
      untestedClaimIds: untested.filter((id) => inBriefIds.has(id)),
      against: against.filter((a) => inBriefIds.has(a.claimId)),
      // A source's own stated confidence is quoted next to the judgment, never in place of it.
      vendorStatements: related
        .map((id) => byId.get(id))
        .filter((d): d is ClaimDetail => !!d?.sourceConfidence && inBrief(d.id))
        .map((d) => ({ claimant: d.claimant, sourceConfidence: d.sourceConfidence!, claimId: d.id })),
    };
  });

  const alternatives = hypotheses
    .filter((h) => !isKey(h))
    .map((h) => ({
      id: h.id,
      questionId: h.questionId,
      title: h.title,
      proposition: h.proposition,
      disposition: h.disposition,
      rejectedReason: h.rejectedReason,
      likelihood: h.likelihood,
      likelihoodLabel: likelihoodLabel(h.likelihood),
      confidence: h.confidence,
      confidenceLabel: confidenceLabel(h.confidence),
      reviewState: h.reviewState,
      reviewNote: h.reviewState === "approved" ? "approved by a second analyst" : NOT_REVIEWED,
      rationale: h.rationale,
      author: h.author.name,
      createdAt: h.createdAt.toISOString(),
      updatedAt: h.updatedAt.toISOString(),
    }));

  const titleOf = new Map(hypotheses.map((h) => [h.id, h.title]));
  const statementOf = (id: string) => byId.get(id)?.statement ?? "";
  const ach: BriefAchSummary[] = achSummaries.map(({ m, s }) => ({
    questionId: m.question.id,
    question: m.question.question,
    hypotheses: s.hypotheses.map((x) => ({ ...x, title: titleOf.get(x.hypothesisId) ?? "" })),
    mostDiagnostic: s.mostDiagnostic.filter((d) => inBriefIds.has(d.claimId)).map((d) => ({ ...d, statement: statementOf(d.claimId) })),
    sensitivity:
      s.sensitivity && inBriefIds.has(s.sensitivity.claimId)
        ? {
            claimId: s.sensitivity.claimId,
            statement: statementOf(s.sensitivity.claimId),
            leaderChanges: s.sensitivity.leaderChanges,
            ranking: s.sensitivity.hypotheses.map((x) => ({ ...x, title: titleOf.get(x.hypothesisId) ?? "" })),
          }
        : null,
    note: s.note,
  }));

  const dissentRows = await db.comment.findMany({
    where: { caseId: c.id, isDissent: true, targetType: "hypothesis" },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } } },
  });
  const dissent = dissentRows.map((d) => ({
    id: d.id,
    hypothesisId: d.targetId,
    hypothesisTitle: titleOf.get(d.targetId) ?? "",
    author: d.author.name,
    body: d.body,
    at: d.createdAt.toISOString(),
  }));

  const timeline = events.map((e) => {
    const dating = e.claims.map((x) => x.claimId).filter((id) => inBriefIds.has(id));
    return {
      id: e.id,
      title: e.title,
      date: formatEventDate(e),
      precision: e.precision,
      occurredAt: e.occurredAt.toISOString(),
      claimIds: dating,
      footnotes: [...new Set(dating.flatMap((id) => claims.find((x) => x.id === id)?.footnotes ?? []))],
    };
  });

  const techniques = briefTechniques(
    techniqueTags.filter((t) => inBriefIds.has(t.claimId)),
    (id) => claims.find((x) => x.id === id)?.footnotes ?? [],
  );

  // Indicators after every claim, so their quotes are footnoted after the claims' (the same machinery:
  // each quote cites its hashed document). One with no quote left in a cited document is left out, like a claim.
  const typeRank = (t: string) => INDICATOR_TYPES.indexOf(t as IndicatorType);
  const omittedIndicators: string[] = [];
  const indicators: BriefIndicator[] = indicatorRows
    .sort((a, b) => typeRank(a.type) - typeRank(b.type) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .flatMap((i) => {
      const type = i.type as IndicatorType;
      const kept = i.excerpts.filter((e) => !excluded.has(e.documentId) && !e.document.retractedAt);
      if (!kept.length) {
        omittedIndicators.push(defang(type, i.value));
        return [];
      }
      const notes = kept.map((e) => {
        if (!footnoteOf.has(e.id)) {
          footnoteOf.set(e.id, footnotes.length + 1);
          footnotes.push({
            n: footnotes.length + 1,
            excerptId: e.id,
            claimId: null,
            indicatorId: i.id,
            documentId: e.documentId,
            documentTitle: e.document.title,
            quote: e.exact,
            start: e.start,
            end: e.end,
            // Hashes and CVE ids are harmless as written; an address, domain, URL or e-mail is printed defanged.
            printedQuote: HARMLESS.has(type) || e.exact === defang(type, i.value) ? null : defang(type, i.value),
            sourceName: e.document.source?.name ?? null,
            reliability: effectiveReliability(e.document) ?? UNGRADED,
            url: null,
            sha256: "",
          });
        }
        return footnoteOf.get(e.id)!;
      });
      return [
        {
          id: i.id,
          type,
          typeLabel: INDICATOR_TYPE_LABELS[type],
          value: i.value,
          defanged: defang(type, i.value),
          flags: i.flags,
          warnings: warningsFor(type, i.value).map((w) => w.reason),
          note: i.note,
          firstSeen: i.firstSeen?.toISOString().slice(0, 10) ?? null,
          lastSeen: i.lastSeen?.toISOString().slice(0, 10) ?? null,
          createdAt: i.createdAt.toISOString(),
          updatedAt: i.updatedAt.toISOString(),
          claimIds: i.claims.map((x) => x.claimId).filter((id) => inBriefIds.has(id)),
          entityIds: i.entities.map((x) => x.entityId),
          footnotes: notes,
        },
      ];
    });

  const citedDocIds = new Set(footnotes.map((f) => f.documentId));
  const wantedDocIds = [...new Set([...citedDocIds, ...settings.includeDocumentIds.filter((id) => !excluded.has(id))])];
  const docs = await db.document.findMany({
    where: { caseId: c.id, id: { in: wantedDocIds }, retractedAt: null },
    orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      author: true,
      publisher: true,
      url: true,
      publishedAt: true,
      retrievedAt: true,
      sha256: true,
      sourceId: true,
      tlp: true,
      reliabilityOverride: true,
      overrideReason: true,
      source: { select: { name: true, kind: true, reliability: true, rationale: true, tlp: true } },
    },
  });
  const sources: BriefSource[] = docs.map((d) => ({
    documentId: d.id,
    title: d.title,
    sourceId: d.sourceId,
    sourceName: d.source?.name ?? null,
    sourceKind: d.source?.kind ?? null,
    reliability: effectiveReliability(d) ?? UNGRADED,
    reliabilityRationale: d.source?.rationale ?? null,
    overrideReason: d.overrideReason,
    author: d.author,
    publisher: d.publisher,
    url: d.url,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    retrievedAt: d.retrievedAt.toISOString(),
    sha256: d.sha256,
    tlp: [d.tlp, d.source?.tlp ?? null].sort((a, b) => tlpRank(b) - tlpRank(a))[0] ?? null,
    inclusion: citedDocIds.has(d.id) ? "cited" : "added",
  }));
  const docById = new Map(sources.map((s) => [s.documentId, s]));
  for (const f of footnotes) {
    f.url = docById.get(f.documentId)?.url ?? null;
    f.sha256 = docById.get(f.documentId)?.sha256 ?? "";
  }

  // Entities the brief names: the judgments' actors and what its claims are about.
  const entityIds = [
    ...new Set([
      ...judgments.map((j) => j.actorId).filter((x): x is string => !!x),
      ...claims.flatMap((x) => x.entityIds),
      ...indicators.flatMap((x) => x.entityIds),
    ]),
  ];
  const entities = (
    await db.entity.findMany({ where: { caseId: c.id, id: { in: entityIds } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
  ).map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    role: e.role,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  }));

  const since = lastRelease?.createdAt ?? new Date(0);
  const changers = await db.user.findMany({
    where: { id: { in: [...new Set(hypotheses.flatMap((h) => h.versions.map((v) => v.changedById)))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(changers.map((u) => [u.id, u.name]));
  const changes = hypotheses.flatMap((h) =>
    h.versions
      .filter((v) => v.at > since)
      .map((v) => {
        const prev = h.versions.find((p) => p.version === v.version - 1)?.snapshot as Record<string, unknown> | undefined;
        const snap = v.snapshot as Record<string, unknown>;
        return {
          hypothesisId: h.id,
          title: h.title,
          version: v.version,
          at: v.at.toISOString(),
          by: nameOf.get(v.changedById) ?? "unknown",
          reason: v.reason,
          fields: prev
            ? [...new Set([...Object.keys(snap), ...Object.keys(prev)])].filter((k) => JSON.stringify(snap[k]) !== JSON.stringify(prev[k]))
            : [],
          kind: (v.version === 1 ? "added" : "changed") as "added" | "changed",
        };
      }),
  );

  // --- Warnings: every text the brief prints is read against the likelihood it may state. ---------------
  const keyLikelihoods = [...new Set(keys.map((h) => h.likelihood).filter((l): l is LikelihoodKey => isLikelihoodKey(l)))];
  const own = (h: { likelihood: string | null }) => (isLikelihoodKey(h.likelihood) ? [h.likelihood] : []);
  const texts: WordingText[] = [
    { location: "case:bluf", label: "the bottom line up front", text: c.summary, expected: keyLikelihoods },
    ...questions
      .filter((q) => q.conclusion)
      .map((q) => ({
        location: `question:${q.id}:conclusion`,
        label: `the conclusion on “${q.question}”`,
        text: q.conclusion,
        expected: [...new Set(q.hypotheses.filter(isKey).flatMap(own))],
      })),
    // A proposition is read as printed, inside "We assess that it is likely (55–80 %) that …": the sentence
    // hedges it, so only an estimative word or a certainty inside the proposition itself is flagged.
    ...keys.flatMap((h) => [
      ...(h.proposition.trim()
        ? [
            {
              location: `hypothesis:${h.id}:proposition`,
              label: `the proposition of “${h.title}”`,
              text: estimativeSentences(h).estimative,
              expected: own(h),
            },
          ]
        : []),
      ...(["title", "confidenceBasis", "rationale"] as const).map((field) => ({
        location: `hypothesis:${h.id}:${field}`,
        label: `the ${field === "confidenceBasis" ? "basis of confidence" : field} of “${h.title}”`,
        text: h[field],
        expected: own(h),
      })),
    ]),
    ...hypotheses
      .filter((h) => !isKey(h))
      .flatMap((h) =>
        (["title", "rationale", "rejectedReason"] as const).map((field) => ({
          location: `hypothesis:${h.id}:${field}`,
          label: `the ${field === "rejectedReason" ? "reason for rejecting" : field} of the alternative “${h.title}”`,
          text: h[field] ?? "",
          expected: h.likelihood ? own(h) : null,
        })),
      ),
    ...dissent.map((d) => ({
      location: `comment:${d.id}`,
      label: `${d.author}'s dissent on “${d.hypothesisTitle}”`,
      text: d.body,
      expected: null,
    })),
  ].filter((t) => t.text.trim());
  const competing: CompetingQuestion[] = questions.map((q) => ({
    questionId: q.id,
    question: q.question,
    hypotheses: q.hypotheses
      .filter((h) => h.disposition !== "rejected")
      .map((h) => ({ id: h.id, title: h.title, likelihood: isLikelihoodKey(h.likelihood) ? h.likelihood : null })),
  }));
  const ackOf = new Map(
    acknowledgements.map((a) => [a.warningKey, { by: a.createdBy.name, at: a.createdAt.toISOString(), reason: a.reason }]),
  );
  const warnings: BriefWarning[] = [
    ...checkWording({ texts, competing }).map((f) => ({
      key: f.key,
      kind: f.kind,
      location: f.location,
      label: f.label,
      phrase: f.phrase,
      message: f.message,
      blocking: f.blocking,
      acknowledgement: ackOf.get(f.key) ?? null,
    })),
    ...claims
      .filter((x) => x.independenceCaveat)
      .map((x) => {
        const key = createHash("sha256").update(`independence|${x.id}|${x.grade}|${x.origins}`).digest("hex");
        return {
          key,
          kind: "independence" as const,
          location: `claim:${x.id}`,
          label: `the grade ${x.grade} of “${x.statement}”`,
          phrase: null,
          message: x.independenceCaveat!,
          blocking: true,
          acknowledgement: ackOf.get(key) ?? null,
        };
      }),
  ];

  const notes = [
    ...warnings
      .filter((w) => w.acknowledgement)
      .map(
        (w) =>
          `${w.message} — acknowledged by ${w.acknowledgement!.by} on ${w.acknowledgement!.at.slice(0, 10)}: ${w.acknowledgement!.reason}`,
      ),
    ...omittedClaims.map(omittedNote),
    ...(omittedIndicators.length
      ? [
          `${omittedIndicators.length === 1 ? "One active indicator is" : `${omittedIndicators.length} active indicators are`} left out: no quote in a document of this brief reports ${omittedIndicators.length === 1 ? "it" : "them"} (${omittedIndicators.join(", ")}).`,
        ]
      : []),
    ...sources
      .filter((s) => s.inclusion === "added")
      .map((s) => `“${s.title}” was added to the sources by hand; no claim in this brief cites it.`),
    ...(showAch && ach.length ? [ach[0].note] : []),
  ];

  const caseRank = tlpRank(c.tlp);
  const stricter = sources.filter((s) => tlpRank(s.tlp) > caseRank);
  const blockers = [
    ...(judgments.length === 0 ? ["There is no approved key judgment to release."] : []),
    ...keys
      .filter((h) => h.reviewState !== "approved")
      .map((h) => `Key judgment “${h.title}” is not approved (${h.reviewState.replace("_", " ")}).`),
    ...keys
      .filter((h) => !h.proposition.trim())
      .map(
        (h) =>
          `Key judgment “${h.title}” has no proposition: write what we assess, so the brief can say “We assess that it is … that <proposition>”.`,
      ),
    ...keys
      .filter((h) => !h.likelihood || !h.confidence)
      .map((h) => `Key judgment “${h.title}” needs both a likelihood and an analytic confidence.`),
    ...keys
      .filter((h) => h.confidence && !h.confidenceBasis.trim())
      .map(
        (h) =>
          `Key judgment “${h.title}” does not say why its confidence is ${confidenceLabel(h.confidence)?.toLowerCase()}: write the basis of confidence.`,
      ),
    ...stricter.map(
      (s) =>
        `The brief is marked ${getTlp(c.tlp as TlpKey).label} but cites “${s.title}”, marked ${getTlp(s.tlp as TlpKey).label}: raise the case's marking or leave the document out.`,
    ),
    ...warnings
      .filter((w) => w.blocking && !w.acknowledgement)
      .map((w) => `Warning on ${w.label}: ${w.message} Fix it or acknowledge it with a reason.`),
  ];

  return {
    case: {
      id: c.id,
      title: c.title,
      tlp: c.tlp,
      tlpLabel: getTlp(c.tlp as TlpKey).label,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
    },
    producer: installation,
    template,
    sections,
    releaseNumber: (lastRelease?.number ?? 0) + 1,
    generatedAt: new Date().toISOString(),
    draft: true,
    bluf: c.summary,
    questions: questions.map((q) => ({
      id: q.id,
      question: q.question,
      conclusion: q.conclusion,
      createdAt: q.createdAt.toISOString(),
      updatedAt: q.updatedAt.toISOString(),
    })),
    judgments,
    alternatives,
    ach,
    dissent,
    claims,
    entities,
    footnotes,
    timeline,
    techniques,
    indicators,
    sources,
    changes,
    previousRelease: lastRelease ? { number: lastRelease.number, at: lastRelease.createdAt.toISOString() } : null,
    warnings,
    notes,
    blockers,
  };
}

/** Tagged techniques in matrix order (first tactic, then id), each with its claims and their footnotes. */
function briefTechniques(tags: { techniqueId: string; claimId: string }[], footnotesOf: (claimId: string) => number[]): BriefTechnique[] {
  const catalog = attackCatalog();
  const order = new Map(catalog.tactics.map((t, i) => [t.shortname, i]));
  const byTechnique = new Map<string, string[]>();
  for (const t of tags) byTechnique.set(t.techniqueId, [...(byTechnique.get(t.techniqueId) ?? []), t.claimId]);
  return [...byTechnique.entries()]
    .flatMap(([id, claimIds]) => {
      const t = catalog.techniqueById.get(id);
      if (!t) return [];
      const tactic = [...t.tactics].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))[0];
      const tacticName = catalog.tactics.find((x) => x.shortname === tactic)?.name ?? tactic;
      return [
        {
          id,
          name: t.name,
          stixId: t.stixId,
          url: t.url,
          tactic: tacticName,
          claimIds,
          footnotes: [...new Set(claimIds.flatMap(footnotesOf))].sort((a, b) => a - b),
          rank: order.get(tactic) ?? 99,
        },
      ];
    })
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
    .map(({ rank: _r, ...t }) => t);
}

/** The hash a reviewer approves: the brief's content without the moment it was generated or its draft flag. */
export function briefHash(model: BriefModel) {
  const { generatedAt: _g, draft: _d, ...content } = model;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}
