import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { CreateEntitySchema, UpdateEntitySchema, type CreateEntityInput, type UpdateEntityInput } from "./schemas";
import { loadClaimDetails } from "@/lib/claims/claim-details";

const dedupe = (aliases: string[], name: string) => [...new Set(aliases.filter((a) => a.toLowerCase() !== name.toLowerCase()))];
const duplicateName = () =>
  new InvalidError("An entity with this name already exists in the case.", [
    { path: "name", message: "An entity with this name already exists in the case." },
  ]);

export async function listEntities({ access }: { access: CaseAccess }) {
  const rows = await db.entity.findMany({
    where: { caseId: access.caseId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: { _count: { select: { claims: { where: { claim: { retractedAt: null } } } } } },
  });
  return rows.map(({ _count, ...e }) => ({ ...e, claimCount: _count.claims }));
}

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
