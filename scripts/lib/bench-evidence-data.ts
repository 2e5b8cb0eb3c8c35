// Deterministic data for scripts/bench-evidence.ts: one case with a 1 MB document carrying 500
// highlighted claims, and 1,500 more claims on a second document (2,000 in all).
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { anchorExcerpt } from "@/lib/claims/verify-excerpt";

const KINDS = ["fact", "allegation", "assessment", "denial"] as const;
const STATUSES = ["draft", "accepted", "disputed", "rejected"] as const;

export async function generate() {
  const user = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
  const ctx = { actor: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, requestId: "bench" };
  const c = await createCase({ ctx, input: { title: "Benchmark: 1 MB reader and 2,000 claims" } });
  const access = { caseId: c.id, role: "owner" as const };
  const seeds = [
    "000_14ff20742db8aebd.txt",
    "001_b92132f857757dcc.txt",
    "002_611f42bb94c1d655.txt",
    "003_6c825d3da359bae1.txt",
    "004_1e8b3c1082576829.txt",
  ].map((f) => readFileSync(path.resolve(__dirname, "../../prisma/demo", f), "utf8"));
  let big = "";
  for (let i = 0; big.length < 1_000_000; i++) big += `§${i} ${seeds[i % seeds.length]}\n\n`;
  const bigDoc = (
    await createPastedDocument({ ctx, access: { caseId: c.id, role: "owner" }, input: { title: "A 1 MB capture", text: big } })
  ).document;
  const small = (
    await createPastedDocument({
      ctx,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Second capture", text: seeds.join("\n\n") },
    })
  ).document;
  const sources = await Promise.all(
    ["A", "B", "C", "D"].map((r, i) =>
      createSource({
        ctx,
        access,
        input: { name: `Bench source ${i + 1}`, kind: "outlet", reliability: r as "A", rationale: "Benchmark data." },
      }),
    ),
  );
  await assignDocumentSource({ ctx, access, documentId: bigDoc.id, input: { sourceId: sources[1].id } });
  await assignDocumentSource({ ctx, access, documentId: small.id, input: { sourceId: sources[2].id } });

  const claimRows: { id: string; statement: string; i: number }[] = [];
  const excerptRows: { claimId: string; documentId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[] =
    [];
  for (let i = 0; i < 2000; i++) {
    const onBig = i < 500;
    const text = onBig ? bigDoc.text : small.text;
    // Evenly spread, word-aligned quotes of 60–140 characters.
    const at = Math.floor(((i % 500) / 500) * (text.length - 200)) + (onBig ? 0 : (i * 37) % 150);
    const start = text.indexOf(" ", at) + 1;
    const end = start + 60 + ((i * 13) % 80);
    const a = anchorExcerpt({
      text,
      excerpt: { documentId: onBig ? bigDoc.id : small.id, start, end, exact: text.slice(start, end) },
      path: "bench",
    });
    const id = crypto.randomUUID();
    claimRows.push({ id, statement: `Benchmark claim ${i}: ${a.exact.slice(0, 60)}`, i });
    excerptRows.push({ claimId: id, ...a });
  }
  await db.claim.createMany({
    data: claimRows.map(({ id, statement, i }) => ({
      id,
      caseId: c.id,
      statement,
      claimant: `Claimant ${i % 17}`,
      kind: KINDS[i % 4],
      credibility: (i % 6) + 1,
      status: STATUSES[i % 4],
      createdById: user.id,
    })),
  });
  await db.excerpt.createMany({ data: excerptRows });
  return { caseId: c.id, bigDocId: bigDoc.id, bigDocChars: bigDoc.text.length, highlights: 500, claims: claimRows.length };
}
