// The Brief page previews an unsaved template/section choice (GET …/brief/preview) without saving it,
// and /admin tells cases with the same title apart (slug, creation date, creator).
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { previewBrief } from "@/lib/briefs/preview-brief";
import { getBriefSettings } from "@/lib/briefs/compose-brief";
import { listUsersForAdmin } from "@/lib/admin/list-users";
import { makeCase, makeUser } from "../support/factories";

describe("brief preview of an unsaved choice", () => {
  it("follows the template or the sections asked for, and saves nothing", async () => {
    const ana = await makeUser({ name: "Ana" });
    const c = await makeCase({ owner: ana });
    const access = { caseId: c.id, role: "owner" as const };
    const before = await getBriefSettings({ access });
    expect(before.template).toBe("full");

    const summary = await previewBrief({ access, query: { template: "summary" } });
    expect(summary).toMatchObject({ template: "summary", sections: ["bluf", "judgments", "sources"] });
    // Sections come back in the brief's own order, whatever order they were asked in.
    const picked = await previewBrief({ access, query: { template: "full", sections: "sources,bluf" } });
    expect(picked.sections).toEqual(["bluf", "sources"]);
    expect(await getBriefSettings({ access })).toEqual(before);
  });

  it("refuses an unknown section or an empty choice", async () => {
    const ana = await makeUser({ name: "Ana" });
    const c = await makeCase({ owner: ana });
    const access = { caseId: c.id, role: "owner" as const };
    await expect(previewBrief({ access, query: { sections: "bluf,gossip" } })).rejects.toBeInstanceOf(ZodError);
    await expect(previewBrief({ access, query: { sections: "" } })).rejects.toBeInstanceOf(ZodError);
    await expect(previewBrief({ access, query: { template: "poster" } })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("admin: cases with the same title", () => {
  it("come with their slug, creation date and creator", async () => {
    const admin = await makeUser({ name: "Admin", isAdmin: true });
    const ana = await makeUser({ name: "Ana Twin" });
    const rui = await makeUser({ name: "Rui Twin" });
    const a = await makeCase({ owner: ana, title: "Twin title" });
    const b = await makeCase({ owner: rui, title: "Twin title" });
    const { cases, users } = await listUsersForAdmin({ ctx: admin });
    const twins = cases.filter((c) => c.title === "Twin title");
    expect(twins.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(new Set(twins.map((t) => t.slug)).size).toBe(2);
    expect(twins.map((t) => t.createdBy).sort()).toEqual(["Ana Twin", "Rui Twin"]);
    for (const t of twins) expect(t.createdAt).toBeInstanceOf(Date);
    const anaRow = users.find((u) => u.id === ana.actor.id)!;
    expect(anaRow.memberships).toEqual([
      { caseId: a.id, caseTitle: "Twin title", caseSlug: twins.find((t) => t.id === a.id)!.slug, role: "owner" },
    ]);
  });
});
