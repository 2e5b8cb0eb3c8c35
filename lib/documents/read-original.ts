import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";

// Types a browser could render as active content are never served as such: HTML and SVG become
// text/plain (readable, inert), anything not on the allow-list application/octet-stream.
const SERVE_AS: Record<string, string> = {
  "application/pdf": "application/pdf",
  "text/plain": "text/plain; charset=utf-8",
  "text/markdown": "text/plain; charset=utf-8",
  "text/html": "text/plain; charset=utf-8",
  "application/xhtml+xml": "text/plain; charset=utf-8",
  "image/svg+xml": "text/plain; charset=utf-8",
};

export class IntegrityError extends AppError {
  constructor(message: string) {
    super({ status: 500, code: "integrity", message });
  }
}

/**
 * The stored original of a document, verified against its SHA-256 before it leaves the server: a
 * blob whose bytes no longer match is refused (and logged), never served as if it were the original.
 */
export async function readOriginal({ access, documentId }: { access: CaseAccess; documentId: string }) {
  const doc = await db.document.findFirst({
    where: { id: documentId, caseId: access.caseId },
    select: { id: true, title: true, originalName: true, mimeType: true, sha256: true, blob: { select: { bytes: true, size: true } } },
  });
  if (!doc) throw new NotFoundError("Document");
  const bytes = Buffer.from(doc.blob.bytes);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== doc.sha256 || bytes.length !== doc.blob.size) {
    console.error(`integrity: document ${doc.id} blob ${doc.sha256} hashes to ${actual} (${bytes.length} bytes); refusing to serve it`);
    throw new IntegrityError(
      "The stored original of this document failed its integrity check (its SHA-256 no longer matches), so it was not sent. Tell your administrator: the backup holds a good copy.",
    );
  }
  const base = (doc.mimeType.split(";")[0] ?? "").trim().toLowerCase();
  return {
    bytes,
    sha256: actual,
    contentType: SERVE_AS[base] ?? "application/octet-stream",
    fileName: safeFileName(doc.originalName ?? doc.title, base),
  };
}

function safeFileName(name: string, mime: string) {
  const ext =
    mime === "application/pdf"
      ? ".pdf"
      : mime === "text/html"
        ? ".html"
        : mime === "text/markdown"
          ? ".md"
          : mime.startsWith("text/")
            ? ".txt"
            : "";
  const stem =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_")
      .replace(/^\.+/, "")
      .slice(0, 120) || "original";
  return /\.[a-z0-9]{1,5}$/i.test(stem) ? stem : stem + ext;
}
