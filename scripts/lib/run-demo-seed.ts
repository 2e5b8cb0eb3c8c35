// Runs the demo seed in a child Node process without the react-server condition: the demo's release
// renders the brief's PDF with @react-pdf, whose reconciler needs React's client build (under
// --conditions=react-server, which `npm start` and `npm run seed` use, it fails). The same split as the
// export benchmark's in-process child (scripts/bench-export.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";

export function runDemoSeed() {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "demo-seed-child.ts")], {
    cwd: path.resolve(__dirname, "../.."),
    env: process.env,
    stdio: "inherit",
  });
  if (child.status !== 0) throw new Error(`the demo seed failed (exit ${child.status ?? child.signal})`);
}
