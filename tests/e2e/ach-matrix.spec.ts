import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN, signIn } from "./fixtures";
import { ADMIN, freshUser, signInWith } from "../security/accounts";

const TEXT = [
  "The wiper deleted the ministry's file servers on 15 July.",
  "The intruders had been inside the network for fourteen months.",
  "The stolen files were posted to a Telegram channel.",
  "No ransom demand was ever received by the government.",
].join(" ");
const QUOTES = TEXT.match(/[^.]+\./g)!.map((s) => s.trim());

type Matrix = {
  hypotheses: { id: string; title: string }[];
  claims: { id: string; statement: string; quote: { excerptId: string; documentId: string; documentTitle: string } | null }[];
  cells: { hypothesisId: string; claimId: string; ratings: { raterId: string; rating: string; note: string }[] }[];
  scores: {
    hypotheses: { hypothesisId: string; inconsistency: number; ratedCount: number; rank: number }[];
    evidence: { claimId: string; diagnosticity: number | null; nonDiagnostic: boolean; excluded: boolean; ratedCount: number }[];
    note: string;
  };
};
// STANDARDS.md §5: unrated cells are left out of both scores; said wherever the scores are shown or exported.
const SCORES_NOTE =
  "Unrated cells are left out of both scores; a row rated against fewer than two hypotheses has no diagnosticity yet (—).";

/** A fresh case with one pasted document, four claims (by exact quote), a question and three hypotheses, all via the API. */
async function freshMatrix(page: Page) {
  const req = page.context().request;
  const created = await req.post("/api/cases", {
    data: { title: `ACH ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).case.id as string;
  const doc = await req.post(`/api/cases/${caseId}/documents`, { data: { title: "Incident notes", text: TEXT }, headers: ORIGIN });
  expect(doc.status()).toBe(201);
  const documentId = (await doc.json()).document.id as string;
  const claims: string[] = [];
  for (const exact of QUOTES) {
    const res = await req.post(`/api/cases/${caseId}/claims`, {
      data: { statement: exact, claimant: "Incident notes", kind: "fact", credibility: 2, excerpts: [{ documentId, exact }] },
      headers: ORIGIN,
    });
    expect(res.status()).toBe(201);
    claims.push((await res.json()).claim.id);
  }
  const q = await req.post(`/api/cases/${caseId}/questions`, { data: { question: "Who wiped the ministry's servers?" }, headers: ORIGIN });
  expect(q.status()).toBe(201);
  const questionId = (await q.json()).question.id as string;
  const hypotheses: string[] = [];
  for (const title of ["State intelligence service", "Hacktivists acting alone", "Criminal ransomware crew"]) {
    const res = await req.post(`/api/cases/${caseId}/hypotheses`, { data: { questionId, title }, headers: ORIGIN });
    expect(res.status()).toBe(201);
    hypotheses.push((await res.json()).hypothesis.id);
  }
  return { caseId, claims, hypotheses, documentId };
}

async function getMatrix(page: Page, caseId: string): Promise<Matrix> {
  const res = await page.context().request.get(`/api/cases/${caseId}/ach`);
  expect(res.status()).toBe(200);
  return (await res.json()).matrix;
}

test("rates the ACH matrix from the keyboard: scores, highlight, fading and sensitivity follow; ratings and notes persist", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginAs(page, "analyst");
  const { caseId, claims, hypotheses } = await freshMatrix(page);
  await page.goto(`/cases/${caseId}/ach`);
  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("data-ready", "true");

  const cell = (row: number, h: number) =>
    page.locator(`[data-testid="ach-cell"][data-claim-id="${claims[row]}"][data-hypothesis-id="${hypotheses[h]}"]`);
  const header = (h: number) => page.locator(`[data-testid="ach-hypothesis"][data-hypothesis-id="${hypotheses[h]}"]`);
  const row = (r: number) => page.locator(`tr[data-claim-id="${claims[r]}"]`);
  // Inconsistency = Σ (3 − score)² over cells scored below 3, with C = 4, I = 2, II = 1 (STANDARDS.md §5).
  const expectInconsistency = async (values: [number, number, number]) => {
    for (const [h, v] of values.entries()) {
      await expect(
        page.locator(`[data-testid="ach-inconsistency"][data-hypothesis-id="${hypotheses[h]}"] [data-testid="ach-inconsistency-value"]`),
      ).toHaveText(String(v));
    }
  };
  const press = (...keys: string[]) => keys.reduce((p, k) => p.then(() => page.keyboard.press(k)), Promise.resolve());

  await expectInconsistency([0, 0, 0]);
  await expect(page.locator('[data-leading="true"]')).toHaveCount(0);
  await expect(page.getByTestId("ach-scores-note")).toHaveText(SCORES_NOTE);
  await expect(row(0).getByTestId("ach-diagnosticity")).toHaveText("—");

  // Row 1: C, I, I. Unrated cells are left out of diagnosticity (STANDARDS.md §5): one rated cell has none
  // yet ("—", not faded), two give the sd of those two, the third brings it to the sd of all three.
  await cell(0, 0).focus();
  await press("c");
  await expect(cell(0, 0)).toHaveAttribute("data-mine", "C");
  await expect(row(0).getByTestId("ach-diagnosticity")).toHaveText("—");
  await expect(row(0).getByTestId("ach-diagnosticity")).toHaveAttribute("aria-label", /rated against one hypothesis, needs two/);
  await expect(row(0)).not.toHaveAttribute("data-dimmed", "true");
  await press("ArrowRight", "i");
  await expect(cell(0, 1)).toHaveAttribute("data-mine", "I");
  await expectInconsistency([0, 1, 0]);
  await expect(row(0).getByTestId("ach-diagnosticity")).toHaveText("1.00"); // sd of 4, 2 (the blank is not a 3)
  await press("ArrowRight", "i");
  await expectInconsistency([0, 1, 1]);
  await expect(row(0).getByTestId("ach-diagnosticity")).toHaveText("0.94"); // sd of 4, 2, 2

  // Row 2, right to left: C, C, then I twice quickly = II.
  await press("ArrowDown", "c", "ArrowLeft", "c", "ArrowLeft", "i", "i");
  await expect(cell(1, 0)).toHaveAttribute("data-mine", "II");
  await expectInconsistency([4, 1, 1]);

  // Row 3: C against every hypothesis — it proves nothing and fades. One C is not yet "rated alike" (—, not
  // faded); two Cs with the third blank already are (0.00: the blank is left out, not counted as N).
  await press("ArrowDown", "c");
  await expect(cell(2, 0)).toHaveAttribute("data-mine", "C");
  await expect(row(2).getByTestId("ach-diagnosticity")).toHaveText("—");
  await expect(row(2)).not.toHaveAttribute("data-dimmed", "true");
  await press("ArrowRight", "c");
  await expect(cell(2, 1)).toHaveAttribute("data-mine", "C");
  await expect(row(2).getByTestId("ach-diagnosticity")).toHaveText("0.00");
  await expect(row(2)).toHaveAttribute("data-dimmed", "true");
  await expect(row(2)).toContainText("rated alike against the 2 hypotheses rated");
  await press("ArrowRight", "c");
  await expect(cell(2, 2)).toHaveAttribute("data-mine", "C");
  await expect(row(2)).toHaveAttribute("data-dimmed", "true");
  await expect(row(2)).toContainText("rated alike against every hypothesis");
  await expect(row(2).getByTestId("ach-diagnosticity")).toHaveText("0.00");
  await expect(row(0)).not.toHaveAttribute("data-dimmed", "true");

  // Row 4, right to left: I, Shift+I = II, C.
  await press("ArrowDown", "i", "ArrowLeft", "Shift+I", "ArrowLeft", "c");
  await expect(cell(3, 1)).toHaveAttribute("data-mine", "II");
  await expectInconsistency([4, 5, 2]);
  await expect(header(2)).toHaveAttribute("data-leading", "true");
  await expect(header(2)).toContainText("least inconsistent");
  await expect(header(0)).not.toHaveAttribute("data-leading", "true");

  // Sensitivity: treat row 2 as false (End reaches the row's toggle) — H1 loses its 4 and overtakes H3.
  await press("ArrowUp", "ArrowUp", "End", "Space");
  await expect(row(1).getByRole("button", { name: /^Treated as false/ })).toHaveAttribute("aria-pressed", "true");
  await expectInconsistency([0, 5, 2]);
  await expect(page.getByTestId("ach-sensitivity")).toContainText("ranking changes: H1 ↔ H3");
  await expect(header(0)).toHaveAttribute("data-leading", "true");
  // Issue 15: with a row treated as false and cells rated, every control's name holds its visible text (axe).
  await expectNoSeriousA11yViolations(page);
  await row(1)
    .getByRole("button", { name: /^Treated as false/ })
    .focus();
  await press("Space");
  await expectInconsistency([4, 5, 2]);
  await expect(page.getByTestId("ach-sensitivity")).toHaveText("");

  // A note: Enter on a cell opens the editor; a later keyboard rating keeps the note.
  await cell(0, 0).focus();
  await press("Enter");
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Note (why this rating)").fill("Fits a state wiper campaign.");
  await dialog.getByRole("button", { name: "Save rating" }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(0, 0)).toBeFocused();
  await press("Shift+C");
  await expect(cell(0, 0)).toHaveAttribute("data-mine", "CC");
  await expectNoSeriousA11yViolations(page);

  // Everything reached the server before the reload.
  await expect.poll(async () => (await getMatrix(page, caseId)).cells.reduce((n, c) => n + c.ratings.length, 0)).toBe(12);
  await expect
    .poll(
      async () =>
        (await getMatrix(page, caseId)).cells.find((c) => c.claimId === claims[0] && c.hypothesisId === hypotheses[0])?.ratings[0]?.rating,
    )
    .toBe("CC");
  await page.reload();
  await expect(grid).toHaveAttribute("data-ready", "true");
  await expectInconsistency([4, 5, 2]);
  await expect(cell(0, 0)).toHaveAttribute("data-mine", "CC");
  await expect(cell(0, 0)).toHaveAttribute("title", /Fits a state wiper campaign\./);
  await expect(cell(1, 0)).toHaveAttribute("data-mine", "II");
  await expect(row(2)).toHaveAttribute("data-dimmed", "true");
  await expect(header(2)).toHaveAttribute("data-leading", "true");

  // A save that fails puts the cell back and says so.
  await page.route("**/api/hypotheses/*/ratings/*", (route) => route.abort());
  await cell(3, 2).focus();
  await press("n");
  await expect(page.getByTestId("ach-error")).toContainText("Could not save N");
  await expect(cell(3, 2)).toHaveAttribute("data-mine", "I");
  await expectInconsistency([4, 5, 2]);
  await page.unroute("**/api/hypotheses/*/ratings/*");
});

test("the skip link reaches the grid in one Tab and Enter; the claim column shows a long statement whole and links to the claim and its quote; a key that is no rating changes nothing", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loginAs(page, "analyst");
  const { caseId, claims, hypotheses, documentId } = await freshMatrix(page);
  const req = page.context().request;
  // A statement far longer than the column: it used to be cut to one line with an ellipsis.
  const long = `${QUOTES[1]} ${"The logs show the same operator account returning every few weeks, from the same hosting provider, ".repeat(3).trim()}`;
  const created = await req.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: long,
      claimant: "Incident notes",
      kind: "assessment",
      credibility: 3,
      excerpts: [{ documentId, exact: QUOTES[1] }],
    },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const longId = (await created.json()).claim.id as string;
  const quote = (await getMatrix(page, caseId)).claims.find((c) => c.id === longId)!.quote;
  expect(quote).toMatchObject({ documentId, documentTitle: "Incident notes" });

  await page.goto(`/cases/${caseId}/ach`);
  await expect(page.getByRole("grid")).toHaveAttribute("data-ready", "true");
  const first = page.locator(`[data-testid="ach-cell"][data-claim-id="${claims[0]}"][data-hypothesis-id="${hypotheses[0]}"]`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the matrix" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(first).toBeFocused();
  // A key that is no rating does nothing: no rating, no request, no error. "c" right after rates.
  await page.keyboard.press("x");
  await expect(first).toHaveAttribute("data-mine", "");
  await expect(page.getByTestId("ach-error")).toHaveCount(0);
  await page.keyboard.press("c");
  await expect(first).toHaveAttribute("data-mine", "C");

  // The whole statement, wrapped: nothing cut off.
  const row = page.locator(`tr[data-claim-id="${longId}"]`);
  const link = row.getByTestId("ach-claim-link");
  await expect(link).toHaveText(long);
  expect(await link.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height > 30)).toBe(true);

  // The row's links open the claim and its quote in the reader.
  await link.click();
  await expect(page).toHaveURL(`/cases/${caseId}/claims/${longId}`);
  await expect(page.getByTestId("claim-statement")).toHaveText(long);
  await page.goBack();
  await row.getByTestId("ach-quote-link").click();
  await expect(page).toHaveURL(`/cases/${caseId}/documents/${documentId}#excerpt-${quote!.excerptId}`);
  await expect(page.locator(`mark[data-excerpts~="${quote!.excerptId}"]`).first()).toBeVisible();
});

test("clears ratings with Delete, Backspace, the visible button and the note dialog: scores follow and the clears persist", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loginAs(page, "analyst");
  const { caseId, claims, hypotheses } = await freshMatrix(page);
  const req = page.context().request;
  const put = async (row: number, h: number, rating: string, note = "") =>
    expect(
      (await req.put(`/api/hypotheses/${hypotheses[h]}/ratings/${claims[row]}`, { data: { rating, note }, headers: ORIGIN })).status(),
    ).toBe(200);
  // H1: I (1) + II (4) = 5; H2: II = 4; H3: C and CC, consistent = 0.
  await put(0, 0, "I", "Wipers are not a state signature.");
  await put(1, 0, "II");
  await put(0, 1, "II");
  await put(2, 2, "C");
  await put(3, 2, "CC");

  await page.goto(`/cases/${caseId}/ach`);
  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("data-ready", "true");
  const cell = (row: number, h: number) =>
    page.locator(`[data-testid="ach-cell"][data-claim-id="${claims[row]}"][data-hypothesis-id="${hypotheses[h]}"]`);
  const diagnosticity = (row: number) => page.locator(`tr[data-claim-id="${claims[row]}"] [data-testid="ach-diagnosticity"]`);
  const expectInconsistency = async (values: [number, number, number]) => {
    for (const [h, v] of values.entries()) {
      await expect(
        page.locator(`[data-testid="ach-inconsistency"][data-hypothesis-id="${hypotheses[h]}"] [data-testid="ach-inconsistency-value"]`),
      ).toHaveText(String(v));
    }
  };
  await expectInconsistency([5, 4, 0]);
  await expect(page.locator(`[data-testid="ach-hypothesis"][data-hypothesis-id="${hypotheses[2]}"]`)).toHaveAttribute(
    "data-leading",
    "true",
  );
  // Rows rated against one hypothesis only have no diagnosticity yet: "—", never 0.00 (the old blanks-as-3
  // rule showed 0.94 for row 2's lone II) and not faded. Row 1 is I and II with H3 blank: sd of 2, 1.
  await expect(diagnosticity(0)).toHaveText("0.50");
  for (const r of [1, 2, 3]) {
    await expect(diagnosticity(r)).toHaveText("—");
    await expect(page.locator(`tr[data-claim-id="${claims[r]}"]`)).not.toHaveAttribute("data-dimmed", "true");
  }
  // The API says the same: null (not 0) and the §5 sentence for whoever exports the scores.
  const evidence = (await getMatrix(page, caseId)).scores;
  expect(evidence.note).toBe(SCORES_NOTE);
  expect(evidence.evidence.map((e) => [e.claimId, e.diagnosticity, e.nonDiagnostic, e.ratedCount])).toEqual([
    [claims[0], 0.5, false, 2],
    [claims[1], null, false, 1],
    [claims[2], null, false, 1],
    [claims[3], null, false, 1],
  ]);
  expect(evidence.hypotheses.map((h) => [h.hypothesisId, h.inconsistency, h.ratedCount])).toEqual([
    [hypotheses[2], 0, 2],
    [hypotheses[1], 4, 1],
    [hypotheses[0], 5, 2],
  ]);

  // Keyboard: Delete clears the focused cell back to "not rated", and the scores move at once.
  await cell(0, 0).focus();
  await page.keyboard.press("Delete");
  await expect(cell(0, 0)).toHaveAttribute("data-mine", "");
  await expect(cell(0, 0)).toHaveAttribute("aria-label", /you have not rated this; not rated/);
  await expectInconsistency([4, 4, 0]);
  // Backspace does the same; a rating typed right after a clear is a fresh single press (C, not CC).
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Backspace");
  await expect(cell(1, 0)).toHaveAttribute("data-mine", "");
  await expectInconsistency([0, 4, 0]);
  await page.keyboard.press("c");
  await expect(cell(1, 0)).toHaveAttribute("data-mine", "C");
  await page.keyboard.press("Backspace");
  await expect(cell(1, 0)).toHaveAttribute("data-mine", "");
  // Clearing a cell that holds no rating of mine does nothing and asks nothing of the server.
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("ach-error")).toHaveCount(0);

  // Mouse: clicking a cell shows a "Clear my rating" control for it.
  await cell(0, 1).click();
  const clearButton = page.getByRole("button", { name: /^Clear my rating II of H2 on / });
  await expect(clearButton).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await clearButton.click();
  await expect(cell(0, 1)).toHaveAttribute("data-mine", "");
  await expect(cell(0, 1)).toBeFocused();
  await expect(clearButton).toHaveCount(0);
  await expectInconsistency([0, 0, 0]);
  // The note dialog offers it too, for a cell that has a rating.
  await cell(2, 2).dblclick();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Clear my rating" }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(2, 2)).toHaveAttribute("data-mine", "");

  // Everything reached the server: only H3 × claim 4 is still rated, and each clear was audited once with what it removed.
  const remaining = async () =>
    (await getMatrix(page, caseId)).cells.flatMap((c) => c.ratings.map((r) => `${c.claimId}|${c.hypothesisId}|${r.rating}`));
  await expect.poll(remaining).toEqual([`${claims[3]}|${hypotheses[2]}|CC`]);
  const audit = await (await req.get(`/api/cases/${caseId}/audit`, { params: { action: "ach.clear" } })).json();
  expect(audit.total).toBe(5);
  expect(audit.events.map((e: { before: { rating: string } }) => e.before.rating).sort()).toEqual(["C", "C", "I", "II", "II"]);
  expect(audit.events.find((e: { before: { note: string } }) => e.before.note)?.before).toMatchObject({
    claimId: claims[0],
    rating: "I",
    note: "Wipers are not a state signature.",
  });
  await page.reload();
  await expect(grid).toHaveAttribute("data-ready", "true");
  await expectInconsistency([0, 0, 0]);
  await expect(cell(0, 0)).toHaveAttribute("data-mine", "");
  await expect(cell(3, 2)).toHaveAttribute("data-mine", "CC");
  await expect(diagnosticity(0)).toHaveText("—");
  await expect(diagnosticity(3)).toHaveText("—");
  const raw = await (await req.get(`/api/cases/${caseId}/ach`)).text();
  expect(raw).toContain(`{"claimId":"${claims[3]}","diagnosticity":null,`);

  // A clear the server refuses puts the rating back and says so.
  await page.route("**/api/hypotheses/*/ratings/*", (route) => route.abort());
  await cell(3, 2).focus();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("ach-error")).toContainText("Could not clear your rating for H3");
  await expect(cell(3, 2)).toHaveAttribute("data-mine", "CC");
  await page.unroute("**/api/hypotheses/*/ratings/*");
});

test("DELETE /api/hypotheses/{id}/ratings/{claimId} refuses another case's claim or hypothesis (404), a non-member (404) and a viewer (403), changing nothing", async ({
  page,
  playwright,
  baseURL,
}) => {
  await loginAs(page, "analyst");
  const req = page.context().request;
  const mine = await freshMatrix(page);
  const other = await freshMatrix(page);
  const url = (h: string, c: string) => `/api/hypotheses/${h}/ratings/${c}`;
  expect((await req.put(url(mine.hypotheses[0], mine.claims[0]), { data: { rating: "II", note: "kept" }, headers: ORIGIN })).status()).toBe(
    200,
  );
  expect((await req.put(url(other.hypotheses[0], other.claims[0]), { data: { rating: "C" }, headers: ORIGIN })).status()).toBe(200);

  // A hypothesis of one case with a claim of another, either way round: 404, even for the owner of both.
  expect((await req.delete(url(mine.hypotheses[0], other.claims[0]), { headers: ORIGIN })).status()).toBe(404);
  expect((await req.delete(url(other.hypotheses[0], mine.claims[0]), { headers: ORIGIN })).status()).toBe(404);
  expect((await req.delete(url(mine.hypotheses[0], "not-a-claim"), { headers: ORIGIN })).status()).toBe(404);
  // Someone who is not a member of the case gets the same 404 as for an unknown id.
  const stranger = await playwright.request.newContext({ baseURL });
  await signIn(stranger, "investigator", "10.1.1.7");
  const refused = await stranger.delete(url(mine.hypotheses[0], mine.claims[0]), { headers: ORIGIN });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("kept");
  await stranger.dispose();

  const ratingOf = async (m: { caseId: string; claims: string[]; hypotheses: string[] }) =>
    (await getMatrix(page, m.caseId)).cells
      .find((c) => c.claimId === m.claims[0] && c.hypothesisId === m.hypotheses[0])!
      .ratings.map((r) => [r.rating, r.note]);
  expect(await ratingOf(mine)).toEqual([["II", "kept"]]);
  expect(await ratingOf(other)).toEqual([["C", ""]]);
  expect((await (await req.get(`/api/cases/${mine.caseId}/audit`, { params: { action: "ach.clear" } })).json()).total).toBe(0);

  // The owner's own clear works, and a second one is a harmless no-op.
  const cleared = await req.delete(url(mine.hypotheses[0], mine.claims[0]), { headers: ORIGIN });
  expect(cleared.status()).toBe(200);
  expect(await cleared.json()).toEqual({ cleared: true, previous: { rating: "II", note: "kept" } });
  expect(await (await req.delete(url(mine.hypotheses[0], mine.claims[0]), { headers: ORIGIN })).json()).toEqual({
    cleared: false,
    previous: null,
  });
  expect(await ratingOf(mine)).toEqual([]);
});

test("PUT /api/hypotheses/{id}/ratings/{claimId} refuses an unknown rating with 422 and changes nothing", async ({ page }) => {
  await loginAs(page, "analyst");
  const { caseId, claims, hypotheses } = await freshMatrix(page);
  const req = page.context().request;
  const url = `/api/hypotheses/${hypotheses[0]}/ratings/${claims[0]}`;
  expect((await req.put(url, { data: { rating: "C", note: "first" }, headers: ORIGIN })).status()).toBe(200);
  const bad = await req.put(url, { data: { rating: "X", note: "overwritten?" }, headers: ORIGIN });
  expect(bad.status()).toBe(422);
  expect(JSON.stringify(await bad.json())).toContain("Rating must be one of CC, C, N, I, II or NA.");
  const cell = (await getMatrix(page, caseId)).cells.find((c) => c.claimId === claims[0] && c.hypothesisId === hypotheses[0])!;
  expect(cell.ratings.map((r) => [r.rating, r.note])).toEqual([["C", "first"]]);
});

test("a viewer sees the seeded matrix read-only and cannot rate (403)", async ({ page }) => {
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  const matrix = await getMatrix(page, caseId);
  const h1 = matrix.hypotheses.find((h) => h.title === "Iran's MOIS-linked operators")!;
  const denial = matrix.claims.find((c) => c.statement.startsWith("Iran denies responsibility"))!;
  expect(h1 && denial, "seeded question, hypothesis and claim").toBeTruthy();

  const put = await page
    .context()
    .request.put(`/api/hypotheses/${h1.id}/ratings/${denial.id}`, { data: { rating: "CC" }, headers: ORIGIN });
  expect(put.status()).toBe(403);
  const del = await page.context().request.delete(`/api/hypotheses/${h1.id}/ratings/${denial.id}`, { headers: ORIGIN });
  expect(del.status()).toBe(403);

  await page.goto(`/cases/${caseId}/ach`);
  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("data-ready", "true");
  await expect(grid).toHaveAttribute("aria-readonly", "true");
  await expect(page.locator('[data-editable="true"]')).toHaveCount(0);
  await expect(page.getByTestId("ach-scores-note")).toHaveText(SCORES_NOTE);
  // Two raters (I and N): the viewer sees their mean, and the rejected hypothesis is marked.
  const cell = page.locator(`[data-testid="ach-cell"][data-claim-id="${denial.id}"][data-hypothesis-id="${h1.id}"]`);
  await expect(cell).toContainText("2.5");
  await expect(page.getByTestId("ach-hypothesis").filter({ hasText: "A criminal ransomware crew" })).toContainText("rejected");

  await cell.focus();
  await page.keyboard.press("c");
  await expect(cell).toHaveAttribute("data-mine", "");
  await expect(page.getByTestId("ach-error")).toContainText("can read the matrix but not rate it");
  // No clear control for a viewer, and Delete on a cell is refused the same way.
  await expect(page.getByTestId("ach-clear-rating")).toHaveCount(0);
  await page.getByTestId("ach-error").getByRole("button", { name: "Dismiss" }).click();
  await cell.focus();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("ach-error")).toContainText("can read the matrix but not rate it");
  const after = (await getMatrix(page, caseId)).cells.find((c) => c.claimId === denial.id && c.hypothesisId === h1.id)!;
  expect(after.ratings.map((r) => r.rating).sort()).toEqual(["I", "N"]);
  await expectNoSeriousA11yViolations(page);
});

test("GET /cases/{caseId}/ach gives a non-member nothing", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  await page.context().clearCookies();
  await loginAs(page, "investigator");
  const res = await page.goto(`/cases/${caseId}/ach`);
  expect(res?.status()).toBe(404);
  expect((await page.context().request.get(`/api/cases/${caseId}/ach`)).status()).toBe(404);
});

test("importing a case from the New case page: a missing or truncated file is refused beside the form and adds no case; the copy's ACH page shows the exporting workspace's ratings apart from its own matrix", async ({
  page,
  browser,
}) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  await page.goto(`/cases/${caseId}/brief`);
  const link = page.getByRole("link", { name: "Case archive (STIX 2.1, lossless)" });
  const archive = await (await page.context().request.get((await link.getAttribute("href"))!)).text();

  // A throwaway account imports it, so the copy shows up in no demo user's case list or search.
  const adminContext = await browser.newContext();
  await signInWith(adminContext.request, ADMIN.email, ADMIN.password);
  const importer = await browser.newContext();
  const account = await freshUser(adminContext.request, importer.request, "importer");
  await signInWith(importer.request, account.email, account.password);
  const view = await importer.newPage();
  await view.goto("/cases/new");
  const form = view.getByRole("region", { name: "Import a case" });
  await expectNoSeriousA11yViolations(view);

  // Bad input: no file, then the archive cut short — a clear message each time, and no case appears.
  await form.getByRole("button", { name: "Import case" }).click();
  await expect(form.getByText("Choose a file to import.")).toBeVisible();
  const file = (text: string) => ({ name: "albania.stix.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await form.getByLabel("Case file").setInputFiles(file(archive.slice(0, archive.length / 2)));
  await form.getByRole("button", { name: "Import case" }).click();
  await expect(form.getByTestId("form-error")).toContainText(/STIX|JSON/);
  expect((await (await importer.request.get("/api/cases")).json()).cases).toEqual([]);

  await form.getByLabel("Case file").setInputFiles(file(archive));
  await form.getByRole("button", { name: "Import case" }).click();
  await view.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(view.getByRole("heading", { level: 1 })).toContainText("2022 Albania government cyberattacks (imported ");
  const copyId = new URL(view.url()).pathname.split("/")[2];
  // The overview counts its hypotheses as never rated here and points to the ratings the exporter recorded.
  await expect(view.getByTestId("unrated-hypotheses")).toContainText("The workspace this case was imported from rated");

  await view.getByTestId("unrated-hypotheses").getByRole("link", { name: "ACH page" }).click();
  await view.waitForURL(`**/cases/${copyId}/ach`);
  const recorded = view.getByRole("region", { name: "Recorded by the workspace this case came from" });
  await expect(recorded).toBeVisible();
  // The seeded raters of the Albania case, as the exporting workspace recorded them; the matrix holds none of it.
  await expect(recorded.getByRole("table", { name: /Recorded ACH ratings/ })).toContainText("Ana Analyst");
  const matrix = await getMatrix(view, copyId);
  expect(matrix.hypotheses.length).toBeGreaterThan(0);
  expect(matrix.cells.flatMap((c) => c.ratings)).toEqual([]);
  await expectNoSeriousA11yViolations(view);
  await adminContext.close();
  await importer.close();
});
