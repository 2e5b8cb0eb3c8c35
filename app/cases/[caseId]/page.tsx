import Link from "next/link";
import { getCaseForPage, requireCasePage } from "@/lib/http/page-access";
import { listDocuments } from "@/lib/documents/list-documents";
import { DocumentSummarySchema } from "@/lib/documents/schemas";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { DocumentList } from "@/components/documents/document-list";
import { AddDocumentForm } from "@/components/documents/add-document-form";
import { LeaveCaseButton } from "@/components/cases/leave-case-button";
import { ShowRetractedToggle } from "@/components/lifecycle/show-retracted-toggle";
import { listSourceOptions } from "@/lib/sources/list-sources";
import { getEvidenceHealth } from "@/lib/cases/evidence-health";
import { EvidenceHealthPanel } from "@/components/cases/evidence-health";

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const { actor, access } = await requireCasePage({ caseId, action: "case.read", path: `/cases/${caseId}` });
  const showRetracted = (await searchParams).include === "retracted";
  const canAdd = can(access.role, "documents.create");
  const [c, docs, sources, health] = await Promise.all([
    getCaseForPage(access.caseId, access.role),
    listDocuments({ access, includeRetracted: showRetracted }),
    canAdd ? listSourceOptions({ access }) : [],
    // Every member reads the case's claims (claims.read is every role's), so every member sees its health. The
    // brief's readiness loads after the page (components/cases/brief-readiness.tsx).
    getEvidenceHealth({ access }),
  ]);
  const initial = docs.map((d) => ({ ...DocumentSummarySchema.parse(d), addedBy: d.addedBy.name }));
  // The last owner cannot leave (the server refuses it too), so the button is not offered.
  const lastOwner = access.role === "owner" && c.members.filter((m) => m.role === "owner").length === 1;
  return (
    <main className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0 space-y-8">
        <section aria-labelledby="bluf">
          <h2 id="bluf" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Bottom line up front
          </h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{c.summary || "No summary yet."}</p>
        </section>
        <EvidenceHealthPanel caseId={caseId} health={health} />
        <section aria-labelledby="docs" className="space-y-3">
          <div className="flex items-center justify-between gap-4">
            <h2 id="docs" className="text-lg font-semibold">
              Documents <span className="text-sm font-normal text-slate-500">({docs.length})</span>
            </h2>
            <ShowRetractedToggle path={`/cases/${caseId}`} showing={showRetracted} />
          </div>
          <DocumentList caseId={caseId} initial={initial} />
        </section>
      </div>
      <aside className="space-y-8">
        {canAdd && (
          <section aria-labelledby="add-doc" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="add-doc" className="mb-3 font-semibold">
              Add a document
            </h2>
            <AddDocumentForm caseId={caseId} sources={sources} />
          </section>
        )}
        <section aria-labelledby="members">
          <h2 id="members" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Team
          </h2>
          <ul className="space-y-1 text-sm">
            {c.members.map((m) => (
              <li key={m.user.id} className="flex justify-between">
                <span>{m.user.name}</span>
                <span className="text-slate-500">{ROLE_LABELS[m.role]}</span>
              </li>
            ))}
          </ul>
          <Link href={`/cases/${caseId}/team`} className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline">
            {can(access.role, "case.members.manage") ? "Manage the team" : "See the team"}
          </Link>
          {!lastOwner && <LeaveCaseButton caseId={caseId} userId={actor.id} caseTitle={c.title} />}
        </section>
      </aside>
    </main>
  );
}
