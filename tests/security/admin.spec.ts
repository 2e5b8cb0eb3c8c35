// The workspace admin page, end to end: non-admins get 403; an admin invites someone (one-time link),
// the invitee sets a password (policy enforced, link single-use), the admin gives them a case role,
// resets their password. (That each action is audited is asserted in admin.test.ts.)
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "../e2e/fixtures";
import { ADMIN, signInWith } from "./accounts";

test("non-admins get a 403 page on /admin and 403 from /api/admin/*", async ({ page }) => {
  await loginAs(page, "analyst");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  const api = page.context().request;
  expect((await api.get("/api/admin/users")).status()).toBe(403);
  const invite = await api.post("/api/admin/users", { data: { email: "sneaky@example.test", name: "Sneaky" }, headers: ORIGIN });
  expect(invite.status()).toBe(403);
  expect((await invite.json()).error.message).toBe("Only a workspace admin can do that.");
});

test("an admin invites a user, who sets a password once; the admin grants and removes a case role and resets the password", async ({
  page,
  browser,
}) => {
  await signInWith(page.context().request, ADMIN.email, ADMIN.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Workspace admin" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const email = `invitee-${Date.now()}@example.test`;
  // Bad input: a clear message beside the field, input kept.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Name").fill("Ines Invitee");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Ines Invitee");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByTestId("one-time-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`status-${email}`)).toHaveText("Invited");

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext();
  const ip = await invitee.newPage();
  await ip.goto(new URL(link).pathname);
  await expect(ip.getByRole("heading", { name: "Set up your Casefile account" })).toBeVisible();
  await expectNoSeriousA11yViolations(ip);
  await ip.getByLabel("Password", { exact: true }).fill("short");
  await ip.getByLabel("Repeat the password").fill("short");
  await ip.getByRole("button", { name: "Create account" }).click();
  await expect(ip.getByText(/Use at least 12 characters/)).toBeVisible();
  const password = "seven lanterns over the bay";
  await ip.getByLabel("Password", { exact: true }).fill(password);
  await ip.getByLabel("Repeat the password").fill(password);
  await ip.getByRole("button", { name: "Create account" }).click();
  await expect(ip.getByRole("status")).toContainText("Your password is set");
  // Second use of the same link: a clear error, no form.
  await ip.goto(new URL(link).pathname);
  await expect(ip.getByTestId("link-error")).toHaveText(/already been used/);
  await signInWith(invitee.request, email, password);
  expect((await (await invitee.request.get("/api/cases")).json()).cases).toEqual([]);

  // The admin gives them the viewer role on the Albania case, through the page.
  await page.reload();
  const all = await (await page.context().request.get("/api/admin/users")).json();
  const caseId = all.cases.find((c: { title: string }) => c.title === "2022 Albania government cyberattacks").id as string;
  await page.getByLabel(`Add ${email} to case`).selectOption(caseId);
  await page.getByLabel(`Role for ${email}`).selectOption("viewer");
  await page.getByRole("button", { name: `Add ${email} to the selected case` }).click();
  await expect(page.getByLabel(`Role of ${email} on 2022 Albania government cyberattacks`)).toHaveValue("viewer");
  const seen = await (await invitee.request.get("/api/cases")).json();
  expect(seen.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);

  await page.getByRole("button", { name: `Remove ${email} from 2022 Albania government cyberattacks` }).click();
  await expect(page.getByLabel(`Role of ${email} on 2022 Albania government cyberattacks`)).toHaveCount(0);
  expect((await (await invitee.request.get("/api/cases")).json()).cases).toEqual([]);

  // Reset: a new one-time link, and the invitee's session ends at once.
  await page.getByRole("button", { name: `Reset password for ${email}` }).click();
  await page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByTestId("one-time-link")).toHaveValue(/\/invite\//);
  expect((await invitee.request.get("/api/cases")).status()).toBe(401);

  const users = await (await page.context().request.get("/api/admin/users")).json();
  expect(users.users.find((u: { email: string }) => u.email === email).status).toBe("invited");
  await invitee.close();
});
