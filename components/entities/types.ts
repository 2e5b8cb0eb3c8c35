// An entity as the list shows it (GET /api/cases/{caseId}/entities, minus timestamps).
export type EntityRow = {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string;
  role?: string;
  version: number;
  claimCount: number;
};
export type EntityValues = { kind: string; name: string; aliases: string[]; description: string; role: string };

export function toEntityRow(e: EntityRow): EntityRow {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    role: e.role ?? "unspecified",
    version: e.version,
    claimCount: e.claimCount,
  };
}

export function valuesOf(e: Pick<EntityRow, "kind" | "name" | "aliases" | "description" | "role">): EntityValues {
  return { kind: e.kind, name: e.name, aliases: e.aliases, description: e.description, role: e.role ?? "unspecified" };
}
