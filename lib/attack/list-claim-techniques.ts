import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { attackCatalog } from "./catalog";

/** A claim's technique tags with their ATT&CK names, sorted by id. */
export async function listClaimTechniques({ access, claimId }: { access: CaseAccess; claimId: string }) {
  const catalog = attackCatalog();
  const rows = await db.claimTechnique.findMany({ where: { caseId: access.caseId, claimId }, orderBy: { techniqueId: "asc" } });
  return rows.map((r) => ({ id: r.techniqueId, name: catalog.techniqueById.get(r.techniqueId)?.name ?? r.techniqueId }));
}
