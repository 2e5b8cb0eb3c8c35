// npm test — every check, in the order that fails fastest and keeps 2 cores busy:
//   1. typecheck, lint and formatting side by side (each uses about one core); once the typecheck has passed, the
//      production build the browser tests need is made beside the other two (scripts/build.ts; skipped when a build
//      of these exact sources is in place). It starts after tsc, which reads next-env.d.ts that the build rewrites;
//      ESLint and Prettier leave that file and the build's folders alone.
//   2. Vitest (unit, integration on real PostgreSQL, security);
//   3. Playwright (end-to-end and security suites) on that build.
// Each side-by-side step's output is printed whole when it ends, so logs do not interleave. The first failure stops
// the run with a non-zero exit code.
import { spawn, type ChildProcess } from "node:child_process";

type Step = { name: string; cmd: string; args: string[] };
const running = new Set<ChildProcess>();

function run({ name, cmd, args }: Step, buffered: boolean): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit", env: process.env });
    running.add(child);
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running.delete(child);
      const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
      if (buffered) process.stdout.write(`\n> ${name} (${took})\n${out}`);
      else console.log(`\n> ${name}: ${took}`);
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

const npx = (name: string, ...args: string[]): Step => ({ name, cmd: "npx", args });

async function main() {
  await Promise.all([
    run(npx("typecheck", "tsc", "--noEmit"), true).then(() =>
      run(npx("build", "tsx", "--conditions=react-server", "scripts/build.ts"), true),
    ),
    run(npx("lint", "eslint", "."), true),
    run(npx("format", "prettier", "--check", "."), true),
  ]);
  await run(npx("vitest", "vitest", "run"), false);
  await run(npx("playwright", "playwright", "test"), false);
}

main().catch((err) => {
  for (const child of running) child.kill("SIGTERM");
  console.error(`\nnpm test: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
