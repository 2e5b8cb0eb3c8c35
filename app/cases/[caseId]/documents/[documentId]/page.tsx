import { format } from "date-fns";
import { notFound } from "next/navigation";
import { requireCasePage } from "@/lib/http/page-access";
import { getDocument } from "@/lib/documents/get-document";
import { DocumentSchema } from "@/lib/documents/schemas";
import { loadClaimDetails } from "@/lib/claims/claim-details";
import { listSources } from "@/lib/sources/list-sources";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { readerSearchQuery } from "@/lib/reader/reader-search-query";
import { MAX_SEARCH_MATCHES, searchMatches } from "@/lib/reader/search-matches";
import { DocumentReader } from "@/components/reader/document-reader";
import { RetractButton } from "@/components/lifecycle/retract-button";
import { RetractedBanner } from "@/components/lifecycle/retracted-banner";
import { DocumentMetadataForm } from "@/components/documents/document-metadata-form";

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId, documentId } = await params;
  const { access } = await requireCasePage({ caseId, action: "documents.read", path: `/cases/${caseId}/documents/${documentId}` });
  const doc = await getDocument({ access, documentId }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  // Every claim quoting this document, however many (the claims API pages at 200).
  const claimIds = [...new Set(doc.excerpts.map((e) => e.claimId))];
  const [claims, sources] = await Promise.all([loadClaimDetails({ access, claimIds }), listSources({ access })]);
  // Opened from a search hit (?q=): where the query's words are, computed here so the browser does not
  // scan the text again. A malformed ?q= is ignored; the document still opens.
  const q = readerSearchQuery((await searchParams).q);
  const ranges = q ? searchMatches(doc.text, q) : [];
  const retraction = doc.retractedAt
    ? { at: doc.retractedAt.toISOString(), by: doc.retractedBy?.name ?? null, reason: doc.retractionReason ?? "" }
    : null;

  return (
    <DocumentReader
      caseId={caseId}
      initialDocument={DocumentSchema.parse(doc)}
      initialClaims={claims}
      initialSources={sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, reliability: s.reliability, rationale: s.rationale }))}
      // A retracted document is kept to read, not to build on: no new claims, no source changes.
      canCreateClaims={!retraction && can(access.role, "claims.create")}
      canEditSource={!retraction && can(access.role, "documents.update") && can(access.role, "sources.manage")}
      canAcceptIndicators={!retraction && can(access.role, "indicators.manage")}
      banner={retraction ? <RetractedBanner kind="document" retraction={retraction} /> : null}
      search={q ? { q, ranges, capped: ranges.length >= MAX_SEARCH_MATCHES } : null}
      capture={
        <section aria-labelledby="capture-heading" className="space-y-3">
          <h2 id="capture-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Capture
          </h2>
          <dl className="space-y-2">
            <Meta label="Publisher" value={doc.publisher} />
            <Meta label="Author" value={doc.author} />
            <Meta label="URL" value={doc.url} />
            <Meta label="Published" value={doc.publishedAt ? format(doc.publishedAt, "d MMMM yyyy") : null} />
            <Meta label="Retrieved" value={format(doc.retrievedAt, "d MMMM yyyy, HH:mm:ss 'UTC'xxx")} />
            <Meta
              label="How"
              value={
                doc.kind === "upload" ? `Uploaded file ${doc.originalName ?? ""}` : doc.kind === "url" ? "Captured from URL" : "Pasted text"
              }
            />
            <Meta label="Type" value={doc.mimeType} />
            <Meta label="Size" value={`${doc.sizeBytes.toLocaleString("en")} bytes`} />
            <div>
              <dt className="text-slate-600">SHA-256 of the original</dt>
              <dd className="break-all font-mono text-xs" data-testid="document-sha256">
                {doc.sha256}
              </dd>
            </div>
            <Meta label="Added by" value={doc.addedBy.name} />
          </dl>
          {!retraction && can(access.role, "documents.update") && (
            <DocumentMetadataForm
              caseId={caseId}
              document={{
                id: doc.id,
                kind: doc.kind,
                version: doc.version,
                title: doc.title,
                publisher: doc.publisher,
                author: doc.author,
                url: doc.url,
                publishedAt: doc.publishedAt?.toISOString() ?? null,
              }}
            />
          )}
          {!retraction && can(access.role, "documents.retract") && (
            <RetractButton caseId={caseId} kind="document" id={doc.id} name={doc.title} />
          )}
        </section>
      }
    />
  );
}

function Meta({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{value || "—"}</dd>
    </div>
  );
}
