import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { admiraltyPair, type InformationCredibility, type SourceReliability } from "@/lib/standards/scales";
import {
  SEARCH_KINDS,
  SearchQuerySchema,
  parseSearchInput,
  type SearchKind,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
} from "./schemas";
import { HEADLINE_OPTIONS, MARK_END, MARK_START, snippetHtml } from "./snippet";
import { CLAIM_EXCERPT_GRADE } from "@/lib/claims/claim-grade-sql";
import { guessIndicator } from "@/lib/indicators/canonicalise";
import { defang } from "@/lib/indicators/defang";
import { INDICATOR_TYPE_LABELS, type IndicatorType } from "@/lib/indicators/types";

/**
 * The words of a query with the search syntax removed (quotes, OR, -excluded words), for trigram
 * name matching, which knows nothing of that syntax.
 */
export function plainWords(q: string) {
  return q
    .replace(/(^|\s)-\S*/g, " ")
    .replace(/\bOR\b/g, " ")
    .replace(/["]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `words` with LIKE's wildcards (and its escape character) taken literally. */
export function likeEscape(words: string) {
  return words.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A case-insensitive prefix pattern; % and _ typed by the user are literal. */
export function prefixPattern(words: string) {
  return `${likeEscape(words)}%`;
}

/** The permission rule every arm repeats: only cases the actor is a member of (and the one asked for). */
function allowedCases(actor: Actor, caseId?: string) {
  return caseId
    ? Prisma.sql`(SELECT cm.case_id FROM case_members cm WHERE cm.user_id = ${actor.id}::uuid AND cm.case_id = ${caseId}::uuid)`
    : Prisma.sql`(SELECT cm.case_id FROM case_members cm WHERE cm.user_id = ${actor.id}::uuid)`;
}

type Row = {
  kind: SearchKind;
  id: string;
  case_id: string;
  case_title: string;
  title: string;
  headline: string | null;
  rank: number;
  published_at: string | null;
  reliability: string | null;
  credibility: number | null;
  retracted: boolean;
  indicator_type: string | null;
};

/** The one search statement (exported so its plan can be inspected with EXPLAIN). */
export function searchSql({ actor, query }: { actor: Actor; query: SearchQuery | Record<string, unknown> }) {
  const p = parseSearchInput(SearchQuerySchema, query);
  const allowed = allowedCases(actor, p.caseId);
  const plain = plainWords(p.q);
  const prefix = prefixPattern(plain);
  const fromTs = p.from ? `${p.from}T00:00:00Z` : null;
  const toDay = p.to ?? null;
  const dateFilter = (column: Prisma.Sql) => {
    const parts: Prisma.Sql[] = [];
    if (fromTs) parts.push(Prisma.sql`${column} >= ${fromTs}::timestamptz`);
    // `to` is a whole day: everything before the next midnight (UTC).
    if (toDay) parts.push(Prisma.sql`${column} < (${toDay}::date + 1)::timestamptz`);
    return parts;
  };
  const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty);

  // Written out in every condition rather than joined from a CTE: as a constant the planner can use
  // the GIN indexes; joined from a CTE it scanned every chunk.
  const tsq = Prisma.sql`websearch_to_tsquery('casefile_search', ${p.q})`;
  const arms: Prisma.Sql[] = [];
  // Retracted documents, claims and sources are kept but not found unless asked for (include=retracted).
  const withRetracted = p.include === "retracted";
  const live = (alias: Prisma.Sql) => (withRetracted ? Prisma.empty : Prisma.sql`AND ${alias}.retracted_at IS NULL`);

  // Documents: the title vector, or any chunk of the body; the best chunk is kept for the snippet.
  // Without a source, date or grade filter the arm never touches `documents` beyond the title vectors:
  // joining it for every hit of a common word cost ~2,000 index lookups.
  {
    const filters: Prisma.Sql[] = [...dateFilter(Prisma.sql`d.published_at`)];
    if (p.sourceId) filters.push(Prisma.sql`d.source_id = ${p.sourceId}::uuid`);
    if (p.reliability) filters.push(Prisma.sql`COALESCE(d.reliability_override::text, s.reliability::text) = ${p.reliability}`);
    // The chunk, title and claim arms name the user's cases as an array: with `= ANY(ARRAY(…))` the GIN index on
    // (case_id, search_vector) (migration 0017) intersects cases and words in one bitmap scan, so a rare
    // word reads its few chunks and a common one only the readable chunks that hold it. Written `IN (SELECT …)`,
    // the claim arm ran one index scan per case: 81 ms instead of 9 for "attack" in 40 cases of the 100k bench.
    const matches = Prisma.sql`
        SELECT x.id, min(x.case_id::text)::uuid AS case_id, sum(x.rank)::float8 AS rank, max(x.seq) AS seq
        FROM (
          (SELECT DISTINCT ON (c.document_id) c.document_id AS id, c.case_id, ts_rank_cd(c.search_vector, ${tsq}) AS rank, c.seq
          FROM document_chunks c
          WHERE c.search_vector @@ ${tsq} AND c.case_id = ANY(ARRAY${allowed})
          ORDER BY c.document_id, ts_rank_cd(c.search_vector, ${tsq}) DESC, c.seq)
          UNION ALL
          SELECT d0.id, d0.case_id, ts_rank_cd(d0.search_vector, ${tsq}), NULL::int
          FROM documents d0
          WHERE d0.search_vector @@ ${tsq} AND d0.case_id = ANY(ARRAY${allowed})
        ) x
        ${withRetracted ? Prisma.empty : Prisma.sql`WHERE x.id NOT IN (SELECT r.id FROM documents r WHERE r.retracted_at IS NOT NULL AND r.case_id IN ${allowed})`}
        GROUP BY x.id`;
    arms.push(
      filters.length
        ? Prisma.sql`
      SELECT 'document'::text AS kind, d.id, d.case_id, m.rank, m.seq
      FROM (${matches}) m
      JOIN documents d ON d.id = m.id
      LEFT JOIN sources s ON s.id = d.source_id
      WHERE d.case_id IN ${allowed} ${and(filters)}`
        : Prisma.sql`SELECT 'document'::text AS kind, m.id, m.case_id, m.rank, m.seq FROM (${matches}) m`,
    );
  }

  // Claims: statement (B), claimant (C). Reliability and source come from the claim's quotes.
  {
    const filters: Prisma.Sql[] = [...dateFilter(Prisma.sql`c.created_at`)];
    if (p.sourceId)
      filters.push(
        Prisma.sql`EXISTS (SELECT 1 FROM excerpts e JOIN documents d ON d.id = e.document_id WHERE e.claim_id = c.id AND d.source_id = ${p.sourceId}::uuid)`,
      );
    if (p.reliability) filters.push(Prisma.sql`${claimReliability(Prisma.sql`c.id`)} = ${p.reliability}`);
    arms.push(Prisma.sql`
      SELECT 'claim'::text, c.id, c.case_id, ts_rank_cd(c.search_vector, ${tsq})::float8, NULL::int
      FROM claims c
      WHERE c.search_vector @@ ${tsq} AND c.case_id = ANY(ARRAY${allowed}) ${live(Prisma.sql`c`)} ${and(filters)}`);
  }

  // Entities: words, or a fuzzy/prefix match on the name or any alias. No source, date or grade.
  if (!p.sourceId && !p.from && !p.to && !p.reliability) {
    const fuzzy = plain
      ? Prisma.sql`OR ${plain} <% search_entity_names(e.name, e.aliases) OR e.name ILIKE ${prefix} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${prefix})`
      : Prisma.empty;
    const similarity = plain ? Prisma.sql`word_similarity(${plain}, search_entity_names(e.name, e.aliases))` : Prisma.sql`0`;
    arms.push(Prisma.sql`
      SELECT 'entity'::text, e.id, e.case_id, greatest(ts_rank_cd(e.search_vector, ${tsq}), ${similarity})::float8, NULL::int
      FROM entities e
      WHERE e.case_id IN ${allowed} AND (e.search_vector @@ ${tsq} ${fuzzy})`);
  }

  // Sources: name (A) and rationale (C), and fuzzy/prefix names. Graded, but undated.
  if (!p.from && !p.to) {
    const filters: Prisma.Sql[] = [];
    if (p.sourceId) filters.push(Prisma.sql`s.id = ${p.sourceId}::uuid`);
    if (p.reliability) filters.push(Prisma.sql`s.reliability::text = ${p.reliability}`);
    const fuzzy = plain ? Prisma.sql`OR ${plain} <% s.name OR s.name ILIKE ${prefix}` : Prisma.empty;
    const similarity = plain ? Prisma.sql`word_similarity(${plain}, s.name)` : Prisma.sql`0`;
    arms.push(Prisma.sql`
      SELECT 'source'::text, s.id, s.case_id, greatest(ts_rank_cd(s.search_vector, ${tsq}), ${similarity})::float8, NULL::int
      FROM sources s
      WHERE s.case_id IN ${allowed} AND (s.search_vector @@ ${tsq} ${fuzzy}) ${live(Prisma.sql`s`)} ${and(filters)}`);
  }

  // Indicators: a query that reads as one (a hash, an address, a defanged URL, refanged first) finds the
  // indicator with that canonical value, exactly. Undated and ungraded, like entities.
  const guess = !p.sourceId && !p.from && !p.to && !p.reliability ? guessIndicator(p.q) : null;
  if (guess)
    arms.push(Prisma.sql`
      SELECT 'indicator'::text, i.id, i.case_id, 1::float8, NULL::int
      FROM indicators i
      WHERE i.case_id IN ${allowed} AND i.type = ${guess.type}::"IndicatorType" AND i.value = ${guess.value}`);

  const kinds = p.kind ? [p.kind] : [...SEARCH_KINDS];
  const strip = MARK_START + MARK_END;
  const headline = (text: Prisma.Sql) =>
    Prisma.sql`ts_headline('casefile_search', translate(${text}, ${strip}, ''), ${tsq}, ${HEADLINE_OPTIONS})`;

  const sql = Prisma.sql`
    WITH hits AS MATERIALIZED (${Prisma.join(arms, " UNION ALL ")}),
    page AS (
      SELECT * FROM hits WHERE kind = ANY(${kinds}::text[])
      ORDER BY rank DESC, id
      LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}
    )
    SELECT
      (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM hits GROUP BY kind) k) AS counts,
      (SELECT json_agg(r ORDER BY r.rank DESC, r.id) FROM (
        SELECT pg.kind, pg.id, pg.case_id, cs.title AS case_title, pg.rank,
          CASE pg.kind WHEN 'document' THEN d.title WHEN 'claim' THEN cl.statement WHEN 'entity' THEN en.name WHEN 'indicator' THEN ind.value ELSE so.name END AS title,
          ind.type::text AS indicator_type,
          CASE pg.kind
            WHEN 'document' THEN ${headline(Prisma.sql`COALESCE(ch.text, left(d.text, 4000))`)}
            WHEN 'claim' THEN ${headline(Prisma.sql`cl.statement || ' — ' || cl.claimant`)}
            WHEN 'entity' THEN ${headline(Prisma.sql`CASE WHEN cardinality(en.aliases) > 0 THEN 'Also known as ' || array_to_string(en.aliases, ', ') || '. ' ELSE '' END || en.description`)}
            WHEN 'indicator' THEN translate(left(ind.note, 300), ${strip}, '')
            ELSE ${headline(Prisma.sql`so.rationale`)}
          END AS headline,
          d.published_at,
          CASE pg.kind
            WHEN 'document' THEN COALESCE(d.reliability_override::text, ds.reliability::text)
            WHEN 'claim' THEN ${claimReliability(Prisma.sql`cl.id`)}
            WHEN 'source' THEN so.reliability::text
          END AS reliability,
          cl.credibility,
          COALESCE(d.retracted_at, cl.retracted_at, so.retracted_at) IS NOT NULL AS retracted
        FROM page pg
        JOIN cases cs ON cs.id = pg.case_id
        LEFT JOIN documents d ON pg.kind = 'document' AND d.id = pg.id
        LEFT JOIN sources ds ON ds.id = d.source_id
        LEFT JOIN document_chunks ch ON pg.kind = 'document' AND ch.document_id = pg.id AND ch.seq = pg.seq
        LEFT JOIN claims cl ON pg.kind = 'claim' AND cl.id = pg.id
        LEFT JOIN entities en ON pg.kind = 'entity' AND en.id = pg.id
        LEFT JOIN sources so ON pg.kind = 'source' AND so.id = pg.id
        LEFT JOIN indicators ind ON pg.kind = 'indicator' AND ind.id = pg.id
      ) r) AS results`;
  return { sql, kinds, page: p.page, pageSize: p.pageSize };
}

/**
 * Planner settings the search statement runs under, in its own transaction (see search(); the bench and
 * its EXPLAIN apply the same), all three SET LOCAL in one round trip:
 * - no sequential scans (below);
 * - no parallel workers: one search is a few milliseconds of work, and starting workers on a busy 2-core
 *   machine cost more than it saved (Gather Merge waited ~10× the workers' own time under load);
 * - joins planned in the order written (the page's rows drive the lookups of the final SELECT): the
 *   planner chose that order anyway (same plans on the bench's queries) but took twice as long to find it.
 */
export const SEARCH_SETTINGS =
  "SELECT set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('join_collapse_limit', '1', true)";

/**
 * Full-text search over the documents, claims, entities and sources of the cases the actor belongs to.
 * Membership is checked inside every arm of the SQL, so hits, counts and snippets from other cases are
 * never computed at all. Matching and ranking run on stored tsvectors (GIN); ts_headline, the costly
 * part, runs only for the page being returned. Entities and sources also match fuzzily by name.
 * A filter that cannot apply to a kind (a date range on entities) leaves that kind out.
 */
export async function search({ actor, query }: { actor: Actor; query: SearchQuery | Record<string, unknown> }): Promise<SearchResponse> {
  const { sql, kinds, page, pageSize } = searchSql({ actor, query });
  // The vectors of long texts live out of line (TOAST), which the planner does not price: it judged a
  // sequential scan of document_chunks cheaper than its GIN index and then spent ~20 ms per 1,000
  // chunks detoasting every vector. Steering this one statement to the indexes fixes that.
  const statement = db.$queryRaw<{ counts: Record<string, number> | null; results: Row[] | null }[]>(sql);
  const [, rows] = await db.$transaction([db.$queryRawUnsafe(SEARCH_SETTINGS), statement]);
  const row = rows[0];

  const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, Number(row?.counts?.[k] ?? 0)])) as Record<SearchKind, number>;
  const total = kinds.reduce((n, k) => n + counts[k], 0);
  const { q } = parseSearchInput(SearchQuerySchema, query);
  return { results: (row?.results ?? []).map((r) => toResult(r, q)), total, counts, page, pageSize };
}

/** A claim's grade letter by CLAIM_RELIABILITY_RULE: the best counted grade of its quotes, else NULL (ungraded). */
function claimReliability(claimId: Prisma.Sql) {
  return Prisma.sql`(
    SELECT min(${CLAIM_EXCERPT_GRADE})
    FROM excerpts e JOIN documents d ON d.id = e.document_id LEFT JOIN sources s ON s.id = d.source_id
    WHERE e.claim_id = ${claimId}
  )`;
}

const PATHS: Record<SearchKind, string> = {
  document: "documents",
  claim: "claims",
  entity: "entities",
  source: "sources",
  indicator: "indicators",
};

function toResult(r: Row, q: string): SearchResult {
  if (r.kind === "indicator") {
    // Shown defanged, never as a live link; the note (if any) is the snippet.
    const type = r.indicator_type as IndicatorType;
    return {
      kind: r.kind,
      id: r.id,
      caseId: r.case_id,
      caseTitle: r.case_title,
      title: defang(type, r.title),
      snippet: snippetHtml(`${INDICATOR_TYPE_LABELS[type]} indicator${r.headline ? ` — ${r.headline}` : ""}`),
      rank: Number(r.rank),
      url: `/cases/${r.case_id}/indicators/${r.id}`,
    };
  }
  const base = `/cases/${r.case_id}/${PATHS[r.kind]}`;
  const result: SearchResult = {
    kind: r.kind,
    id: r.id,
    caseId: r.case_id,
    caseTitle: r.case_title,
    title: r.kind === "claim" && r.title.length > 200 ? `${r.title.slice(0, 199)}…` : r.title,
    snippet: snippetHtml(r.headline ?? ""),
    rank: Number(r.rank),
    // Sources have no page of their own; the case's source list is where they are read and graded.
    // A document opens in the reader at the query's words (?q=, see lib/reader/search-matches.ts).
    url: r.kind === "source" ? base : r.kind === "document" ? `${base}/${r.id}?q=${encodeURIComponent(q)}` : `${base}/${r.id}`,
  };
  if (r.kind === "document") result.publishedAt = r.published_at ? new Date(r.published_at).toISOString() : null;
  if (r.kind !== "entity") result.reliability = r.reliability;
  if (r.kind === "claim" && r.reliability && r.credibility) {
    result.grade = admiraltyPair({ reliability: r.reliability as SourceReliability, credibility: r.credibility as InformationCredibility });
  }
  if (r.retracted) result.retracted = true;
  return result;
}
