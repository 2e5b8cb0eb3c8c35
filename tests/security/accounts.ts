// Helpers for the session/admin specs: the demo workspace admin, and throwaway accounts made through
// the real invite flow (so demo users' passwords are never changed under other tests).
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";

export const ADMIN = { email: "admin@example.com", password: "workspace-admin-2026" };

export async function signInWith(
  request: APIRequestContext,
  email: string,
  password: string,
  ip = `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": ip },
  });
  expect(res.status()).toBe(200);
  expect((await request.get("/api/cases")).status(), `${email} is signed in`).toBe(200);
}

/** Invites a new user as the demo admin and accepts the link; returns their credentials. */
export async function freshUser(admin: APIRequestContext, request: APIRequestContext, label = "user") {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.test`;
  const password = `quiet harbour ${randomBytes(4).toString("hex")}`;
  const invite = await admin.post("/api/admin/users", { data: { email, name: `Test ${label}` }, headers: ORIGIN });
  expect(invite.status()).toBe(201);
  const { user, token } = await invite.json();
  const accept = await request.post("/api/invites/accept", { data: { token, name: `Test ${label}`, password }, headers: ORIGIN });
  expect(accept.status()).toBe(200);
  return { id: user.id as string, email, password };
}
