// Browser side of sign-out: next-auth's own endpoint called with plain fetch, as next-auth/react's
// signOut() does, without that package (with its Babel runtime it is ~8 kB gzip on every signed-in page).
// Signing in needs no script: the login page is a plain HTML form (app/login/route.ts).

/** next-auth answers `{ url }`, with the error (if any) in that URL's `error` parameter; the 429 lockout (app/api/auth) adds `{ error: { message } }`. */
type AuthAnswer = { url?: string; error?: { message?: string } };

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!res.ok) throw new Error(`GET /api/auth/csrf answered ${res.status}`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  return { res, data: (await res.json().catch(() => ({}))) as AuthAnswer };
}

/** Signs out (next-auth revokes the server-side session) and loads `callbackUrl`. */
export async function signOut({ callbackUrl }: { callbackUrl: string }) {
  const { res, data } = await post("/api/auth/signout", { callbackUrl });
  if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
  const url = data.url ?? callbackUrl;
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}
