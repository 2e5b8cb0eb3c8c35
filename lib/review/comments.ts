import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateCommentSchema } from "@/lib/attribution/schemas";

const TARGETS = {
  hypothesis: (id: string, caseId: string) => db.hypothesis.count({ where: { id, caseId } }),
  question: (id: string, caseId: string) => db.attributionQuestion.count({ where: { id, caseId } }),
  claim: (id: string, caseId: string) => db.claim.count({ where: { id, caseId } }),
} as const;

/** A comment or reply on a judgment or claim; `isDissent` records disagreement that stays with the judgment. */
export async function addComment({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const data = CreateCommentSchema.parse(input);
  if (!(await TARGETS[data.targetType](data.targetId, access.caseId))) throw new NotFoundError("Target");
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
