import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { CreateEntitySchema, UpdateEntitySchema, type CreateEntityInput } from "./schemas";
import { loadClaimDetails } from "@/lib/claims/claim-details";

const dedupe = (aliases: string[], name: string) => [...new Set(aliases.filter((a) => a.toLowerCase() !== name.toLowerCase()))];
const duplicateName = () => new InvalidError("An entity with this name already exists in the case.", [{ path: "name", message: "An entity with this name already exists in the case." }]);

export async function listEntities({ access }: { access: CaseAccess }) {
  const rows = await db.entity.findMany({ where: { caseId: access.caseId }, orderBy: [{ kind: "asc" }, { name: "asc" }], include: { _count: { select: { claims: true } } } });
  return rows.map(({ _count, ...e }) => ({ ...e, claimCount: _count.claims }));
}

export async function createEntity({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateEntityInput }) {
  const data = CreateEntitySchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const entity = await tx.entity.create({ data: { ...data, aliases: dedupe(data.aliases, data.name), caseId: access.caseId } });
      await recordAudit({ tx, ctx, action: "entity.create", caseId: access.caseId, targetType: "entity", targetId: entity.id, after: entity });
      return entity;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw duplicateName();
    throw err;
  }
}

export async function updateEntity({ ctx, access, entityId, input }: { ctx: Ctx; access: CaseAccess; entityId: string; input: unknown }) {
  const data = UpdateEntitySchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.entity.findFirst({ where: { id: entityId, caseId: access.caseId } });
      if (!before) throw new NotFoundError("Entity");
      const name = data.name ?? before.name;
      const after = await tx.entity.update({ where: { id: entityId }, data: { ...data, aliases: data.aliases ? dedupe(data.aliases, name) : undefined } });
      await recordAudit({ tx, ctx, action: "entity.update", caseId: access.caseId, targetType: "entity", targetId: entityId, before, after });
      return after;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw duplicateName();
    throw err;
  }
}

/** An entity with every claim that mentions it. */
export async function getEntity({ access, entityId }: { access: CaseAccess; entityId: string }) {
  const entity = /^[0-9a-f-]{36}$/i.test(entityId) ? await db.entity.findFirst({ where: { id: entityId, caseId: access.caseId } }) : null;
  if (!entity) throw new NotFoundError("Entity");
  const links = await db.claimEntity.findMany({ where: { entityId }, select: { claimId: true }, orderBy: { claim: { createdAt: "asc" } } });
  const claims = await loadClaimDetails({ caseId: access.caseId, claimIds: links.map((l) => l.claimId) });
  return { entity, claims };
}
