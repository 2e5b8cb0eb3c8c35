// The sign-in page as one plain HTML document: no script at all (issue 16, "JavaScript": the login page
// shipped Next's client runtime, ~140 kB compressed, for one form). app/login/route.ts serves it; the form
// posts to next-auth's credentials callback with the CSRF token next-auth issued for this response, and
// app/api/auth/[...nextauth]/route.ts answers a form post with a redirect: to the page asked for, or back
// here with `?error=`. Its few styles are inline (the app's Tailwind stylesheet is only linked from pages
// the App Router renders); they copy the classes the React page used, so it looks the same.

/** The message for next-auth's error code (or our lockout message) carried back in `?error=`. */
export function loginErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "CredentialsSignin") return "Email or password is incorrect.";
  // The lockout (lib/auth/verify-credentials.ts lockedError) is shown as it was written; anything else
  // arriving in the URL is not echoed, so a crafted link cannot put its own words on the sign-in page.
  if (/^Too many failed sign-in attempts\. Try again in \d+ (second|minute)s?\.$/.test(code)) return code;
  return "Sign-in failed. Try again.";
}

/** Only same-site paths: an open redirect after login would help phishing. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  // Parsed as a browser would: URL parsing drops tabs and newlines and reads "\\" as "/", so "/\t/evil.example"
  // and "/\\evil.example" are other hosts. Only a path on this site comes back, re-serialised.
  const base = "http://casefile.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Tailwind's slate/indigo/red palette (sRGB), as used by app/globals.css and components/ui/form.tsx.
const CSS = `
*,::before,::after{box-sizing:border-box;margin:0;padding:0;border:0 solid}
html{-webkit-text-size-adjust:100%;line-height:1.5;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
body{background:#f8fafc;color:#0f172a;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}
:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}
main{display:grid;min-height:100vh;place-items:center;padding:0 1rem}
.box{width:100%;max-width:24rem}
.box>*+*{margin-top:1.5rem}
.head{text-align:center}
.logo{display:grid;place-items:center;width:2.5rem;height:2.5rem;margin:0 auto;border-radius:.25rem;background:#4338ca;color:#fff;font-size:.875rem;line-height:1.25rem;font-weight:700}
h1{margin-top:.75rem;font-size:1.5rem;line-height:2rem;font-weight:600;letter-spacing:-.025em}
.lede{margin-top:.25rem;font-size:.875rem;line-height:1.25rem;color:#475569}
form{padding:1.5rem;border:1px solid #e2e8f0;border-radius:.5rem;background:#fff;box-shadow:0 1px 3px 0 rgb(0 0 0/.1),0 1px 2px -1px rgb(0 0 0/.1)}
form>*+*{margin-top:1rem}
.field>*+*{margin-top:.25rem}
label{display:block;font-size:.875rem;line-height:1.25rem;font-weight:500;color:#1e293b}
.field input{display:block;width:100%;padding:.5rem .75rem;border:1px solid #cbd5e1;border-radius:.375rem;background:#fff;color:inherit;font:inherit;font-size:.875rem;line-height:1.25rem;box-shadow:0 1px 2px 0 rgb(0 0 0/.05)}
.field input:focus{border-color:#6366f1;outline:none;box-shadow:0 0 0 1px #6366f1}
button{display:flex;width:100%;align-items:center;justify-content:center;padding:.5rem .875rem;border-radius:.375rem;background:#4338ca;color:#fff;font:inherit;font-size:.875rem;line-height:1.25rem;font-weight:600;cursor:pointer;box-shadow:0 1px 2px 0 rgb(0 0 0/.05)}
button:hover{background:#3730a3}
.error{padding:.5rem .75rem;border:1px solid #fecaca;border-radius:.375rem;background:#fef2f2;color:#991b1b;font-size:.875rem;line-height:1.25rem}
`
  .trim()
  .replace(/\n/g, "");

export function loginPageHtml({
  csrfToken,
  next,
  error,
  email,
}: {
  csrfToken: string;
  next: string;
  error?: string;
  email?: string;
}): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Casefile</title>
<meta name="description" content="OSINT case management with a chain of evidence.">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>${CSS}</style>
</head>
<body>
<main>
<div class="box">
<div class="head">
<div aria-hidden="true" class="logo">CF</div>
<h1>Sign in to Casefile</h1>
<p class="lede">Cases, evidence and reviewed judgments.</p>
</div>
<form method="post" action="/api/auth/callback/credentials" novalidate>
${error ? `<div role="alert" data-testid="form-error" class="error">${e(error)}</div>` : ""}
<input type="hidden" name="csrfToken" value="${e(csrfToken)}">
<input type="hidden" name="callbackUrl" value="${e(next)}">
<div class="field">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required${email ? ` value="${e(email)}"` : " autofocus"}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${email ? " autofocus" : ""}>
</div>
<button type="submit">Sign in</button>
</form>
</div>
</main>
</body>
</html>
`;
}

/** Carries the typed email back to the form after a failed sign-in (not in the URL: history, logs). */
export const LOGIN_EMAIL_COOKIE = "casefile.login-email";

/** The Set-Cookie for LOGIN_EMAIL_COOKIE: two minutes, this page only; an empty email deletes it. */
export function loginEmailCookie(email: string, secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://")): string {
  const value = email ? `${encodeURIComponent(email.slice(0, 320))}; Max-Age=120` : "; Max-Age=0";
  return `${LOGIN_EMAIL_COOKIE}=${value}; Path=/login; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
