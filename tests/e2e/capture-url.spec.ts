import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

// A local "news site" (the web server runs with CAPTURE_ALLOW_HOSTS=127.0.0.1, see playwright.config.ts).
const ARTICLE = Buffer.from(
  `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Albania cuts ties with Iran over cyberattack | The Test Gazette</title>
<meta property="og:site_name" content="The Test Gazette"><meta property="article:published_time" content="2022-09-07T10:15:00Z"></head>
<body><nav>Home · World · Subscribe now!</nav><article><h1>Albania cuts ties with Iran over cyberattack</h1>
<p>TIRANA — Albania’s government said on Wednesday that a “massive” cyberattack in July had been carried out by actors sponsored by Iran, and it cut diplomatic ties with Tehran.</p>
<p>Prime Minister Edi Rama said the attack was meant to “paralyse public services, erase digital systems and hack into state records”. Recovery was put at more than £10m.</p>
<p>The Iranian Embassy rejected what it called “baseless accusations”, and said Iran had itself been the target of cyberattacks from abroad in recent years.</p>
</article><footer>Cookie settings</footer></body></html>`,
  "utf8",
);
const SHA = createHash("sha256").update(ARTICLE).digest("hex");

let server: http.Server;
let base: string;
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/s/123") {
      res.writeHead(301, { Location: "/world/albania-iran" });
      res.end();
    } else if (req.url === "/world/albania-iran") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(ARTICLE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function freshCase(page: Page) {
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: `Capture ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

test("captures a URL: previews what was found, takes the analyst's corrections, stores the page with its hash", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("tab", { name: "Capture URL" }).click();
  await page.getByLabel("URL to capture").fill(`${base}/s/123`);
  await page.getByRole("button", { name: "Fetch" }).click();

  const preview = page.getByTestId("capture-preview");
  await expect(preview).toContainText(`${base}/world/albania-iran`);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("Albania cuts ties with Iran over cyberattack");
  await expect(page.getByRole("textbox", { name: "Publisher" })).toHaveValue("The Test Gazette");
  await expect(page.locator("#capture-published")).toHaveValue("2022-09-07");
  await expect(page.getByTestId("capture-sha256")).toHaveText(SHA);
  await expect(page.getByTestId("capture-excerpt")).toContainText("Albania’s government said");
  await expect(page.getByTestId("capture-excerpt")).not.toContainText("Subscribe now!");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("textbox", { name: "Title" }).fill("Albania severs ties with Iran (Test Gazette)");
  await page.getByRole("button", { name: "Save document" }).click();
  await expect(page.getByRole("status")).toContainText("Added “Albania severs ties with Iran (Test Gazette)”");

  const item = page.getByRole("list", { name: "Documents" }).getByRole("listitem").filter({ hasText: "Albania severs ties with Iran" });
  await expect(item).toContainText(/url/i);
  await expect(item).toContainText(`SHA-256 ${SHA.slice(0, 12)}`);
  await item.getByRole("link").click();
  await expect(page.getByTestId("document-sha256")).toHaveText(SHA);
  await expect(page.getByText("Captured from URL")).toBeVisible();
  await expect(page.getByText(`${base}/world/albania-iran`)).toBeVisible();
  await expect(page.getByText("The Test Gazette")).toBeVisible();
  await expect(page.getByTestId("document-text")).toContainText("more than £10m");
});

test("a private address is refused beside the URL field, the typed URL stays and nothing is stored", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("tab", { name: "Capture URL" }).click();
  await page.getByLabel("URL to capture").fill("http://10.0.0.1/");
  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(page.locator("#capture-url-error")).toContainText("Capturing this URL was refused.");
  await expect(page.getByLabel("URL to capture")).toHaveValue("http://10.0.0.1/");
  await expect(page.getByLabel("URL to capture")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("capture-preview")).toHaveCount(0);

  // The same URL sent straight to the API is refused too (422 on "url") and stores nothing.
  const res = await page.context().request.post(`/api/cases/${caseId}/documents`, { data: { url: "http://10.0.0.1/" }, headers: ORIGIN });
  expect(res.status()).toBe(422);
  expect((await res.json()).error.issues[0].path).toBe("url");
  const { documents } = await (await page.context().request.get(`/api/cases/${caseId}/documents`)).json();
  expect(documents).toEqual([]);
});

test("the settings page passes axe", async ({ page }) => {
  await loginAs(page, "analyst");
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
