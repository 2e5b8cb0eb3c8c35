import { describe, expect, it } from "vitest";
import { assertStorableJson, unstorableValues } from "@/lib/http/json-guard";
import { isSameOrigin } from "@/lib/http/same-origin";
import { InvalidError } from "@/lib/errors";

// Helpers behind two fuzz/CSRF findings (SECURITY.md): bodies PostgreSQL cannot store, and Origin
// values that are not URLs.
describe("isSameOrigin", () => {
  it("accepts exactly our host and port", () => {
    expect(isSameOrigin("http://localhost:3100", "localhost:3100")).toBe(true);
    expect(isSameOrigin("https://casefile.example.org", "Casefile.example.org")).toBe(true);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["opaque (sandboxed frame, data: URL)", "null"],
    ["another site", "https://evil.example"],
    ["another port", "http://localhost:3101"],
    ["a look-alike host that is not a URL", "http://localhost:3100.evil.example"],
    ["our host as a subdomain of theirs", "http://localhost.evil.example:3100"],
    ["garbage", "::::"],
  ])("refuses %s without throwing", (_label, origin) => {
    expect(isSameOrigin(origin, "localhost:3100")).toBe(false);
  });

  it("refuses when the request has no Host", () => {
    expect(isSameOrigin("http://localhost:3100", null)).toBe(false);
  });
});

describe("unstorableValues", () => {
  it("finds NUL characters, lone surrogates and integers beyond int4, with their paths", () => {
    expect(unstorableValues({ title: "a\u0000b", nested: [{ note: "\uD800" }], version: 2 ** 31, ok: "𝕏 fine", n: 2 ** 31 - 1 })).toEqual(
      expect.arrayContaining([
        { path: "title", message: "Text may not contain NUL characters." },
        { path: "nested.0.note", message: expect.stringMatching(/lone surrogate/) },
        { path: "version", message: expect.stringMatching(/between/) },
      ]),
    );
    expect(unstorableValues({ ok: "𝕏 fine", n: 2 ** 31 - 1, f: 1.5, list: ["a", 1, null, true] })).toEqual([]);
  });

  it("checks keys and survives very deep nesting", () => {
    expect(unstorableValues({ "bad\u0000key": 1 })).toHaveLength(1);
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(unstorableValues(deep)).toHaveLength(1);
  });

  it("throws a 422 InvalidError listing the fields", () => {
    expect(() => assertStorableJson({ name: "\u0000" })).toThrow(InvalidError);
    expect(() => assertStorableJson({ name: "fine" })).not.toThrow();
  });
});

describe("jsonError", () => {
  it("answers a unique-constraint race no service named with 409, not 500", async () => {
    const { jsonError } = await import("@/lib/http/route");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const race = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`email`)", {
      code: "P2002",
      clientVersion: "test",
    });
    const res = jsonError(race, "req-1");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "conflict" }, requestId: "req-1" });
    expect(jsonError(new Error("boom"), "req-2").status).toBe(500);
  });
});
