import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { briefApprovalState } from "./brief-review";
import { BRIEF_FORMATS, renderFormat, type BriefFormat } from "./render-format";

/**
 * Releases the brief: every included judgment must be approved, and the brief itself approved, as it
 * is now, by a reviewer who is not the releaser. Fails closed with 409 listing what is missing. The
 * exact bytes of every format, their SHA-256 and a manifest are stored once and never change.
 */
export async function createRelease({ ctx, access }: { ctx: Ctx; access: CaseAccess }) {
  const { model, hash, review, current } = await briefApprovalState({ access });
  const missing = [...model.blockers];
  if (!review || review.decision !== "approved") missing.push("The brief has not been approved by a reviewer.");
  else if (!current) missing.push("The brief changed after it was approved; it needs a new approval.");
  else if (review.reviewerId === ctx.actor.id)
    missing.push("The brief was approved by you; a release needs a reviewer other than the releaser.");
  if (missing.length) throw new ConflictError(`The brief cannot be released: ${missing.join(" ")}`, { missing });

  // Every file is rendered from this one model, whose hash the reviewer approved (checked above); only the
  // draft marks come off. Nothing in a released file is read from the live case.
  const released = { ...model, draft: false };
  const files = await Promise.all(
    (Object.keys(BRIEF_FORMATS) as BriefFormat[]).map(async (format) => {
      const bytes = await renderFormat({ model: released, format });
      return {
        format,
        bytes,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        size: bytes.length,
        mimeType: BRIEF_FORMATS[format].mimeType,
      };
    }),
  );
  const manifest = {
    case: model.case,
    releaseNumber: model.releaseNumber,
    generatedAt: model.generatedAt,
    contentHash: hash,
    template: model.template,
    sections: model.sections,
    judgments: model.judgments.map((j) => ({
      id: j.id,
      title: j.title,
      version: j.version,
      contentHash: j.contentHash,
      likelihood: j.likelihood,
      confidence: j.confidence,
      approvedBy: j.approvedBy,
    })),
    claims: model.claims.map((c) => ({ id: c.id, grade: c.grade, origins: c.origins })),
    acknowledgedWarnings: model.warnings
      .filter((w) => w.acknowledgement)
      .map((w) => ({ key: w.key, message: w.message, ...w.acknowledgement })),
    documents: model.sources.map((s) => ({ id: s.documentId, sha256: s.sha256 })),
    files: files.map((f) => ({ format: f.format, sha256: f.sha256, size: f.size })),
    approval: { reviewId: review!.id, approvedBy: review!.reviewer?.name ?? null },
  };
  try {
    return await db.$transaction(async (tx) => {
      const release = await tx.briefRelease.create({
        data: {
          caseId: access.caseId,
          number: model.releaseNumber,
          contentHash: hash,
          manifest,
          releasedById: ctx.actor.id,
          approvedById: review!.reviewerId!,
          reviewId: review!.id,
        },
      });
      await tx.briefReleaseFile.createMany({
        data: files.map((f) => ({
          releaseId: release.id,
          format: f.format,
          bytes: new Uint8Array(f.bytes),
          sha256: f.sha256,
          size: f.size,
          mimeType: f.mimeType as string,
        })),
      });
      await recordAudit({
        tx,
        ctx,
        action: "brief.release",
        caseId: access.caseId,
        targetType: "release",
        targetId: release.id,
        after: { number: release.number, contentHash: hash, files: manifest.files },
      });
      return { ...release, files: manifest.files };
    });
  } catch (err) {
    // Two releases at once: the unique (case, number) lets one win; the other is told to reload.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new ConflictError("Another release was made at the same moment; reload and check it.");
    throw err;
  }
}

export async function listReleases({ access }: { access: CaseAccess }) {
  const rows = await db.briefRelease.findMany({
    where: { caseId: access.caseId },
    orderBy: { number: "desc" },
    include: {
      releasedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      files: { select: { format: true, sha256: true, size: true, mimeType: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    contentHash: r.contentHash,
    createdAt: r.createdAt.toISOString(),
    releasedBy: r.releasedBy.name,
    approvedBy: r.approvedBy.name,
    files: r.files,
  }));
}

/** The stored bytes of one format of one release, exactly as released. */
export async function getReleaseFile({ access, number, format }: { access: CaseAccess; number: number; format: BriefFormat }) {
  const release = Number.isInteger(number)
    ? await db.briefRelease.findUnique({
        where: { caseId_number: { caseId: access.caseId, number } },
        include: { case: { select: { title: true } } },
      })
    : null;
  if (!release) throw new NotFoundError("Release");
  const file = await db.briefReleaseFile.findUnique({ where: { releaseId_format: { releaseId: release.id, format } } });
  if (!file) throw new NotFoundError("Release file");
  return {
    bytes: Buffer.from(file.bytes),
    sha256: file.sha256,
    mimeType: file.mimeType,
    title: release.case.title,
    number: release.number,
  };
}
