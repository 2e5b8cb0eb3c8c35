// zod 4 probes for eval support with `Function("")` when a schema object is built. The CSP (proxy.ts)
// forbids eval, so in the browser the probe is blocked and logged as a violation; jitless mode skips
// the probe (and the code generation it would enable). The server has no CSP and keeps the fast path.
//
// zod keeps its global config on `globalThis.__zod_globalConfig` (zod/v4/core/core.js) and adopts an
// object that is already there, so this sets the flag *without importing zod*: pages that never use
// zod do not download it (it is ~30 kB gzip). Imported first thing by components/providers.tsx (root
// layout), i.e. before any page module can build a schema.
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };

if (typeof window !== "undefined") {
  const g = globalThis as ZodGlobal;
  (g.__zod_globalConfig ??= {}).jitless = true;
}

export {};
