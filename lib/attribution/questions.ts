import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { versionedUpdate } from "@/lib/concurrency/versioned-update";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateQuestionSchema, UpdateQuestionSchema } from "./schemas";

export async function createQuestion({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const data = CreateQuestionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const q = await tx.attributionQuestion.create({ data: { caseId: access.caseId, question: data.question, createdById: ctx.actor.id } });
    await recordAudit({ tx, ctx, action: "question.create", caseId: access.caseId, targetType: "question", targetId: q.id, after: q });
    return q;
  });
}

export async function updateQuestion({
  ctx,
  access,
  questionId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  questionId: string;
  input: unknown;
}) {
  const { version, ...changes } = UpdateQuestionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.attributionQuestion.findFirst({ where: { id: questionId, caseId: access.caseId } });
    if (!before) throw new NotFoundError("Question");
    await versionedUpdate(tx.attributionQuestion, {
      id: questionId,
      version,
      data: changes,
      conflict: { message: "Someone else changed this question after you opened it.", current: before },
    });
    const after = await tx.attributionQuestion.findUniqueOrThrow({ where: { id: questionId } });
    await recordAudit({
      tx,
      ctx,
      action: "question.update",
      caseId: access.caseId,
      targetType: "question",
      targetId: questionId,
      before,
      after,
    });
    return after;
  });
}

export async function listQuestions({ access }: { access: CaseAccess }) {
  return db.attributionQuestion.findMany({
    where: { caseId: access.caseId },
    orderBy: { createdAt: "asc" },
    include: {
      hypotheses: {
        orderBy: { createdAt: "asc" },
        include: { actor: { select: { id: true, name: true } }, author: { select: { id: true, name: true } } },
      },
    },
  });
}
