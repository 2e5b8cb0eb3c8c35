import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { actorForApiToken } from "@/lib/tokens/actor-for-api-token";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeUser } from "../support/factories";

describe("personal API tokens", () => {
  it("creates a cf_ token whose plaintext is returned once and resolves to its user", async () => {
    const ana = await makeUser({ name: "Ana" });
    const { token, apiToken } = await createApiToken({ ctx: ana, name: "  bulk loader  " });
    expect(token).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.name).toBe("bulk loader");
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(await actorForApiToken(token)).toEqual(ana.actor);
    expect((await listApiTokens({ actor: ana.actor })).map((t) => t.id)).toEqual([apiToken.id]);
  });

  it("stores only the SHA-256 of the token: the plaintext is nowhere in api_tokens or the audit log", async () => {
    const ana = await makeUser();
    const { token, apiToken } = await createApiToken({ ctx: ana, name: "script" });
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_tokens WHERE id = ${apiToken.id}::uuid`;
    expect(rows).toHaveLength(1);
    const secretPart = token.slice(apiToken.prefix.length);
    for (const value of Object.values(rows[0])) expect(String(value)).not.toContain(secretPart);
    const { createHash } = await import("node:crypto");
    expect(rows[0].token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    const audit = await db.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(a)::text AS row FROM audit_events a WHERE target_id = ${apiToken.id}`;
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) {
      expect(a.row).not.toContain(secretPart);
      expect(a.row).not.toContain(String(rows[0].token_hash));
    }
  });

  it("refuses unknown, malformed and revoked tokens (fails closed)", async () => {
    const ana = await makeUser();
    const { token, apiToken } = await createApiToken({ ctx: ana, name: "short-lived" });
    expect(await actorForApiToken(`cf_${"A".repeat(43)}`)).toBeNull();
    expect(await actorForApiToken("not-a-token")).toBeNull();
    expect(await actorForApiToken("")).toBeNull();
    expect(await actorForApiToken(`${token}x`)).toBeNull();
    await revokeApiToken({ ctx: ana, tokenId: apiToken.id });
    expect(await actorForApiToken(token)).toBeNull();
    expect(await listApiTokens({ actor: ana.actor })).toEqual([]);
    // A second revoke of the same token is a 404 and writes no second audit row.
    await expect(revokeApiToken({ ctx: ana, tokenId: apiToken.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { targetId: apiToken.id, action: "api_token.revoke" } })).toBe(1);
  });

  it("gives nothing for a disabled user's token", async () => {
    const ana = await makeUser();
    const { token } = await createApiToken({ ctx: ana, name: "leaver" });
    await db.user.update({ where: { id: ana.actor.id }, data: { disabledAt: new Date() } });
    expect(await actorForApiToken(token)).toBeNull();
  });

  it("lets nobody revoke someone else's token: 404, and the token keeps working", async () => {
    const ana = await makeUser();
    const mallory = await makeUser();
    const { token, apiToken } = await createApiToken({ ctx: ana, name: "ana's" });
    await expect(revokeApiToken({ ctx: mallory, tokenId: apiToken.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiToken({ ctx: mallory, tokenId: "nonsense" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await actorForApiToken(token)).toEqual(ana.actor);
    expect(await listApiTokens({ actor: mallory.actor })).toEqual([]);
  });

  it("requires a name of 1–100 characters and refuses minting a token with a token", async () => {
    const ana = await makeUser();
    await expect(createApiToken({ ctx: ana, name: "   " })).rejects.toThrow(/Name the token/);
    await expect(createApiToken({ ctx: ana, name: "x".repeat(101) })).rejects.toThrow(/at most 100/);
    await expect(createApiToken({ ctx: ana, name: "nested", viaApiToken: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.apiToken.count({ where: { userId: ana.actor.id } })).toBe(0);
  });

  it("updates lastUsedAt at most once a minute", async () => {
    const ana = await makeUser();
    const { token, apiToken } = await createApiToken({ ctx: ana, name: "touch" });
    const t0 = new Date("2030-01-01T00:00:00Z");
    await actorForApiToken(token, t0);
    await actorForApiToken(token, new Date(t0.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await actorForApiToken(token, t2);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(t2);
  });

  it("audits creation and revocation against the token, outside any case", async () => {
    const ana = await makeUser();
    const { apiToken } = await createApiToken({ ctx: ana, name: "audited" });
    await revokeApiToken({ ctx: ana, tokenId: apiToken.id });
    const events = await db.auditEvent.findMany({ where: { targetId: apiToken.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.targetType, e.caseId, e.actorId])).toEqual([
      ["api_token.create", "api_token", null, ana.actor.id],
      ["api_token.revoke", "api_token", null, ana.actor.id],
    ]);
    expect(events[0].after).toEqual({ name: "audited", prefix: apiToken.prefix });
  });
});
