// JavaScript transferred for /login and a case page, measured exactly as `npm run bench` does
// (scripts/bench/browser.ts: Chromium, empty cache, encoded bodies of every script response).
// Run against an app that is already up with the demo seed, e.g.
//   PORT=3213 npx tsx --conditions=react-server scripts/start.ts   (in another shell)
//   BASE=http://localhost:3213 npx tsx scripts/measure-js.ts [--files]
// Prints kB (1,000 bytes) and the number of scripts per page; --files lists every script.
import { measureJs } from "./bench/browser";
import { signIn } from "./lib/bench-harness";

async function main() {
  const base = process.env.BASE ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const cookie = await signIn({ base, email: "analyst@example.com", password: "albania-analyst-2022" });
  const { cases } = (await (await fetch(`${base}/api/cases`, { headers: { cookie } })).json()) as { cases: { id: string }[] };
  const caseId = process.env.CASE_ID ?? cases[0]?.id;
  if (!caseId) throw new Error("measure-js: the signed-in user has no case");
  const pages = [
    { name: "login", path: "/login", signedIn: false },
    { name: "casePage", path: `/cases/${caseId}`, signedIn: true },
    ...(process.env.EXTRA_PATHS ?? "")
      .split(",")
      .filter(Boolean)
      .map((p) => ({ name: p, path: p, signedIn: true })),
  ];
  const js = await measureJs({ base, cookie, pages });
  for (const [name, r] of Object.entries(js)) {
    console.log(
      `${name.padEnd(10)} ${(r.encodedBytes / 1000).toFixed(1).padStart(6)} kB in ${r.scripts} scripts (${(r.decodedBytes / 1000).toFixed(0)} kB uncompressed; encodings ${r.contentEncodings.join(", ")})  ${r.url}`,
    );
    if (process.argv.includes("--files"))
      for (const f of r.files)
        console.log(`    ${(f.encoded / 1000).toFixed(1).padStart(6)} kB  ${(f.decoded / 1000).toFixed(0).padStart(4)} kB raw  ${f.url}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
