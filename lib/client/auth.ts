// Browser side of sign-in and sign-out: next-auth's own endpoints called with plain fetch, as
// next-auth/react's signIn("credentials", { redirect: false }) and signOut() do, without that package
// (with its Babel runtime it is ~8 kB gzip on every signed-in page). Nothing here uses useSession
// or the cross-tab session broadcast, which were the only other things next-auth/react offered.

const WRONG_CREDENTIALS = "Email or password is incorrect.";

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

/**
 * Signs in with email and password. Resolves to undefined on success (the session cookie is set), or
 * to the message to show: wrong credentials, the lockout with its wait, or another server message.
 * Rejects only when the server cannot be reached.
 */
export async function signInWithCredentials({
  email,
  password,
  callbackUrl,
}: {
  email: string;
  password: string;
  callbackUrl: string;
}): Promise<string | undefined> {
  const { res, data } = await post("/api/auth/callback/credentials", { email, password, callbackUrl });
  const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : null;
  if (res.ok && !error) return undefined;
  if (!error || error === "CredentialsSignin") return data.error?.message ?? WRONG_CREDENTIALS;
  return error;
}

/** Signs out (next-auth revokes the server-side session) and loads `callbackUrl`. */
export async function signOut({ callbackUrl }: { callbackUrl: string }) {
  const { res, data } = await post("/api/auth/signout", { callbackUrl });
  if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
  const url = data.url ?? callbackUrl;
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}
