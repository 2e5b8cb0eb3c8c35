import "server-only";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** The account an admin operation acts on; an unknown id is a 404. */
export async function loadTarget(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, disabledAt: true, sessionVersion: true },
  });
  if (!user) throw new NotFoundError("User");
  return user;
}

/** Ends every session of the account at once: the session version moves on and open sessions are revoked. */
export async function endSessions(tx: Tx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
