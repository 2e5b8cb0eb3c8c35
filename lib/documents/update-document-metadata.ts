import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import { UpdateDocumentMetadataSchema, type UpdateDocumentMetadataInput } from "./schemas";

// What an edit may change, and what the audit row shows before and after. The hashes ride along so
// the record itself shows the capture did not move.
const METADATA = {
  id: true,
  title: true,
  publisher: true,
  author: true,
  publishedAt: true,
  url: true,
  kind: true,
  version: true,
  sha256: true,
  textSha256: true,
  retractedAt: true,
} as const;

const STALE = "Someone else changed this document's details after you opened it.";

/**
 * Corrects a document's title, publisher, author, published date or (for a pasted or uploaded
 * document) URL, at the version the editor read, with a reason; audited with before and after. The
 * captured text, bytes and hashes stay as captured (the database trigger refuses otherwise).
 */
export async function updateDocumentMetadata({
  ctx,
  access,
  documentId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  documentId: string;
  input: UpdateDocumentMetadataInput;
}) {
  const { version, reason, publishedAt, ...fields } = UpdateDocumentMetadataSchema.parse(input);
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw new NotFoundError("Document");
  return db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({ where: { id: documentId, caseId: access.caseId }, select: METADATA });
    if (!before) throw new NotFoundError("Document");
    if (before.retractedAt) throw retractedError("This document");
    if (before.version !== version) throw new ConflictError(STALE, { current: before });
    const changes = {
      ...Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && v !== before[k as keyof typeof fields])),
      ...(publishedAt === undefined ? {} : sameDay(before.publishedAt, publishedAt) ? {} : { publishedAt: dayOf(publishedAt) }),
    };
    if ("url" in changes && before.kind === "url") {
      const message = "This document was captured from its URL: the URL is where its bytes came from and cannot be changed.";
      throw new InvalidError(message, [{ path: "url", message }]);
    }
    if (Object.keys(changes).length === 0) {
      const message = "Nothing changed: edit a field before saving.";
      throw new InvalidError(message, [{ path: "title", message }]);
    }
    const { count } = await tx.document.updateMany({
      where: { id: documentId, caseId: access.caseId, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(STALE, { current: before });
    const after = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: METADATA });
    await tx.case.update({ where: { id: access.caseId }, data: { updatedAt: new Date() } });
    const { retractedAt: _b, ...beforeRow } = before;
    const { retractedAt: _a, ...afterRow } = after;
    await recordAudit({
      tx,
      ctx,
      action: "document.update",
      caseId: access.caseId,
      targetType: "document",
      targetId: documentId,
      before: beforeRow,
      after: afterRow,
      reason,
    });
    return afterRow;
  });
}

const dayOf = (value: string | null) => (value === null ? null : parseCalendarDate(value)!.date);
const sameDay = (stored: Date | null, value: string | null) =>
  (stored?.toISOString().slice(0, 10) ?? null) === (dayOf(value)?.toISOString().slice(0, 10) ?? null);
