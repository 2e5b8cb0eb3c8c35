// Demo attribution for the Albania case: one question, four competing hypotheses, a partly rated ACH
// matrix from the analyst and the reviewer, one hypothesis approved by the reviewer and one in review;
// then release 1 of the brief (its approved judgment), so the TAXII feed has content from the first start.
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, getHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { approveHypothesis, submitHypothesis } from "@/lib/review/review-hypothesis";
import { addComment } from "@/lib/review/comments";
import { approveBrief, briefApprovalState, submitBrief } from "@/lib/briefs/brief-review";
import { createRelease } from "@/lib/briefs/releases";
import type { AchRatingValue } from "@/lib/generated/prisma/enums";

export async function seedAlbaniaAttribution({ analyst, reviewer, caseId }: { analyst: Ctx; reviewer: Ctx; caseId: string }) {
  const owner = { ctx: analyst, access: { caseId, role: "owner" as const } };
  const rev = { ctx: reviewer, access: { caseId, role: "reviewer" as const } };
  const q = await createQuestion({
    ...owner,
    input: { question: "Who carried out the July and September 2022 attacks on Albania's government systems?" },
  });
  const mois = await db.entity.findFirst({ where: { caseId, name: { contains: "MOIS" } }, select: { id: true } });
  const hlj = await db.entity.findFirst({ where: { caseId, name: "HomeLand Justice" }, select: { id: true } });

  const h1 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "Iran's MOIS-linked operators",
      actorEntityId: mois?.id ?? null,
      likelihood: "likely",
      confidence: "moderate",
      rationale:
        "Albania and the US attribute both attacks to Iran, the US Treasury sanctioned MOIS for it, and Microsoft's report (known to us second-hand) traces the attacks to MOIS. Iran denies it. The motive (the MEK's presence in Albania) fits. Moderate, not high: we have not seen the forensic report itself.",
      proposition:
        "operators working for Iran's Ministry of Intelligence and Security (MOIS) carried out the July and September 2022 attacks on Albania's government systems",
      confidenceBasis:
        "two governments attribute the attacks to Iran and the US Treasury sanctioned MOIS for them, but the technical evidence (Microsoft's report) reaches us second-hand through an advocacy column, and Iran denies it",
    },
  });
  const h2 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "A hacktivist group acting alone",
      actorEntityId: hlj?.id ?? null,
      likelihood: "unlikely",
      confidence: "low",
      rationale: "HomeLand Justice claimed the July attack, but nothing we hold shows it acting independently of a state.",
      proposition: "a hacktivist group acting on its own, without state direction, carried out the attacks",
    },
  });
  const h3 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "A criminal ransomware crew",
      likelihood: "very_unlikely",
      confidence: "low",
      rationale: "No ransom demand is reported; the leak went to an Iranian Telegram channel.",
      proposition: "a criminal ransomware crew carried out the attacks for money",
    },
  });
  const h4 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "Another state, under a false flag",
      likelihood: "very_unlikely",
      confidence: "low",
      rationale: "Considered for completeness; no evidence points to it.",
      proposition: "another state carried out the attacks and made them look Iranian",
    },
  });

  const claims = await db.claim.findMany({ where: { caseId }, select: { id: true, statement: true } });
  const claim = (startsWith: string) => claims.find((c) => c.statement.startsWith(startsWith))!.id;
  const rows: [string, AchRatingValue[]][] = [
    ["Albania and the United States hold Iran responsible", ["CC", "I", "I", "I"]],
    ["The US Treasury sanctioned", ["C", "N", "I", "I"]],
    ["Iran denies responsibility", ["I", "N", "N", "N"]],
    ["Microsoft's Detection and Response Team", ["CC", "I", "II", "I"]],
    ["The attackers acted in support of Tehran", ["C", "N", "I", "N"]],
    ["The September 2022 attack forced Albania", ["N", "N", "N", "N"]],
  ];
  const hs = [h1, h2, h3, h4];
  for (const [statement, ratings] of rows) {
    for (const [i, rating] of ratings.entries())
      await rateCell({ ...owner, hypothesisId: hs[i].id, claimId: claim(statement), input: { rating } });
  }
  // The reviewer rates too, and disagrees on the denial.
  await rateCell({
    ...rev,
    hypothesisId: h1.id,
    claimId: claim("Iran denies responsibility"),
    input: { rating: "N", note: "States deny such operations as a matter of course; this says little." },
  });
  await rateCell({
    ...rev,
    hypothesisId: h1.id,
    claimId: claim("Albania and the United States hold Iran responsible"),
    input: { rating: "C" },
  });

  await updateHypothesis({
    ...owner,
    hypothesisId: h3.id,
    input: {
      version: 1,
      reason: "No ransom, no extortion site, leak to an Iranian channel: this does not fit a criminal crew.",
      disposition: "rejected",
      rejectedReason: "No ransom demand and the stolen data went to an Iranian Telegram channel.",
    },
  });

  await submitHypothesis({ ...owner, hypothesisId: h1.id, input: { note: "Leading hypothesis for the brief." } });
  const { hypothesis } = await getHypothesis({ access: rev.access, hypothesisId: h1.id });
  await approveHypothesis({
    ...rev,
    hypothesisId: h1.id,
    input: {
      contentHash: hypothesis.contentHash,
      comment: "Agreed: likely, with moderate confidence until we see Microsoft's report first-hand.",
    },
  });
  await addComment({
    ...rev,
    input: {
      targetType: "hypothesis",
      targetId: h1.id,
      body: "I would not go above moderate confidence: the Microsoft attribution reaches us through an advocacy column.",
      isDissent: false,
    },
  });

  await submitHypothesis({ ...owner, hypothesisId: h2.id, input: {} });
}

/**
 * Release 1 of the Albania brief, made as a team makes it: the analyst submits the brief, the demo
 * reviewer approves exactly what was submitted, and the analyst (not the approver) releases it.
 */
export async function seedAlbaniaRelease({ analyst, reviewer, caseId }: { analyst: Ctx; reviewer: Ctx; caseId: string }) {
  const owner = { ctx: analyst, access: { caseId, role: "owner" as const } };
  const rev = { ctx: reviewer, access: { caseId, role: "reviewer" as const } };
  await submitBrief(owner);
  await approveBrief({ ...rev, input: { contentHash: (await briefApprovalState({ access: owner.access })).hash } });
  return createRelease(owner);
}
