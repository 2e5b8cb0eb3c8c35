import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN, signIn } from "./fixtures";

const WIRE = "A group calling itself HomeLand Justice claimed responsibility for the attack on Albanian government services in July 2022.";

async function freshCase(page: Page) {
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: `Registry ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

test("an analyst grades a source, adds an entity with aliases and places a dated event on the timeline", async ({ page }) => {
  // Three pages, a document, a claim and five axe scans in one journey: longer than the default budget.
  test.slow();
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const api = page.context().request;

  // Sources: a missing rationale is refused beside its field and nothing typed is lost.
  await page.goto(`/cases/${caseId}/sources`);
  await expect(page.getByText("No sources yet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "New source" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Reuters");
  await page.getByLabel("Kind").selectOption({ label: "News outlet" });
  await page.getByLabel("Reliability").selectOption({ label: "B – Usually reliable" });
  await page.getByLabel("URL (optional)").fill("https://www.reuters.com/");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.locator("#new-source-rationale-error")).toHaveText("Say why you give this grade.");
  await expect(page.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Reuters");
  await expect(page.getByLabel("Reliability")).toHaveValue("B");
  await expect(page.getByLabel("URL (optional)")).toHaveValue("https://www.reuters.com/");
  await page.getByLabel("Rationale").fill("International wire service with a long record of accurate reporting.");
  await page.getByRole("button", { name: "Add source" }).click();
  const row = page.getByRole("table", { name: "Sources" }).getByTestId("source-row").filter({ hasText: "Reuters" });
  await expect(row).toContainText("News outlet");
  await expect(row.getByTestId("reliability-badge")).toContainText("BUsually reliable");
  await expect(row.getByTestId("reliability-badge")).toHaveAttribute("title", /^B – Usually reliable: Minor doubt/);
  await expect(row).toContainText("International wire service");
  await expect(page.getByRole("form", { name: "Add a source" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Entities: aliases as tokens (Enter and comma), the name itself is not kept as an alias.
  await page.goto(`/cases/${caseId}/entities`);
  await expect(page.getByText("No entities yet.")).toBeVisible();
  await page.getByRole("button", { name: "New entity" }).click();
  await page.getByLabel("Kind").selectOption({ label: "Threat actor" });
  await page.getByLabel("Name", { exact: true }).fill("HomeLand Justice");
  const aliases = page.getByLabel("Aliases", { exact: true });
  await aliases.fill("HLJ");
  await aliases.press("Enter");
  await aliases.pressSequentially("Storm-0842,homeland justice,");
  await expect(page.getByTestId("alias-chip")).toHaveText(["HLJ×", "Storm-0842×", "homeland justice×"]);
  await page.getByRole("button", { name: "Remove alias homeland justice" }).click();
  await page.getByRole("button", { name: "Add entity" }).click();
  const threatActors = page.getByRole("region", { name: /Threat actor/ });
  await expect(threatActors.getByRole("list", { name: "Aliases of HomeLand Justice" }).getByRole("listitem")).toHaveText([
    "HLJ",
    "Storm-0842",
  ]);
  await expectNoSeriousA11yViolations(page);
  await threatActors.getByRole("link", { name: "HomeLand Justice" }).click();
  await expect(page.getByRole("heading", { name: "HomeLand Justice", level: 2 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Aliases" }).getByRole("listitem")).toHaveText(["HLJ", "Storm-0842"]);
  await expect(page.getByText("No claim mentions this entity yet.")).toBeVisible();
  const entityId = page.url().split("/entities/")[1];

  // A claim tagged with the entity shows on its page, its quote linked to the exact place in the document.
  const doc = await api.post(`/api/cases/${caseId}/documents`, { data: { title: "Wire report", text: WIRE }, headers: ORIGIN });
  expect(doc.status()).toBe(201);
  const documentId = (await doc.json()).document.id as string;
  const created = await api.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: "HomeLand Justice claimed the attack",
      claimant: "HomeLand Justice",
      kind: "allegation",
      credibility: 3,
      excerpts: [{ documentId, exact: "A group calling itself HomeLand Justice claimed responsibility" }],
      entityIds: [entityId],
    },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const claim = (await created.json()).claim as { id: string; excerpts: { id: string }[] };
  await page.reload();
  const entityClaim = page.getByTestId("entity-claim");
  await expect(entityClaim).toContainText("HomeLand Justice claimed the attack");
  // The wire report has no source yet: the claim is ungraded ("–3"), never shown as F.
  await expect(entityClaim.getByTestId("claim-grade")).toContainText("–3ungraded");
  await expect(entityClaim.getByRole("link", { name: "Open in “Wire report”" })).toHaveAttribute(
    "href",
    `/cases/${caseId}/documents/${documentId}#excerpt-${claim.excerpts[0].id}`,
  );
  await expectNoSeriousA11yViolations(page);

  // Timeline: a bad date gets the server's message beside the field; a month shows as "July 2022".
  await page.goto(`/cases/${caseId}/timeline`);
  await expect(page.getByText("No events yet.")).toBeVisible();
  await page.getByRole("button", { name: "New event" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Government services taken offline");
  await page.getByLabel("Date", { exact: true }).fill("2022-13");
  await expect(page.getByTestId("date-preview")).toHaveText(/Not a date yet/);
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.locator("#event-date-error")).toHaveText("Enter a date like 28 Feb 2023, 2023-02-28, Feb 2023, 2023-02 or 2023.");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Government services taken offline");
  await page.getByLabel("Date", { exact: true }).fill("2022-07");
  await expect(page.getByTestId("date-preview")).toHaveText("Precision: a month — shown as “July 2022”");
  await page.getByRole("checkbox", { name: /HomeLand Justice claimed the attack/ }).check();
  await page.getByRole("button", { name: "Add event" }).click();
  const event = page.getByTestId("timeline-event");
  await expect(event.getByTestId("event-date")).toHaveText("July 2022");
  await expect(event).toContainText("Government services taken offline");
  await expect(page.getByRole("heading", { name: "2022", level: 3 })).toBeVisible();
  await expect(event.getByRole("link", { name: "HomeLand Justice claimed the attack" })).toHaveAttribute(
    "href",
    `/cases/${caseId}/claims/${claim.id}`,
  );
  await expectNoSeriousA11yViolations(page);
});

test("a viewer of the Albania case sees sources, entities and the timeline without add or edit controls", async ({ page, request }) => {
  // The owner adds an entity through the API so the viewer has an entity page to open.
  await signIn(request, "analyst");
  const { cases } = await (await request.get("/api/cases")).json();
  const albania = cases.find((c: { title: string }) => c.title === "2022 Albania government cyberattacks").id as string;
  const name = `Viewer check ${Math.random().toString(36).slice(2, 8)}`;
  const made = await request.post(`/api/cases/${albania}/entities`, {
    data: { kind: "organization", name, aliases: ["VC"] },
    headers: ORIGIN,
  });
  expect(made.status()).toBe(201);
  const entityId = (await made.json()).entity.id as string;

  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  expect(caseId).toBe(albania);
  const noControls = async () => {
    await expect(page.getByRole("button", { name: /^(New source|New entity|New event|Edit entity)$/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByRole("form")).toHaveCount(0);
  };

  await page.goto(`/cases/${caseId}/sources`);
  await expect(page.getByRole("heading", { name: /^Sources/, level: 2 })).toBeVisible();
  await noControls();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/cases/${caseId}/entities`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await noControls();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/cases/${caseId}/entities/${entityId}`);
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await noControls();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/cases/${caseId}/timeline`);
  await expect(page.getByRole("heading", { name: /^Timeline/, level: 2 })).toBeVisible();
  await noControls();
  await expectNoSeriousA11yViolations(page);

  // The API refuses what the page does not offer.
  const refused = await page.context().request.post(`/api/cases/${caseId}/sources`, {
    data: { name: "Nope", kind: "other", reliability: "F", rationale: "x" },
    headers: ORIGIN,
  });
  expect(refused.status()).toBe(403);
});

test("regrading a source someone else just changed shows their change and keeps what was typed", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const api = page.context().request;
  const made = await api.post(`/api/cases/${caseId}/sources`, {
    data: { name: "Tasnim", kind: "outlet", reliability: "D", rationale: "State-affiliated outlet." },
    headers: ORIGIN,
  });
  expect(made.status()).toBe(201);
  const sourceId = (await made.json()).source.id as string;

  await page.goto(`/cases/${caseId}/sources`);
  await page.getByRole("button", { name: "Edit Tasnim" }).click();
  const form = page.getByRole("form", { name: "Edit source Tasnim" });
  await form.getByLabel("Reliability").selectOption("E");
  await form.getByLabel("Rationale").fill("Repeated fabrications in 2022.");
  // A regrade needs a reason (issue 12), kept in the source's history.
  await form.getByLabel("Reason for the regrade").fill("Three stories withdrawn in 2022.");
  // Meanwhile a colleague regrades it.
  const theirs = await api.patch(`/api/cases/${caseId}/sources/${sourceId}`, {
    data: { reliability: "C", version: 1, reason: "Corrected its record." },
    headers: ORIGIN,
  });
  expect(theirs.status()).toBe(200);

  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form.getByTestId("source-conflict")).toContainText("C – Fairly reliable");
  await expect(form.getByLabel("Reliability")).toHaveValue("E");
  await expect(form.getByLabel("Rationale")).toHaveValue("Repeated fabrications in 2022.");
  await form.getByRole("button", { name: "Keep my edits (save over theirs next)" }).click();
  await form.getByRole("button", { name: "Save source" }).click();
  const row = page.getByTestId("source-row").filter({ hasText: "Tasnim" });
  await expect(row.getByTestId("reliability-badge")).toContainText("EUnreliable");
  await expect(row).toContainText("Repeated fabrications in 2022.");
  const { sources } = await (await api.get(`/api/cases/${caseId}/sources`)).json();
  expect(sources[0]).toMatchObject({ reliability: "E", version: 3 });
});

test("saving an entity someone else just changed shows their change and loses nothing typed", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const api = page.context().request;
  const made = await api.post(`/api/cases/${caseId}/entities`, {
    data: { kind: "threat_actor", name: "HomeLand Justice", aliases: ["HLJ"] },
    headers: ORIGIN,
  });
  expect(made.status()).toBe(201);
  const entityId = (await made.json()).entity.id as string;

  await page.goto(`/cases/${caseId}/entities`);
  await page.getByRole("button", { name: "Edit HomeLand Justice" }).click();
  const form = page.getByRole("form", { name: "Edit entity HomeLand Justice" });
  await form.getByLabel("Name", { exact: true }).fill("Homeland Justice");
  const aliases = form.getByLabel("Aliases", { exact: true });
  await aliases.fill("Storm-0842");
  await aliases.press("Enter");
  await form.getByLabel("Description (optional)").fill("Persona claiming the 2022 attacks on Albania.");
  // Meanwhile a colleague, who opened the same version, re-kinds it and writes a description.
  const theirs = await api.patch(`/api/cases/${caseId}/entities/${entityId}`, {
    data: { version: 1, kind: "intrusion_set", description: "Iranian state actor (Microsoft)." },
    headers: ORIGIN,
  });
  expect(theirs.status()).toBe(200);

  await form.getByRole("button", { name: "Save entity" }).click();
  const conflict = form.getByTestId("entity-conflict");
  await expect(conflict).toContainText("Someone else saved this entity after you opened it.");
  await expect(conflict.getByTestId("entity-conflict-kind")).toHaveText("Intrusion set");
  await expect(conflict.getByTestId("entity-conflict-description")).toHaveText("Iranian state actor (Microsoft).");
  // Nothing typed is lost, and nothing was saved over their change.
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Homeland Justice");
  await expect(form.getByTestId("alias-chip")).toHaveText(["HLJ×", "Storm-0842×"]);
  await expect(form.getByLabel("Description (optional)")).toHaveValue("Persona claiming the 2022 attacks on Albania.");
  await expect(form.getByLabel("Kind")).toHaveValue("threat_actor");
  await expect(form.getByRole("button", { name: "Save entity" })).toBeDisabled();
  const { entity: stored } = await (await api.get(`/api/cases/${caseId}/entities/${entityId}`)).json();
  expect(stored).toMatchObject({
    name: "HomeLand Justice",
    kind: "intrusion_set",
    description: "Iranian state actor (Microsoft).",
    version: 2,
  });
  await expectNoSeriousA11yViolations(page);

  // Choosing to keep one's own edits saves them over the newer version, knowingly.
  await form.getByRole("button", { name: "Keep my edits (save over theirs next)" }).click();
  await form.getByRole("button", { name: "Save entity" }).click();
  await expect(form).toHaveCount(0);
  const threatActors = page.getByRole("region", { name: /Threat actor/ });
  await expect(threatActors.getByRole("list", { name: "Aliases of Homeland Justice" }).getByRole("listitem")).toHaveText([
    "HLJ",
    "Storm-0842",
  ]);
  const { entity: after } = await (await api.get(`/api/cases/${caseId}/entities/${entityId}`)).json();
  expect(after).toMatchObject({
    name: "Homeland Justice",
    kind: "threat_actor",
    aliases: ["HLJ", "Storm-0842"],
    description: "Persona claiming the 2022 attacks on Albania.",
    version: 3,
  });

  // A stale version sent straight to the API is a 409 with the current entity, and changes nothing.
  const stale = await api.patch(`/api/cases/${caseId}/entities/${entityId}`, {
    data: { version: 2, name: "Overwritten?" },
    headers: ORIGIN,
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.current).toMatchObject({ id: entityId, name: "Homeland Justice", version: 3 });
});
