import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { CreateEntitySchema, type CreateEntityInput } from "./schemas";
import { dedupe, duplicateName } from "./entity-names";

export async function createEntity({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateEntityInput }) {
  const data = CreateEntitySchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const entity = await tx.entity.create({ data: { ...data, aliases: dedupe(data.aliases, data.name), caseId: access.caseId } });
      await recordAudit({
        tx,
        ctx,
        action: "entity.create",
        caseId: access.caseId,
        targetType: "entity",
        targetId: entity.id,
        after: entity,
      });
      return entity;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw duplicateName();
    throw err;
  }
}
