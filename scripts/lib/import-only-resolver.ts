// Plain Node (tsx) loading the app's server code outside Next: the export benchmark's child and the demo
// seed's child (run-demo-seed.ts), whose release renders the brief's PDF with @react-pdf.
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import path from "node:path";

/** Lets plain Node load what Next resolves for the app: "server-only" as the server's empty module, and ESM-only packages (e.g. @react-pdf/hyphenate) whose exports name only an "import" target. */
export function installImportOnlyResolver(ROOT: string) {
  type Resolve = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: unknown) => string;
  const importOnlyTarget = (request: string, fromDir: string): string | null => {
    const m = request.match(/^(@[^/]+\/[^/]+|[^./@][^/]*)(\/.+)?$/);
    if (!m) return null;
    const [, name, sub = ""] = m;
    for (let dir = fromDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const pj = path.join(dir, "node_modules", name, "package.json");
      if (!existsSync(pj)) continue;
      const key = `.${sub}`;
      for (const [pattern, target] of Object.entries(
        (JSON.parse(readFileSync(pj, "utf8")).exports ?? {}) as Record<string, string | Record<string, string>>,
      )) {
        const star = pattern.indexOf("*");
        const head = star === -1 ? pattern : pattern.slice(0, star);
        const tail = star === -1 ? "" : pattern.slice(star + 1);
        if (star === -1 ? pattern !== key : !(key.startsWith(head) && key.endsWith(tail) && key.length >= head.length + tail.length))
          continue;
        const t = typeof target === "string" ? target : (target.import ?? target.default);
        if (typeof t === "string")
          return path.join(path.dirname(pj), star === -1 ? t : t.replace("*", key.slice(head.length, key.length - tail.length)));
      }
      return null;
    }
    return null;
  };
  const M = Module as unknown as { _resolveFilename: Resolve };
  const original = M._resolveFilename;
  const serverOnly = path.join(ROOT, "node_modules/server-only/empty.js");
  M._resolveFilename = function (request, parent, isMain, options) {
    if (request === "server-only") return serverOnly;
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      const target =
        (err as { code?: string }).code === "ERR_PACKAGE_PATH_NOT_EXPORTED"
          ? importOnlyTarget(request, path.dirname(parent?.filename ?? ROOT))
          : null;
      if (!target) throw err;
      return target;
    }
  };
}
