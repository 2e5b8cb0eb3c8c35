// npm start rebuilds only when the build's inputs changed (scripts/lib/build-app.ts): every file Next compiles
// must move the fingerprint, proxy.ts included (a change to it alone once kept serving the old proxy).
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceFingerprint } from "@/scripts/lib/build-app";

const root = mkdtempSync(path.join(tmpdir(), "casefile-fingerprint-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe("sourceFingerprint", () => {
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/x.ts", "export const x = 1;\n");
  write("proxy.ts", "export function proxy() {}\n");
  write("next.config.js", "module.exports = {};\n");
  write("README.md", "# notes\n");

  it("is stable while nothing changes", () => {
    expect(sourceFingerprint(root)).toBe(sourceFingerprint(root));
  });

  it.each(["proxy.ts", "next.config.js", "app/page.tsx", "lib/x.ts"])("changes when %s is touched", (file) => {
    const before = sourceFingerprint(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, file), later, later);
    expect(sourceFingerprint(root)).not.toBe(before);
  });

  it("ignores files that do not go into the build", () => {
    const before = sourceFingerprint(root);
    write("README.md", "# notes, longer now\n");
    expect(sourceFingerprint(root)).toBe(before);
  });
});
