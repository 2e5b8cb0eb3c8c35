// The OpenAPI document must describe every route that exists: a new route.ts without docs fails here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, RESPONSES } from "@/lib/http/openapi";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";

const API_DIR = path.resolve(__dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every app/api/**\/route.ts as an OpenAPI path ([caseId] → {caseId}) with the HTTP methods it exports. */
function discoverRoutes(): { path: string; methods: string[] }[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  return files
    .filter((f) => !f.includes("[..."))
    .map((f) => {
      const segments = path
        .dirname(f)
        .split(path.sep)
        .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
      const source = readFileSync(path.join(API_DIR, f), "utf8");
      const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source));
      return { path: `/api/${segments.join("/")}`, methods };
    });
}

type JsonNode = Record<string, unknown>;

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

function resolvePointer(doc: unknown, ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), doc);
}

/** The file under app/api that serves an OpenAPI path ({caseId} → [caseId]). */
function routeFile(p: string) {
  return path.join(
    API_DIR,
    ...p
      .replace(/^\/api\//, "")
      .split("/")
      .map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")),
    "route.ts",
  );
}

/** Every zod schema exported by a schemas module under lib/, by export name. */
async function exportedSchemas(): Promise<Map<string, unknown>> {
  const lib = path.resolve(__dirname, "../../lib");
  const files = readdirSync(lib, { recursive: true, encoding: "utf8" }).filter(
    (f) => !f.startsWith("generated") && /(^|[/-])schemas?\.ts$/.test(f),
  );
  const out = new Map<string, unknown>();
  for (const f of files) for (const [name, value] of Object.entries(await import(path.join(lib, f)))) out.set(name, value);
  return out;
}

// Success bodies described by hand-written JSON Schema instead of a zod schema the route parses with:
// only the document itself (file downloads are documented as binary, checked below). A new one fails here.
const HAND_WRITTEN_RESPONSES = ["GET /api/openapi.json"];

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is an OpenAPI 3.1 document whose paths all have operations and whose $refs all resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth"]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [p, ops] of Object.entries(doc.paths)) {
      const methods = Object.keys(ops);
      expect(methods.length, p).toBeGreaterThan(0);
      for (const m of methods) {
        const op = (
          ops as Record<string, { summary: string; responses: Record<string, unknown>; parameters: { name: string; in: string }[] }>
        )[m];
        expect(op.summary, `${m} ${p}`).toBeTruthy();
        expect(
          Object.keys(op.responses).some((s) => s.startsWith("2")),
          `${m} ${p} has a success response`,
        ).toBe(true);
        // Every {param} in the path is declared as a path parameter.
        for (const [, name] of p.matchAll(/\{(\w+)\}/g))
          expect(
            op.parameters.some((x) => x.in === "path" && x.name === name),
            `${m} ${p} declares ${name}`,
          ).toBe(true);
      }
    }
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of new Set(refs)) expect(resolvePointer(doc, r), r).toBeTruthy();
    // No JSON Schema dialect marker from zod leaks into component schemas.
    expect(JSON.stringify(doc.components.schemas)).not.toContain('"$schema"');
  });

  it("documents every route file under app/api and every HTTP method it exports", () => {
    const routes = discoverRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const r of routes) {
      expect(r.methods.length, `${r.path} exports a method`).toBeGreaterThan(0);
      const ops = (doc.paths as Record<string, Record<string, unknown>>)[r.path];
      for (const m of r.methods) if (!ops?.[m.toLowerCase()]) missing.push(`${m} ${r.path}`);
    }
    expect(missing).toEqual([]);
    // …and nothing is documented that does not exist.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const existing = new Set(routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    expect(documented.filter((d) => !existing.has(d))).toEqual([]);
  });

  it("derives request bodies and query parameters from the zod schemas", () => {
    const at = (...keys: (string | number)[]): unknown =>
      keys.reduce<unknown>((node, k) => (node as Record<string | number, unknown> | undefined)?.[k], doc);
    const claimBody = ["paths", "/api/cases/{caseId}/claims", "post", "requestBody", "content", "application/json", "schema"];
    expect(at(...claimBody, "required")).toEqual(expect.arrayContaining(["statement", "kind", "credibility", "excerpts"]));
    // The claimant defaults to the originator's or the quoted source's name (issue 12).
    expect(at(...claimBody, "required")).not.toContain("claimant");
    expect(at(...claimBody, "properties", "originatorSourceId")).toBeTruthy();
    expect(at(...claimBody, "properties", "excerpts", "items", "required")).toEqual(["documentId", "exact"]);
    const query = (at("paths", "/api/cases/{caseId}/claims", "get", "parameters") as { name: string; in: string }[])
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    expect(query).toEqual(
      expect.arrayContaining(["sourceId", "reliability", "credibility", "kind", "status", "entityId", "sort", "dir", "page", "pageSize"]),
    );
    expect(Object.keys(at("paths", "/api/cases/{caseId}/documents", "post", "requestBody", "content") as object).sort()).toEqual([
      "application/json",
      "multipart/form-data",
    ]);
    expect(at("components", "schemas", "Case", "properties", "createdAt")).toEqual({ type: "string", format: "date-time" });
    expect(at("components", "schemas", "Error", "required")).toEqual(["error", "requestId"]);
  });

  it("documents every JSON success response with the zod schema its route answers through respond()", async () => {
    const exported = await exportedSchemas();
    const handWritten: string[] = [];
    const unparsed: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      const source = readFileSync(routeFile(p), "utf8");
      for (const [m, op] of Object.entries(
        ops as Record<string, { responses: Record<string, { content: Record<string, { schema: JsonNode }> }> }>,
      )) {
        const [status, success] = Object.entries(op.responses).find(([s]) => s.startsWith("2"))!;
        const schema = success.content["application/json"].schema;
        const name = typeof schema.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : undefined;
        if (name && name in RESPONSES) {
          // The documented schema is the one exported under <name>Schema, and the route answers through it.
          expect(exported.get(`${name}Schema`), `${name}Schema is exported from a lib/**/schemas.ts`).toBe(
            RESPONSES[name as keyof typeof RESPONSES],
          );
          if (!new RegExp(`respond\\(\\s*${name}Schema\\b`).test(source)) unparsed.push(`${m.toUpperCase()} ${p} → ${name}Schema`);
        } else if (schema.format !== "binary") handWritten.push(`${m.toUpperCase()} ${p}`);
        expect(status, `${m} ${p}`).toMatch(/^20[01]$/);
      }
    }
    expect(unparsed).toEqual([]);
    expect(handWritten.sort()).toEqual([...HAND_WRITTEN_RESPONSES].sort());
    // A response schema says every field: an undescribed one is a 500 in the tests, not a silent drop.
    expect(RESPONSES.OkResponse.safeParse({ ok: true, extra: 1 }).success).toBe(false);
  });

  it("is served publicly as JSON by GET /api/openapi.json", async () => {
    const res = getOpenApi();
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served.openapi).toBe("3.1.0");
    expect(served.paths["/api/cases/{caseId}/claims"]).toBeDefined();
    expect(served.paths["/api/openapi.json"].get.security).toEqual([]);
  });
});
