import { randomUUID } from "node:crypto";

// The route list read from an OpenAPI document, with no Playwright in it, so the in-process fuzzer
// (tests/security/fuzz-handlers.test.ts, Vitest) and the HTTP specs (through ./support) share it: a
// new route is fuzzed and probed without editing a test.

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type JsonSchema = { [key: string]: unknown };
export type Operation = {
  path: string;
  method: Method;
  public: boolean;
  /** The application/json request body schema, $refs resolved one level (null when the route takes none). */
  jsonBody: JsonSchema | null;
  params: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
};
/** Record ids under their path-parameter names (caseId, claimId, id = hypothesis, …). */
export type Ids = Record<string, string>;

type OpenApiDoc = {
  paths: Record<
    string,
    Partial<
      Record<
        Method,
        {
          security?: unknown[];
          parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
          requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        }
      >
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
};

/** Replaces `{"$ref": "#/components/schemas/X"}` with X, recursively (the document has no cycles). */
export function resolveRefs(schema: unknown, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 20 || schema === null || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, components, depth + 1));
  const obj = schema as JsonSchema;
  if (typeof obj.$ref === "string") return resolveRefs(components[obj.$ref.split("/").pop() ?? ""], components, depth + 1);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveRefs(v, components, depth + 1)]));
}

/** Every operation the document lists (the caller checks there are plenty). */
export function operationsFromDocument(document: unknown): Operation[] {
  const doc = document as OpenApiDoc;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods) as [Method, NonNullable<(typeof methods)[Method]>][]) {
      const json = op.requestBody?.content?.["application/json"]?.schema;
      ops.push({
        path,
        method,
        public: Array.isArray(op.security) && op.security.length === 0,
        jsonBody: json ? (resolveRefs(json, doc.components.schemas) as JsonSchema) : null,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: (op.parameters ?? [])
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
      });
    }
  }
  return ops;
}

/** Fills {param}s from `ids`; an unknown parameter gets a random uuid (a record that exists nowhere). */
export function fillPath(path: string, ids: Ids): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
}
