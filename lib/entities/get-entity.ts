import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { loadClaimDetails } from "@/lib/claims/claim-details";

/** An entity with every claim that mentions it. */
export async function getEntity({ access, entityId }: { access: CaseAccess; entityId: string }) {
  const entity = await db.entity.findFirst({ where: { id: entityId, caseId: access.caseId } });
  if (!entity) throw new NotFoundError("Entity");
  // Retracted claims are kept but no longer listed as evidence about the entity.
  const links = await db.claimEntity.findMany({
    where: { entityId, claim: { retractedAt: null } },
    select: { claimId: true },
    orderBy: { claim: { createdAt: "asc" } },
  });
  const claims = await loadClaimDetails({ access, claimIds: links.map((l) => l.claimId) });
  return { entity, claims };
}
