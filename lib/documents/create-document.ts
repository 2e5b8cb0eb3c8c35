import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError, TooLargeError } from "@/lib/errors";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { findNearDuplicates, type DuplicateHint } from "./near-duplicates";
import { extractText, parseDateLine } from "@/lib/capture/extract";
import {
  DocumentMetaSchema,
  isStorableDate,
  MAX_TEXT_CHARS,
  MAX_UPLOAD_BYTES,
  PasteDocumentSchema,
  type DocumentMeta,
  type PasteDocumentInput,
} from "./schemas";
import { sha256Hex } from "./hash";
import { CreateSourceSchema } from "@/lib/sources/schemas";
import { insertSource, type CreateSourceData } from "@/lib/sources/create-source";
import { duplicateSourceName, isUniqueViolation } from "@/lib/sources/source-errors";

type Captured = {
  kind: "paste" | "upload" | "url";
  bytes: Buffer;
  mimeType: string;
  text: string;
  originalName?: string;
  meta: DocumentMeta & { title: string };
  retrievedAt?: Date;
};

/** Pasted text: the original is the text as UTF-8. A leading " date YYYY-MM-DD" line becomes the published date. */
export async function createPastedDocument({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: PasteDocumentInput }) {
  const { text, ...meta } = PasteDocumentSchema.parse(input);
  return storeDocument({
    ctx,
    access,
    captured: { kind: "paste", bytes: Buffer.from(text, "utf8"), mimeType: "text/plain; charset=utf-8", text, meta },
  });
}

/** An uploaded .txt/.md/.html/.pdf file; the hash is of the file's exact bytes. */
export async function createUploadedDocument({
  ctx,
  access,
  file,
  meta: rawMeta,
}: {
  ctx: Ctx;
  access: CaseAccess;
  file: { name: string; type: string; bytes: Buffer };
  meta: Record<string, unknown>;
}) {
  if (file.bytes.length > MAX_UPLOAD_BYTES)
    throw new TooLargeError(`The file is ${(file.bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`);
  if (file.bytes.length === 0) throw new InvalidError("The file is empty.", [{ path: "file", message: "The file is empty." }]);
  const meta = DocumentMetaSchema.parse(rawMeta);
  const extracted = await extractText({ bytes: file.bytes, fileName: file.name, declaredType: file.type });
  // What the analyst typed wins; else what an HTML page's head says (its <title>, published-date tags,
  // byline and site name), as a URL capture reads them; else the file's name.
  const title = (meta.title ?? extracted.title ?? file.name.replace(/\.[a-z0-9]+$/i, "")).slice(0, 300);
  const pagePublished = extracted.publishedTime ? Date.parse(extracted.publishedTime) : NaN;
  const publishedAt =
    meta.publishedAt ??
    (Number.isNaN(pagePublished) || !isStorableDate(new Date(pagePublished).toISOString())
      ? undefined
      : new Date(pagePublished).toISOString());
  return storeDocument({
    ctx,
    access,
    captured: {
      kind: "upload",
      bytes: file.bytes,
      mimeType: extracted.mimeType,
      text: extracted.text,
      originalName: safeFileName(file.name),
      meta: {
        ...meta,
        title,
        publishedAt,
        publisher: meta.publisher ?? extracted.siteName?.slice(0, 200) ?? undefined,
        author: meta.author ?? extracted.byline?.slice(0, 200) ?? undefined,
      },
    },
  });
}

export async function storeDocument({ ctx, access, captured }: { ctx: Ctx; access: CaseAccess; captured: Captured }) {
  const { caseId } = access;
  const normalized = captured.text.replace(/\r\n?/g, "\n").normalize("NFC");
  const { publishedAt: fromDateLine, body } = parseDateLine(normalized);
  const text = body.replace(/^\n+/, "").trimEnd();
  if (!text.trim()) throw new InvalidError("The document has no text.", [{ path: "text", message: "The document has no text." }]);
  if (text.length > MAX_TEXT_CHARS)
    throw new TooLargeError(
      `The text has ${text.length.toLocaleString("en")} characters; the limit is ${MAX_TEXT_CHARS.toLocaleString("en")}.`,
    );
  const sha256 = sha256Hex(captured.bytes);
  const textSha256 = sha256Hex(text);
  const publishedAt = captured.meta.publishedAt ? new Date(captured.meta.publishedAt) : (fromDateLine ?? null);
  const { sourceId: existingSourceId, confirmDuplicate } = captured.meta;
  const newSource = newSourceOf(captured.meta);
  if (newSource && existingSourceId) {
    const message = "Pick a registered source or register a new one, not both.";
    throw new InvalidError(message, [{ path: "sourceId", message }]);
  }
  if (existingSourceId) {
    const source = await db.source.findFirst({ where: { id: existingSourceId, caseId }, select: { retractedAt: true } });
    if (!source) throw new NotFoundError("Source");
    if (source.retractedAt) throw retractedError("That source", "sourceId");
  }
  // Read before the transaction: comparing texts is the slow part and needs no lock.
  const near = await findNearDuplicates({ caseId, text, sha256, textSha256 });

  return db
    .$transaction(async (tx) => {
      const exact = await tx.document.findFirst({
        where: { caseId, sha256 },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, retractedAt: true },
      });
      // An exact copy is refused unless the analyst confirms it is meant (a second capture of the same
      // bytes, e.g. to record a later retrieval): the answer names the document already there.
      if (exact && !confirmDuplicate) {
        throw new ConflictError(
          `This exact content (same SHA-256) is already in the case as “${exact.title}”${exact.retractedAt ? " (retracted)" : ""}. Open that document, or confirm to add it again.`,
          {
            existing: { id: exact.id, title: exact.title, retracted: !!exact.retractedAt },
          },
        );
      }
      await putBlob({ tx, sha256, bytes: captured.bytes, mimeType: captured.mimeType });
      // A new source and its document commit together: neither exists without the other.
      const sourceId = newSource ? (await insertSource({ tx, ctx, caseId, data: newSource })).id : existingSourceId;
      const doc = await tx.document.create({
        data: {
          caseId,
          title: captured.meta.title,
          url: captured.meta.url ?? null,
          publisher: captured.meta.publisher ?? null,
          author: captured.meta.author ?? null,
          publishedAt,
          retrievedAt: captured.retrievedAt ?? new Date(),
          kind: captured.kind,
          originalName: captured.originalName ?? null,
          mimeType: captured.mimeType,
          text,
          sha256,
          textSha256,
          sizeBytes: captured.bytes.length,
          addedById: ctx.actor.id,
          sourceId: sourceId ?? null,
        },
      });
      await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
      const { text: _omit, ...summary } = doc;
      await recordAudit({ tx, ctx, action: "document.create", caseId, targetType: "document", targetId: doc.id, after: summary });
      const duplicates: DuplicateHint[] = near;
      return { document: doc, duplicates };
    })
    .catch((err) => {
      throw newSource && isUniqueViolation(err) ? duplicateSourceName("newSourceName") : err;
    });
}

/** The source to register with the document, validated as the source registry does; issues name the form's fields. */
function newSourceOf(meta: DocumentMeta): CreateSourceData | null {
  if (!meta.newSourceName && !meta.newSourceKind && !meta.newSourceReliability && !meta.newSourceRationale) return null;
  const parsed = CreateSourceSchema.safeParse({
    name: meta.newSourceName ?? "",
    kind: meta.newSourceKind ?? "",
    reliability: meta.newSourceReliability ?? "",
    rationale: meta.newSourceRationale ?? "",
  });
  if (parsed.success) return parsed.data;
  const field = (p: PropertyKey | undefined) => `newSource${String(p ?? "name").replace(/^./, (c) => c.toUpperCase())}`;
  const issues = parsed.error.issues.map((i) => ({ path: field(i.path[0]), message: i.message }));
  throw new InvalidError(issues[0].message, issues);
}

async function putBlob({ tx, sha256, bytes, mimeType }: { tx: Tx; sha256: string; bytes: Buffer; mimeType: string }) {
  // Content-addressed: the same bytes are stored once, whoever captures them.
  await tx.$executeRaw`INSERT INTO blobs (sha256, bytes, size, mime_type) VALUES (${sha256}, ${bytes}, ${bytes.length}, ${mimeType}) ON CONFLICT (sha256) DO NOTHING`;
}

/** Keeps only the base name: a path in an upload's file name never reaches storage or display. */
export function safeFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "upload";
  return base.replace(/[\u0000-\u001f<>:"|?*]/g, "_").slice(0, 200) || "upload";
}
