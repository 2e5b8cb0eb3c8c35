import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

// Issue 18, reading and rating: quotes that touch stay distinguishable and name their claim; the claim
// panel suggests the case's entities the quote names and asks before Esc discards typing; the activity
// log reads as sentences with names and folds a burst of ratings.

const TEXT = "Mandiant assesses that HomeLand Justice acted for Iran. The embassy rejected the accusations as baseless.";
const A = "Mandiant assesses that HomeLand Justice acted for Iran.";
const B = " The embassy rejected the accusations";

async function post(req: APIRequestContext, url: string, data: unknown, status = 201) {
  const res = await req.post(url, { data, headers: ORIGIN });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
  return res.json();
}

async function freshCase(req: APIRequestContext) {
  const { case: c } = await post(req, "/api/cases", { title: `Everyday ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` });
  const { document } = await post(req, `/api/cases/${c.id}/documents`, { title: "Wire report", text: TEXT, publisher: "Mandiant" });
  return { caseId: c.id as string, documentId: document.id as string };
}

async function claim(req: APIRequestContext, caseId: string, documentId: string, statement: string, exact: string) {
  const start = TEXT.indexOf(exact);
  const { claim } = await post(req, `/api/cases/${caseId}/claims`, {
    statement,
    claimant: "Mandiant",
    kind: "assessment",
    credibility: 3,
    excerpts: [{ documentId, start, end: start + exact.length, exact }],
  });
  return claim as { id: string; excerpts: { id: string }[] };
}

test("adjacent quotes look different and name their claim on hover and on keyboard focus", async ({ page }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCase(req);
  const first = await claim(req, caseId, documentId, "HomeLand Justice acted for Iran.", A);
  const second = await claim(req, caseId, documentId, "Iran's embassy rejected the accusations.", B);
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  const markA = page.locator(`mark[data-excerpts="${first.excerpts[0].id}"]`);
  const markB = page.locator(`mark[data-excerpts="${second.excerpts[0].id}"]`);
  await expect(markA).toHaveText(A);
  await expect(markB).toHaveText(B);
  // They touch (A ends where B starts), yet differ in tint and B opens with an edge of its own.
  const style = (l: typeof markA) =>
    l.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, left: getComputedStyle(el).borderLeftWidth }));
  const [a, b] = [await style(markA), await style(markB)];
  expect(a.bg).not.toBe(b.bg);
  expect(b.left).toBe("2px");

  const tooltip = page.getByRole("tooltip");
  await markB.hover();
  await expect(tooltip).toHaveText("Claim: Iran's embassy rejected the accusations.");
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await markA.focus();
  await expect(tooltip).toHaveText("Claim: HomeLand Justice acted for Iran.");
  await expect(markA).toHaveAttribute("aria-describedby", "quote-tooltip");
  await expectNoSeriousA11yViolations(page);
  // Enter on a focused quote goes to its claim.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reader-claim").filter({ hasText: "HomeLand Justice acted for Iran." })).toBeFocused();
});

test("the claim panel suggests the entities the quote names, and Esc asks before discarding what was typed", async ({ page }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCase(req);
  const { entity: hlj } = await post(req, `/api/cases/${caseId}/entities`, { kind: "threat_actor", name: "Homeland Justice", aliases: [] });
  await post(req, `/api/cases/${caseId}/entities`, { kind: "organization", name: "Islamic Republic of Iran", aliases: ["Iran"] });
  await post(req, `/api/cases/${caseId}/entities`, { kind: "organization", name: "Microsoft", aliases: [] });
  await page.goto(`/cases/${caseId}/documents/${documentId}`);

  await expect(page.getByTestId("document-text")).toContainText(A);
  const newClaim = page.getByRole("button", { name: "New claim from selection" });
  // Selects the first quote (again until the hydrated reader has seen it), then opens the panel.
  const openPanel = async () => {
    await expect(async () => {
      await page.evaluate((quote) => {
        const container = document.querySelector<HTMLElement>('[data-testid="document-text"]')!;
        // The quote lies in one text node (plain, or the mark of an earlier claim on it).
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode() as Text | null;
        while (node && !node.data.includes(quote)) node = walker.nextNode() as Text | null;
        if (!node) throw new Error("quote not found");
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(quote));
        range.setEnd(node, node.data.indexOf(quote) + quote.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      }, A);
      await expect(newClaim).toBeEnabled({ timeout: 1000 });
    }).toPass();
    await newClaim.click();
  };
  const panel = page.getByRole("dialog", { name: "New claim from selection" });

  // Nothing typed: Esc closes at once.
  await openPanel();
  await expect(panel.getByLabel("Statement")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  await openPanel();
  const suggested = panel.getByRole("group", { name: "Suggested: named in the quote" });
  // By name (any case) and by alias, in the order the quote names them; Microsoft is not suggested.
  await expect(suggested.getByRole("checkbox")).toHaveCount(2);
  await expect(suggested.getByRole("checkbox").first()).toHaveAccessibleName(/Homeland Justice/);
  await expect(suggested.getByRole("checkbox").nth(1)).toHaveAccessibleName(/Islamic Republic of Iran/);
  await expect(panel.getByText("Other entities of the case (1)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await panel.getByLabel("Statement").fill("HomeLand Justice acted for Iran.");
  await page.keyboard.press("Escape");
  const confirm = page.getByRole("alertdialog", { name: "Discard this claim?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  // A second Esc keeps editing; what was typed is still there.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(panel.getByLabel("Statement")).toHaveValue("HomeLand Justice acted for Iran.");

  await suggested.getByRole("checkbox", { name: /Homeland Justice/ }).check();
  await panel.getByRole("radio", { name: /^3 – Possibly true/ }).check();
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(panel).toBeHidden();
  const { claims } = await (await req.get(`/api/cases/${caseId}/claims?documentId=${documentId}`)).json();
  expect(claims.map((c: { entities: { id: string }[] }) => c.entities.map((e) => e.id))).toEqual([[hlj.id]]);

  // Typed, Esc, then Discard: the panel closes and nothing is saved.
  await openPanel();
  await panel.getByLabel("Statement").fill("Something else");
  await page.keyboard.press("Escape");
  await confirm.getByRole("button", { name: "Discard" }).click();
  await expect(panel).toBeHidden();
  expect((await (await req.get(`/api/cases/${caseId}/claims?documentId=${documentId}`)).json()).claims).toHaveLength(1);

  // Bad input: an entity of another case is refused, and no claim is stored.
  const other = await freshCase(req);
  const { entity: foreign } = await post(req, `/api/cases/${other.caseId}/entities`, { kind: "threat_actor", name: "Elsewhere" });
  const res = await req.post(`/api/cases/${caseId}/claims`, {
    data: { statement: "x", claimant: "y", kind: "fact", credibility: 3, entityIds: [foreign.id], excerpts: [{ documentId, exact: A }] },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(404);
  expect((await (await req.get(`/api/cases/${caseId}/claims?documentId=${documentId}`)).json()).claims).toHaveLength(1);
});

test("the activity log reads as sentences with names, and folds a burst of ratings into one expandable entry", async ({ page }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCase(req);
  await post(req, `/api/cases/${caseId}/members`, { email: "reviewer@example.com", role: "reviewer" }, 200);
  const c1 = await claim(req, caseId, documentId, "HomeLand Justice acted for Iran.", A);
  const c2 = await claim(req, caseId, documentId, "Iran's embassy rejected the accusations.", B);
  const { question } = await post(req, `/api/cases/${caseId}/questions`, { question: "Who attacked?" });
  const { hypothesis: h1 } = await post(req, `/api/cases/${caseId}/hypotheses`, { questionId: question.id, title: "H1 Iran" });
  const { hypothesis: h2 } = await post(req, `/api/cases/${caseId}/hypotheses`, { questionId: question.id, title: "H2 Hacktivists" });
  for (const [h, c, rating] of [
    [h1, c1, "C"],
    [h1, c2, "N"],
    [h2, c1, "I"],
  ] as const) {
    const res = await req.put(`/api/hypotheses/${h.id}/ratings/${c.id}`, { data: { rating }, headers: ORIGIN });
    expect(res.status()).toBe(200);
  }
  // Bad input: an unknown rating is refused and leaves no trace in the log.
  expect((await req.put(`/api/hypotheses/${h2.id}/ratings/${c2.id}`, { data: { rating: "maybe" }, headers: ORIGIN })).status()).toBe(422);

  await page.goto(`/cases/${caseId}/activity`);
  const list = page.getByRole("list", { name: "Activity" });
  await expect(list.getByTestId("activity-sentence").filter({ hasText: "added Rui Reviewer as reviewer" })).toHaveText(
    "Ana Analyst added Rui Reviewer as reviewer",
  );
  await expect(list.getByTestId("activity-sentence").filter({ hasText: "created a claim" }).first()).toContainText("“");
  const burst = list.locator("li[data-burst]");
  await expect(burst).toHaveCount(1);
  await expect(burst).toHaveAttribute("data-burst", "3");
  await expect(burst.locator("summary")).toContainText("Ana Analyst rated 3 cells against 2 hypotheses");
  const ratings = burst.getByRole("list", { name: "Ratings by Ana Analyst" });
  await expect(ratings).toBeHidden();
  await burst.locator("summary").click();
  await expect(ratings.getByRole("listitem")).toHaveCount(3);
  await expect(ratings).toContainText("rated claim “HomeLand Justice acted for Iran.” against “H2 Hacktivists”: inconsistent");
  // Times say their zone.
  await expect(list.locator("time").first()).toHaveText(/(UTC|GMT)/);
  for (const sentence of await list.getByTestId("activity-sentence").allTextContents())
    expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expectNoSeriousA11yViolations(page);
});
