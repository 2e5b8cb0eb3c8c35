import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateSourceSchema, type CreateSourceInput } from "./schemas";
import { duplicateSourceName, isUniqueViolation } from "./source-errors";

export type CreateSourceData = ReturnType<typeof CreateSourceSchema.parse>;

export async function createSource({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateSourceInput }) {
  const data = CreateSourceSchema.parse(input);
  try {
    return await db.$transaction((tx) => insertSource({ tx, ctx, caseId: access.caseId, data }));
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateSourceName() : err;
  }
}

/**
 * Registers a source inside the caller's transaction, with its audit row: a document captured with a
 * new source creates both in one step (lib/documents/create-document.ts).
 */
export async function insertSource({ tx, ctx, caseId, data }: { tx: Tx; ctx: Ctx; caseId: string; data: CreateSourceData }) {
  const source = await tx.source.create({ data: { ...data, caseId, createdById: ctx.actor.id } });
  await recordAudit({ tx, ctx, action: "source.create", caseId, targetType: "source", targetId: source.id, after: source });
  return source;
}
