import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateCommentSchema } from "@/lib/attribution/schemas";
import { notify, quoted } from "@/lib/notifications/notify";

// Each target as the comment's notification names it: whose work it is, its words and where it opens.
const TARGETS = {
  hypothesis: async (id: string, caseId: string) => {
    const h = await db.hypothesis.findFirst({ where: { id, caseId }, select: { authorId: true, title: true } });
    return h && { ownerId: h.authorId, what: `your judgment ${quoted(h.title)}`, href: `/cases/${caseId}/attribution/${id}` };
  },
  question: async (id: string, caseId: string) => {
    const q = await db.attributionQuestion.findFirst({ where: { id, caseId }, select: { createdById: true, question: true } });
    return q && { ownerId: q.createdById, what: `your question ${quoted(q.question)}`, href: `/cases/${caseId}/attribution` };
  },
  claim: async (id: string, caseId: string) => {
    const c = await db.claim.findFirst({ where: { id, caseId }, select: { createdById: true, statement: true } });
    return c && { ownerId: c.createdById, what: `your claim ${quoted(c.statement)}`, href: `/cases/${caseId}/claims/${id}` };
  },
} as const;

/** A comment or reply on a judgment or claim; `isDissent` records disagreement that stays with the judgment. */
export async function addComment({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const data = CreateCommentSchema.parse(input);
  const target = await TARGETS[data.targetType](data.targetId, access.caseId);
  if (!target) throw new NotFoundError("Target");
  if (data.parentId && !(await db.comment.count({ where: { id: data.parentId, caseId: access.caseId, targetId: data.targetId } })))
    throw new NotFoundError("Comment");
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { ...data, caseId: access.caseId, authorId: ctx.actor.id } });
    await recordAudit({
      tx,
      ctx,
      action: data.isDissent ? "comment.dissent" : "comment.create",
      caseId: access.caseId,
      targetType: data.targetType,
      targetId: data.targetId,
      after: comment,
    });
    await notify(tx, ctx, {
      recipients: [target.ownerId],
      caseId: access.caseId,
      kind: "comment.created",
      targetType: data.targetType,
      targetId: data.targetId,
      message: `${ctx.actor.name} commented on ${target.what}`,
      href: target.href,
    });
    return comment;
  });
}

/** Comments on one target as threads (top-level comments with their replies), oldest first. */
export async function listComments({ access, targetType, targetId }: { access: CaseAccess; targetType: string; targetId: string }) {
  const rows = await db.comment.findMany({
    where: { caseId: access.caseId, targetType, targetId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } } },
  });
  const threads = rows.filter((r) => !r.parentId).map((r) => ({ ...r, replies: [] as typeof rows }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of rows.filter((r) => r.parentId)) {
    // Replies to replies are shown under the thread they belong to.
    let root = r.parentId!;
    while (!byId.has(root)) root = rows.find((x) => x.id === root)?.parentId ?? root;
    byId.get(root)?.replies.push(r);
  }
  return threads;
}
