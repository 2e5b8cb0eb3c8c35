// Outside test, finding 1 (issue 12): the Origin check trusted X-Forwarded-Host whatever TRUST_PROXY
// said, and ignored the scheme. A cookie request is refused (403) before the session is even read,
// so a refusal here is the CSRF check and a 401 means it let the request through to authentication.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import * as casesRoute from "@/app/api/cases/route";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const params = { params: Promise.resolve({}) };
function post(url: string, headers: Record<string, string>) {
  return casesRoute.POST(
    new NextRequest(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ title: "CSRF probe" }),
    }),
    params,
  );
}

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("the Origin check without TRUST_PROXY", () => {
  it("ignores X-Forwarded-Host: an Origin matching only that header is refused", async () => {
    const res = await post("http://casefile.test/api/cases", {
      host: "casefile.test",
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(res.status).toBe(403);
  });

  it("compares the scheme: http://host is not the origin of https://host", async () => {
    expect((await post("https://casefile.test/api/cases", { host: "casefile.test", origin: "http://casefile.test" })).status).toBe(403);
    // Our own scheme and host pass the check.
    expect(
      isSameOriginRequest({
        url: "https://casefile.test/api/cases",
        headers: new Headers({ host: "casefile.test", origin: "https://casefile.test" }),
      }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        url: "http://localhost:3100/api/cases",
        headers: new Headers({ host: "localhost:3100", origin: "http://localhost:3100" }),
      }),
    ).toBe(true);
  });
});

describe("the Origin check behind a trusted proxy (TRUST_PROXY=1)", () => {
  it("uses the proxy's X-Forwarded-Host and X-Forwarded-Proto", () => {
    process.env.TRUST_PROXY = "1";
    const r = (origin: string) => ({
      url: "http://10.0.0.5:3000/api/cases",
      headers: new Headers({ host: "10.0.0.5:3000", origin, "x-forwarded-host": "casefile.example.org", "x-forwarded-proto": "https" }),
    });
    expect(isSameOriginRequest(r("https://casefile.example.org"))).toBe(true);
    expect(isSameOriginRequest(r("http://casefile.example.org"))).toBe(false);
    expect(isSameOriginRequest(r("http://10.0.0.5:3000"))).toBe(false);
  });
});
