import { describe, expect, it } from "vitest";
import { hkdfSync } from "node:crypto";
import { EncryptJWT } from "jose";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

// The session cookie is made by next-auth's encode; lib/auth/session-token.ts decrypts it with a key derived
// once per secret. It must read exactly what next-auth writes and refuse what next-auth's decode refuses.
const secret = "a-test-secret-of-reasonable-length-0123456789";
const sid = "0190a0a0-0000-7000-8000-000000000001";

describe("decodeSessionToken", () => {
  it("reads the payload of a token next-auth encoded, again and again with the cached key", async () => {
    const token = await encode({ token: { sid }, secret });
    expect((await decodeSessionToken(token, secret))?.sid).toBe(sid);
    expect((await decodeSessionToken(token, secret))?.sid).toBe(sid);
  });

  it("refuses a token made with another secret, after a secret change, a tampered one and garbage", async () => {
    const token = await encode({ token: { sid }, secret });
    expect(await decodeSessionToken(token, "another-secret-of-reasonable-length-987654")).toBeNull();
    expect((await decodeSessionToken(token, secret))?.sid).toBe(sid);
    const parts = token.split(".");
    const flipped = parts[3][0] === "A" ? "B" : "A";
    const tampered = [...parts.slice(0, 3), flipped + parts[3].slice(1), parts[4]].join(".");
    expect(await decodeSessionToken(tampered, secret)).toBeNull();
    expect(await decodeSessionToken("not.a.token", secret)).toBeNull();
    expect(await decodeSessionToken("", secret)).toBeNull();
    expect(await decodeSessionToken(token, "")).toBeNull();
  });

  it("refuses an expired token (beyond next-auth's 15 s clock tolerance)", async () => {
    const token = await encode({ token: { sid }, secret, maxAge: -60 });
    expect(await decodeSessionToken(token, secret)).toBeNull();
    const fresh = await encode({ token: { sid }, secret, maxAge: 60 });
    expect((await decodeSessionToken(fresh, secret))?.sid).toBe(sid);
  });

  it("refuses a token wrapped with another algorithm, even under the right key", async () => {
    const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    const wrapped = await new EncryptJWT({ sid })
      .setProtectedHeader({ alg: "A256KW", enc: "A256GCM" })
      .setExpirationTime("1h")
      .encrypt(key);
    expect(await decodeSessionToken(wrapped, secret)).toBeNull();
    const direct = await new EncryptJWT({ sid }).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setExpirationTime("1h").encrypt(key);
    expect((await decodeSessionToken(direct, secret))?.sid).toBe(sid);
  });
});
