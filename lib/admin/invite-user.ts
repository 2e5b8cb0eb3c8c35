import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/errors";
import { NO_PASSWORD } from "@/lib/auth/passwords";
import { InviteUserSchema } from "./schemas";
import { assertWorkspaceAdmin } from "./require-admin";
import { issueLink } from "./issue-link";

/** Creates an account with no usable password and a one-time link (72 h) to set one. */
export async function inviteUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  assertWorkspaceAdmin(ctx.actor);
  const data = InviteUserSchema.parse(input);
  const exists = () => new ConflictError("A user with that email already exists. Use “Reset password” to send them a new link.");
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw exists();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, isAdmin: data.isAdmin, passwordHash: NO_PASSWORD },
        select: { id: true, email: true, name: true, isAdmin: true },
      });
      const link = await issueLink({ tx, ctx, userId: user.id, purpose: "invite" });
      await recordAudit({
        tx,
        ctx,
        action: "user.invite",
        caseId: null,
        targetType: "user",
        targetId: user.id,
        after: { email: user.email, name: user.name, isAdmin: user.isAdmin, linkExpiresAt: link.expiresAt },
      });
      return { user, ...link };
    });
  } catch (err) {
    // Two admins inviting the same address at once both pass the check above; the unique index decides
    // (found by the HTTP fuzzer, which sent one generated email twice in parallel).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw exists();
    throw err;
  }
}
