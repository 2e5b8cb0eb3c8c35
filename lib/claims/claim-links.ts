import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { CreateClaimLinkSchema } from "./schemas";

const alreadyLinked = () =>
  new InvalidError("These claims are already linked that way.", [{ path: "kind", message: "These claims are already linked that way." }]);

export async function createClaimLink({
  ctx,
  access,
  fromClaimId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  fromClaimId: string;
  input: unknown;
}) {
  const data = CreateClaimLinkSchema.parse(input);
  if (data.toClaimId === fromClaimId)
    throw new InvalidError("A claim cannot be linked to itself.", [{ path: "toClaimId", message: "A claim cannot be linked to itself." }]);
  const found = await db.claim.findMany({
    where: { id: { in: [fromClaimId, data.toClaimId] }, caseId: access.caseId },
    select: { retractedAt: true },
  });
  if (found.length !== 2) throw new NotFoundError("Claim");
  if (found.some((c) => c.retractedAt)) throw retractedError("One of these claims", "toClaimId");
  // Both directions: "A corroborates B" and "B corroborates A" are one fact, and listing it twice would
  // show the same link twice on each claim.
  const existing = await db.claimLink.findFirst({
    where: {
      kind: data.kind,
      OR: [
        { fromClaimId, toClaimId: data.toClaimId },
        { fromClaimId: data.toClaimId, toClaimId: fromClaimId },
      ],
    },
  });
  if (existing) throw alreadyLinked();
  try {
    return await db.$transaction(async (tx) => {
      const link = await tx.claimLink.create({
        data: {
          caseId: access.caseId,
          fromClaimId,
          toClaimId: data.toClaimId,
          kind: data.kind,
          note: data.note,
          createdById: ctx.actor.id,
        },
      });
      await recordAudit({ tx, ctx, action: "claim.link", caseId: access.caseId, targetType: "claim", targetId: fromClaimId, after: link });
      return link;
    });
  } catch (err) {
    // Two people adding the same link at once: the unique index decides, and the loser gets the same 422.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw alreadyLinked();
    throw err;
  }
}

export async function deleteClaimLink({ ctx, access, linkId }: { ctx: Ctx; access: CaseAccess; linkId: string }) {
  return db.$transaction(async (tx) => {
    const link = await tx.claimLink.findFirst({ where: { id: linkId, caseId: access.caseId } });
    if (!link) throw new NotFoundError("Link");
    await tx.claimLink.delete({ where: { id: linkId } });
    await recordAudit({
      tx,
      ctx,
      action: "claim.unlink",
      caseId: access.caseId,
      targetType: "claim",
      targetId: link.fromClaimId,
      before: link,
    });
  });
}
