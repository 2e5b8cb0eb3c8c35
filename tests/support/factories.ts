// Test data made through the project's own services, so tests exercise the same paths as the app.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createCase } from "@/lib/cases/create-case";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct-horse-battery-staple";

export async function makeUser({ name = "Test User", isAdmin = false }: { name?: string; isAdmin?: boolean } = {}): Promise<Ctx> {
  const email = `u-${randomBytes(5).toString("hex")}@example.test`;
  const u = await db.user.create({ data: { email, name, isAdmin, passwordHash: await hashPassword(TEST_PASSWORD) } });
  return { actor: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin }, requestId: `test-${randomBytes(3).toString("hex")}` };
}

/** A case owned by `owner`, with the other users added in the given roles. */
export async function makeCase({ owner, members = [], title = "Test case" }: { owner: Ctx; members?: [Ctx, CaseRole][]; title?: string }) {
  const c = await createCase({ ctx: owner, input: { title } });
  for (const [m, role] of members) await db.caseMember.create({ data: { caseId: c.id, userId: m.actor.id, role } });
  return c;
}

/** The request context of an existing (e.g. seeded demo) user, found by e-mail. */
export async function ctxOfUser(email: string, requestId = "test"): Promise<Ctx> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { actor: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin }, requestId };
}
