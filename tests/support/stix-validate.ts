// Validates a STIX 2.1 bundle against the OASIS JSON schemas in ../shared/stix2-json-schemas, with the
// two traps from its USING.md handled: patterns need `unicodeRegExp: false`, and common/bundle.json
// leaves note and opinion out of its union, so each object is validated against its own type's schema
// and the envelope is checked here. Also checks what the schemas cannot: refs resolve, modified >= created.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

const SCHEMA_DIR = path.resolve(__dirname, "../../../shared/stix2-json-schemas/schemas");
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, ValidateFunction>();

function getAjv() {
  if (ajv) return ajv;
  ajv = new Ajv2020({ unicodeRegExp: false, strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("idn-hostname", true);
  ajv.addFormat("idn-email", true);
  for (const dir of readdirSync(SCHEMA_DIR)) {
    for (const file of readdirSync(path.join(SCHEMA_DIR, dir)).filter((f) => f.endsWith(".json"))) {
      ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_DIR, dir, file), "utf8")));
    }
  }
  return ajv;
}

function schemaFor(type: string): string {
  if (type === "marking-definition") return `${BASE}common/marking-definition.json`;
  if (type === "extension-definition") return `${BASE}common/extension-definition.json`;
  if (type === "relationship" || type === "sighting") return `${BASE}sros/${type}.json`;
  for (const dir of ["sdos", "observables"]) {
    try {
      readFileSync(path.join(SCHEMA_DIR, dir, `${type}.json`));
      return `${BASE}${dir}/${type}.json`;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`No schema for STIX type ${type}`);
}

function validatorFor(type: string) {
  const id = schemaFor(type);
  let v = compiled.get(id);
  if (!v) {
    v = getAjv().getSchema(id);
    if (!v) throw new Error(`Schema ${id} not loaded`);
    compiled.set(id, v);
  }
  return v;
}

const BUNDLE_ID = /^bundle--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/** Every `*_ref` and `*_refs` value anywhere in an object (nested ones included). */
function collectRefs(node: unknown, out: { key: string; ref: string }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x_")) continue;
      if (k.endsWith("_ref") && typeof v === "string") out.push({ key: k, ref: v });
      else if (k.endsWith("_refs") && Array.isArray(v)) v.forEach((r) => typeof r === "string" && out.push({ key: k, ref: r }));
      else collectRefs(v, out);
    }
  }
  return out;
}

/** Problems found in the bundle, one line each; an empty list means it is valid. */
export function validateStixBundle(bundle: unknown): string[] {
  const problems: string[] = [];
  if (!bundle || typeof bundle !== "object") return ["not an object"];
  const b = bundle as { type?: unknown; id?: unknown; objects?: unknown };
  if (b.type !== "bundle") problems.push(`bundle type is ${String(b.type)}`);
  if (typeof b.id !== "string" || !BUNDLE_ID.test(b.id)) problems.push(`bundle id ${String(b.id)} is not bundle--<uuid>`);
  if (!Array.isArray(b.objects) || b.objects.length === 0) return [...problems, "bundle has no objects array"];
  const objects = b.objects as Record<string, unknown>[];
  const ids = new Set<string>();
  for (const o of objects) {
    const id = String(o.id);
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  }
  for (const o of objects) {
    const type = String(o.type);
    const validate = validatorFor(type);
    const valid: boolean = validate(o);
    if (!valid) problems.push(...(validate.errors ?? []).map((e) => `${o.id}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
    for (const { key, ref } of collectRefs(o)) if (!ids.has(ref)) problems.push(`${o.id}: ${key} → ${ref} is not in the bundle`);
    if (typeof o.created === "string" && typeof o.modified === "string" && o.modified < o.created)
      problems.push(`${o.id}: modified ${o.modified} is before created ${o.created}`);
  }
  return problems;
}
