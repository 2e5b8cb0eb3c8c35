// The OpenAPI document must describe every route that exists: a new route.ts without docs fails here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/http/openapi";
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

  it("is served publicly as JSON by GET /api/openapi.json", async () => {
    const res = getOpenApi();
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served.openapi).toBe("3.1.0");
    expect(served.paths["/api/cases/{caseId}/claims"]).toBeDefined();
    expect(served.paths["/api/openapi.json"].get.security).toEqual([]);
  });
});
