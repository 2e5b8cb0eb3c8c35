import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { composeBrief } from "@/lib/briefs/compose-brief";
import type { BriefReadiness } from "@/lib/cases/evidence-health-schema";

export type { BriefReadiness };

/**
 * What stands between the case and a release: the brief's blockers and its open estimative-language warnings,
 * exactly as composeBrief states them (the case overview loads them after the page, from GET …/brief/readiness).
 *
 * Composing the brief costs some 25 statements, and the overview is the most viewed page, so the answer is kept
 * per case under a key read from the database first: the count and latest time of the case's audit events.
 * Every change to a case writes its audit event in the change's own transaction, and the trail is append-only,
 * so any change makes a new key and the next view composes again; a view with no change in between costs one
 * statement. The key is read before composing, so a change that lands while composing is seen by the next view,
 * and each app node keeps its own answers but checks them against the shared database on every view.
 */
const MAX_CASES = 500;
const kept = new Map<string, { key: string; readiness: BriefReadiness }>();

export async function getBriefReadiness({ access }: { access: CaseAccess }): Promise<BriefReadiness> {
  const [{ events, last }] = await db.$queryRaw<{ events: number; last: Date | null }[]>`
    SELECT count(*)::int AS events, max(at) AS last FROM audit_events WHERE case_id = ${access.caseId}::uuid`;
  const key = `${events}|${last?.toISOString() ?? ""}`;
  const hit = kept.get(access.caseId);
  if (hit?.key === key) return hit.readiness;
  const brief = await composeBrief({ access });
  const readiness = {
    blockers: brief.blockers,
    wordingWarnings: brief.warnings.filter((w) => !w.acknowledgement && w.kind !== "independence").map((w) => w.message),
  };
  kept.delete(access.caseId);
  kept.set(access.caseId, { key, readiness });
  if (kept.size > MAX_CASES) kept.delete(kept.keys().next().value!);
  return readiness;
}
