import type { Metadata } from "next";
import { requireCasePage } from "@/lib/http/page-access";
import { getCase } from "@/lib/cases/get-case";
import { CaseForm } from "@/components/cases/case-form";

export const metadata: Metadata = { title: "Edit case" };

export default async function EditCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "case.update", path: `/cases/${caseId}/edit` });
  const c = await getCase({ access });
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <h2 className="mb-6 text-lg font-semibold">Edit case</h2>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <CaseForm existing={{ id: c.id, title: c.title, summary: c.summary, status: c.status, tlp: c.tlp, version: c.version }} />
      </div>
    </main>
  );
}
