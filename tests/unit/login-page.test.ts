// The script-free login page (lib/http/login-page.ts): what it echoes from the URL and the cookie, and where it sends you.
import { describe, expect, it } from "vitest";
import { loginEmailCookie, loginErrorMessage, loginPageHtml, safeNextPath } from "@/lib/http/login-page";

describe("login page", () => {
  it("says a wrong password plainly, shows the lockout as written, and echoes no other text from the URL", () => {
    expect(loginErrorMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
    expect(loginErrorMessage("Too many failed sign-in attempts. Try again in 5 minutes.")).toBe(
      "Too many failed sign-in attempts. Try again in 5 minutes.",
    );
    expect(loginErrorMessage("Your account is suspended: call +1 555 0100")).toBe("Sign-in failed. Try again.");
    expect(loginErrorMessage(undefined)).toBeUndefined();
  });

  it("sends you on only to a path of this site", () => {
    expect(safeNextPath("/cases/abc?tab=1")).toBe("/cases/abc?tab=1");
    expect(safeNextPath("/cases/abc#claims")).toBe("/cases/abc#claims");
    // Browsers drop tabs and newlines inside a URL and read a backslash as a slash: each of these is another host.
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "",
      null,
      undefined,
    ])
      expect(safeNextPath(bad)).toBe("/");
  });

  it("escapes what it writes back into the form and has no script", () => {
    const html = loginPageHtml({ csrfToken: 'a"b', next: "/x?<y>", error: "<b>no</b>", email: '"><script>alert(1)</script>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('value="a&quot;b"');
    expect(html).toContain('value="/x?&lt;y&gt;"');
    expect(html).toContain("&lt;b&gt;no&lt;/b&gt;");
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toMatch(/<form method="post" action="\/api\/auth\/callback\/credentials"/);
  });

  it("keeps the typed email two minutes, for the login page only, and clears it with an empty one", () => {
    expect(loginEmailCookie("a+b@example.com", false)).toBe(
      "casefile.login-email=a%2Bb%40example.com; Max-Age=120; Path=/login; HttpOnly; SameSite=Lax",
    );
    expect(loginEmailCookie("", true)).toBe("casefile.login-email=; Max-Age=0; Path=/login; HttpOnly; SameSite=Lax; Secure");
  });
});
