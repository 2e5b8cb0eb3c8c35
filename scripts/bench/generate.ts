// Bulk-loads the benchmark corpus (scripts/bench/corpus.ts) into a database with plain `pg`: multi-row
// INSERT … SELECT FROM unnest($1::type[], …) in batches of about 1,000 rows, one transaction per group of
// cases, two groups in flight (one per core). Rows land in the same tables and columns the app writes:
// blobs keyed by SHA-256 of the exact bytes, documents with sha256/text_sha256/size, and — through the
// documents_index_chunks trigger of migration 0005 — document_chunks with their search vectors.
// Audit events are not written for the synthetic rows (no user did anything); every benchmark
// mutation made over HTTP is audited by the app as usual.
import pg from "pg";
import bcrypt from "bcryptjs";
import {
  BENCH_PASSWORD,
  caseSpec,
  claimSpec,
  corpusConfig,
  documentBytes,
  documentSpec,
  docIndex,
  entitySpecs,
  memberships,
  plantedDocs,
  rngFor,
  sha256Hex,
  sourceSpecs,
  timestamps,
  userEmail,
  uuidV7,
  type CorpusConfig,
} from "./corpus";

export type CorpusIds = ReturnType<typeof corpusIds>;

/** Every id of the corpus, derived from the seed (the loader and the benchmark agree without asking the database). */
export function corpusIds(cfg: CorpusConfig) {
  const { BASE_MS } = timestamps;
  const s = cfg.seed;
  return {
    user: (u: number) => uuidV7(BASE_MS - 86_400_000 * 400 + u, s, "user", u),
    case: (c: number) => uuidV7(BASE_MS - 86_400_000 * 300 + c * 1000, s, "case", c),
    source: (c: number, k: number) => uuidV7(BASE_MS - 86_400_000 * 200 + c * 1000 + k, s, "source", c * cfg.sourcesPerCase + k),
    entity: (c: number, k: number) => uuidV7(BASE_MS - 86_400_000 * 200 + c * 1000 + 100 + k, s, "entity", c * cfg.entitiesPerCase + k),
    document: (i: number) => uuidV7(BASE_MS + i * 10_000, s, "document", i),
    claim: (c: number, k: number) =>
      uuidV7(BASE_MS + 86_400_000 * 30 + (c * cfg.claimsPerCase + k) * 5_000, s, "claim", c * cfg.claimsPerCase + k),
    excerpt: (c: number, k: number) =>
      uuidV7(BASE_MS + 86_400_000 * 30 + (c * cfg.claimsPerCase + k) * 5_000, s, "excerpt", c * cfg.claimsPerCase + k),
  };
}

export type GenerateResult = {
  reused: boolean;
  seconds: number;
  counts: {
    users: number;
    cases: number;
    memberships: number;
    documents: number;
    blobs: number;
    chunks: number;
    claims: number;
    excerpts: number;
    sources: number;
    entities: number;
  };
};

type Log = (m: string) => void;

async function insertRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: [name: string, type: string][],
  rows: unknown[][],
  suffix = "",
) {
  if (!rows.length) return;
  const cols = columns.map(([n]) => `"${n}"`).join(", ");
  const params = columns.map((_, j) => rows.map((r) => r[j]));
  const unnest = columns.map(([, t], j) => `$${j + 1}::${t}[]`).join(", ");
  await client.query(`INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${unnest}) ${suffix}`, params);
}

async function inBatches<T>(items: T[], size: number, fn: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Loads the corpus unless a corpus with the same seed and size is already there (then reuses it). */
export async function generateCorpus({
  databaseUrl,
  cfg = corpusConfig(),
  log = () => {},
  concurrency = 2,
}: {
  databaseUrl: string;
  cfg?: CorpusConfig;
  log?: Log;
  concurrency?: number;
}): Promise<GenerateResult> {
  const t0 = performance.now();
  const ids = corpusIds(cfg);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 1 });
  try {
    const lastCase = ids.case(cfg.cases - 1);
    const { rowCount: present } = await pool.query(
      "SELECT 1 FROM cases c WHERE c.id = $1 AND (SELECT count(*) FROM claims WHERE case_id = $1) >= $2",
      [lastCase, cfg.claimsPerCase],
    );
    if (present) {
      log(`bench: corpus for seed ${cfg.seed} (${cfg.size}) already loaded; reusing it`);
      return { reused: true, seconds: 0, counts: await countCorpus(pool, cfg) };
    }
    await loadPeople(pool, cfg, ids, log);
    let done = 0;
    const groupSize = Math.max(1, Math.floor(1000 / cfg.docsPerCase));
    const groups: number[][] = [];
    for (let c = 0; c < cfg.cases; c += groupSize) groups.push(Array.from({ length: Math.min(groupSize, cfg.cases - c) }, (_, k) => c + k));
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const group = groups[next++];
        await loadCaseGroup(pool, cfg, ids, group);
        done += group.length;
        if (cfg.size === "full" && done % 50 === 0) {
          const s = (performance.now() - t0) / 1000;
          log(`bench: ${done}/${cfg.cases} cases loaded (${(done * cfg.docsPerCase).toLocaleString("en")} documents) in ${s.toFixed(0)} s`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await pool.query("ANALYZE");
    const seconds = (performance.now() - t0) / 1000;
    return { reused: false, seconds, counts: await countCorpus(pool, cfg) };
  } finally {
    await pool.end();
  }
}

async function countCorpus(pool: pg.Pool, cfg: CorpusConfig): Promise<GenerateResult["counts"]> {
  const prefix = `bench-${cfg.seed}-%`;
  const { rows } = await pool.query(
    `WITH bc AS (SELECT id FROM cases WHERE slug LIKE $1)
     SELECT
       (SELECT count(*) FROM users WHERE email LIKE 'bench-user-%@bench.example')::int AS users,
       (SELECT count(*) FROM bc)::int AS cases,
       (SELECT count(*) FROM case_members WHERE case_id IN (SELECT id FROM bc))::int AS memberships,
       (SELECT count(*) FROM documents WHERE case_id IN (SELECT id FROM bc))::int AS documents,
       (SELECT count(DISTINCT sha256) FROM documents WHERE case_id IN (SELECT id FROM bc))::int AS blobs,
       (SELECT count(*) FROM document_chunks WHERE case_id IN (SELECT id FROM bc))::int AS chunks,
       (SELECT count(*) FROM claims WHERE case_id IN (SELECT id FROM bc))::int AS claims,
       (SELECT count(*) FROM excerpts e JOIN claims c ON c.id = e.claim_id WHERE c.case_id IN (SELECT id FROM bc))::int AS excerpts,
       (SELECT count(*) FROM sources WHERE case_id IN (SELECT id FROM bc))::int AS sources,
       (SELECT count(*) FROM entities WHERE case_id IN (SELECT id FROM bc))::int AS entities`,
    [prefix],
  );
  return rows[0];
}

async function loadPeople(pool: pg.Pool, cfg: CorpusConfig, ids: CorpusIds, log: Log) {
  // One bcrypt hash for every bench user (same password): 50 hashes at cost 11 would cost ~10 s for nothing.
  const hash = await bcrypt.hash(BENCH_PASSWORD, 11);
  const now = new Date().toISOString();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await insertRows(
      client,
      "users",
      [
        ["id", "uuid"],
        ["email", "text"],
        ["name", "text"],
        ["password_hash", "text"],
        ["updated_at", "timestamptz"],
      ],
      Array.from({ length: cfg.users }, (_, u) => [ids.user(u), userEmail(u), `Bench User ${String(u).padStart(2, "0")}`, hash, now]),
      "ON CONFLICT (email) DO NOTHING",
    );
    const cases = Array.from({ length: cfg.cases }, (_, c) => caseSpec(cfg, c));
    await inBatches(cases, 1000, (batch) =>
      insertRows(
        client,
        "cases",
        [
          ["id", "uuid"],
          ["slug", "text"],
          ["title", "text"],
          ["summary", "text"],
          ["status", '"CaseStatus"'],
          ["tlp", '"Tlp"'],
          ["created_by_id", "uuid"],
          ["created_at", "timestamptz"],
          ["updated_at", "timestamptz"],
        ],
        batch.map((c) => [
          ids.case(c.index),
          c.slug,
          c.title,
          c.summary,
          c.status,
          c.tlp,
          ids.user(c.ownerIndex),
          new Date(timestamps.BASE_MS - 86_400_000 * 300 + c.index * 1000).toISOString(),
          now,
        ]),
      ),
    );
    await inBatches(memberships(cfg), 1000, (batch) =>
      insertRows(
        client,
        "case_members",
        [
          ["case_id", "uuid"],
          ["user_id", "uuid"],
          ["role", '"CaseRole"'],
        ],
        batch.map((m) => [ids.case(m.caseIndex), ids.user(m.userIndex), m.role]),
      ),
    );
    const sources = cases.flatMap((c) =>
      sourceSpecs(cfg, c.index).map((s, k) => [
        ids.source(c.index, k),
        ids.case(c.index),
        s.name,
        s.kind,
        s.reliability,
        s.rationale,
        ids.user(c.ownerIndex),
        now,
      ]),
    );
    await inBatches(sources, 1000, (batch) =>
      insertRows(
        client,
        "sources",
        [
          ["id", "uuid"],
          ["case_id", "uuid"],
          ["name", "text"],
          ["kind", '"SourceKind"'],
          ["reliability", '"Reliability"'],
          ["rationale", "text"],
          ["created_by_id", "uuid"],
          ["updated_at", "timestamptz"],
        ],
        batch,
      ),
    );
    // Aliases are text[] per row: unnest cannot take an array of arrays of different lengths, so they
    // travel as one string each and are split back in SQL.
    const entities = cases.flatMap((c) =>
      entitySpecs(cfg, c.index).map((e, k) => [
        ids.entity(c.index, k),
        ids.case(c.index),
        e.kind,
        e.name,
        e.aliases.join("\u001f"),
        e.description,
        now,
      ]),
    );
    await inBatches(entities, 1000, async (batch) => {
      await client.query(
        `INSERT INTO entities (id, case_id, kind, name, aliases, description, updated_at)
         SELECT id, case_id, kind, name, CASE WHEN a = '' THEN '{}'::text[] ELSE string_to_array(a, E'\\x1f') END, description, updated_at
         FROM unnest($1::uuid[], $2::uuid[], $3::"EntityKind"[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS t(id, case_id, kind, name, a, description, updated_at)`,
        [0, 1, 2, 3, 4, 5, 6].map((j) => batch.map((r) => r[j])),
      );
    });
    await client.query("COMMIT");
    log(`bench: ${cfg.users} users, ${cfg.cases} cases, ${sources.length} sources, ${entities.length} entities`);
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

const DOC_COLUMNS: [string, string][] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["title", "text"],
  ["url", "text"],
  ["publisher", "text"],
  ["published_at", "timestamptz"],
  ["retrieved_at", "timestamptz"],
  ["kind", '"DocumentKind"'],
  ["mime_type", "text"],
  ["text", "text"],
  ["sha256", "text"],
  ["text_sha256", "text"],
  ["size_bytes", "int4"],
  ["added_by_id", "uuid"],
  ["created_at", "timestamptz"],
  ["source_id", "uuid"],
];
const CLAIM_COLUMNS: [string, string][] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["statement", "text"],
  ["claimant", "text"],
  ["kind", '"ClaimKind"'],
  ["credibility", "int4"],
  ["status", '"ClaimStatus"'],
  ["created_by_id", "uuid"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];
const EXCERPT_COLUMNS: [string, string][] = [
  ["id", "uuid"],
  ["claim_id", "uuid"],
  ["document_id", "uuid"],
  ["start", "int4"],
  ["end", "int4"],
  ["exact", "text"],
  ["prefix", "text"],
  ["suffix", "text"],
  ["created_at", "timestamptz"],
];

async function loadCaseGroup(pool: pg.Pool, cfg: CorpusConfig, ids: CorpusIds, caseIndexes: number[]) {
  const blobs: unknown[][] = [];
  const docs: unknown[][] = [];
  const claims: unknown[][] = [];
  const excerpts: unknown[][] = [];
  const claimEntities: unknown[][] = [];
  for (const c of caseIndexes) {
    const owner = ids.user(c % cfg.users);
    const texts: string[] = [];
    const srcRng = rngFor(cfg.seed, "doc-source", c);
    for (let j = 0; j < cfg.docsPerCase; j++) {
      const i = docIndex(cfg, c, j);
      const spec = documentSpec(cfg, i);
      const bytes = documentBytes(spec);
      const sha = sha256Hex(bytes);
      texts.push(spec.text);
      const createdAt = new Date(timestamps.BASE_MS + i * 10_000).toISOString();
      const k = Math.floor(srcRng() * (cfg.sourcesPerCase + 1));
      blobs.push([sha, bytes, bytes.length, "text/plain; charset=utf-8", createdAt]);
      docs.push([
        ids.document(i),
        ids.case(c),
        spec.title,
        `https://bench.example/${c}/${j}`,
        `Publisher ${(i % 37) + 1}`,
        spec.publishedAt.toISOString(),
        createdAt,
        "paste",
        "text/plain; charset=utf-8",
        spec.text,
        sha,
        sha256Hex(spec.text),
        bytes.length,
        owner,
        createdAt,
        k < cfg.sourcesPerCase ? ids.source(c, k) : null,
      ]);
    }
    for (let k = 0; k < cfg.claimsPerCase; k++) {
      const cl = claimSpec(cfg, c, k, (j) => texts[j]);
      const id = ids.claim(c, k);
      const at = new Date(timestamps.BASE_MS + 86_400_000 * 30 + (c * cfg.claimsPerCase + k) * 5_000).toISOString();
      claims.push([id, ids.case(c), cl.statement, cl.claimant, cl.kind, cl.credibility, cl.status, owner, at, at]);
      excerpts.push([
        ids.excerpt(c, k),
        id,
        ids.document(docIndex(cfg, c, cl.docInCase)),
        cl.start,
        cl.end,
        cl.exact,
        cl.prefix,
        cl.suffix,
        at,
      ]);
      if (k % 3 === 0) claimEntities.push([id, ids.entity(c, k % cfg.entitiesPerCase)]);
    }
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await inBatches(blobs, 1000, (b) =>
      insertRows(
        client,
        "blobs",
        [
          ["sha256", "text"],
          ["bytes", "bytea"],
          ["size", "int4"],
          ["mime_type", "text"],
          ["created_at", "timestamptz"],
        ],
        b,
        "ON CONFLICT (sha256) DO NOTHING",
      ),
    );
    await inBatches(docs, 1000, (b) => insertRows(client, "documents", DOC_COLUMNS, b));
    await inBatches(claims, 1000, (b) => insertRows(client, "claims", CLAIM_COLUMNS, b));
    await inBatches(excerpts, 1000, (b) => insertRows(client, "excerpts", EXCERPT_COLUMNS, b));
    await inBatches(claimEntities, 1000, (b) =>
      insertRows(
        client,
        "claim_entities",
        [
          ["claim_id", "uuid"],
          ["entity_id", "uuid"],
        ],
        b,
      ),
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

export { plantedDocs };
