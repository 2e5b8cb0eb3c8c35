import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { UpdateEntitySchema, type UpdateEntityInput } from "./schemas";
import { dedupe, duplicateName } from "./entity-names";

/**
 * Renames, re-kinds or re-aliases an entity if nobody saved it since `version`. A stale save is
 * refused with 409 carrying the current entity, so the form can show the other change and keep what
 * this user typed.
 */
export async function updateEntity({
  ctx,
  access,
  entityId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  entityId: string;
  input: UpdateEntityInput;
}) {
  const { version, ...changes } = UpdateEntitySchema.parse(input);
  if (!Object.values(changes).some((v) => v !== undefined)) throw new InvalidError("Nothing to change.");
  try {
    return await db.$transaction(async (tx) => {
      // Lock the row first: the version compared and the "before" written to the audit trail are then
      // exactly what this update replaces, even when two saves arrive together.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "entities" WHERE "id" = ${entityId}::uuid AND "case_id" = ${access.caseId}::uuid FOR UPDATE`;
      if (!locked.length) throw new NotFoundError("Entity");
      const before = await tx.entity.findUniqueOrThrow({ where: { id: entityId } });
      if (before.version !== version) {
        throw new ConflictError("Someone else saved this entity after you opened it. Their version is shown; your edits are kept.", {
          current: before,
        });
      }
      const name = changes.name ?? before.name;
      const after = await tx.entity.update({
        where: { id: entityId },
        data: { ...changes, aliases: changes.aliases ? dedupe(changes.aliases, name) : undefined, version: { increment: 1 } },
      });
      await recordAudit({
        tx,
        ctx,
        action: "entity.update",
        caseId: access.caseId,
        targetType: "entity",
        targetId: entityId,
        before,
        after,
      });
      return after;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw duplicateName();
    throw err;
  }
}
