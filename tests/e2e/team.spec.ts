import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

// Issue 18: a case owner runs the team from the case (no admin needed), and a submit control warns
// when no second person on the case could review what is submitted.
test("an owner with no reviewer is warned at Submit, adds one from the Team page, changes the role and removes them", async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, "analyst");
  const req = page.context().request;
  const tag = Date.now();
  const created = await req.post("/api/cases", { data: { title: `Team ${tag}`, tlp: "GREEN" }, headers: ORIGIN });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).case.id as string;
  const { question } = await (
    await req.post(`/api/cases/${caseId}/questions`, { data: { question: `Who did it? (${tag})` }, headers: ORIGIN })
  ).json();
  const { hypothesis } = await (
    await req.post(`/api/cases/${caseId}/hypotheses`, { data: { questionId: question.id, title: `Operators ${tag}` }, headers: ORIGIN })
  ).json();

  // Only Ana is on the case: the judgment's Submit control says nobody could approve it, and offers to add someone.
  await page.goto(`/cases/${caseId}/attribution/${hypothesis.id}`);
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  const warning = page.getByTestId("no-reviewer-warning");
  await expect(warning).toContainText("No one on this case can review this judgment");
  await warning.getByRole("link", { name: "Add a reviewer" }).click();
  await expect(page).toHaveURL(`/cases/${caseId}/team?role=reviewer#add-member`);
  const email = page.getByLabel("Email");
  await expect(email).toBeFocused();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("reviewer");

  // Bad input: a malformed address is refused beside the field, and what was typed stays.
  await email.fill("rui@");
  await page.getByRole("button", { name: "Add to case" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(email).toHaveValue("rui@");
  await expect(email).toHaveAttribute("aria-invalid", "true");

  await email.fill("reviewer@example.com");
  await page.getByRole("button", { name: "Add to case" }).click();
  await expect(page.getByTestId("add-member-notice")).toContainText(
    "If an account uses reviewer@example.com, it now has the reviewer role",
  );
  const row = page.getByTestId("member-reviewer@example.com");
  await expect(row).toContainText("Rui Reviewer");
  await expect(page.getByLabel("Role of Rui Reviewer (reviewer@example.com)")).toHaveValue("reviewer");
  // The last owner can be neither demoted nor removed: the controls say so instead of failing.
  await expect(page.getByLabel("Role of Ana Analyst (analyst@example.com)")).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // With a reviewer on the case the warning is gone.
  await page.goto(`/cases/${caseId}/attribution/${hypothesis.id}`);
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expect(page.getByTestId("review-panel")).not.toContainText("No one on this case");

  // Change his role, then remove him (after a confirmation), from the Team tab.
  await page.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Role of Rui Reviewer (reviewer@example.com)").selectOption("viewer");
  await expect(row.getByText("No", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Remove Rui Reviewer (reviewer@example.com)" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(row).toHaveCount(0);
  const { members } = await (await req.get(`/api/cases/${caseId}/members`)).json();
  expect(members.map((m: { email: string }) => m.email)).toEqual(["analyst@example.com"]);

  // The brief's Submit control warns the same way.
  await page.goto(`/cases/${caseId}/brief`);
  await expect(page.getByTestId("no-reviewer-warning")).toContainText("No one on this case can review the brief");
});

test("a member who is not an owner sees the team but cannot change it (the page and the API)", async ({ browser }) => {
  const ana = await (await browser.newContext()).newPage();
  await loginAs(ana, "analyst");
  const tag = Date.now();
  const created = await ana.request.post("/api/cases", { data: { title: `Team view ${tag}`, tlp: "GREEN" }, headers: ORIGIN });
  const caseId = (await created.json()).case.id as string;
  await ana.request.post(`/api/cases/${caseId}/members`, { data: { email: "viewer@example.com", role: "viewer" }, headers: ORIGIN });

  const vera = await (await browser.newContext()).newPage();
  await loginAs(vera, "viewer");
  await vera.goto(`/cases/${caseId}/team`);
  await expect(vera.getByTestId("member-analyst@example.com")).toContainText("Owner");
  await expect(vera.getByRole("button", { name: "Add to case" })).toHaveCount(0);
  await expect(vera.getByTestId("team-owners-note")).toContainText("Ask Ana Analyst");
  const res = await vera.request.post(`/api/cases/${caseId}/members`, {
    data: { email: "viewer@example.com", role: "owner" },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(403);
});
