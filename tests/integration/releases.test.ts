import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { approveBrief, briefApprovalState, submitBrief } from "@/lib/briefs/brief-review";
import { createRelease, getReleaseFile, listReleases } from "@/lib/briefs/releases";
import { saveBriefSettings } from "@/lib/briefs/brief-settings";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { parseFormat } from "@/lib/briefs/render-format";
import { updateHypothesis } from "@/lib/attribution/hypotheses";
import { BadRequestError, ConflictError, ForbiddenError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import { ctxOfUser } from "../support/factories";

let caseId: string;
let analyst: Ctx;
let reviewer: Ctx;

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
  analyst = await ctxOfUser("analyst@example.com");
  reviewer = await ctxOfUser("reviewer@example.com");
}, 120_000);

const owner = () => ({ ctx: analyst, access: { caseId, role: "owner" as const } });
const rev = () => ({ ctx: reviewer, access: { caseId, role: "reviewer" as const } });

describe("brief releases", () => {
  it("the demo ships release 1: submitted by the analyst, approved by the demo reviewer, four formats", async () => {
    const [shipped] = await listReleases({ access: owner().access });
    expect(shipped).toMatchObject({ number: 1, releasedBy: "Ana Analyst", approvedBy: "Rui Reviewer" });
    expect(shipped.files.map((f) => f.format).sort()).toEqual(["docx", "md", "pdf", "stix"]);
    // After a release the brief is release 2's draft: it needs an approval of its own.
    const err = await createRelease(owner()).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.details.missing).toEqual(["The brief changed after it was approved; it needs a new approval."]);
  });

  it("refuses a release while the brief waits for review, saying what is missing, and stores nothing", async () => {
    await submitBrief(owner());
    const err = await createRelease(owner()).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.details.missing).toEqual(["The brief has not been approved by a reviewer."]);
    expect(await db.briefRelease.count()).toBe(1);
  });

  it("submit → the submitter cannot approve → a reviewer approves → release stores four formats with their hashes", async () => {
    await submitBrief(owner());
    const { hash } = await briefApprovalState({ access: owner().access });
    await expect(approveBrief({ ...owner(), input: { contentHash: hash } })).rejects.toBeInstanceOf(ForbiddenError);
    await approveBrief({ ...rev(), input: { contentHash: hash } });
    const release = await createRelease(owner());
    expect(release.number).toBe(2);
    expect(release.files.map((f) => f.format).sort()).toEqual(["docx", "md", "pdf", "stix"]);
    for (const f of release.files) {
      const file = await getReleaseFile({ access: owner().access, number: 2, format: f.format as "md" });
      expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(f.sha256);
    }
    const md = (await getReleaseFile({ access: owner().access, number: 2, format: "md" })).bytes.toString("utf8");
    expect(md.startsWith("**TLP:AMBER**")).toBe(true);
    const [listed] = await listReleases({ access: owner().access });
    expect(listed).toMatchObject({ number: 2, releasedBy: "Ana Analyst", approvedBy: "Rui Reviewer" });
    expect((release.manifest as { judgments: { title: string; version: number }[] }).judgments).toEqual([
      expect.objectContaining({ title: "Iran's MOIS-linked operators", version: 1 }),
    ]);
  }, 60_000);

  it("never changes a release: the database refuses UPDATE and DELETE of releases and their files", async () => {
    const r = await db.briefRelease.findFirstOrThrow({ where: { caseId } });
    await expect(db.briefRelease.update({ where: { id: r.id }, data: { contentHash: "x" } })).rejects.toThrow(
      /immutable|permission denied/,
    );
    await expect(db.briefReleaseFile.deleteMany({ where: { releaseId: r.id } })).rejects.toThrow(/immutable|permission denied/);
    await expect(db.$executeRaw`UPDATE brief_release_files SET sha256 = 'x' WHERE release_id = ${r.id}::uuid`).rejects.toThrow(
      /immutable|permission denied/,
    );
    expect(await db.briefReleaseFile.count({ where: { releaseId: r.id } })).toBe(4);
  });

  it("a later change needs a new approval, and the next brief lists what changed since release 2", async () => {
    const h = await db.hypothesis.findFirstOrThrow({ where: { caseId, reviewState: "approved" } });
    await updateHypothesis({
      ...owner(),
      hypothesisId: h.id,
      input: { version: h.version, reason: "Microsoft's report read first-hand", confidence: "high" },
    });
    const err = await createRelease(owner()).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.details.missing).toContain("There is no approved key judgment to release.");
    const m = await composeBrief({ access: owner().access });
    expect(m.releaseNumber).toBe(3);
    expect(m.changes).toEqual([
      expect.objectContaining({
        hypothesisId: h.id,
        kind: "changed",
        reason: "Microsoft's report read first-hand",
        fields: ["confidence"],
      }),
    ]);
  });

  it("refuses an unknown format with 400, and saves section choices with optimistic concurrency", async () => {
    expect(() => parseFormat("exe")).toThrow(BadRequestError);
    const saved = await saveBriefSettings({ ...owner(), input: { version: 0, template: "summary", sections: ["judgments", "bluf"] } });
    expect(saved).toMatchObject({ template: "summary", sections: ["bluf", "judgments"], version: 1 });
    await expect(saveBriefSettings({ ...owner(), input: { version: 0, template: "full", sections: ["bluf"] } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await composeBrief({ access: owner().access })).sections).toEqual(["bluf", "judgments"]);
  });
});
