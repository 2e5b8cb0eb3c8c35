// Outside test (issue 12): TRACE answered 500 — Next builds a fetch Request for every request before
// proxy.ts, and fetch forbids TRACE/TRACK. scripts/start.ts preloads a guard into the Next server that
// answers 405 first; here it is loaded into a plain HTTP server (tests/security/http-methods.spec.ts
// checks the running app).
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: Server;
let port = 0;
beforeAll(async () => {
  await import("../../scripts/lib/refuse-unsupported-methods.mjs");
  server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("handled"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: "/api/cases" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("TRACE", () => {
  it.each(["TRACE"])("%s is a 405 with Allow, before the app's handler runs", async (method) => {
    const res = await send(method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toMatch(/GET/);
    expect(JSON.parse(res.body)).toEqual({ error: { code: "method_not_allowed", message: `${method} is not supported.` } });
  });

  it("other methods reach the handler", async () => {
    expect(await send("GET")).toMatchObject({ status: 200, body: "handled" });
    expect(await send("DELETE")).toMatchObject({ status: 200, body: "handled" });
  });

  it("TRACK never reaches a handler: Node's parser refuses it (400)", async () => {
    const res = await send("TRACK").catch(() => ({ status: 400 }));
    expect(res.status).toBe(400);
  });
});
