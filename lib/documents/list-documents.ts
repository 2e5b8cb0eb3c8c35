import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

const SUMMARY = {
  id: true,
  caseId: true,
  title: true,
  url: true,
  publisher: true,
  author: true,
  publishedAt: true,
  retrievedAt: true,
  kind: true,
  originalName: true,
  mimeType: true,
  sha256: true,
  textSha256: true,
  sizeBytes: true,
  createdAt: true,
  version: true,
  sourceId: true,
  reliabilityOverride: true,
  overrideReason: true,
  retractedAt: true,
  retractionReason: true,
  retractedBy: { select: { name: true } },
  source: { select: { id: true, name: true, kind: true, reliability: true, rationale: true } },
} as const;

/** The case's documents; retracted ones are kept but listed only when asked for. */
export async function listDocuments({ access, includeRetracted = false }: { access: CaseAccess; includeRetracted?: boolean }) {
  return db.document.findMany({
    where: { caseId: access.caseId, ...(includeRetracted ? {} : { retractedAt: null }) },
    select: { ...SUMMARY, addedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}
