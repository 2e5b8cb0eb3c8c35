import type { Metadata } from "next";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/app-header";
import { CaseForm } from "@/components/cases/case-form";

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
      </main>
    </>
  );
}
