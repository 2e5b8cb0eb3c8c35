import Link from "next/link";
import { orNotFound, requireCasePage } from "@/lib/http/page-access";
import { getEntity } from "@/lib/entities/get-entity";
import { ENTITY_KIND_LABELS } from "@/lib/entities/schemas";
import { can } from "@/lib/auth/permissions";
import { EntityClaims } from "@/components/entities/entity-claims";
import { EntityEditToggle } from "@/components/entities/entity-edit-toggle";
import { EntityAttackLink } from "@/components/attack/entity-attack-link";
import { attackObject } from "@/lib/attack/catalog";

export const metadata = { title: "Entity" };

export default async function EntityPage({ params }: { params: Promise<{ caseId: string; entityId: string }> }) {
  const { caseId, entityId } = await params;
  const { access } = await requireCasePage({ caseId, action: "entities.read", path: `/cases/${caseId}/entities/${entityId}` });
  // An entity of another case is a 404 like a missing one, so ids do not leak.
  const found = await orNotFound(getEntity({ access, entityId }));
  const { entity, claims } = found;
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/cases/${caseId}/entities`} className="text-indigo-800 underline">
          Entities
        </Link>
        <span className="text-slate-600"> / {ENTITY_KIND_LABELS[entity.kind]}</span>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{ENTITY_KIND_LABELS[entity.kind]}</p>
            <h2 className="text-2xl font-semibold text-slate-900">{entity.name}</h2>
          </div>
          {can(access.role, "entities.manage") && (
            <EntityEditToggle
              caseId={caseId}
              entity={{
                id: entity.id,
                kind: entity.kind,
                name: entity.name,
                aliases: entity.aliases,
                description: entity.description,
                version: entity.version,
                claimCount: claims.length,
              }}
            />
          )}
        </div>
        <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-700">Also known as</dt>
          <dd>
            {entity.aliases.length ? (
              <ul className="flex flex-wrap gap-1.5" aria-label="Aliases">
                {entity.aliases.map((a) => (
                  <li key={a} className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">
                    {a}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600">No aliases recorded.</span>
            )}
          </dd>
          <dt className="font-medium text-slate-700">Description</dt>
          <dd className="whitespace-pre-line text-slate-800">
            {entity.description || <span className="text-slate-600">No description.</span>}
          </dd>
        </dl>
      </header>
      <EntityAttackLink
        caseId={caseId}
        entityId={entity.id}
        current={attackLinkOf(entity.attackId)}
        canEdit={can(access.role, "entities.manage")}
      />
      <section aria-labelledby="entity-claims" className="space-y-3">
        <h3 id="entity-claims" className="text-lg font-semibold">
          Claims mentioning {entity.name} <span className="text-sm font-normal text-slate-600">({claims.length})</span>
        </h3>
        <EntityClaims caseId={caseId} claims={claims} />
      </section>
    </main>
  );
}

function attackLinkOf(attackId: string | null) {
  const object = attackId ? attackObject(attackId) : null;
  return object ? { id: object.id, kind: object.kind, name: object.name, url: object.url } : null;
}
