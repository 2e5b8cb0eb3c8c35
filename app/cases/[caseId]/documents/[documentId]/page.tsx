import { format } from "date-fns";
import { requireCasePage } from "@/lib/http/page-access";
import { getDocument } from "@/lib/documents/list-documents";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

export default async function DocumentPage({ params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  const { caseId, documentId } = await params;
  const { access } = await requireCasePage({ caseId, action: "documents.read", path: `/cases/${caseId}/documents/${documentId}` });
  const doc = await getDocument({ access, documentId }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <main className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[1fr_20rem]">
      <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h2 className="text-2xl font-semibold tracking-tight">{doc.title}</h2>
        {/* Captured text is rendered as text, never as HTML. */}
        <div className="mt-6 whitespace-pre-wrap font-serif text-[1.05rem] leading-relaxed text-slate-900" data-testid="document-text">{doc.text}</div>
      </article>
      <aside className="space-y-3 text-sm">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Capture</h3>
        <dl className="space-y-2">
          <Meta label="Publisher" value={doc.publisher} />
          <Meta label="Author" value={doc.author} />
          <Meta label="URL" value={doc.url} />
          <Meta label="Published" value={doc.publishedAt ? format(doc.publishedAt, "d MMMM yyyy") : null} />
          <Meta label="Retrieved" value={format(doc.retrievedAt, "d MMMM yyyy, HH:mm:ss 'UTC'xxx")} />
          <Meta label="How" value={doc.kind === "upload" ? `Uploaded file ${doc.originalName ?? ""}` : doc.kind === "url" ? "Captured from URL" : "Pasted text"} />
          <Meta label="Type" value={doc.mimeType} />
          <Meta label="Size" value={`${doc.sizeBytes.toLocaleString("en")} bytes`} />
          <div><dt className="text-slate-500">SHA-256 of the original</dt><dd className="break-all font-mono text-xs" data-testid="document-sha256">{doc.sha256}</dd></div>
          <Meta label="Added by" value={doc.addedBy.name} />
        </dl>
      </aside>
    </main>
  );
}

function Meta({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{value || "—"}</dd>
    </div>
  );
}
