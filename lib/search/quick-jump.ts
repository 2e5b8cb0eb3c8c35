import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { QuickJumpQuerySchema, parseSearchInput, type QuickJumpItem } from "./schemas";
import { plainWords, prefixPattern } from "./search";
import { guessIndicator } from "@/lib/indicators/canonicalise";
import { defang } from "@/lib/indicators/defang";
import { INDICATOR_TYPE_LABELS, type IndicatorType } from "@/lib/indicators/types";

const LIMIT = 8;
/**
 * How alike a typed name must be to a case title, entity name or alias (pg_trgm word similarity).
 * Below pg_trgm's default 0.6 so two slips still land ("Homland Justise" → HomeLand Justice, 0.58);
 * the arms walk only the user's own cases, so no index needs the default.
 */
const NAME_SIMILARITY = 0.45;

type Row = { kind: Exclude<QuickJumpItem["kind"], "indicator">; id: string; case_id: string; label: string; detail: string; score: number };

/**
 * The command palette: cases and entities whose name (or alias) is like what was typed (trigram word
 * similarity, or a case-insensitive prefix), documents whose title holds the words typed, claims
 * whose statement starts with them (retracted documents and claims left out); best first, from the
 * actor's cases only.
 * An exact name or alias scores above everything, so typing "MOIS" lands on the MOIS entity.
 */
export async function quickJump({ actor, query }: { actor: Actor; query: { q?: unknown } }): Promise<QuickJumpItem[]> {
  const { q } = parseSearchInput(QuickJumpQuerySchema, query);
  const words = plainWords(q) || q;
  const prefix = prefixPattern(words);
  const lower = words.toLowerCase();
  // `mine` is fenced (MATERIALIZED): every arm starts from the actor's few cases and never evaluates a
  // similarity on another case's rows. Names (cases, entities and their aliases) match fuzzily by
  // trigram word similarity. Document titles hold the words typed; claims start with them (statements
  // are sentences, and the (case_id, left(lower(statement), 200)) index of migration 0008 answers a
  // prefix in one short range scan per case). Those two arms take the first rows found, unsorted, so
  // a common word stops after a handful of rows instead of ranking thousands (~100 ms at 100,000
  // documents); strpos is a test no trigram index answers, so the planner walks the actor's cases,
  // not the whole table's trigram index (1 s for "the"). Words anywhere in a claim: full-text search.
  // A query that reads as an indicator (a hash, an address, a defanged URL) also finds that exact value,
  // ahead of everything else, in the actor's cases only.
  const guess = guessIndicator(q);
  const indicators = guess
    ? db.$queryRaw<{ id: string; case_id: string; type: IndicatorType; value: string; case_title: string }[]>`
        SELECT i.id, i.case_id, i.type::text AS type, i.value, c.title AS case_title
        FROM case_members cm JOIN cases c ON c.id = cm.case_id JOIN indicators i ON i.case_id = c.id
        WHERE cm.user_id = ${actor.id}::uuid AND i.type = ${guess.type}::"IndicatorType" AND i.value = ${guess.value}
        ORDER BY c.title LIMIT ${LIMIT}`
    : Promise.resolve([]);
  const rows = await db.$queryRaw<Row[]>`
    WITH mine AS MATERIALIZED (
      SELECT c.id, c.title, c.status FROM case_members cm JOIN cases c ON c.id = cm.case_id WHERE cm.user_id = ${actor.id}::uuid
    )
    SELECT * FROM (
      (SELECT 'case' AS kind, m.id, m.id AS case_id, m.title AS label, m.status::text AS detail,
         CASE WHEN lower(m.title) = ${lower} THEN 2 WHEN m.title ILIKE ${prefix} THEN 1.5 ELSE word_similarity(${words}, m.title) END::float8 AS score
       FROM mine m WHERE word_similarity(${words}, m.title) >= ${NAME_SIMILARITY} OR m.title ILIKE ${prefix}
       ORDER BY score DESC LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'entity', e.id, e.case_id, e.name, replace(e.kind::text, '_', ' ') || ' · ' || m.title,
         CASE WHEN lower(e.name) = ${lower} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE lower(a) = ${lower}) THEN 2
              WHEN e.name ILIKE ${prefix} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${prefix}) THEN 1.5
              ELSE word_similarity(${words}, search_entity_names(e.name, e.aliases)) END::float8
       FROM mine m JOIN entities e ON e.case_id = m.id
       WHERE word_similarity(${words}, search_entity_names(e.name, e.aliases)) >= ${NAME_SIMILARITY} OR e.name ILIKE ${prefix} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${prefix})
       ORDER BY 6 DESC LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'document', d.id, d.case_id, d.title, 'document · ' || m.title,
         CASE WHEN lower(d.title) = lower(${words}) THEN 2 WHEN starts_with(lower(d.title), lower(${words})) THEN 1.4 ELSE 0.95 END::float8
       FROM mine m JOIN documents d ON d.case_id = m.id
       WHERE strpos(lower(d.title), lower(${words})) > 0 AND d.retracted_at IS NULL
       LIMIT ${LIMIT})
      UNION ALL
      (SELECT 'claim', c.id, c.case_id, c.statement, 'claim · ' || m.title, 1.3::float8
       FROM mine m JOIN claims c ON c.case_id = m.id
       WHERE left(lower(c.statement), 200) LIKE lower(${prefix}) AND c.retracted_at IS NULL
       LIMIT ${LIMIT})
    ) hits
    ORDER BY score DESC, label
    LIMIT ${LIMIT}`;
  const found: QuickJumpItem[] = (await indicators).map((i) => ({
    kind: "indicator",
    id: i.id,
    caseId: i.case_id,
    label: defang(i.type, i.value).slice(0, 140),
    detail: `${INDICATOR_TYPE_LABELS[i.type]} indicator · ${i.case_title}`,
    url: `/cases/${i.case_id}/indicators/${i.id}`,
  }));
  const named: QuickJumpItem[] = rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    caseId: r.case_id,
    label: r.label.length > 140 ? `${r.label.slice(0, 139)}…` : r.label,
    detail: r.detail,
    url:
      r.kind === "case"
        ? `/cases/${r.id}`
        : `/cases/${r.case_id}/${{ document: "documents", claim: "claims", entity: "entities" }[r.kind]}/${r.id}`,
  }));
  return [...found, ...named].slice(0, LIMIT);
}
