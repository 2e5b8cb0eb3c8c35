import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN, type DemoUser } from "./fixtures";

// The Brief page (JOURNEYS §5). The first three tests use the seeded Albania case, whose brief has one
// approved key judgment and the demo's release 1 (approved by the demo reviewer; the draft has moved on to
// release 2, which no approval covers yet); they run in order because the third one releases release 2. Other spec files add hypotheses and documents to that case in parallel, which changes the
// brief and so (correctly) withdraws an approval: the release journey retries that race a few times.
// The other tests make a fresh case of their own.

const uid = () => randomBytes(4).toString("hex");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;

async function signedInPage(browser: Browser, who: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, who);
  return page;
}

const post = (request: APIRequestContext, url: string, data: unknown = {}) => request.post(url, { data, headers: ORIGIN });

/** The text of each page of a PDF, as a reader's copy-paste would give it (unpdf, the same reader the integration tests use). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text;
}

/** A new case owned by the analyst; only the analyst is a member. */
async function freshCase(request: APIRequestContext, title = `Brief test ${uid()}`) {
  const res = await post(request, "/api/cases", { title, tlp: "GREEN", summary: "Bottom line of a test case." });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

test.describe.configure({ timeout: 150_000 });

test.describe("the seeded Albania brief", () => {
  // Test 2 must see release 2 not yet approved; test 3 releases it.
  test.describe.configure({ mode: "default" });

  test("analyst previews the brief: TLP top and bottom, estimative key judgment, the vendor's own confidence, footnotes with hashes, sources appendix", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, "analyst");
    const caseId = await albaniaCaseId(page);
    // Documents are only ever added, so every one listed now must be in the appendix.
    const { documents } = await (await page.request.get(`/api/cases/${caseId}/documents`)).json();
    expect(documents.length).toBeGreaterThanOrEqual(3);

    await page.goto(`/cases/${caseId}`);
    await page.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "Brief" }).click();
    await expect(page).toHaveURL(`/cases/${caseId}/brief`);
    const preview = page.getByTestId("brief-preview");
    await expect(preview.getByTestId("brief-tlp-top")).toHaveText("TLP:AMBER");
    await expect(preview.getByTestId("brief-tlp-bottom")).toHaveText("TLP:AMBER");
    await expect(page.getByText("The PDF and DOCX carry the TLP:AMBER marking in the header and footer of every page.")).toBeVisible();
    await expect(preview.getByRole("heading", { level: 1, name: "2022 Albania government cyberattacks" })).toBeVisible();
    await expect(preview.getByTestId("brief-meta")).toContainText(
      /Case brief, draft of release 2 \(previous: release 1, \d{4}-\d{2}-\d{2}\) · \d{4}-\d{2}-\d{2} · full brief/,
    );
    await expect(preview.getByTestId("brief-draft-mark")).toContainText("DRAFT — NOT RELEASED");

    // Likelihood and analytic confidence are stated in separate sentences, as ICD 203 asks, around the analyst's own proposition.
    const judgment = preview.getByTestId("key-judgment").filter({ hasText: "Iran's MOIS-linked operators" });
    await expect(judgment.getByTestId("estimative")).toHaveText(
      "We assess that it is likely (55–80 %) that operators working for Iran's Ministry of Intelligence and Security (MOIS) carried out the July and September 2022 attacks on Albania's government systems.",
    );
    await expect(judgment.getByTestId("confidence-sentence")).toContainText(
      "We have moderate confidence in this judgment: two governments attribute the attacks to Iran",
    );
    // Support is what favours the judgment over an alternative; the denial is listed against it.
    await expect(judgment.getByTestId("supporting-claim").filter({ hasText: "US Treasury sanctioned" })).toHaveCount(1);
    await expect(judgment.getByTestId("evidence-against")).toContainText("Iran denies responsibility");
    await expect(judgment.getByTestId("judgment-likelihood")).toHaveText("Likely (55–80 %)");
    await expect(judgment.getByTestId("judgment-confidence")).toHaveText("Moderate");
    await expect(judgment).toContainText("Approved by Rui Reviewer");
    // Mandiant's own words are quoted beside the judgment, never as our confidence.
    await expect(judgment.getByTestId("vendor-statement").filter({ hasText: "Mandiant" })).toHaveText(
      "Source's own stated confidence: Mandiant — “moderate confidence” (quoted; not our assessment)",
    );

    // Footnotes: marker → note with the quote, document, source, reliability and the capture's SHA-256.
    const notes = preview.getByTestId("footnote");
    expect(await notes.count()).toBeGreaterThan(0);
    const firstRef = judgment.getByTestId("footnote-ref").first();
    const n = (await firstRef.innerText()).replace(/\D/g, "");
    await firstRef.click();
    await expect(page).toHaveURL(new RegExp(`#note-${n}$`));
    const note = page.locator(`#note-${n}`);
    await expect(note).toBeInViewport();
    const noteHash = await note.getByTestId("footnote-sha256").innerText();
    expect(noteHash).toMatch(HEX64);
    await expect(note).toContainText(/reliability [A-F]/);
    const readerHref = (await note.getByTestId("footnote-reader-link").getAttribute("href"))!;
    const [, documentId, excerptId] = readerHref.match(/^\/cases\/[0-9a-f-]{36}\/documents\/([0-9a-f-]{36})#excerpt-([0-9a-f-]{36})$/)!;
    // The note's hash is the captured document's own hash.
    const doc = await (await page.request.get(`/api/cases/${caseId}/documents/${documentId}`)).json();
    expect(doc.document.sha256).toBe(noteHash);
    const quote = (await note.locator("p").first().innerText()).replace(/^“|”$/g, "");
    expect(doc.document.text).toContain(quote);

    // Sources appendix: exactly the documents the brief cites, each with its reliability, retrieval time and full SHA-256.
    const appendix = preview.getByTestId("sources-appendix");
    await expect(preview.getByRole("heading", { name: "Sources" })).toBeVisible();
    const { brief } = await (await page.request.get(`/api/cases/${caseId}/brief`)).json();
    const cited = new Set((brief.footnotes as { documentId: string }[]).map((f) => f.documentId));
    for (const d of documents as { id: string; sha256: string; title: string }[]) {
      const row = appendix.getByTestId("source-row").filter({ hasText: d.sha256 }).filter({ hasText: d.title });
      if (!cited.has(d.id)) {
        await expect(row).toHaveCount(0);
        continue;
      }
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    }
    await expect(appendix.getByTestId("source-row")).toHaveCount(cited.size);
    await expectNoSeriousA11yViolations(page);

    // The note links to the quote's exact place in the reader.
    await note.getByTestId("footnote-reader-link").click();
    await expect(page).toHaveURL(`/cases/${caseId}/documents/${documentId}#excerpt-${excerptId}`);
    await expect(page.locator(`mark[data-excerpts~="${excerptId}"]`).first()).toBeVisible();
  });

  test("POST /api/cases/{caseId}/releases without an approval of this draft is refused, and the Release button says why", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, "analyst");
    const caseId = await albaniaCaseId(page);
    const res = await post(page.request, `/api/cases/${caseId}/releases`);
    expect(res.status()).toBe(409);
    const { error } = await res.json();
    expect(error.missing).toContain("The brief changed after it was approved; it needs a new approval.");
    const { releases } = await (await page.request.get(`/api/cases/${caseId}/releases`)).json();
    expect(releases.map((r: { number: number }) => r.number)).toEqual([1]);

    await page.goto(`/cases/${caseId}/brief`);
    const release = page.getByRole("button", { name: "Release brief" });
    await expect(release).toBeDisabled();
    await expect(page.getByTestId("release-reasons")).toContainText("The brief changed after it was approved; it needs a new approval.");
    await expect(release).toHaveAccessibleDescription(/The brief changed after it was approved; it needs a new approval\./);
    await expect(page.getByTestId("brief-approval-state")).toHaveText(
      "Approved by Rui Reviewer, but the brief changed since: it needs a new approval.",
    );
    // The demo ships release 1, approved by the demo reviewer.
    const shipped = page.getByTestId("release").filter({ has: page.getByRole("heading", { name: "Release 1" }) });
    await expect(shipped).toContainText("released by Ana Analyst");
    await expect(shipped).toContainText("approved by Rui Reviewer");
  });

  test("analyst submits, cannot approve; the reviewer approves the exact hash; the analyst releases four hashed files that download byte for byte", async ({
    browser,
  }) => {
    const analyst = await signedInPage(browser, "analyst");
    const reviewer = await signedInPage(browser, "reviewer");
    const caseId = await albaniaCaseId(analyst);
    const url = `/cases/${caseId}/brief`;

    let released = false;
    for (let attempt = 1; attempt <= 4 && !released; attempt++) {
      await analyst.goto(url);
      await analyst.getByRole("button", { name: "Submit brief for review" }).click();
      await expect(analyst.getByTestId("brief-approval-state")).toHaveText("Waiting for review — submitted by Ana Analyst.");
      // The submitter is an owner (who may approve) but not of their own brief: no button, and the API refuses.
      await expect(analyst.getByTestId("own-brief-note")).toBeVisible();
      await expect(analyst.getByRole("button", { name: "Approve this brief" })).toHaveCount(0);
      const draftHash = await analyst.getByTestId("brief-content-hash").innerText();
      expect(draftHash).toMatch(HEX64);
      expect((await post(analyst.request, `/api/cases/${caseId}/brief/approve`, { contentHash: draftHash })).status()).toBe(403);

      await reviewer.goto(url);
      await expect(reviewer.getByTestId("brief-approval-state")).toBeVisible();
      // Reviewers approve; they neither submit nor release.
      await expect(reviewer.getByRole("button", { name: "Release brief" })).toHaveCount(0);
      await expect(reviewer.getByTestId("brief-settings")).toHaveCount(0);
      const approve = reviewer.getByRole("button", { name: "Approve this brief" });
      if ((await approve.count()) === 0) {
        // A parallel test changed the case since the submission: the pending review no longer covers it.
        await expect(reviewer.getByTestId("brief-approval-state")).toContainText("the brief changed since");
        continue;
      }
      await expect(reviewer.getByTestId("approve-brief-hash")).toHaveText(await reviewer.getByTestId("brief-content-hash").innerText());
      if (attempt === 1) await expectNoSeriousA11yViolations(reviewer);
      await approve.click();
      const outcome = reviewer.getByTestId("brief-notice").or(reviewer.getByTestId("form-error"));
      await expect(outcome).toBeVisible();
      if (!(await reviewer.getByTestId("brief-notice").isVisible())) continue;
      await expect(reviewer.getByTestId("brief-approval-state")).toContainText("Approved by Rui Reviewer");

      await analyst.reload();
      const release = analyst.getByRole("button", { name: "Release brief" });
      if (await release.isDisabled()) {
        await expect(analyst.getByTestId("release-reasons")).toContainText("The brief changed after it was approved");
        continue;
      }
      await release.click();
      // A release renders and stores all four formats (PDF and DOCX included) before it answers.
      await expect(analyst.getByTestId("brief-notice").or(analyst.getByTestId("release-missing"))).toBeVisible({ timeout: 30_000 });
      released = await analyst.getByTestId("brief-notice").isVisible();
      if (!released) await expect(analyst.getByTestId("release-missing")).toContainText("The brief changed after it was approved");
    }
    expect(released, "released within four attempts").toBe(true);
    await expect(analyst.getByTestId("brief-notice")).toHaveText("Released as release 2.");

    // The releases list: release 2, who released and who approved, four files each with its full hash.
    const r2 = analyst.getByTestId("release").filter({ has: analyst.getByRole("heading", { name: "Release 2" }) });
    await expect(r2).toContainText("released by Ana Analyst");
    await expect(r2).toContainText("approved by Rui Reviewer");
    await expect(r2.getByTestId("release-file")).toHaveCount(4);
    for (const format of ["pdf", "docx", "md", "stix"])
      await expect(r2.locator(`[data-format="${format}"]`).getByTestId("release-sha256")).toHaveText(HEX64);
    // The draft moved on: the next one is release 3, and the approval no longer covers it.
    await expect(analyst.getByTestId("brief-meta")).toContainText("draft of release 3 (previous: release 2,");
    await expect(analyst.getByTestId("brief-approval-state")).toContainText("but the brief changed since");

    // Download the PDF through the link: its bytes hash to what the list shows.
    const pdfRow = r2.locator('[data-format="pdf"]');
    const shownPdfHash = await pdfRow.getByTestId("release-sha256").innerText();
    const [download] = await Promise.all([
      analyst.waitForEvent("download"),
      pdfRow.getByRole("link", { name: "PDF of release 2" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/release-2\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sha256(pdf)).toBe(shownPdfHash);
    // The released PDF has no draft mark and prints the evidence against the judgment; a draft PDF says DRAFT on every page.
    const releasedPages = await pdfPages(pdf);
    expect(releasedPages.join("\n")).not.toContain("DRAFT");
    expect(releasedPages.join("\n")).toContain("Evidence against");
    expect(releasedPages.join("\n").replace(/\s+/g, " ")).toContain("Iran denies responsibility");
    const draftPages = await pdfPages(await (await analyst.request.get(`/api/cases/${caseId}/export?format=pdf`)).body());
    for (const page of draftPages) expect(page).toContain("DRAFT — NOT RELEASED");

    // The stored Markdown carries the marking and the hash the list shows.
    const md = await analyst.request.get(`/api/cases/${caseId}/releases/2?format=md`);
    expect(md.status()).toBe(200);
    const mdBody = await md.body();
    expect(mdBody.toString("utf8")).toContain("**TLP:AMBER**");
    expect(md.headers()["x-content-sha256"]).toBe(sha256(mdBody));
    await expect(r2.locator('[data-format="md"]').getByTestId("release-sha256")).toHaveText(sha256(mdBody));
    await expectNoSeriousA11yViolations(analyst);
  });
});

test("a key judgment that is not approved blocks the release; wording that outruns its likelihood blocks it until fixed or acknowledged with a reason", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "analyst");
  const caseId = await freshCase(page.request);
  const q = await post(page.request, `/api/cases/${caseId}/questions`, { question: "Who did it?" });
  expect(q.status()).toBe(201);
  const title = `Operators ${uid()}`;
  const h = await post(page.request, `/api/cases/${caseId}/hypotheses`, {
    questionId: (await q.json()).question.id,
    title,
    likelihood: "likely",
    confidence: "moderate",
    proposition: "these operators ran the intrusion",
    confidenceBasis: "one vendor report, not yet corroborated",
    rationale: "It was almost certainly them, and “almost certainly” in quotes is the vendor's own word.",
  });
  expect(h.status()).toBe(201);
  const { hypothesis } = await h.json();
  // Leading makes it a key judgment of the brief, though nobody approved it.
  const lead = await page.request.patch(`/api/hypotheses/${hypothesis.id}`, {
    data: { version: 1, reason: "Best supported so far", disposition: "leading" },
    headers: ORIGIN,
  });
  expect(lead.status()).toBe(200);
  const blocker = `Key judgment “${title}” is not approved (draft).`;

  await page.goto(`/cases/${caseId}/brief`);
  await expect(page.getByTestId("brief-blockers")).toContainText(blocker);
  await expect(page.getByTestId("key-judgment").filter({ hasText: title })).toContainText("NOT APPROVED");
  // One warning: the quoted “almost certainly” is the vendor's word, not ours.
  const warning = page.getByTestId("wording-warning");
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText(`In the rationale of “${title}”`);
  await expect(warning).toContainText("almost certainly");
  const wordingBlocker = page.getByTestId("brief-blocker").filter({ hasText: "almost certainly" });
  await expect(wordingBlocker).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Submit brief for review" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Release brief" })).toBeDisabled();
  await expect(page.getByTestId("release-reasons")).toContainText(blocker);
  await expectNoSeriousA11yViolations(page);

  const res = await post(page.request, `/api/cases/${caseId}/releases`);
  expect(res.status()).toBe(409);
  const { error } = await res.json();
  const wordingText = await wordingBlocker.innerText();
  expect(error.missing).toEqual([blocker, wordingText, "The brief has not been approved by a reviewer."]);
  // Submitting for review is refused for the same reasons.
  const submit = await post(page.request, `/api/cases/${caseId}/brief/submit`);
  expect(submit.status()).toBe(409);
  expect((await submit.json()).error.blockers).toEqual([blocker, wordingText]);

  // Bad input: an acknowledgement without a reason is refused beside the field and nothing changes.
  await warning.getByRole("button", { name: "Acknowledge…" }).click();
  await warning.getByRole("button", { name: "Acknowledge" }).click();
  await expect(warning.getByTestId("form-error")).toContainText("Say why the warning does not need a fix");
  await expect(wordingBlocker).toHaveCount(1);
  // With a reason, the warning stops blocking and the brief prints the acknowledgement in its notes.
  await warning
    .getByTestId("ack-reason")
    .fill("The analyst's shorthand; the grade is Likely and the text will be reworded in the next release.");
  await warning.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("wording-warning")).toHaveCount(0);
  await expect(page.getByTestId("brief-blocker").filter({ hasText: "almost certainly" })).toHaveCount(0);
  await expect(page.getByTestId("brief-notes")).toContainText("acknowledged by Ana Analyst");
  await expect(page.getByTestId("brief-notes")).toContainText("the text will be reworded in the next release");
  const md = (await (await page.request.get(`/api/cases/${caseId}/export?format=md`)).body()).toString("utf8");
  expect(md).toContain("## Notes on this brief");
  expect(md).toContain("acknowledged by Ana Analyst");
  const audit = await (await page.request.get(`/api/cases/${caseId}/audit?action=brief.acknowledge`)).json();
  expect(audit.events).toHaveLength(1);
  expect(audit.events[0]).toMatchObject({ action: "brief.acknowledge", actor: { name: "Ana Analyst" } });
  expect(audit.events[0].reason).toContain("reworded in the next release");
});

test("bad input: GET export?format=exe, PUT brief with no section, a viewer releasing, a non-member", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst");
  const caseId = await freshCase(page.request);

  const exe = await page.request.get(`/api/cases/${caseId}/export?format=exe`);
  expect(exe.status()).toBe(400);
  expect((await exe.json()).error.message).toContain('Unknown format "exe"');

  const api = await page.request.put(`/api/cases/${caseId}/brief`, {
    data: { version: 0, template: "full", sections: [] },
    headers: ORIGIN,
  });
  expect(api.status()).toBe(422);
  expect((await api.json()).error.issues).toEqual([{ path: "sections", message: "Include at least one section." }]);

  // In the form: untick every section and save; the message sits beside the sections, the ticks stay off.
  await page.goto(`/cases/${caseId}/brief`);
  const form = page.getByTestId("brief-settings");
  for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("button", { name: "Save sections" }).click();
  await expect(form.getByTestId("sections-error")).toHaveText("Include at least one section.");
  await expect(form.getByRole("group", { name: "Sections" })).toHaveAccessibleDescription("Include at least one section.");
  for (const box of await form.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await expectNoSeriousA11yViolations(page);
  const stored = await (await page.request.get(`/api/cases/${caseId}/brief`)).json();
  expect(stored.settings).toEqual({
    template: "full",
    sections: ["bluf", "judgments", "ach", "alternatives", "evidence", "behaviour", "timeline", "sources", "changes"],
    includeDocumentIds: [],
    excludeDocumentIds: [],
    version: 0,
  });

  // A viewer reads the brief but cannot release, submit or change it.
  const viewer = await signedInPage(browser, "viewer");
  const albania = await albaniaCaseId(viewer);
  expect((await post(viewer.request, `/api/cases/${albania}/releases`)).status()).toBe(403);
  expect((await post(viewer.request, `/api/cases/${albania}/brief/submit`)).status()).toBe(403);
  await viewer.goto(`/cases/${albania}/brief`);
  await expect(viewer.getByTestId("brief-preview")).toBeVisible();
  await expect(viewer.getByTestId("brief-downloads").getByRole("link")).toHaveCount(4);
  await expect(viewer.getByTestId("brief-releases")).toBeVisible();
  for (const name of ["Submit brief for review", "Approve this brief", "Release brief", "Save sections"])
    await expect(viewer.getByRole("button", { name })).toHaveCount(0);
  await expect(viewer.getByTestId("brief-settings")).toHaveCount(0);
  await expect(viewer.getByTestId("brief-review-panel")).toHaveCount(0);

  // Someone outside the case gets nothing, not even confirmation that it exists.
  const outsider = await signedInPage(browser, "investigator");
  expect((await outsider.request.get(`/api/cases/${albania}/brief`)).status()).toBe(404);
  expect((await outsider.goto(`/cases/${albania}/brief`))!.status()).toBe(404);
});

test("the one-page summary template leaves out the evidence and the timeline, in the preview and in the Markdown export", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "analyst");
  const caseId = await freshCase(page.request);
  const event = await post(page.request, `/api/cases/${caseId}/events`, {
    title: "Wiper deployed on government servers",
    date: "2022-07-15",
  });
  expect(event.status()).toBe(201);
  const markdown = async () => (await (await page.request.get(`/api/cases/${caseId}/export?format=md`)).body()).toString("utf8");

  await page.goto(`/cases/${caseId}/brief`);
  const preview = page.getByTestId("brief-preview");
  await expect(preview.getByTestId("brief-section-timeline")).toContainText("15 July 2022");
  await expect(preview.getByTestId("brief-section-timeline")).toContainText("Wiper deployed on government servers");
  await expect(preview.getByTestId("brief-section-evidence")).toBeVisible();
  const full = await markdown();
  expect(full).toContain("## Timeline");
  expect(full).toContain("## Evidence");

  const form = page.getByTestId("brief-settings");
  await form.getByLabel("Template").selectOption({ label: "One-page summary" });
  await expect(form.getByRole("checkbox", { name: "Timeline" })).not.toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Evidence", exact: true })).not.toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Key judgments" })).toBeChecked();
  // Before saving, the preview already follows the choice (and says so); the export still uses the saved one.
  await expect(page.getByText("Previewing your unsaved choice of template and sections.")).toBeVisible();
  await expect(preview.getByTestId("brief-meta")).toContainText("one-page summary");
  await expect(preview.getByTestId("brief-section-timeline")).toHaveCount(0);
  expect(await markdown()).toContain("## Timeline");
  await form.getByRole("button", { name: "Save sections" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("Previewing your unsaved choice of template and sections.")).toHaveCount(0);

  await expect(preview.getByTestId("brief-meta")).toContainText("one-page summary");
  await expect(preview.getByTestId("brief-section-timeline")).toHaveCount(0);
  await expect(preview.getByTestId("brief-section-evidence")).toHaveCount(0);
  await expect(preview.getByTestId("brief-section-bluf")).toContainText("Bottom line of a test case.");
  await expect(preview.getByTestId("brief-section-sources")).toBeVisible();
  const summary = await markdown();
  expect(summary).not.toContain("## Timeline");
  expect(summary).not.toContain("Wiper deployed");
  expect(summary).not.toContain("## Evidence");
  expect(summary).toContain("## Bottom line up front");
  expect(summary).toContain("one-page summary");

  // The choice is saved with the case.
  await page.reload();
  await expect(page.getByTestId("brief-settings").getByLabel("Template")).toHaveValue("summary");
  await expect(page.getByTestId("brief-preview").getByTestId("brief-section-timeline")).toHaveCount(0);
});

test("the sources appendix lists only cited documents; one can be listed by hand, and a document of another case is refused", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "analyst");
  const caseId = await freshCase(page.request);
  const title = `Background note ${uid()}`;
  const doc = await post(page.request, `/api/cases/${caseId}/documents`, { title, text: "Background reading that no claim cites." });
  expect(doc.status()).toBe(201);

  await page.goto(`/cases/${caseId}/brief`);
  const preview = page.getByTestId("brief-preview");
  await expect(preview.getByTestId("brief-section-sources")).toContainText("No document is cited.");
  const form = page.getByTestId("brief-settings");
  await form.getByLabel(`In the brief: ${title}`).selectOption("include");
  await form.getByRole("button", { name: "Save sections" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(preview.getByTestId("source-row").filter({ hasText: title })).toHaveCount(1);
  await expect(preview.getByTestId("brief-notes")).toContainText(`“${title}” was added to the sources by hand`);

  // Bad input: an id from another case is refused (422, "Not found"), and the saved choice stays.
  const stored = (await (await page.request.get(`/api/cases/${caseId}/brief`)).json()).settings;
  const albania = await albaniaCaseId(page);
  const foreign = (await (await page.request.get(`/api/cases/${albania}/documents`)).json()).documents[0].id;
  const refused = await page.request.put(`/api/cases/${caseId}/brief`, {
    data: { ...stored, includeDocumentIds: [foreign] },
    headers: ORIGIN,
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.message).toContain("Not found");
  expect((await (await page.request.get(`/api/cases/${caseId}/brief`)).json()).settings.includeDocumentIds).toEqual(
    stored.includeDocumentIds,
  );
});
