// The migrated database must match prisma/schema.prisma: every model's table, column, type,
// nullability, enum, index and foreign key. Guards against a schema change without its migration.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Field = {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbType?: string;
  relation: boolean;
  unique: boolean;
  id: boolean;
};
type Model = { name: string; table: string; fields: Field[]; blockAttrs: string[] };

function parseSchema(source: string) {
  const enums = new Map<string, string[]>();
  const models: Model[] = [];
  const blocks = source.replace(/\/\/.*$/gm, "").matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  const raw = [...blocks];
  for (const [, kind, name, body] of raw)
    if (kind === "enum")
      enums.set(
        name,
        body
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      );
  const modelNames = new Set(raw.filter((b) => b[1] === "model").map((b) => b[2]));
  for (const [, kind, name, body] of raw) {
    if (kind !== "model") continue;
    const lines = body
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const blockAttrs = lines.filter((l) => l.startsWith("@@"));
    const table = blockAttrs.map((a) => a.match(/^@@map\("(\w+)"\)/)?.[1]).find(Boolean) ?? name;
    const fields = lines
      .filter((l) => !l.startsWith("@@"))
      .map((l) => {
        const [fname, ftype, ...rest] = l.split(/\s+/);
        const attrs = rest.join(" ");
        const base = ftype.replace(/[?[\]]/g, "");
        return {
          name: fname,
          column: attrs.match(/@map\("(\w+)"\)/)?.[1] ?? fname,
          type: base,
          optional: ftype.endsWith("?"),
          list: ftype.endsWith("[]"),
          dbType: attrs.match(/@db\.(\w+)/)?.[1],
          relation: modelNames.has(base),
          unique: /@unique\b/.test(attrs),
          id: /@id\b/.test(attrs),
        };
      });
    models.push({ name, table, fields, blockAttrs });
  }
  return { enums, models };
}

function expectedPgType(f: Field, enums: Map<string, string[]>) {
  if (enums.has(f.type)) return f.list ? `_${f.type}` : f.type;
  // Columns Prisma cannot model (e.g. a generated tsvector) are declared as Unsupported("<pg type>").
  const unsupported = f.type.match(/^Unsupported\("(\w+)"\)$/)?.[1];
  if (unsupported) return f.list ? `_${unsupported}` : unsupported;
  const map: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Boolean: "bool",
    DateTime: "timestamp",
    Json: "jsonb",
    Bytes: "bytea",
    Float: "float8",
    Decimal: "numeric",
  };
  let t = map[f.type];
  if (f.dbType === "Uuid") t = "uuid";
  if (f.dbType === "Timestamptz") t = "timestamptz";
  if (f.dbType === "Text") t = "text";
  if (f.dbType === "Date") t = "date";
  return f.list ? `_${t}` : t;
}

let client: pg.Client;
const schema = parseSchema(readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8"));

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => client.end());

describe("migrated database matches prisma/schema.prisma", () => {
  it("has exactly the schema's tables (plus the migrations table)", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const actual = rows
      .map((r) => r.table_name)
      .filter((t) => t !== "_prisma_migrations")
      .sort();
    expect(actual).toEqual(schema.models.map((m) => m.table).sort());
  });

  it("has the schema's enums with the same values in the same order", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      "SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
  });

  for (const model of schema.models) {
    it(`${model.name}: columns, types, nullability, keys`, async () => {
      const { rows: cols } = await client.query<{ column_name: string; udt_name: string; is_nullable: string }>(
        "SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [model.table],
      );
      const scalar = model.fields.filter((f) => !f.relation);
      expect(cols.map((c) => c.column_name).sort()).toEqual(scalar.map((f) => f.column).sort());
      for (const f of scalar) {
        const col = cols.find((c) => c.column_name === f.column)!;
        // Prisma never writes NULL into a list, so a NOT NULL list column is the stricter, compatible choice.
        expect({ column: f.column, type: col.udt_name, nullable: col.is_nullable === "YES" }).toEqual({
          column: f.column,
          type: expectedPgType(f, schema.enums),
          nullable: f.list ? false : f.optional,
        });
      }
      const { rows: idx } = await client.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1",
        [model.table],
      );
      const names = new Set(idx.map((i) => i.indexname));
      const col = (n: string) => model.fields.find((f) => f.name === n)?.column ?? n;
      const cols_ = (list: string) => list.split(",").map((s) => col(s.trim().replace(/\(.*$/, "")));
      expect(names.has(`${model.table}_pkey`)).toBe(true);
      for (const f of scalar.filter((f) => f.unique)) expect(names, `unique ${f.name}`).toContain(`${model.table}_${f.column}_key`);
      for (const a of model.blockAttrs) {
        const m = a.match(/^@@(unique|index)\(\[([^\]]+)\]/);
        if (!m) continue;
        const suffix = m[1] === "unique" ? "key" : "idx";
        expect(names, a).toContain(`${model.table}_${cols_(m[2]).join("_")}_${suffix}`);
      }
      const { rows: fks } = await client.query<{ conname: string }>(
        "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = $1::regclass",
        [`"${model.table}"`],
      );
      const expectedFks = model.fields
        .filter((f) => f.relation && !f.list)
        .map((f) => {
          const line = readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8")
            .split("\n")
            .find((l) => l.includes(`@relation`) && new RegExp(`^\\s*${f.name}\\s+${f.type}\\??\\s`).test(l));
          const fieldsAttr = line?.match(/fields:\s*\[([^\]]+)\]/)?.[1];
          return fieldsAttr ? `${model.table}_${cols_(fieldsAttr).join("_")}_fkey` : null;
        })
        .filter(Boolean);
      expect(fks.map((r) => r.conname).sort()).toEqual(expectedFks.sort());
    });
  }
});
