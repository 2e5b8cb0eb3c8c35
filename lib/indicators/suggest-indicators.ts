import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { extractIndicators } from "./extract-indicators";
import { ExtractQuerySchema, type ExtractQuery } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Indicators suggested from one document of the case, a page at a time (a report listing 10,000
 * indicators is paged, not sent whole), each marked with the indicator already recorded for it.
 * Reads only: nothing is stored until someone accepts a suggestion.
 */
export async function suggestIndicators({ access, documentId, query }: { access: CaseAccess; documentId: string; query: ExtractQuery }) {
  const { page, limit } = ExtractQuerySchema.parse(query);
  if (!UUID.test(documentId)) throw new NotFoundError("Document");
  const doc = await db.document.findFirst({ where: { id: documentId, caseId: access.caseId }, select: { text: true } });
  if (!doc) throw new NotFoundError("Document");
  const { suggestions, hostsSearchedTo } = extractIndicators(doc.text);
  const slice = suggestions.slice((page - 1) * limit, page * limit);
  const recorded = slice.length
    ? await db.indicator.findMany({
        where: { caseId: access.caseId, OR: slice.map((s) => ({ type: s.type, value: s.value })) },
        select: { id: true, type: true, value: true },
      })
    : [];
  const byKey = new Map(recorded.map((r) => [`${r.type}\u0000${r.value}`, r.id]));
  return {
    suggestions: slice.map((s) => ({ ...s, indicatorId: byKey.get(`${s.type}\u0000${s.value}`) ?? null })),
    total: suggestions.length,
    page,
    limit,
    pages: Math.max(1, Math.ceil(suggestions.length / limit)),
    hostsSearchedTo,
  };
}
