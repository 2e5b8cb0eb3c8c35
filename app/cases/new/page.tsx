import type { Metadata } from "next";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/app-header";
import { CaseForm } from "@/components/cases/case-form";
import { ImportCaseForm } from "@/components/cases/import-case-form";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage() {
  const actor = await requireActorOrRedirect("/cases/new");
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">New case</h1>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <CaseForm />
        </div>
        <section aria-labelledby="import-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="import-heading" className="mb-1 text-lg font-semibold">
            Import a case
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Bring in a case another Casefile workspace exported, or intelligence from OpenCTI or MISP. Nothing is stored unless the whole
            file is valid.
          </p>
          <ImportCaseForm />
        </section>
      </main>
    </>
  );
}
