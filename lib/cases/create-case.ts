import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { CreateCaseSchema, type CreateCaseInput } from "./schemas";
import { slugify } from "./slugify";

/** Creates a case; its creator becomes its owner. */
export async function createCase({ ctx, input }: { ctx: Ctx; input: CreateCaseInput }) {
  const data = CreateCaseSchema.parse(input);
  return db.$transaction(async (tx) => {
    const created = await tx.case.create({
      data: { ...data, slug: slugify(data.title), createdById: ctx.actor.id, members: { create: { userId: ctx.actor.id, role: "owner" } } },
    });
    await recordAudit({ tx, ctx, action: "case.create", caseId: created.id, targetType: "case", targetId: created.id, after: created });
    return { ...created, role: "owner" as const };
  });
}
