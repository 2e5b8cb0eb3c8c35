// Issue 16: approving a brief checks that a review is pending (and that the approver is not its submitter)
// before composing the brief, which reads every claim, quote and footnote. Statements are observed through
// lib/db's instrumentation, switched on for this file before the client is created.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.PRISMA_QUERY_COUNT = "1";
});

import { disconnectDb, queryStats } from "@/lib/db";
import { approveBrief } from "@/lib/briefs/brief-review";
import { createPastedDocument } from "@/lib/documents/create-document";
import { ConflictError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { makeCase, makeUser } from "../support/factories";

let reviewer: { ctx: Ctx; access: CaseAccess };

beforeAll(async () => {
  // A client made earlier in this worker would not report its statements.
  await disconnectDb();
  const analyst = await makeUser({ name: "Ana Order" });
  const rev = await makeUser({ name: "Rui Order" });
  const c = await makeCase({ owner: analyst, members: [[rev, "reviewer"]], title: "Approve order fixture" });
  await createPastedDocument({
    ctx: analyst,
    access: { caseId: c.id, role: "owner" },
    input: { title: "A note", text: "Officials said the systems went offline." },
  });
  reviewer = { ctx: rev, access: { caseId: c.id, role: "reviewer" } };
});

async function statementsOf(fn: () => Promise<unknown>) {
  const seen: string[] = [];
  const listen = (e: { query: string }) => void seen.push(e.query);
  queryStats.listeners.add(listen);
  try {
    const result = await fn().catch((err: unknown) => err);
    return { seen, result };
  } finally {
    queryStats.listeners.delete(listen);
  }
}

describe("approving a brief nobody submitted", () => {
  it("answers 409 without composing the brief", async () => {
    expect(queryStats.enabled).toBe(true);
    const { seen, result } = await statementsOf(() => approveBrief({ ...reviewer, input: { contentHash: "0".repeat(64) } }));
    expect(result).toBeInstanceOf(ConflictError);
    expect((result as Error).message).toMatch(/not waiting for review/);
    expect(seen.length).toBeGreaterThan(0);
    // Composing reads the case's documents and claims; the pending-review check reads only reviews.
    expect(seen.filter((q) => /"(claims|documents|excerpts|hypotheses)"/.test(q))).toEqual([]);
  });
});
