import { requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { getCaseAttack } from "@/lib/attack/get-case-attack";
import { OVERLAP_NOTE, rankOverlap } from "@/lib/attack/overlap";
import { AttackMatrix } from "@/components/attack/attack-matrix";
import { OverlapTable } from "@/components/attack/overlap-table";

export const metadata = { title: "ATT&CK" };

export default async function AttackPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "claims.read", path: `/cases/${caseId}/attack` });
  const view = await getCaseAttack({ access });
  const overlap = rankOverlap(view.techniqueIds);
  return (
    <main className="mx-auto max-w-7xl space-y-8 px-4 py-6">
      <section aria-labelledby="attack-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="attack-heading" className="text-xl font-semibold text-slate-900">
            Observed behaviour (MITRE ATT&amp;CK v{view.attackVersion})
          </h2>
          <a href={`/api/cases/${caseId}/attack/layer`} className="text-sm text-indigo-800 underline" download>
            Download ATT&amp;CK Navigator layer
          </a>
        </div>
        <p className="text-sm text-slate-600">
          Techniques tagged on the case&apos;s claims, by tactic. Each cell counts its claims (a parent counts its sub-techniques&apos;) and
          shows their best credibility; rejected and retracted claims are left out. Tag techniques on a claim&apos;s page.
        </p>
        <AttackMatrix caseId={caseId} view={view} />
      </section>
      <section aria-labelledby="overlap-heading" className="space-y-3">
        <h2 id="overlap-heading" className="text-xl font-semibold text-slate-900">
          TTP overlap with documented groups
        </h2>
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{OVERLAP_NOTE}</p>
        <OverlapTable
          caseId={caseId}
          rows={overlap.groups}
          observedCount={overlap.observed.length}
          canRecord={can(access.role, "claims.create")}
        />
      </section>
    </main>
  );
}
