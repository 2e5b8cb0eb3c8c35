// The casefile-record extension of a case archive (lib/stix/schemas.ts, CasefileRecordSchema): the timeline,
// the ACH ratings, dissent, the review record and each judgment's history, keyed by this case's ids like the
// rest of the archive. Two kinds of rows make it up:
// - what happened in this workspace: ratings, dissent comments, reviews and hypothesis versions, with the
//   person's display name and e-mail as the recorded attribution;
// - what an import recorded from the exporting workspace (recorded_history, migration 0016), already in
//   this form: read-only history of the case that every later export carries again, so export → import →
//   export loses nothing.
import "server-only";
import { db } from "@/lib/db";
import { CASEFILE_RECORD_FORMAT, CasefileRecordSchema, type CasefileRecord } from "./schemas";

// The reason an import writes on the version it creates (lib/stix/import-stix.ts).
export const IMPORT_REASON_PREFIX = "Imported from STIX ";

type Person = { name: string; email: string };
const person = (u: Person): Person => ({ name: u.name, email: u.email });

export async function loadCaseRecord({ caseId }: { caseId: string }): Promise<CasefileRecord> {
  const [events, ratings, dissent, reviews, versions, recorded, claims, hypotheses, questions, entities] = await Promise.all([
    db.event.findMany({
      where: { caseId },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      include: { claims: { select: { claimId: true }, orderBy: { claimId: "asc" } } },
    }),
    db.achRating.findMany({
      where: { hypothesis: { caseId } },
      orderBy: [{ hypothesisId: "asc" }, { claimId: "asc" }, { raterId: "asc" }],
      include: { rater: { select: { name: true, email: true } } },
    }),
    db.comment.findMany({
      where: { caseId, isDissent: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true, email: true } } },
    }),
    db.review.findMany({
      where: { caseId, targetType: { in: ["hypothesis", "brief"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { submittedBy: { select: { name: true, email: true } }, reviewer: { select: { name: true, email: true } } },
    }),
    db.hypothesisVersion.findMany({
      where: { hypothesis: { caseId } },
      orderBy: [{ hypothesisId: "asc" }, { version: "asc" }],
      include: { hypothesis: { select: { id: true } } },
    }),
    db.recordedHistory.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.claim.findMany({ where: { caseId }, select: { id: true } }),
    db.hypothesis.findMany({ where: { caseId }, select: { id: true } }),
    db.attributionQuestion.findMany({ where: { caseId }, select: { id: true } }),
    db.entity.findMany({ where: { caseId }, select: { id: true } }),
  ]);
  const changers = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(versions.map((v) => v.changedById))] } },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, person(u)]),
  );
  const claimIds = new Set(claims.map((c) => c.id));
  const hypothesisIds = new Set(hypotheses.map((h) => h.id));
  const entityIds = new Set(entities.map((e) => e.id));
  const targets = { hypothesis: hypothesisIds, question: new Set(questions.map((q) => q.id)), claim: claimIds };
  const rec = (kind: string) => recorded.filter((r) => r.kind === kind).map((r) => r.record);
  const parsed = CasefileRecordSchema.parse({
    format: CASEFILE_RECORD_FORMAT,
    events: events
      .filter((e) => !e.retractedAt)
      .map((e) => ({
        key: e.id,
        title: e.title,
        description: e.description,
        occurredAt: e.occurredAt.toISOString(),
        precision: e.precision,
        claimKeys: e.claims.map((c) => c.claimId),
      })),
    ratings: [
      ...rec("rating"),
      ...ratings.map((r) => ({
        hypothesisKey: r.hypothesisId,
        claimKey: r.claimId,
        rating: r.rating,
        note: r.note,
        rater: person(r.rater),
        at: r.updatedAt.toISOString(),
      })),
    ],
    dissent: [
      ...rec("dissent"),
      ...dissent
        .filter((d) => d.targetType in targets)
        .map((d) => ({
          targetType: d.targetType,
          targetKey: d.targetId,
          body: d.body,
          author: person(d.author),
          at: d.createdAt.toISOString(),
        })),
    ],
    reviews: [
      ...rec("review"),
      ...reviews.map((r) => ({
        targetType: r.targetType,
        targetKey: r.targetType === "hypothesis" ? r.targetId : null,
        contentHash: r.contentHash,
        targetVersion: r.targetVersion,
        decision: r.decision,
        comment: r.comment,
        submittedBy: person(r.submittedBy),
        reviewer: r.reviewer ? person(r.reviewer) : null,
        createdAt: r.createdAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        withdrawnReason: r.withdrawnReason,
        withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
      })),
    ],
    history: historyOf(rec("history"), versions, changers),
  });
  // What no longer resolves (a retracted claim's event link stays; a record of a hypothesis since removed does
  // not) is left out, so an archive always refers only to what it holds and its import never refuses it.
  const snapshotActor = (s: Record<string, unknown>) => {
    const a = typeof s.actorEntityId === "string" ? s.actorEntityId : null;
    return { ...s, actorEntityId: a && entityIds.has(a) ? a : null };
  };
  return {
    ...parsed,
    events: parsed.events.map((e) => ({ ...e, claimKeys: e.claimKeys.filter((k) => claimIds.has(k)) })),
    ratings: parsed.ratings.filter((r) => hypothesisIds.has(r.hypothesisKey) && claimIds.has(r.claimKey)),
    dissent: parsed.dissent.filter((d) => targets[d.targetType].has(d.targetKey)),
    reviews: parsed.reviews.filter((r) => r.targetType === "brief" || (r.targetKey !== null && hypothesisIds.has(r.targetKey))),
    history: parsed.history.filter((h) => hypothesisIds.has(h.hypothesisKey)).map((h) => ({ ...h, snapshot: snapshotActor(h.snapshot) })),
  };
}

/**
 * A judgment's history: what was recorded from the workspace it came from (versions 1…n there), then its
 * versions here numbered on from n, the first of which is the import's own ("Imported from STIX …",
 * marked madeByImport: the content digest leaves it out, lib/stix/content-digest.ts).
 */
function historyOf(
  recorded: unknown[],
  versions: { hypothesisId: string; version: number; snapshot: unknown; reason: string; changedById: string; at: Date }[],
  changers: Map<string, Person>,
) {
  const last = new Map<string, number>();
  for (const r of recorded as { hypothesisKey: string; version: number }[])
    last.set(r.hypothesisKey, Math.max(last.get(r.hypothesisKey) ?? 0, r.version));
  return [
    ...recorded,
    ...versions.map((v) => ({
      hypothesisKey: v.hypothesisId,
      version: (last.get(v.hypothesisId) ?? 0) + v.version,
      snapshot: v.snapshot,
      reason: v.reason,
      changedBy: changers.get(v.changedById) ?? { name: "unknown", email: "" },
      at: v.at.toISOString(),
      madeByImport: v.version === 1 && v.reason.startsWith(IMPORT_REASON_PREFIX),
    })),
  ];
}
