import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, gotoHydrated, loginAs, ORIGIN, signIn } from "./fixtures";

const KINDS = ["fact", "allegation", "assessment", "denial"] as const;
const STATUSES = ["draft", "accepted", "disputed", "rejected"] as const;
const BULK = 60;

// Random words: every sentence occurs once, and the two documents share no wording (so they are not
// taken for near-duplicates of one another when independence is worked out).
const words = (n: number) => Array.from({ length: n }, () => Math.random().toString(36).slice(2, 8)).join(" ");
const pad = (i: number) => String(i).padStart(2, "0");

type Seeded = {
  caseId: string;
  bulk: { id: string; kind: string; status: string; credibility: number }[];
  confirmed: { id: string; statement: string };
  sameSource: { id: string; statement: string };
  independent: { id: string; statement: string };
  denial: { id: string; statement: string };
  editable: { id: string; statement: string };
};

async function post(req: APIRequestContext, url: string, data: unknown, method: "post" | "put" = "post") {
  const res = await req[method](url, { data, headers: ORIGIN });
  expect(res.ok(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

async function seed(req: APIRequestContext): Promise<Seeded> {
  const { case: c } = await post(req, "/api/cases", { title: `Claims ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` });
  const base = `/api/cases/${c.id}`;
  const { source: wire } = await post(req, `${base}/sources`, {
    name: "Wire agency",
    kind: "outlet",
    reliability: "B",
    rationale: "Usually right.",
  });
  const { source: vendor } = await post(req, `${base}/sources`, {
    name: "Vendor lab",
    kind: "vendor",
    reliability: "A",
    rationale: "Publishes its evidence.",
  });
  const wireQuotes = Array.from({ length: BULK + 10 }, () => `${words(9)}.`);
  const vendorQuotes = Array.from({ length: 10 }, () => `${words(9)}.`);
  const { document: wireDoc } = await post(req, `${base}/documents`, { title: "Wire story", text: wireQuotes.join(" ") });
  const { document: vendorDoc } = await post(req, `${base}/documents`, { title: "Vendor report", text: vendorQuotes.join(" ") });
  await post(req, `${base}/documents/${wireDoc.id}/source`, { sourceId: wire.id }, "put");
  await post(req, `${base}/documents/${vendorDoc.id}/source`, { sourceId: vendor.id }, "put");

  const make = async (input: {
    statement: string;
    kind?: string;
    status?: string;
    credibility?: number;
    documentId: string;
    exact: string;
  }) => {
    const { claim } = await post(req, `${base}/claims`, {
      statement: input.statement,
      claimant: "Test claimant",
      kind: input.kind ?? "fact",
      status: input.status ?? "draft",
      credibility: input.credibility ?? 3,
      excerpts: [{ documentId: input.documentId, exact: input.exact }],
    });
    return { id: claim.id as string, statement: claim.statement as string };
  };
  const bulk: Seeded["bulk"] = [];
  for (let start = 0; start < BULK; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, (_, j) => {
        const i = start + j;
        const spec = { kind: KINDS[i % 4], status: STATUSES[Math.floor(i / 4) % 4], credibility: 2 + (i % 5) };
        return make({ ...spec, statement: `Bulk claim ${pad(i)} ${words(2)}`, documentId: wireDoc.id, exact: wireQuotes[i] }).then((r) => ({
          ...spec,
          id: r.id,
        }));
      }),
    );
    bulk.push(...batch);
  }
  return {
    caseId: c.id,
    bulk,
    confirmed: await make({
      statement: "Zulu: the ministry outage was an Iranian operation",
      documentId: wireDoc.id,
      exact: wireQuotes[BULK],
    }),
    sameSource: await make({
      statement: "Zulu: the wire repeats that Iran ran the operation",
      documentId: wireDoc.id,
      exact: wireQuotes[BULK + 1],
    }),
    independent: await make({
      statement: "Zulu: vendor telemetry ties the wiper to Iran",
      documentId: vendorDoc.id,
      exact: vendorQuotes[0],
    }),
    denial: await make({
      statement: "Zulu: the embassy rejects the accusation",
      kind: "denial",
      documentId: vendorDoc.id,
      exact: vendorQuotes[1],
    }),
    editable: await make({ statement: "Zulu: servers were wiped on 15 July", documentId: wireDoc.id, exact: wireQuotes[BULK + 2] }),
  };
}

async function signedInPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "analyst");
  return page;
}

const credibilityOf = async (page: Page) =>
  (await page.getByTestId("claim-row").getByTestId("claim-grade").allInnerTexts()).map((t) => Number(t.trim()[1]));

test.describe.serial("claims table and claim page", () => {
  let s: Seeded;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    await signIn(context.request, "analyst");
    s = await seed(context.request);
    await context.close();
  });

  test("filters by kind and status in the URL, sorts by credibility, and pages through 65 claims", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedInPage(browser);
    await page.goto(`/cases/${s.caseId}/claims`);
    await expect(page.getByTestId("claims-total")).toContainText("65 claims");
    await expect(page.getByTestId("claim-row")).toHaveCount(50);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Kind", { exact: true }).selectOption("denial");
    await expect(page).toHaveURL(/[?&]kind=denial/);
    await page.getByLabel("Status", { exact: true }).selectOption("disputed");
    await expect(page).toHaveURL(/[?&]status=disputed/);
    const expected = s.bulk.filter((c) => c.kind === "denial" && c.status === "disputed").length;
    expect(expected).toBeGreaterThan(0);
    await expect(page.getByTestId("claim-row")).toHaveCount(expected);
    for (const t of await page.getByTestId("claim-kind").allInnerTexts()) expect(t).toBe("Denial");
    for (const t of await page.getByTestId("claim-status").allInnerTexts()) expect(t).toBe("Disputed");

    // The filtered view survives a reload (it lives in the URL).
    await page.reload();
    await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("denial");
    await expect(page.getByTestId("claim-row")).toHaveCount(expected);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.getByTestId("claim-row")).toHaveCount(50);
    await page.getByRole("button", { name: /sort by credibility/ }).click();
    await expect(page).toHaveURL(/sort=credibility&dir=asc/);
    await expect(page.getByRole("columnheader", { name: /Grade/ })).toHaveAttribute("aria-sort", "ascending");
    await expect
      .poll(async () => {
        const creds = await credibilityOf(page);
        return creds.length === 50 && creds.every((c, i) => i === 0 || creds[i - 1] <= c) && creds[0] === 2;
      })
      .toBe(true);
    await page.getByRole("button", { name: /sort by credibility/ }).click();
    await expect(page).toHaveURL(/sort=credibility&dir=desc/);
    await expect.poll(async () => (await credibilityOf(page))[0]).toBe(6);
    const desc = await credibilityOf(page);
    expect(desc.every((c, i) => i === 0 || desc[i - 1] >= c)).toBe(true);

    await page.getByRole("navigation", { name: "Pagination", exact: true }).getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("claim-row")).toHaveCount(15);
    await expect(page.getByText("Page 2 of 2").first()).toBeVisible();
    const page2 = await credibilityOf(page);
    expect(page2.every((c, i) => i === 0 || page2[i - 1] >= c)).toBe(true);
    await page.context().close();
  });

  test("GET /api/cases/{caseId}/claims refuses credibility=9 with 422", async ({ browser }) => {
    const page = await signedInPage(browser);
    const res = await page.context().request.get(`/api/cases/${s.caseId}/claims?credibility=9`);
    expect(res.status()).toBe(422);
    expect((await res.json()).error.issues[0].path).toBe("credibility");
    await page.context().close();
  });

  test("'1 Confirmed' warns until an independent origin corroborates it; a contradiction shows on both claims", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedInPage(browser);
    await gotoHydrated(page, `/cases/${s.caseId}/claims/${s.confirmed.id}`);
    await expect(page.getByTestId("independence-warning")).toHaveCount(0);
    const form = page.getByRole("form", { name: "Edit claim" });
    await form.getByLabel("Credibility").selectOption("1");
    await expect(form.getByText("Confirmed by independent sources")).toBeVisible();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await expect(page.getByTestId("claim-grade").first()).toContainText("B1");
    // Nothing backs it yet: one origin.
    await expect(page.getByTestId("independence-warning")).toContainText("needs at least two independent origins");

    const addLink = async (kind: string, other: { statement: string }) => {
      const f = page.getByRole("form", { name: "Add a link" });
      await f.getByLabel("This claim…").selectOption(kind);
      await f.getByLabel("Find the other claim").fill(other.statement.slice(6, 30));
      await f.getByRole("radio", { name: other.statement }).check();
      await f.getByRole("button", { name: "Add link" }).click();
      await expect(page.getByTestId(`links-${kind}`)).toContainText(other.statement);
    };
    // Same source (the wire) corroborating: still one origin.
    await addLink("corroborates", s.sameSource);
    await expect(page.getByTestId("independence-warning")).toContainText("only one independent origin");

    // The table shows the same warning on the row.
    await page.goto(`/cases/${s.caseId}/claims?credibility=1`);
    const row = page.getByTestId("claim-row").filter({ hasText: s.confirmed.statement });
    await expect(row.getByTestId("independence-warning")).toContainText("⚠");
    await expect(row.getByTestId("claim-grade")).toContainText("B1");
    await expect(row.getByTestId("claim-links")).toContainText("1 corroborating link");

    // A claim from another source and another document: two origins, the warning goes.
    await page.goto(`/cases/${s.caseId}/claims/${s.confirmed.id}`);
    await addLink("corroborates", s.independent);
    await expect(page.getByTestId("independence-warning")).toHaveCount(0);
    await expect(page.getByTestId("independence-ok")).toContainText("Backed by 2 independent origins");

    await addLink("contradicts", s.denial);
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("links-contradicts").getByRole("link", { name: s.denial.statement }).click();
    await expect(page).toHaveURL(new RegExp(`/claims/${s.denial.id}$`));
    await expect(page.getByTestId("links-contradicts")).toContainText(`Contradicted by ${s.confirmed.statement}`);

    // The quote links back to the exact place in the document.
    const quoteLink = page.getByTestId("claim-quote").getByRole("link", { name: /Open in “Vendor report”/ });
    await expect(quoteLink).toHaveAttribute("href", new RegExp(`/cases/${s.caseId}/documents/[0-9a-f-]{36}#excerpt-[0-9a-f-]{36}$`));

    // Two independent origins, but a claim contradicts it: "1 – Confirmed" also means consistent with
    // other information, so the row warns about the contradiction (issue 12), not about origins.
    await page.goto(`/cases/${s.caseId}/claims?credibility=1`);
    const warned = page.getByTestId("claim-row").filter({ hasText: s.confirmed.statement }).getByTestId("independence-warning");
    await expect(warned).toContainText("another claim contradicts it");
    await expect(warned).not.toContainText("independent origins");
    await page.context().close();
  });

  test("two people edit one claim: the second save shows the first person's change and keeps the second's text", async ({ browser }) => {
    test.setTimeout(90_000);
    const first = await signedInPage(browser);
    const second = await signedInPage(browser);
    const url = `/cases/${s.caseId}/claims/${s.editable.id}`;
    await gotoHydrated(first, url);
    await gotoHydrated(second, url);

    await first.getByLabel("Statement").fill("Servers were wiped on 15 July 2022 (first editor)");
    await first.getByRole("button", { name: "Save changes" }).click();
    await expect(first.getByRole("form", { name: "Edit claim" }).getByRole("status")).toContainText("Saved");

    await second.getByLabel("Statement").fill("Servers were wiped in mid-July (second editor)");
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(second.getByTestId("claim-conflict")).toContainText("Someone else saved this claim");
    await expect(second.getByTestId("conflict-statement")).toContainText("Servers were wiped on 15 July 2022 (first editor)");
    await expect(second.getByLabel("Statement")).toHaveValue("Servers were wiped in mid-July (second editor)");
    const api = second.context().request;
    expect((await (await api.get(`/api/cases/${s.caseId}/claims/${s.editable.id}`)).json()).claim.statement).toBe(
      "Servers were wiped on 15 July 2022 (first editor)",
    );

    await second.getByRole("button", { name: "Keep mine and save" }).click();
    await expect(second.getByRole("form", { name: "Edit claim" }).getByRole("status")).toContainText("Saved");
    await expect(second.getByTestId("claim-statement")).toHaveText("Servers were wiped in mid-July (second editor)");
    expect((await (await api.get(`/api/cases/${s.caseId}/claims/${s.editable.id}`)).json()).claim).toMatchObject({
      statement: "Servers were wiped in mid-July (second editor)",
      version: 3,
    });
    await first.context().close();
    await second.context().close();
  });

  test("clearing the statement is refused beside the field and nothing changes", async ({ browser }) => {
    const page = await signedInPage(browser);
    await gotoHydrated(page, `/cases/${s.caseId}/claims/${s.denial.id}`);
    await page.getByLabel("Statement").fill("");
    await page.getByLabel("Claimant (who asserts it)").fill("Iranian Embassy in Tirana");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#claim-statement-input-error")).toHaveText("Write the claim as a statement.");
    await expect(page.getByLabel("Claimant (who asserts it)")).toHaveValue("Iranian Embassy in Tirana");
    const { claim } = await (await page.context().request.get(`/api/cases/${s.caseId}/claims/${s.denial.id}`)).json();
    expect(claim).toMatchObject({ statement: s.denial.statement, claimant: "Test claimant", version: 1 });
    await page.context().close();
  });

  test("a non-member gets a 404 for the claims table and a claim", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, "investigator");
    expect((await page.goto(`/cases/${s.caseId}/claims`))?.status()).toBe(404);
    expect((await page.goto(`/cases/${s.caseId}/claims/${s.confirmed.id}`))?.status()).toBe(404);
    expect((await context.request.get(`/api/cases/${s.caseId}/claims`)).status()).toBe(404);
    await context.close();
  });
});

test("a viewer sees a claim read-only: no edit form, no link controls, and the API refuses the edit", async ({ browser }) => {
  // Viewers exist only on the seeded Albania case, so the claim is made there, on a seeded document.
  const analyst = await signedInPage(browser);
  const caseId = await albaniaCaseId(analyst);
  const req = analyst.context().request;
  const { documents } = await (await req.get(`/api/cases/${caseId}/documents`)).json();
  // Other specs add documents to this case in parallel: pick a seeded one by its file name.
  const seeded = documents.find((d: { originalName: string | null }) => d.originalName?.startsWith("000_"));
  const { document } = await (await req.get(`/api/cases/${caseId}/documents/${seeded.id}`)).json();
  const text: string = document.text;
  const start = text.indexOf(" ", 200) + 1;
  const exact = text.slice(start, start + 60);
  expect(text.indexOf(exact)).toBe(text.lastIndexOf(exact));
  const { claim } = await post(req, `/api/cases/${caseId}/claims`, {
    statement: `Viewer check ${Date.now()}`,
    claimant: "Test claimant",
    kind: "fact",
    credibility: 3,
    excerpts: [{ documentId: document.id, start, end: start + 60, exact }],
  });
  await analyst.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "viewer");
  await page.goto(`/cases/${caseId}/claims/${claim.id}`);
  await expect(page.getByTestId("claim-statement")).toHaveText(claim.statement);
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit claim" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  const res = await context.request.patch(`/api/cases/${caseId}/claims/${claim.id}`, {
    data: { version: 1, statement: "Viewer edit" },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(403);
  await context.close();
});
