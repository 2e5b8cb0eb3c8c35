// npm run bench:indicators — indicator extraction (lib/indicators/extract-indicators.ts) on 1 MB documents,
// measured in process (the work the extract route does after reading the stored text; no database). Three
// documents: a vendor report (prose with defanged and plain indicators of every type), a list of indicators
// only, and prose with none. Writes bench/indicators-results.json. A benchmark, not a test: figures go in the README.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractIndicators } from "@/lib/indicators/extract-indicators";

const SIZE = 1024 * 1024;
const RUNS = 20;
const TARGET_MS = 300;

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((q / 100) * xs.length) - 1)];
const round = (n: number) => Math.round(n * 10) / 10;
const hex = (i: number, len: number) => {
  let s = "";
  for (let k = 0; s.length < len; k++) s += ((i * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, "0");
  return s.slice(0, len);
};

/** Lines from `line(i)` until the document is `SIZE` characters. */
function fill(line: (i: number) => string) {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < SIZE; i++) {
    const l = line(i);
    parts.push(l);
    length += l.length + 1;
  }
  return parts.join("\n").slice(0, SIZE);
}

const PROSE =
  "The operators moved laterally over several weeks, used stolen credentials and legitimate remote administration tools, " +
  "and staged the data before exfiltration. Analysts at the national CERT (e.g. Dr. A. Hoxha, version 2.4.1 of the playbook) " +
  "observed the activity on Sept. 9, at 10:42 local time. ";

const DOCUMENTS = {
  // About one indicator per 400 characters, in the forms reports use.
  report: fill((i) => {
    const ioc = [
      `hxxps://update-${i}.evil-c2[.]net/gate.php?id=${i}`,
      `185.220.${(i >> 8) & 255}[.]${i & 255}`,
      `2a0b:f4c2:${(i & 0xffff).toString(16)}::${(i % 97) + 1}`,
      `cdn${i}.malicious-example[.]com`,
      `ops${i}[@]evil-mail.net`,
      `SHA-256 ${hex(i, 64)}`,
      `MD5 ${hex(i + 7, 32)}`,
      `SHA-1 ${hex(i + 13, 40)}`,
      `CVE-2022-${10000 + (i % 40000)}`,
    ][i % 9];
    return `${PROSE.slice(0, 200 + (i % 150))} The sample reached ${ioc} during the intrusion.`;
  }),
  // Nothing but indicators, one per line (tens of thousands).
  indicatorsOnly: fill((i) =>
    i % 3 === 0 ? `45.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` : i % 3 === 1 ? `host-${i}.evil-c2[.]net` : hex(i, 64),
  ),
  // Prose with dots, colons and abbreviations, but no indicator.
  proseOnly: fill(() => PROSE),
};

function measure(text: string) {
  extractIndicators(text);
  extractIndicators(text);
  const times: number[] = [];
  // CPU time of this process too: on a shared, loaded machine the wall time includes waiting for a core.
  const cpu: number[] = [];
  let found = 0;
  let hostsSearchedTo: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = extractIndicators(text);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    found = r.suggestions.length;
    hostsSearchedTo = r.hostsSearchedTo;
  }
  return {
    chars: text.length,
    suggestions: found,
    hostsSearchedTo,
    p50Ms: round(p(times, 50)),
    p95Ms: round(p(times, 95)),
    cpuP50Ms: round(p(cpu, 50)),
    cpuP95Ms: round(p(cpu, 95)),
  };
}

function main() {
  const loadBefore = os.loadavg().map(round);
  const documents = Object.fromEntries(Object.entries(DOCUMENTS).map(([name, text]) => [name, measure(text)]));
  const results = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", loadBefore, loadAfter: os.loadavg().map(round) },
    node: process.version,
    runs: RUNS,
    targetMs: TARGET_MS,
    documents,
  };
  mkdirSync(path.resolve(__dirname, "../bench"), { recursive: true });
  writeFileSync(path.resolve(__dirname, "../bench/indicators-results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
}

main();
