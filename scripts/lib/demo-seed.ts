// The demo workspace: users, the Albania case with seed documents 000–002 and release 1 of its brief,
// and a second case owned by someone else. Idempotent: does nothing once the demo analyst exists.
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createCase } from "@/lib/cases/create-case";
import { createUploadedDocument } from "@/lib/documents/create-document";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CaseRole } from "@/lib/generated/prisma/enums";
import { briefApprovalState } from "@/lib/briefs/brief-review";
import { seedAlbaniaEvidence } from "./demo-evidence";
import { seedAlbaniaAttribution, seedAlbaniaRelease } from "./demo-attribution";

export const DEMO_USERS = [
  { email: "analyst@example.com", name: "Ana Analyst", password: "albania-analyst-2022" },
  { email: "reviewer@example.com", name: "Rui Reviewer", password: "albania-reviewer-2022" },
  { email: "viewer@example.com", name: "Vera Viewer", password: "albania-viewer-2022" },
  { email: "investigator@example.com", name: "Ines Investigator", password: "organised-crime-2019" },
  { email: "admin@example.com", name: "Mo Admin", password: "workspace-admin-2026", isAdmin: true },
] as const;

const DEMO_DIR = path.resolve(__dirname, "../../prisma/demo");

const ALBANIA_DOCS = [
  {
    file: "000_14ff20742db8aebd.txt",
    title: "Suspected Iranian cyberattack exposes UK–Albania migration talks",
    publisher: "Wire report (London), citing the Daily Telegraph",
  },
  {
    file: "001_b92132f857757dcc.txt",
    title: "Albania shows the West how to deal with Iran",
    publisher: "UPI (opinion column)",
    publishedAt: "2022-09-20",
  },
  { file: "002_611f42bb94c1d655.txt", title: "Turkey Helping Iran To Open Interest Section In Albania", publisher: "News report" },
];
const CRIME_DOCS = [
  {
    file: "003_6c825d3da359bae1.txt",
    title: "Albanian criminals use Facebook page to evade UK immigration raids",
    publisher: "News report, citing The Telegraph",
  },
  {
    file: "004_1e8b3c1082576829.txt",
    title: "SKY ECC decryption leads to arrests of Albanian drug gang's enablers",
    publisher: "News report, citing Europol",
  },
];

export async function seedDemo({ log = console.log }: { log?: (m: string) => void } = {}) {
  if (await db.user.findUnique({ where: { email: DEMO_USERS[0].email } })) {
    await seedMissingEvidence({ log });
    log("seed: demo workspace already present");
    return;
  }
  const users: Record<string, Ctx> = {};
  for (const u of DEMO_USERS) {
    const created = await db.user.create({
      data: { email: u.email, name: u.name, passwordHash: await hashPassword(u.password), isAdmin: "isAdmin" in u ? u.isAdmin : false },
    });
    users[u.email] = { actor: { id: created.id, email: created.email, name: created.name, isAdmin: created.isAdmin }, requestId: "seed" };
  }
  const analyst = users["analyst@example.com"];
  const albania = await createCase({
    ctx: analyst,
    input: {
      title: "2022 Albania government cyberattacks",
      summary:
        "Destructive attacks on Albanian government systems in July and September 2022 (TIMS taken offline), publicly attributed to Iran. Who did it, and how sure can we be?",
      status: "active",
      tlp: "AMBER",
    },
  });
  await addMembers({
    ctx: analyst,
    caseId: albania.id,
    members: [
      ["reviewer@example.com", "reviewer"],
      ["viewer@example.com", "viewer"],
    ],
    users,
  });
  await addDocs({ ctx: analyst, caseId: albania.id, docs: ALBANIA_DOCS });
  await seedAlbaniaEvidence({ ctx: analyst, caseId: albania.id });
  await seedAlbaniaAttribution({ analyst, reviewer: users["reviewer@example.com"], caseId: albania.id });
  await seedAlbaniaRelease({ analyst, reviewer: users["reviewer@example.com"], caseId: albania.id });

  const investigator = users["investigator@example.com"];
  const crime = await createCase({
    ctx: investigator,
    input: {
      title: "Albanian organised crime",
      summary: "Albanian criminal networks in the UK and Europe: smuggling, drugs, and the officials who shield them.",
      status: "active",
      tlp: "RED",
    },
  });
  await addDocs({ ctx: investigator, caseId: crime.id, docs: CRIME_DOCS });
  log(`seed: demo workspace created (${DEMO_USERS.length} users, 2 cases, ${ALBANIA_DOCS.length + CRIME_DOCS.length} documents)`);
}

async function addMembers({
  ctx,
  caseId,
  members,
  users,
}: {
  ctx: Ctx;
  caseId: string;
  members: [string, CaseRole][];
  users: Record<string, Ctx>;
}) {
  for (const [email, role] of members) {
    const userId = users[email].actor.id;
    await db.$transaction(async (tx) => {
      await tx.caseMember.create({ data: { caseId, userId, role } });
      await recordAudit({ tx, ctx, action: "member.add", caseId, targetType: "user", targetId: userId, after: { email, role } });
    });
  }
}

async function addDocs({
  ctx,
  caseId,
  docs,
}: {
  ctx: Ctx;
  caseId: string;
  docs: { file: string; title: string; publisher: string; publishedAt?: string }[];
}) {
  for (const d of docs) {
    const bytes = readFileSync(path.join(DEMO_DIR, d.file));
    await createUploadedDocument({
      ctx,
      access: { caseId, role: "owner" },
      file: { name: d.file, type: "text/plain", bytes },
      meta: { title: d.title, publisher: d.publisher, publishedAt: d.publishedAt },
    });
  }
}

/** Workspaces seeded before a feature existed get that feature's demo data once. */
async function seedMissingEvidence({ log }: { log: (m: string) => void }) {
  const ctxOf = async (email: string): Promise<Ctx> => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { actor: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin }, requestId: "seed" };
  };
  const analyst = await ctxOf(DEMO_USERS[0].email);
  const albania = await db.case.findFirst({
    where: { title: "2022 Albania government cyberattacks", createdById: analyst.actor.id },
    select: { id: true, _count: { select: { sources: true, claims: true, questions: true, releases: true } } },
  });
  if (!albania) return;
  if (albania._count.sources === 0 && albania._count.claims === 0) {
    await seedAlbaniaEvidence({ ctx: analyst, caseId: albania.id });
    log("seed: demo evidence added to the Albania case");
  }
  if (albania._count.questions === 0) {
    await seedAlbaniaAttribution({ analyst, reviewer: await ctxOf("reviewer@example.com"), caseId: albania.id });
    log("seed: demo attribution added to the Albania case");
  }
  // Only a brief nobody has touched yet: never release what someone is working on in this workspace.
  const briefTouched = await db.review.count({ where: { caseId: albania.id, targetType: "brief" } });
  const releasable = async () => (await briefApprovalState({ access: { caseId: albania.id, role: "owner" } })).model.blockers.length === 0;
  if (albania._count.releases === 0 && briefTouched === 0 && (await releasable())) {
    await seedAlbaniaRelease({ analyst, reviewer: await ctxOf("reviewer@example.com"), caseId: albania.id });
    log("seed: release 1 of the Albania brief added");
  }
}
