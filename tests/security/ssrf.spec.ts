import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { clientFor, createCase, pool } from "./support";

// Server-side URL capture must never reach our own network. A canary listener on every local
// interface records any connection; redirect hops are served by a local "site" the test server is
// allowed to fetch (CAPTURE_ALLOW_HOSTS=127.0.0.1 in playwright.config.ts), so each hop is vetted on
// its own. Literal 127.0.0.1 and 0x7f.1 are allowed by that test setting, so their refusal is proven
// without it in tests/integration/safe-fetch.test.ts.

let canary: http.Server;
let canaryPort: number;
const canaryHits: string[] = [];
let site: http.Server;
let siteBase: string;

test.beforeAll(async () => {
  canary = http.createServer((req, res) => res.end("canary"));
  canary.on("connection", (socket) => canaryHits.push(`${socket.remoteAddress}`));
  // "::" with dual-stack listens on every IPv4 and IPv6 address of this machine.
  await new Promise<void>((resolve) => canary.listen(0, "::", resolve));
  canaryPort = (canary.address() as AddressInfo).port;

  const redirects: Record<string, string> = {
    "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "/to-localhost": `http://localhost:${canaryPort}/`,
    "/to-v6-loopback": `http://[::1]:${canaryPort}/`,
    "/to-mapped": `http://[::ffff:127.0.0.1]:${canaryPort}/`,
    "/to-any": `http://0.0.0.0:${canaryPort}/`,
    "/to-ten": "http://10.0.0.1/",
    "/to-192": "http://192.168.0.1/",
    "/to-file": "file:///etc/passwd",
    "/to-gopher": `gopher://localhost:${canaryPort}/_GET%20/`,
  };
  site = http.createServer((req, res) => {
    const to = redirects[req.url ?? ""];
    res.writeHead(to ? 302 : 404, to ? { Location: to } : {});
    res.end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  for (const s of [canary, site]) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function documentCount(api: APIRequestContext, caseId: string) {
  return (await (await api.get(`/api/cases/${caseId}/documents`)).json()).documents.length;
}

test("URLs that point at private, local or metadata addresses, or other schemes, are refused with 422 and never fetched", async ({
  playwright,
  baseURL,
}) => {
  test.slow();
  const api = await clientFor(playwright, baseURL!, "analyst");
  const caseId = await createCase(api, `SSRF probe ${randomUUID().slice(0, 8)}`);
  const p = canaryPort;
  const urls = [
    `http://[::1]:${p}/`,
    `http://localhost:${p}/`,
    `http://LocalHost:${p}/`,
    `http://0.0.0.0:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`,
    `http://[::]:${p}/`,
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://172.31.255.254/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",
    "http://[fe80::1]/",
    `${siteBase}/to-metadata`,
    `${siteBase}/to-localhost`,
    `${siteBase}/to-v6-loopback`,
    `${siteBase}/to-mapped`,
    `${siteBase}/to-any`,
    `${siteBase}/to-ten`,
    `${siteBase}/to-192`,
    `${siteBase}/to-file`,
    `${siteBase}/to-gopher`,
    "file:///etc/passwd",
    `gopher://localhost:${p}/_GET%20/`,
    `ftp://localhost:${p}/`,
    "data:text/html,<h1>hi</h1>",
    "javascript:alert(1)",
    `http://user:pass@localhost:${p}/`,
  ];
  const before = await documentCount(api, caseId);
  const failures: string[] = [];
  await pool(
    urls.flatMap((url) => [
      { url, route: `/api/cases/${caseId}/documents` },
      { url, route: `/api/cases/${caseId}/documents/preview` },
    ]),
    8,
    async ({ url, route }) => {
      const res = await api.post(route, { data: { url }, headers: ORIGIN });
      const body = await res.json();
      if (res.status() !== 422) failures.push(`${route.split("/").pop()} ${url} → ${res.status()} ${JSON.stringify(body.error)}`);
      else if (!body.error.issues?.some((i: { path: string }) => i.path === "url"))
        failures.push(`${url}: the refusal does not name the url field`);
    },
  );
  expect(failures).toEqual([]);
  expect(await documentCount(api, caseId)).toBe(before);
  expect(canaryHits, "connections seen by the canary").toEqual([]);
  await api.dispose();
});
