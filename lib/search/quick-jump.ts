import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/audit/record-audit";
import { QuickJumpQuerySchema, parseSearchInput, type QuickJumpItem } from "./schemas";
import { plainWords, prefixPattern } from "./search";

const LIMIT = 8;

type Row = { kind: QuickJumpItem["kind"]; id: string; case_id: string; label: string; detail: string; score: number };

/**
 * The command palette: cases, documents, claims and entities whose name is like what was typed
 * (trigram word similarity, or a case-insensitive prefix), best first, from the actor's cases only.
 * An exact name or alias scores above everything, so typing "MOIS" lands on the MOIS entity.
 */
export async function quickJump({ actor, query }: { actor: Actor; query: { q?: unknown } }): Promise<QuickJumpItem[]> {
  const { q } = parseSearchInput(QuickJumpQuerySchema, query);
  const words = plainWords(q) || q;
  const prefix = prefixPattern(words);
  const lower = words.toLowerCase();
  const rows = await db.$queryRaw<Row[]>`
    WITH allowed AS MATERIALIZED (SELECT cm.case_id FROM case_members cm WHERE cm.user_id = ${actor.id}::uuid)
    SELECT * FROM (
      (SELECT 'case' AS kind, c.id, c.id AS case_id, c.title AS label, c.status::text AS detail,
         CASE WHEN lower(c.title) = ${lower} THEN 2 WHEN c.title ILIKE ${prefix} THEN 1.5 ELSE word_similarity(${words}, c.title) END::float8 AS score
       FROM cases c WHERE c.id IN (SELECT case_id FROM allowed) AND (${words} <% c.title OR c.title ILIKE ${prefix})
       ORDER BY score DESC LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'entity', e.id, e.case_id, e.name, replace(e.kind::text, '_', ' ') || ' · ' || cs.title,
         CASE WHEN lower(e.name) = ${lower} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE lower(a) = ${lower}) THEN 2
              WHEN e.name ILIKE ${prefix} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${prefix}) THEN 1.5
              ELSE word_similarity(${words}, search_entity_names(e.name, e.aliases)) END::float8
       FROM entities e JOIN cases cs ON cs.id = e.case_id
       WHERE e.case_id IN (SELECT case_id FROM allowed)
         AND (${words} <% search_entity_names(e.name, e.aliases) OR e.name ILIKE ${prefix} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${prefix}))
       ORDER BY 6 DESC LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'document', d.id, d.case_id, d.title, 'document · ' || cs.title,
         CASE WHEN lower(d.title) = ${lower} THEN 2 WHEN d.title ILIKE ${prefix} THEN 1.4 ELSE word_similarity(${words}, d.title) * 0.95 END::float8
       FROM documents d JOIN cases cs ON cs.id = d.case_id
       WHERE d.case_id IN (SELECT case_id FROM allowed) AND (${words} <% d.title OR d.title ILIKE ${prefix})
       ORDER BY 6 DESC LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'claim', c.id, c.case_id, c.statement, 'claim · ' || cs.title,
         CASE WHEN c.statement ILIKE ${prefix} THEN 1.3 ELSE word_similarity(${words}, c.statement) * 0.9 END::float8
       FROM claims c JOIN cases cs ON cs.id = c.case_id
       WHERE c.case_id IN (SELECT case_id FROM allowed) AND (${words} <% c.statement OR c.statement ILIKE ${prefix})
       ORDER BY 6 DESC LIMIT ${LIMIT})
    ) hits
    ORDER BY score DESC, label
    LIMIT ${LIMIT}`;
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    caseId: r.case_id,
    label: r.label.length > 140 ? `${r.label.slice(0, 139)}…` : r.label,
    detail: r.detail,
    url: r.kind === "case" ? `/cases/${r.id}` : `/cases/${r.case_id}/${{ document: "documents", claim: "claims", entity: "entities" }[r.kind]}/${r.id}`,
  }));
}
