import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

/** A passage of a seeded document that occurs exactly once in it, so a quote anchors unambiguously. */
async function uniqueQuote(page: Page, caseId: string) {
  const req = page.context().request;
  const { documents } = await (await req.get(`/api/cases/${caseId}/documents`)).json();
  const { document } = await (await req.get(`/api/cases/${caseId}/documents/${documents[0].id}`)).json();
  const text: string = document.text;
  for (let i = 0; i + 60 <= text.length; i += 17) {
    const exact = text.slice(i, i + 60);
    if (/^\S/.test(exact) && /\S$/.test(exact) && !exact.includes("\n") && text.indexOf(exact) === text.lastIndexOf(exact))
      return { documentId: document.id as string, exact };
  }
  throw new Error("no unique passage found in the seeded document");
}

const totalOf = async (page: Page) =>
  Number(
    (await page.getByRole("navigation", { name: "Activity pages", exact: true }).textContent())
      ?.match(/of ([\d,]+)/)?.[1]
      .replace(/,/g, ""),
  );

test("the Activity page shows a new claim at the top, filters by action family in the URL, and expands the diff", async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  const statement = `Activity check ${Date.now()}: Albania attributes the July attack to Iran.`;
  const created = await page.context().request.post(`/api/cases/${caseId}/claims`, {
    data: { statement, claimant: "Government of Albania", kind: "allegation", credibility: 3, excerpts: [await uniqueQuote(page, caseId)] },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const { claim } = await created.json();

  await page.goto(`/cases/${caseId}/activity`);
  const list = page.getByRole("list", { name: "Activity" });
  const top = list.getByRole("listitem").first();
  await expect(top).toContainText("Ana Analyst");
  await expect(top).toContainText("created a claim");
  await expect(top.getByRole("link", { name: statement })).toHaveAttribute("href", `/cases/${caseId}/claims/${claim.id}`);
  await expect(top.locator("time")).toHaveAttribute("title", /UTC$/);
  await expect(top).toContainText(/Request [0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(page);
  const unfiltered = await totalOf(page);

  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Claims" });
  await expect(page).toHaveURL(/[?&]action=claim(&|$)/);
  await expect(list.getByRole("listitem").first()).toContainText("created a claim");
  const filtered = await totalOf(page);
  expect(filtered).toBeLessThan(unfiltered);
  for (const action of await list.getByRole("listitem").evaluateAll((els) => els.map((el) => el.getAttribute("data-action"))))
    expect(action).toMatch(/^claim\./);

  // The filter survives a reload, and the diff opens field by field.
  await page.reload();
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("claim");
  const row = list.getByRole("listitem").filter({ hasText: statement });
  await row.getByText(/^Show recorded values/).click();
  const diff = row.getByRole("table");
  await expect(diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "statement", exact: true }) })).toContainText(
    statement,
  );
  await expect(diff.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "credibility", exact: true }) })).toContainText("3");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/activity$`));
});

test("GET /api/cases/{caseId}/audit", async ({ page }) => {
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  const req = page.context().request;
  const bad = await req.get(`/api/cases/${caseId}/audit?from=not-a-date`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.issues[0].path).toBe("from");
  const ok = await req.get(`/api/cases/${caseId}/audit?action=document.&pageSize=5`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.events.length).toBeGreaterThan(0);
  expect(body.events.every((e: { action: string }) => e.action.startsWith("document."))).toBe(true);
});

test("a viewer reads the Activity page; a non-member gets a 404 for it and for the audit API", async ({ browser }) => {
  const viewer = await (await browser.newContext()).newPage();
  await loginAs(viewer, "viewer");
  const caseId = await albaniaCaseId(viewer);
  await viewer.goto(`/cases/${caseId}/activity`);
  await expect(viewer.getByRole("heading", { name: "Activity", exact: true })).toBeVisible();
  await expect(viewer.getByRole("list", { name: "Activity" }).getByRole("listitem").first()).toBeVisible();

  const outsider = await (await browser.newContext()).newPage();
  await loginAs(outsider, "investigator");
  const res = await outsider.goto(`/cases/${caseId}/activity`);
  expect(res?.status()).toBe(404);
  await expect(outsider.getByRole("list", { name: "Activity" })).toHaveCount(0);
  expect((await outsider.context().request.get(`/api/cases/${caseId}/audit`)).status()).toBe(404);
});

test("a submitted judgment waits in the reviewer's queue, unread and counted in the header, until he opens it", async ({ browser }) => {
  const ana = await (await browser.newContext()).newPage();
  await loginAs(ana, "analyst");
  const caseId = await albaniaCaseId(ana);
  const req = ana.context().request;
  const q = await req.post(`/api/cases/${caseId}/questions`, {
    data: { question: `Who ran the September wiper? (${Date.now()})` },
    headers: ORIGIN,
  });
  expect(q.status()).toBe(201);
  const title = `Queue check ${Date.now()}: an Iranian state-sponsored group`;
  const h = await req.post(`/api/cases/${caseId}/hypotheses`, {
    data: {
      questionId: (await q.json()).question.id,
      title,
      likelihood: "likely",
      confidence: "moderate",
      rationale: "Same tooling as the July attack.",
      proposition: "an Iranian state-sponsored group ran the September wiper",
      confidenceBasis: "tooling overlap only",
    },
    headers: ORIGIN,
  });
  expect(h.status()).toBe(201);
  const { hypothesis } = await h.json();
  expect((await req.post(`/api/hypotheses/${hypothesis.id}/submit`, { data: {}, headers: ORIGIN })).status()).toBe(200);

  const rui = await (await browser.newContext()).newPage();
  await loginAs(rui, "reviewer");
  await rui.goto("/");
  const panel = rui.getByRole("region", { name: "Waiting for your review" });
  const item = panel.getByRole("listitem").filter({ hasText: title });
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText("New");
  await expect(item).toContainText("submitted by Ana Analyst");
  const link = item.getByRole("link", { name: title });
  await expect(link).toHaveAttribute("href", `/cases/${caseId}/attribution/${hypothesis.id}`);
  await expect(link).toHaveCSS("font-weight", "700");
  const headerLink = rui.getByTestId("review-queue-link");
  const unreadBefore = Number(await headerLink.getAttribute("data-unread"));
  expect(unreadBefore).toBeGreaterThanOrEqual(1);
  await expect(rui.getByTestId("review-badge")).toHaveText(`${unreadBefore} unread`);
  await expect(panel).toContainText(`${unreadBefore} unread`);
  await expectNoSeriousA11yViolations(rui);

  // Opening the judgment (its API read) marks it read for him, and only for him.
  expect((await rui.context().request.get(`/api/hypotheses/${hypothesis.id}`)).status()).toBe(200);
  await rui.reload();
  await expect(item).toHaveAttribute("data-unread", "false");
  await expect(link).toHaveCSS("font-weight", "400");
  expect(Number(await headerLink.getAttribute("data-unread"))).toBe(unreadBefore - 1);

  // The author never sees her own judgment in her queue.
  await ana.goto("/");
  await expect(ana.getByRole("region", { name: "Waiting for your review" }).getByRole("link", { name: title })).toHaveCount(0);
});

test("presence: analyst and reviewer on the same case each see the other within a poll", async ({ browser }) => {
  test.setTimeout(90_000);
  const ana = await (await browser.newContext()).newPage();
  const rui = await (await browser.newContext()).newPage();
  await loginAs(ana, "analyst");
  await loginAs(rui, "reviewer");
  const caseId = await albaniaCaseId(ana);
  await ana.goto(`/cases/${caseId}`);
  await expect(ana.getByRole("heading", { level: 1 })).toBeVisible();
  await rui.goto(`/cases/${caseId}`);
  // Rui's first heartbeat already finds Ana; Ana learns of Rui on her next 15-second poll.
  await expect(rui.getByRole("list", { name: "Also viewing" })).toContainText("Ana Analyst", { timeout: 20_000 });
  await expect(ana.getByRole("list", { name: "Also viewing" })).toContainText("Rui Reviewer", { timeout: 20_000 });
  await expect(ana.getByRole("list", { name: "Also viewing" }).getByRole("listitem").filter({ hasText: "Rui Reviewer" })).toContainText(
    "RR",
  );
});

test("the Reviews page: every kind of queue item opens its own page without an error, and the submitter sees where each stands", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ana = await (await browser.newContext()).newPage();
  await loginAs(ana, "analyst");
  const req = ana.context().request;
  const tag = Date.now();
  const created = await req.post("/api/cases", {
    data: { title: `Queue kinds ${tag}`, tlp: "GREEN", summary: "Who ran the wiper?" },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).case.id as string;
  expect(
    (
      await req.post(`/api/cases/${caseId}/members`, { data: { email: "reviewer@example.com", role: "reviewer" }, headers: ORIGIN })
    ).status(),
  ).toBe(200);
  const q = (
    await (await req.post(`/api/cases/${caseId}/questions`, { data: { question: `Who ran the wiper? (${tag})` }, headers: ORIGIN })).json()
  ).question;
  // Competing answers with coherent likelihoods (likely + unlikely): two "likely" would be a blocking warning.
  const hypothesis = async (title: string, likelihood: string) =>
    (
      await (
        await req.post(`/api/cases/${caseId}/hypotheses`, {
          data: {
            questionId: q.id,
            title,
            likelihood,
            confidence: "low",
            proposition: `${title.toLowerCase()} ran the wiper`,
            confidenceBasis: "one report",
          },
          headers: ORIGIN,
        })
      ).json()
    ).hypothesis as { id: string };
  const key = await hypothesis(`Key operators ${tag}`, "likely");
  expect((await req.post(`/api/hypotheses/${key.id}/submit`, { data: {}, headers: ORIGIN })).status()).toBe(200);

  const rui = await (await browser.newContext()).newPage();
  await loginAs(rui, "reviewer");
  const { hypothesis: h } = await (await rui.context().request.get(`/api/hypotheses/${key.id}`)).json();
  expect(
    (
      await rui.context().request.post(`/api/hypotheses/${key.id}/approve`, { data: { contentHash: h.contentHash }, headers: ORIGIN })
    ).status(),
  ).toBe(200);
  // Now a second judgment and the brief (submitted last, so nothing changes it after) wait for Rui.
  const other = await hypothesis(`Other operators ${tag}`, "unlikely");
  expect((await req.post(`/api/hypotheses/${other.id}/submit`, { data: {}, headers: ORIGIN })).status()).toBe(200);
  expect((await req.post(`/api/cases/${caseId}/brief/submit`, { data: {}, headers: ORIGIN })).status()).toBe(200);

  // The header's Reviews link is a page of its own: the queue across cases.
  const errors: string[] = [];
  rui.on("pageerror", (e) => errors.push(e.message));
  await rui.goto("/");
  await rui.getByTestId("review-queue-link").click();
  await expect(rui).toHaveURL("/reviews");
  await expect(rui.getByRole("heading", { name: "Reviews", level: 1 })).toBeVisible();
  const queue = rui.getByRole("region", { name: "Waiting for your review" });
  const items = queue.getByRole("listitem").filter({ hasText: `Queue kinds ${tag}` });
  await expect(items).toHaveCount(2);
  await expect(queue.getByRole("link", { name: `Brief of “Queue kinds ${tag}”` })).toHaveAttribute("href", `/cases/${caseId}/brief`);
  await expect(queue.getByRole("link", { name: `Other operators ${tag}` })).toHaveAttribute(
    "href",
    `/cases/${caseId}/attribution/${other.id}`,
  );
  await expect(queue).not.toContainText("(deleted");
  await expectNoSeriousA11yViolations(rui);
  // Open every item, whatever its kind: each page answers 200, renders (no error page, no script error) and offers the review.
  const hrefs = await items.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.sort()).toEqual([`/cases/${caseId}/attribution/${other.id}`, `/cases/${caseId}/brief`]);
  for (const href of hrefs) {
    expect((await rui.goto(href))!.status(), href).toBe(200);
    await expect(rui.getByRole("heading", { name: `Queue kinds ${tag}`, level: 1 }).first()).toBeVisible();
    if (href.endsWith("/brief")) await expect(rui.getByRole("button", { name: "Approve this brief" })).toBeVisible();
    else await expect(rui.getByRole("button", { name: "Approve this version" })).toBeVisible();
    await expect(rui.getByText("This page could not be loaded")).toHaveCount(0);
  }
  expect(errors).toEqual([]);
  // Bad input: the case id where a judgment id belongs is a plain 404, not a 500.
  expect((await rui.goto(`/cases/${caseId}/attribution/${caseId}`))!.status()).toBe(404);

  // Ana's side of the same page: what she submitted, and where each stands.
  await ana.goto("/reviews");
  const mine = ana.getByRole("region", { name: "What you submitted" });
  await expect(mine.getByRole("listitem").filter({ hasText: `Key operators ${tag}` })).toContainText("Approved");
  await expect(mine.getByRole("listitem").filter({ hasText: `Key operators ${tag}` })).toContainText("Rui Reviewer");
  await expect(mine.getByRole("listitem").filter({ hasText: `Other operators ${tag}` })).toContainText("Waiting for review");
  await expect(mine.getByRole("listitem").filter({ hasText: `Brief of “Queue kinds ${tag}”` })).toContainText("Waiting for review");
});
