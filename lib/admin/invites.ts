import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/passwords";
import { assertPasswordAllowed } from "@/lib/auth/password-policy";
import { AcceptInviteSchema } from "./schemas";
import { hashLinkToken, LINK_TOKEN_PATTERN } from "./link-token";

export type LinkState =
  | { state: "ok"; purpose: "invite" | "reset"; email: string; name: string }
  | { state: "used" | "expired" | "invalid" | "disabled"; message: string };

const MESSAGES = {
  invalid: "This link is not valid. Check that you copied all of it, or ask a workspace admin for a new one.",
  used: "This link has already been used. Sign in, or ask a workspace admin for a new link.",
  expired: "This link has expired (links last 72 hours). Ask a workspace admin for a new one.",
  disabled: "This account is disabled. Ask a workspace admin.",
} as const;

/** What an invite/reset link is good for right now (the page shows the form or a clear reason). */
export async function linkState(token: string, now = new Date()): Promise<LinkState> {
  if (!LINK_TOKEN_PATTERN.test(token)) return { state: "invalid", message: MESSAGES.invalid };
  const row = await db.userInvite.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row) return { state: "invalid", message: MESSAGES.invalid };
  if (row.usedAt) return { state: "used", message: MESSAGES.used };
  if (row.expiresAt <= now) return { state: "expired", message: MESSAGES.expired };
  if (row.user.disabledAt) return { state: "disabled", message: MESSAGES.disabled };
  return { state: "ok", purpose: row.purpose, email: row.user.email, name: row.user.name };
}

/** Sets the name (invites) and password from a one-time link; the link is consumed atomically. */
export async function acceptLink({ input, requestId }: { input: unknown; requestId?: string }) {
  const data = AcceptInviteSchema.parse(input);
  const state = await linkState(data.token);
  if (state.state !== "ok") throw new AppError({ status: 410, code: `link_${state.state}`, message: state.message });
  assertPasswordAllowed({ password: data.password, email: state.email, field: "password" });
  const passwordHash = await hashPassword(data.password);
  const tokenHash = hashLinkToken(data.token);
  return db.$transaction(async (tx) => {
    // The WHERE makes a second, concurrent use of the same link find nothing to consume.
    const consumed = await tx.userInvite.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (consumed.count !== 1) throw new AppError({ status: 410, code: "link_used", message: MESSAGES.used });
    const invite = await tx.userInvite.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, purpose: true } });
    const user = await tx.user.update({
      where: { id: invite.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(invite.purpose === "invite" && data.name ? { name: data.name } : {}) },
      select: { id: true, email: true, name: true, isAdmin: true },
    });
    await recordAudit({
      tx,
      ctx: { actor: user, requestId },
      action: invite.purpose === "invite" ? "user.invite_accept" : "user.password_reset_complete",
      caseId: null,
      targetType: "user",
      targetId: user.id,
    });
    return { email: user.email };
  });
}
