import "server-only";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { InvalidError } from "@/lib/errors";
import { attackCatalog } from "./catalog";
import { caseTechniqueIds } from "./get-case-attack";
import { OVERLAP_NOTE, rankOverlap } from "./overlap";
import { RecordOverlapClaimSchema } from "./schemas";

/** Doubtful: TTP overlap is weak evidence, never better than 4 on the Admiralty credibility scale (issue #13). */
export const OVERLAP_CLAIM_CREDIBILITY = 4;
export const OVERLAP_CLAIMANT = "TTP overlap analysis";

/**
 * Turns one row of the overlap ranking into evidence the ACH matrix can weigh: the computation is stored as a document
 * (hashed and frozen like any source text, so the claim cites it) and an assessment claim quotes its shared-techniques
 * sentence, with credibility 4 (doubtful) and the claimant "TTP overlap analysis".
 */
export async function recordOverlapClaim({
  ctx,
  access,
  input,
  now = new Date(),
}: {
  ctx: Ctx;
  access: CaseAccess;
  input: unknown;
  now?: Date;
}) {
  const { groupId } = RecordOverlapClaimSchema.parse(input);
  const catalog = attackCatalog();
  const observed = await caseTechniqueIds({ access });
  const ranking = rankOverlap(observed, { limit: Number.MAX_SAFE_INTEGER });
  const rank = ranking.groups.findIndex((g) => g.groupId === groupId);
  if (rank === -1) {
    const message = `${groupId} shares no documented technique with this case's claims, so there is no overlap to record.`;
    throw new InvalidError(message, [{ path: "groupId", message }]);
  }
  const row = ranking.groups[rank];
  const name = (id: string) => `${id} ${catalog.techniqueById.get(id)?.name ?? ""}`.trim();
  const sharedSentence =
    `${row.name} (${row.groupId}) is documented by MITRE ATT&CK as using ${row.shared.length} of the case's ${ranking.observed.length} techniques: ` +
    `${row.shared.map(name).join("; ")} (weighted overlap ${row.score.toFixed(3)}, rank ${rank + 1} of ${ranking.groups.length} groups with any overlap).`;
  const text = [
    `TTP overlap analysis, computed by Casefile on ${now.toISOString()} from MITRE ATT&CK Enterprise v${catalog.version}.`,
    `Techniques on the case's live claims (parent ids): ${ranking.observed.join(", ")}.`,
    sharedSentence,
    row.nonDiagnostic.length
      ? `Of these, ${row.nonDiagnostic.join(", ")} ${row.nonDiagnostic.length === 1 ? "is" : "are"} used by half or more of the ${ranking.groupCount} documented groups and say little on ${row.nonDiagnostic.length === 1 ? "its" : "their"} own.`
      : `None of the shared techniques is used by half or more of the ${ranking.groupCount} documented groups.`,
    `Score: the sum of idf(t) = ln((N + 1) / (df(t) + 1)) + 1 over shared techniques divided by the sum over the union of the case's and the group's techniques (N = ${ranking.groupCount}).`,
    OVERLAP_NOTE,
  ].join("\n\n");
  const { document } = await createPastedDocument({
    ctx,
    access,
    input: { title: `TTP overlap analysis: ${row.name} (${row.groupId})`, text, publisher: "Casefile (computed)" },
  });
  const claim = await createClaim({
    ctx,
    access,
    input: {
      statement: `The case's observed behaviour overlaps ${row.name}'s documented behaviour (${row.shared.length} shared techniques, weighted overlap ${row.score.toFixed(3)}); similarity, not attribution.`,
      claimant: OVERLAP_CLAIMANT,
      kind: "assessment",
      credibility: OVERLAP_CLAIM_CREDIBILITY,
      excerpts: [{ documentId: document.id, exact: sharedSentence }],
    },
  });
  return { claim, documentId: document.id };
}
