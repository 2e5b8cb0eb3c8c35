import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

// Everything the claim is drawn from sits AFTER multi-byte characters, so a reader that counted bytes
// or code points instead of UTF-16 units would store the wrong offsets.
const TEXT = [
  "Prime Minister Edi Rama said the “same aggressors” struck again — the damage ran to £10m.",
  "Servers in Shqipëri and Kuçovë were wiped; officials named وزارت اطلاعات as the sponsor.",
  "Mandiant assesses with moderate confidence that HomeLand Justice acted for Iran.",
  "The embassy rejected the accusations.",
].join("\n");
const FIRST = "Mandiant assesses with moderate confidence that HomeLand Justice acted for Iran";
const SECOND = "Kuçovë were wiped; officials named وزارت اطلاعات as the sponsor.\nMandiant assesses";

type Excerpt = { id: string; documentId: string; start: number; end: number; exact: string };
type Claim = { id: string; statement: string; grade: string; sourceConfidence: string | null; excerpts: Excerpt[] };

async function freshCaseWithDocument(req: APIRequestContext) {
  const c = await req.post("/api/cases", {
    data: { title: `Reader ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` },
    headers: ORIGIN,
  });
  expect(c.status()).toBe(201);
  const caseId = (await c.json()).case.id as string;
  const d = await req.post(`/api/cases/${caseId}/documents`, {
    data: { title: "Wire report", text: TEXT, publisher: "Mandiant" },
    headers: ORIGIN,
  });
  expect(d.status()).toBe(201);
  return { caseId, documentId: (await d.json()).document.id as string };
}

/** Selects `words` in the reader with a DOM Range over its text nodes (possibly several), then releases the mouse. */
async function selectInReader(page: Page, words: string) {
  await page.evaluate((w) => {
    const container = document.querySelector<HTMLElement>('[data-testid="document-text"]')!;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const full = nodes.map((n) => n.data).join("");
    const start = full.indexOf(w);
    if (start < 0) throw new Error(`"${w}" is not in the reader`);
    const point = (offset: number, isEnd: boolean): [Text, number] => {
      let base = 0;
      for (const n of nodes) {
        if (offset < base + n.data.length || (isEnd && offset === base + n.data.length)) return [n, offset - base];
        base += n.data.length;
      }
      throw new Error("offset beyond the text");
    };
    const range = document.createRange();
    range.setStart(...point(start, false));
    range.setEnd(...point(start + w.length, true));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, words);
}

async function documentClaims(req: APIRequestContext, caseId: string, documentId: string) {
  const res = await req.get(`/api/cases/${caseId}/claims?documentId=${documentId}`);
  expect(res.status()).toBe(200);
  return (await res.json()).claims as Claim[];
}

test("draws claims from a selection after multi-byte text; the quote is stored exactly and stays highlighted", async ({ page }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCaseWithDocument(req);
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  await expect(page.getByTestId("document-text")).toContainText("وزارت اطلاعات");
  await expectNoSeriousA11yViolations(page);

  const button = page.getByRole("button", { name: "New claim from selection" });
  await expect(button).toBeDisabled();
  await selectInReader(page, FIRST);
  await button.click();
  const panel = page.getByRole("dialog", { name: "New claim from selection" });
  await expect(panel.getByTestId("claim-quote")).toHaveText(FIRST);
  // Prefilled from the source and from the quote's own words.
  await expect(panel.getByLabel("Claimant")).toHaveValue("Mandiant");
  await expect(panel.getByLabel("Source's own confidence words")).toHaveValue("moderate confidence");
  await expect(panel.getByLabel("Kind")).toHaveValue("assessment");
  await expect(
    panel.getByText("Not confirmed; reasonably logical in itself; agrees with some other information on the subject."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Bad input: no statement. The server's message lands beside the field, nothing is stored, input stays.
  await panel.getByRole("radio", { name: /^3 – Possibly true/ }).check();
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(panel.locator("#claim-statement-error")).toHaveText("Write the claim as a statement.");
  await expect(panel.getByLabel("Statement")).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByRole("radio", { name: /^3 – Possibly true/ })).toBeChecked();
  await expect(panel.getByLabel("Claimant")).toHaveValue("Mandiant");
  expect(await documentClaims(req, caseId, documentId)).toEqual([]);

  await panel.getByLabel("Statement").fill("HomeLand Justice acted for Iran.");
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("reader-notice")).toContainText("Claim saved: HomeLand Justice acted for Iran.");
  const mark = page.locator("mark[data-excerpts]");
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(FIRST);

  const [claim] = await documentClaims(req, caseId, documentId);
  expect(claim.statement).toBe("HomeLand Justice acted for Iran.");
  // A document without a source is ungraded, never F (issue 18).
  expect(claim.grade).toBe("–3");
  expect(claim.sourceConfidence).toBe("moderate confidence");
  const excerpt = claim.excerpts[0];
  expect(excerpt.exact).toBe(FIRST);
  const { document } = await (await req.get(`/api/cases/${caseId}/documents/${documentId}`)).json();
  expect(document.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.exact);
  expect(excerpt.start).toBe(TEXT.indexOf(FIRST));

  // The highlight jumps to its claim; the claim's quote links back to the exact place.
  const item = page.getByTestId("reader-claim");
  await expect(item).toContainText("HomeLand Justice acted for Iran.");
  await expect(item).toContainText("–3");
  await mark.click();
  await expect(item).toBeFocused();
  // A fresh load of the link a claim carries (not a same-page hash change).
  await page.goto("about:blank");
  await page.goto(`/cases/${caseId}/documents/${documentId}#excerpt-${excerpt.id}`);
  await expect(page.locator(`mark[data-excerpts~="${excerpt.id}"][data-flash="true"]`)).toHaveCount(1);
  await expect(item.getByRole("link", { name: /Show the quote in the text/ })).toHaveAttribute("href", `#excerpt-${excerpt.id}`);
  await expect(item.getByRole("link", { name: "HomeLand Justice acted for Iran." })).toHaveAttribute(
    "href",
    `/cases/${caseId}/claims/${claim.id}`,
  );

  // A second, overlapping quote that starts in plain text and ends inside the first highlight; keyboard "c".
  await selectInReader(page, SECOND);
  await page.keyboard.press("c");
  await expect(panel.getByTestId("claim-quote")).toHaveText(SECOND);
  await panel.getByLabel("Statement").fill("Servers in Kuçovë were wiped.");
  await panel.getByRole("radio", { name: /^2 – Probably true/ }).check();
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(panel).toBeHidden();
  const claims = await documentClaims(req, caseId, documentId);
  const second = claims.find((c) => c.statement === "Servers in Kuçovë were wiped.")!;
  expect(second.excerpts[0].exact).toBe(SECOND);
  expect(document.text.slice(second.excerpts[0].start, second.excerpts[0].end)).toBe(SECOND);
  const shared = page.locator(`mark[data-excerpts~="${excerpt.id}"][data-excerpts~="${second.excerpts[0].id}"]`);
  await expect(shared).toHaveText("Mandiant assesses");
  await expect(page.getByTestId("reader-claim")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
});

test("POST /api/cases/{caseId}/claims refuses bad credibility, a mismatched quote and foreign documents", async ({ page, browser }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCaseWithDocument(req);
  const start = TEXT.indexOf(FIRST);
  const good = {
    statement: "HomeLand Justice acted for Iran.",
    claimant: "Mandiant",
    kind: "assessment",
    credibility: 3,
    excerpts: [{ documentId, start, end: start + FIRST.length, exact: FIRST }],
  };
  const post = (data: unknown) => req.post(`/api/cases/${caseId}/claims`, { data, headers: ORIGIN });

  const badCredibility = await post({ ...good, credibility: 7 });
  expect(badCredibility.status()).toBe(422);
  expect((await badCredibility.json()).error.issues.map((i: { path: string }) => i.path)).toContain("credibility");

  const shifted = await post({ ...good, excerpts: [{ documentId, start: start + 1, end: start + 1 + FIRST.length, exact: FIRST }] });
  expect(shifted.status()).toBe(422);
  expect((await shifted.json()).error.issues[0].path).toBe("excerpts.0.exact");

  const unknown = await post({ ...good, excerpts: [{ ...good.excerpts[0], documentId: "00000000-0000-4000-8000-000000000000" }] });
  expect(unknown.status()).toBe(404);

  const investigator = await browser.newContext();
  const other = await investigator.newPage();
  await loginAs(other, "investigator");
  const { cases } = await (await other.request.get("/api/cases")).json();
  const theirCase = cases.find((c: { title: string }) => c.title === "Albanian organised crime");
  const { documents } = await (await other.request.get(`/api/cases/${theirCase.id}/documents`)).json();
  expect(documents.length).toBeGreaterThan(0);
  const foreign = await post({ ...good, excerpts: [{ documentId: documents[0].id, exact: "the" }] });
  expect(foreign.status()).toBe(404);
  // Nor may the investigator open this case's reader: ids from other cases do not leak.
  expect((await other.goto(`/cases/${caseId}/documents/${documentId}`))?.status()).toBe(404);
  await investigator.close();

  expect(await documentClaims(req, caseId, documentId)).toEqual([]);
  expect((await post(good)).status()).toBe(201);
});

test("a viewer reads the highlights but gets no way to add a claim, and the API refuses one", async ({ page }) => {
  await loginAs(page, "viewer");
  const req = page.context().request;
  const caseId = await albaniaCaseId(page);
  const { documents } = await (await req.get(`/api/cases/${caseId}/documents`)).json();
  const documentId = documents[0].id as string;
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  await expect(page.getByTestId("document-text")).toBeVisible();
  await expect(page.getByRole("button", { name: "New claim from selection" })).toHaveCount(0);
  // Whatever claims the demo data holds on this document, each of its quotes is highlighted.
  for (const c of await documentClaims(req, caseId, documentId)) {
    for (const e of c.excerpts.filter((x) => x.documentId === documentId))
      await expect(page.locator(`mark[data-excerpts~="${e.id}"]`).first()).toBeVisible();
  }
  const { document } = await (await req.get(`/api/cases/${caseId}/documents/${documentId}`)).json();
  const words = (document.text as string).slice(0, 40).trim();
  await selectInReader(page, words);
  await page.keyboard.press("c");
  await expect(page.getByRole("dialog", { name: "New claim from selection" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change source" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const before = (await documentClaims(req, caseId, documentId)).length;
  const res = await req.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: "Viewer claim",
      claimant: "Viewer",
      kind: "fact",
      credibility: 3,
      excerpts: [{ documentId, start: 0, end: words.length, exact: (document.text as string).slice(0, words.length) }],
    },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(403);
  expect((await documentClaims(req, caseId, documentId)).length).toBe(before);
});

test("an editor registers the document's source inline; an override needs a reason and regrades its claims", async ({ page }) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const { caseId, documentId } = await freshCaseWithDocument(req);
  const start = TEXT.indexOf(FIRST);
  const created = await req.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: "HomeLand Justice acted for Iran.",
      claimant: "Mandiant",
      kind: "assessment",
      credibility: 3,
      excerpts: [{ documentId, start, end: start + FIRST.length, exact: FIRST }],
    },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  const item = page.getByTestId("reader-claim");
  await expect(item).toContainText("–3");

  await page.getByRole("button", { name: "Set source" }).click();
  const form = page.getByRole("form", { name: "Set the document's source" });
  await expect(form.getByLabel("Source", { exact: true })).toHaveValue("__new");
  await expect(form.getByLabel("Name")).toHaveValue("Mandiant");
  await form.getByLabel("Kind of source").selectOption("vendor");
  await form.getByLabel("Reliability", { exact: true }).selectOption("B");
  await expect(form.getByText("Minor doubt about authenticity")).toBeVisible();
  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form.locator("#new-source-rationale-error")).toHaveText("Say why you give this grade.");
  await expect(form.getByLabel("Name")).toHaveValue("Mandiant");

  await form.getByLabel("Why this grade").fill("Established vendor with a good record on Iranian actors.");
  await form.getByLabel("Override reliability for this document").check();
  await form.getByLabel("Reliability for this document", { exact: true }).selectOption("C");
  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form.locator("#override-reason-error")).toContainText("needs a reason");
  await expectNoSeriousA11yViolations(page);

  await form.getByLabel("Reason for the override").fill("This report relies on a single unnamed official.");
  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form).toBeHidden();
  const panel = page.getByTestId("document-source");
  await expect(panel).toContainText("Mandiant");
  await expect(panel.getByTestId("source-reliability")).toHaveText("B");
  await expect(page.getByTestId("reliability-override")).toContainText("This report relies on a single unnamed official.");
  await expect(item).toContainText("C3");
  const { sources } = await (await req.get(`/api/cases/${caseId}/sources`)).json();
  expect(sources.map((s: { name: string; reliability: string }) => [s.name, s.reliability])).toEqual([["Mandiant", "B"]]);
});
