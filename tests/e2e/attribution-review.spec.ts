import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { albaniaCaseId, type DemoUser, expectNoSeriousA11yViolations, gotoHydrated, loginAs, ORIGIN } from "./fixtures";

// reviewer@example.com is a reviewer only on the seeded Albania case, so the two-person flows run there,
// on a question and hypotheses each test creates for itself (unique titles; seeded ones are not touched).

const uid = () => randomBytes(4).toString("hex");

async function signedInPage(browser: Browser, who: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, who);
  return page;
}

async function post(request: APIRequestContext, url: string, data: unknown) {
  return request.post(url, { data, headers: ORIGIN });
}

/** A fresh question with one hypothesis in the Albania case, created through the API as the analyst. */
async function makeHypothesis(request: APIRequestContext, caseId: string, extra: Record<string, unknown> = {}) {
  const tag = uid();
  const q = await post(request, `/api/cases/${caseId}/questions`, { question: `Who ran operation ${tag}?` });
  expect(q.status()).toBe(201);
  const { question } = await q.json();
  const h = await post(request, `/api/cases/${caseId}/hypotheses`, {
    questionId: question.id,
    title: `Operators ${tag}`,
    likelihood: "likely",
    confidence: "moderate",
    rationale: `Original rationale ${tag}`,
    // What the brief prints if this judgment is approved (these run in the shared Albania case).
    proposition: `operators ${tag} ran operation ${tag}`,
    confidenceBasis: "a test fixture's single source",
    ...extra,
  });
  expect(h.status()).toBe(201);
  const { hypothesis } = await h.json();
  return { question, hypothesis: hypothesis as { id: string; title: string; rationale: string; contentHash: string }, tag };
}

const reviewBadge = (page: Page) => page.getByTestId("review-panel").getByTestId("review-state");

// Each test walks a whole journey in two or three browser contexts against a shared 2-core server.
test.describe.configure({ timeout: 120_000 });

test("analyst submits, cannot approve their own judgment; the reviewer approves the exact version; an edit withdraws it", async ({
  browser,
}) => {
  const analyst = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const { hypothesis: h, question } = await makeHypothesis(analyst.request, caseId);
  const url = `/cases/${caseId}/attribution/${h.id}`;

  // The board: the card shows likelihood and confidence as two separate judgments, and the review state.
  await analyst.goto(`/cases/${caseId}/attribution`);
  const card = analyst.getByRole("article", { name: h.title });
  await expect(card.getByTestId("judgment-line")).toHaveText("Likely · Moderate confidence");
  await expect(card.getByTestId("review-state")).toHaveText("Draft");
  await expect(analyst.getByRole("heading", { name: question.question })).toBeVisible();
  await expectNoSeriousA11yViolations(analyst);

  await analyst.goto(url);
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(reviewBadge(analyst)).toHaveText("In review");
  // The author sees no Approve button, and the API refuses anyway.
  await expect(analyst.getByTestId("own-judgment-note")).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Approve this version" })).toHaveCount(0);
  const self = await post(analyst.request, `/api/hypotheses/${h.id}/approve`, { contentHash: h.contentHash });
  expect(self.status()).toBe(403);

  // The reviewer finds it in their queue, sees the hash being approved, and approves it.
  const reviewer = await signedInPage(browser, "reviewer");
  const queue = await (await reviewer.request.get("/api/reviews/queue")).json();
  expect(queue.items.map((i: { targetId: string }) => i.targetId)).toContain(h.id);
  await reviewer.goto(url);
  await expect(reviewer.getByTestId("approve-hash")).toHaveText(h.contentHash.slice(0, 12));
  await expectNoSeriousA11yViolations(reviewer);
  await reviewer.getByRole("button", { name: "Approve this version" }).click();
  await expect(reviewBadge(reviewer)).toHaveText(/Approved\s*✓\s*by Rui Reviewer/);
  const approved = await (await reviewer.request.get(`/api/hypotheses/${h.id}`)).json();
  expect(approved.hypothesis).toMatchObject({ reviewState: "approved", approvedHash: h.contentHash });
  // Decided, it leaves the reviewer's queue.
  const after = await (await reviewer.request.get("/api/reviews/queue")).json();
  expect(after.items.map((i: { targetId: string }) => i.targetId)).not.toContain(h.id);

  // The board names the approver.
  await analyst.goto(`/cases/${caseId}/attribution`);
  await expect(analyst.getByRole("article", { name: h.title }).getByTestId("review-state")).toHaveText(/Approved\s*✓\s*by Rui Reviewer/);

  // The analyst edits the approved judgment: the approval is withdrawn and the page says so.
  await gotoHydrated(analyst, url);
  await analyst.getByLabel("Rationale", { exact: true }).fill("Rationale revised after review");
  await analyst.getByLabel("Reason for the change (required)").fill("New Microsoft report");
  await analyst.getByRole("button", { name: "Save changes" }).click();
  await expect(analyst.getByTestId("save-notice")).toContainText("Your edit withdrew the approval; the judgment is back to draft");
  await expect(reviewBadge(analyst)).toHaveText("Draft");
  // The review history says the approval was withdrawn, by whose edit and why; it never reads "Approved".
  const history = analyst.getByTestId("review-history");
  await expect(history.getByTestId("review-decision")).toHaveText(["Approval withdrawn"]);
  await expect(history.getByTestId("withdrawn-reason")).toContainText("changed the judgment (version 1 → 2): New Microsoft report");
  const latest = analyst.getByTestId("history-entry").first();
  await expect(latest).toContainText("Version 2");
  await expect(latest).toContainText("New Microsoft report");
  await expect(latest.getByRole("row", { name: /Rationale/ })).toContainText("Rationale revised after review");
  const edited = await (await analyst.request.get(`/api/hypotheses/${h.id}`)).json();
  expect(edited.hypothesis).toMatchObject({ reviewState: "draft", approvedHash: null, version: 2 });
});

test("two people edit the same judgment: the second save is told about the first and keeps what was typed", async ({ browser }) => {
  const first = await signedInPage(browser, "analyst");
  const second = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(first);
  const { hypothesis: h } = await makeHypothesis(first.request, caseId);
  const url = `/cases/${caseId}/attribution/${h.id}`;
  await gotoHydrated(first, url);
  await gotoHydrated(second, url);

  await first.getByLabel("Rationale", { exact: true }).fill("First person's rationale");
  await first.getByLabel("Reason for the change (required)").fill("First edit");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByTestId("save-notice")).toHaveText("Saved as version 2.");

  await second.getByLabel("Rationale", { exact: true }).fill("Second person's rationale");
  await second.getByLabel("Reason for the change (required)").fill("Second edit");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByTestId("conflict-panel")).toContainText("Someone else changed this judgment");
  await expect(second.getByTestId("conflict-rationale")).toContainText("First person's rationale");
  await expect(second.getByLabel("Rationale", { exact: true })).toHaveValue("Second person's rationale");
  await expect(second.getByLabel("Reason for the change (required)")).toHaveValue("Second edit");
  expect((await (await second.request.get(`/api/hypotheses/${h.id}`)).json()).hypothesis.rationale).toBe("First person's rationale");

  // Choosing to keep their own edits saves them over version 2, recorded as version 3.
  await second.getByRole("button", { name: "Keep my edits (save over theirs next)" }).click();
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByTestId("save-notice")).toHaveText("Saved as version 3.");
  const final = await (await second.request.get(`/api/hypotheses/${h.id}`)).json();
  expect(final.hypothesis).toMatchObject({ rationale: "Second person's rationale", version: 3 });
  expect(final.history.map((v: { reason: string }) => v.reason)).toEqual(["Created", "First edit", "Second edit"]);
});

test("bad input changes nothing: no reason, a stale hash, an unknown rating, a viewer approving", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const { hypothesis: h } = await makeHypothesis(analyst.request, caseId);
  const url = `/cases/${caseId}/attribution/${h.id}`;

  // Saving without a reason: the message is beside the reason field and nothing is sent.
  await gotoHydrated(analyst, url);
  await analyst.getByLabel("Rationale", { exact: true }).fill("Changed without saying why");
  await analyst.getByRole("button", { name: "Save changes" }).click();
  await expect(analyst.locator("#h-reason-error")).toContainText("Say why you are changing this judgment");
  await expect(analyst.getByLabel("Reason for the change (required)")).toHaveAttribute("aria-invalid", "true");
  await expect(analyst.getByLabel("Rationale", { exact: true })).toHaveValue("Changed without saying why");
  const unchanged = await (await analyst.request.get(`/api/hypotheses/${h.id}`)).json();
  expect(unchanged.hypothesis).toMatchObject({ version: 1, rationale: h.rationale });
  // The server refuses it too, naming the field.
  const noReason = await analyst.request.patch(`/api/hypotheses/${h.id}`, { data: { version: 1, rationale: "x" }, headers: ORIGIN });
  expect(noReason.status()).toBe(422);
  expect((await noReason.json()).error.issues.map((i: { path: string }) => i.path)).toContain("reason");

  // Approving with a stale hash is a conflict, and the judgment stays in review.
  expect((await post(analyst.request, `/api/hypotheses/${h.id}/submit`, {})).status()).toBe(200);
  const reviewer = await signedInPage(browser, "reviewer");
  const stale = await post(reviewer.request, `/api/hypotheses/${h.id}/approve`, { contentHash: "0".repeat(64) });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.currentHash).toBe(h.contentHash);
  expect((await (await reviewer.request.get(`/api/hypotheses/${h.id}`)).json()).hypothesis.reviewState).toBe("in_review");

  // A rating outside CC/C/N/I/II/NA is refused with the field named.
  const tag = uid();
  const doc = await post(analyst.request, `/api/cases/${caseId}/documents`, {
    title: `Wire ${tag}`,
    text: `Officials said the attack ${tag} came from abroad.`,
  });
  expect(doc.status()).toBe(201);
  const { document } = await doc.json();
  const claimRes = await post(analyst.request, `/api/cases/${caseId}/claims`, {
    statement: `Attack ${tag} came from abroad`,
    claimant: "Officials",
    kind: "allegation",
    credibility: 3,
    excerpts: [{ documentId: document.id, exact: `the attack ${tag} came from abroad` }],
  });
  expect(claimRes.status()).toBe(201);
  const { claim } = await claimRes.json();
  const bad = await analyst.request.put(`/api/hypotheses/${h.id}/ratings/${claim.id}`, { data: { rating: "ZZ" }, headers: ORIGIN });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toContain("rating");

  // A viewer can read the judgment but not approve it.
  const viewer = await signedInPage(browser, "viewer");
  expect((await post(viewer.request, `/api/hypotheses/${h.id}/approve`, { contentHash: h.contentHash })).status()).toBe(403);
  await viewer.goto(url);
  await expect(viewer.getByTestId("hypothesis-title")).toHaveText(h.title);
  await expect(viewer.getByRole("button", { name: "Approve this version" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Save changes" })).toHaveCount(0);
});

test("the evidence trail, vendor statements and recorded dissent stay with the judgment", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const tag = uid();
  const entity = await (
    await post(analyst.request, `/api/cases/${caseId}/entities`, { kind: "threat_actor", name: `Actor ${tag}` })
  ).json();
  const source = await (
    await post(analyst.request, `/api/cases/${caseId}/sources`, {
      name: `Vendor ${tag}`,
      kind: "vendor",
      reliability: "B",
      rationale: "Long record of accurate reporting",
    })
  ).json();
  const { document } = await (
    await post(analyst.request, `/api/cases/${caseId}/documents`, {
      title: `Vendor report ${tag}`,
      text: `We assess with moderate confidence that Actor ${tag} ran it.`,
    })
  ).json();
  expect(
    (
      await analyst.request.put(`/api/cases/${caseId}/documents/${document.id}/source`, {
        data: { sourceId: source.source.id },
        headers: ORIGIN,
      })
    ).status(),
  ).toBe(200);
  const claimRes = await post(analyst.request, `/api/cases/${caseId}/claims`, {
    statement: `Actor ${tag} ran it`,
    claimant: `Vendor ${tag}`,
    kind: "assessment",
    credibility: 2,
    sourceConfidence: "moderate confidence",
    excerpts: [{ documentId: document.id, exact: `moderate confidence that Actor ${tag} ran it` }],
    entityIds: [entity.entity.id],
  });
  expect(claimRes.status()).toBe(201);
  const { claim } = await claimRes.json();
  const { hypothesis: h } = await makeHypothesis(analyst.request, caseId, { actorEntityId: entity.entity.id });
  expect(
    (
      await analyst.request.put(`/api/hypotheses/${h.id}/ratings/${claim.id}`, { data: { rating: "C", note: "Fits" }, headers: ORIGIN })
    ).status(),
  ).toBe(200);

  // The vendor's words are quoted on their own line, next to (not instead of) the analyst's judgment.
  await analyst.goto(`/cases/${caseId}/attribution`);
  const card = analyst.getByRole("article", { name: h.title });
  await expect(card.getByTestId("judgment-line")).toHaveText("Likely · Moderate confidence");
  await expect(card.getByTestId("vendor-statement")).toHaveText(`Vendor's own stated confidence: Vendor ${tag} — “moderate confidence”`);

  await analyst.goto(`/cases/${caseId}/attribution/${h.id}`);
  const item = analyst.getByTestId("evidence-item");
  await expect(item).toContainText(`Actor ${tag} ran it`);
  await expect(item.getByTestId("claim-grade")).toContainText("B2");
  await expect(item).toContainText("C (Consistent) by");
  const excerptId = claim.excerpts[0].id;
  await expect(item.getByTestId("evidence-quote")).toHaveAttribute(
    "href",
    `/cases/${caseId}/documents/${document.id}#excerpt-${excerptId}`,
  );

  // A reviewer records a dissent; it is highlighted in its thread and listed at the top of the judgment.
  const reviewer = await signedInPage(browser, "reviewer");
  await gotoHydrated(reviewer, `/cases/${caseId}/attribution/${h.id}`);
  await reviewer.getByLabel("New comment").fill("I think this vendor over-reads the overlap.");
  await reviewer.getByLabel("Record as dissent").check();
  await reviewer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(reviewer.getByTestId("dissent-summary")).toContainText("I think this vendor over-reads the overlap.");
  await expect(reviewer.getByTestId("dissent-comment")).toBeVisible();
  await analyst.reload();
  await expect(analyst.getByTestId("dissent-summary")).toContainText("Rui Reviewer");
  await analyst.getByRole("button", { name: "Reply to Rui Reviewer" }).click();
  await analyst.getByLabel("Your reply").fill("Noted; keeping the rating until the second report.");
  await analyst.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(analyst.getByTestId("comment-thread").filter({ hasText: "over-reads" })).toContainText("Noted; keeping the rating");
  await expectNoSeriousA11yViolations(analyst);
});

test("the reviewer requests changes with a comment; the author sees it and resubmits", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const { hypothesis: h } = await makeHypothesis(analyst.request, caseId);
  const url = `/cases/${caseId}/attribution/${h.id}`;
  expect((await post(analyst.request, `/api/hypotheses/${h.id}/submit`, {})).status()).toBe(200);

  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(url);
  // A request without a comment is refused beside the field and sends nothing.
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.locator("#changes-comment-error")).toHaveText("Say what needs to change.");
  await expect(reviewBadge(reviewer)).toHaveText("In review");
  await reviewer.getByLabel("What needs to change").fill("The two wire reports are one origin: mark them as repeats.");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewBadge(reviewer)).toHaveText("Changes requested");
  await expect(reviewer.getByRole("button", { name: "Approve this version" })).toHaveCount(0);

  await analyst.goto(url);
  await expect(reviewBadge(analyst)).toHaveText("Changes requested");
  await expect(analyst.getByTestId("comment-thread")).toContainText("Changes requested: The two wire reports are one origin");
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(reviewBadge(analyst)).toHaveText("In review");
});
