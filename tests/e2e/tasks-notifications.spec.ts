import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN, type DemoUser } from "./fixtures";

// Issue 18's everyday workflow in the seeded Albania case (analyst = owner, reviewer = reviewer):
// a task assigned to a colleague lands under their "My tasks" and their bell; an approved judgment
// notifies its author; a bad task keeps what was typed; the dashboard filters cases by text.

const uid = () => randomBytes(4).toString("hex");

async function signedInPage(browser: Browser, who: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, who);
  return page;
}

test.describe.configure({ timeout: 150_000 });

test("a task with a bad title and date is refused field by field, keeps what was typed, and once fixed lands on the assignee's dashboard", async ({
  browser,
}) => {
  const analyst = await signedInPage(browser, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const tag = uid();
  await analyst.goto(`/cases/${caseId}/tasks`);
  // The case's nav has the Tasks entry, current on this page.
  await expect(analyst.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "Tasks" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await analyst.getByRole("button", { name: "New task" }).click();

  const form = analyst.getByRole("form", { name: "Add a task" });
  await form.getByLabel("Description (optional)").fill(`Look for an independent report ${tag}`);
  await form.getByLabel("Due date").fill("2020-02-30");
  await form.getByLabel("Assignee").selectOption({ label: "Rui Reviewer" });
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(form.getByTestId("form-error")).toContainText("check the fields marked below");
  await expect(form.getByText("Give the task a title.")).toBeVisible();
  await expect(form.getByText(/Due date: That is not a real calendar date/)).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost.
  await expect(form.getByLabel("Description (optional)")).toHaveValue(`Look for an independent report ${tag}`);
  await expect(form.getByLabel("Due date")).toHaveValue("2020-02-30");
  await expect(form.getByLabel("Assignee")).toHaveValue(/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(analyst);

  const title = `Find a second source ${tag}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Due date").fill("2020-01-15");
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(form).toHaveCount(0);
  const row = analyst.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toContainText("Overdue");
  await expect(row.getByLabel(`Assignee of ${title}`)).toHaveValue(/[0-9a-f-]{36}/);

  // The reviewer's dashboard: the task under "My tasks", overdue, and a notification under the bell.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto("/");
  const mine = reviewer.getByRole("region", { name: "My tasks" }).getByTestId("my-task").filter({ hasText: title });
  await expect(mine).toContainText("2022 Albania government cyberattacks");
  await expect(mine).toContainText("Overdue");
  await reviewer.getByTestId("notification-bell").click();
  await expect(
    reviewer.getByRole("region", { name: "Notifications" }).getByTestId("notification").filter({ hasText: title }),
  ).toContainText("Ana Analyst assigned you the task");
  await expectNoSeriousA11yViolations(reviewer);
});

test("the author is notified when a reviewer approves their judgment, and can mark it read", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  const reviewer = await signedInPage(browser, "reviewer");
  const caseId = await albaniaCaseId(analyst);
  const tag = uid();
  const post = (page: Page, url: string, data: unknown) => page.request.post(url, { data, headers: ORIGIN });
  const { question } = await (await post(analyst, `/api/cases/${caseId}/questions`, { question: `Who ran operation ${tag}?` })).json();
  const created = await post(analyst, `/api/cases/${caseId}/hypotheses`, {
    questionId: question.id,
    title: `Operators ${tag}`,
    likelihood: "likely",
    confidence: "moderate",
    rationale: `Rationale ${tag}`,
    proposition: `operators ${tag} ran operation ${tag}`,
    confidenceBasis: "a test fixture's single source",
  });
  expect(created.status()).toBe(201);
  const { hypothesis } = await created.json();
  expect((await post(analyst, `/api/hypotheses/${hypothesis.id}/submit`, {})).status()).toBe(200);
  expect((await post(reviewer, `/api/hypotheses/${hypothesis.id}/approve`, { contentHash: hypothesis.contentHash })).status()).toBe(200);

  await analyst.goto("/");
  const bell = analyst.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("aria-label", /Notifications, \d+ unread/);
  await bell.click();
  const item = analyst.getByTestId("notification").filter({ hasText: `Operators ${tag}` });
  await expect(item).toHaveText(/Rui Reviewer approved your judgment “Operators .*”/);
  await expect(item).toHaveAttribute("data-unread", "true");
  await item.getByRole("link").click();
  await expect(analyst).toHaveURL(new RegExp(`/cases/${caseId}/attribution/${hypothesis.id}$`));
  await analyst.goto("/notifications");
  await expect(analyst.getByTestId("notification").filter({ hasText: `Operators ${tag}` })).toHaveAttribute("data-unread", "false");
  await analyst.getByRole("button", { name: "Mark all read" }).click();
  await expect(analyst.getByRole("heading", { name: /Notifications \(0 unread\)/ })).toBeVisible();
  await analyst.reload();
  await expect(analyst.getByTestId("notification-count")).toHaveCount(0);
});

test("the dashboard filters cases by text (server-side, in the URL)", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  const tag = uid();
  const res = await analyst.request.post("/api/cases", { data: { title: `Filter probe ${tag}`, summary: "e2e" }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  await analyst.goto("/");
  const filter = analyst.getByRole("search", { name: "Filter cases" });
  await filter.getByLabel("Title or summary contains").fill(`probe ${tag}`);
  await filter.getByRole("button", { name: "Filter" }).click();
  await expect(analyst).toHaveURL(new RegExp(`[?&]q=probe(\\+|%20)${tag}`));
  const table = analyst.getByRole("table", { name: /Your cases/ });
  await expect(table.getByRole("link", { name: `Filter probe ${tag}` })).toBeVisible();
  await expect(table.getByRole("link", { name: "2022 Albania government cyberattacks" })).toHaveCount(0);
  await expect(filter.getByLabel("Title or summary contains")).toHaveValue(`probe ${tag}`);

  await filter.getByLabel("Title or summary contains").fill(`no case is called ${tag}`);
  await filter.getByRole("button", { name: "Filter" }).click();
  await expect(analyst.getByTestId("no-cases-match")).toBeVisible();
  await analyst.getByRole("link", { name: "Clear filter" }).click();
  await expect(analyst.getByRole("link", { name: "2022 Albania government cyberattacks" })).toBeVisible();
});
