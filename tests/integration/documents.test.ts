import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument, createUploadedDocument } from "@/lib/documents/create-document";
import { getDocument } from "@/lib/documents/get-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { sha256Hex } from "@/lib/documents/hash";
import { ConflictError, NotFoundError, TooLargeError, UnsupportedMediaError } from "@/lib/errors";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { makeCase, makeUser } from "../support/factories";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
const seed = (name: string) => readFileSync(path.join(SEEDS, name));

async function setup() {
  const ana = await makeUser();
  const c = await makeCase({ owner: ana });
  return { ana, c, access: { caseId: c.id, role: "owner" as const } };
}

describe("documents", () => {
  it("stores an uploaded seed file with the SHA-256 of its exact bytes and moves the date line into publishedAt", async () => {
    const { ana, c } = await setup();
    const bytes = seed("000_14ff20742db8aebd.txt");
    const { document: doc } = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "000.txt", type: "text/plain", bytes },
      meta: { title: "Wire report" },
    });
    expect(doc.sha256).toBe(sha256Hex(bytes));
    expect(doc.sizeBytes).toBe(bytes.length);
    expect(doc.publishedAt?.toISOString()).toBe("2022-09-20T00:00:00.000Z");
    expect(doc.text.startsWith("LONDON: A suspected Iranian cyberattack")).toBe(true);
    expect(doc.text).not.toMatch(/^\s*date 2022/);
    // Curly apostrophes survive untouched.
    expect(doc.text).toContain("Albania’s Interior Ministry");
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: doc.sha256 } });
    expect(Buffer.from(blob.bytes).equals(bytes)).toBe(true);
    expect(await db.auditEvent.count({ where: { targetId: doc.id, action: "document.create" } })).toBe(1);
  });

  it("keeps multi-byte text intact when pasted, and hashes the pasted UTF-8", async () => {
    const { ana, c } = await setup();
    const text = "“Same aggressors” — £1m; Shqipëria, Kuçova; وزارت اطلاعات";
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Multi-byte", text },
    });
    expect(doc.text).toBe(text);
    expect(doc.sha256).toBe(sha256Hex(Buffer.from(text, "utf8")));
  });

  it("refuses an exact duplicate (same SHA-256 in the case) with 409 naming the existing document, unless confirmed", async () => {
    const { ana, c } = await setup();
    const bytes = seed("002_611f42bb94c1d655.txt");
    const first = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "002.txt", type: "text/plain", bytes },
      meta: {},
    });
    expect(first.duplicates).toEqual([]);
    const refused = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "copy.txt", type: "text/plain", bytes },
      meta: {},
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).details).toEqual({ existing: { id: first.document.id, title: "002", retracted: false } });
    expect(await db.document.count({ where: { caseId: c.id } })).toBe(1);
    // Multipart sends the confirmation as the string "true".
    const second = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "copy.txt", type: "text/plain", bytes },
      meta: { confirmDuplicate: "true" },
    });
    expect(second.duplicates).toEqual([{ id: first.document.id, title: "002", sameBytes: true, match: "bytes", similarity: 1 }]);
    // Another case may hold the same bytes: no conflict there.
    const other = await makeCase({ owner: ana, title: "Other" });
    expect(
      (
        await createUploadedDocument({
          ctx: ana,
          access: { caseId: other.id, role: "owner" },
          file: { name: "002.txt", type: "text/plain", bytes },
          meta: {},
        })
      ).duplicates,
    ).toEqual([]);
  });

  it("flags a near-duplicate at capture: a wire story inside a longer article (shingle containment)", async () => {
    const { ana, c } = await setup();
    const wire = seed("000_14ff20742db8aebd.txt")
      .toString("utf8")
      .replace(/^ date \S+\n?/, "");
    const { document: original } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: wire },
    });
    const longer = `Editor's note: our regional desk adds context below.\n\n${wire}\n\nRead more: How Albania cut ties with Tehran. Leave a comment. Subscribe to our newsletter for daily updates from the Balkans.`;
    const { duplicates } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Regional paper", text: longer },
    });
    expect(duplicates).toEqual([expect.objectContaining({ id: original.id, match: "near", sameBytes: false })]);
    expect(duplicates[0].similarity).toBeGreaterThan(0.9);
    // An opinion column on the same events is not a copy.
    const column = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Column", text: seed("001_b92132f857757dcc.txt").toString("utf8") },
    });
    expect(column.duplicates).toEqual([]);
  });

  it("takes sourceId at creation (another case's source is a 404); a claim's claimant then defaults to the source's name", async () => {
    const { ana, c, access } = await setup();
    const source = await createSource({
      ctx: ana,
      access,
      input: { name: "Albanian Government", kind: "government", reliability: "C", rationale: "Official statements." },
    });
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Statement", text: "We were attacked by Iran, the prime minister said.", sourceId: source.id },
    });
    expect(document.sourceId).toBe(source.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: document.id, action: "document.create" } });
    expect(audit.after).toMatchObject({ sourceId: source.id });
    const claim = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Iran attacked Albania.",
        kind: "allegation",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "We were attacked by Iran" }],
      },
    });
    expect(claim.claimant).toBe("Albanian Government");
    const other = await makeCase({ owner: ana, title: "Other" });
    const foreign = await createSource({
      ctx: ana,
      access: { caseId: other.id, role: "owner" },
      input: { name: "F", kind: "other", reliability: "F", rationale: "r" },
    });
    await expect(
      createPastedDocument({
        ctx: ana,
        access: { caseId: c.id, role: "owner" },
        input: { title: "x", text: "Some other text entirely.", sourceId: foreign.id },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never lets captured text change (database trigger)", async () => {
    const { ana, c } = await setup();
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Frozen", text: "Original words." },
    });
    await expect(db.document.update({ where: { id: doc.id }, data: { text: "Edited words." } })).rejects.toThrow(/immutable/);
    await expect(db.document.update({ where: { id: doc.id }, data: { sha256: "0".repeat(64) } })).rejects.toThrow();
    // Metadata may still be corrected.
    await db.document.update({ where: { id: doc.id }, data: { title: "Frozen (retitled)" } });
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).text).toBe("Original words.");
  });

  it("refuses oversize and binary uploads and stores nothing", async () => {
    const { ana, c, access } = await setup();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    await expect(
      createUploadedDocument({
        ctx: ana,
        access: { caseId: c.id, role: "owner" },
        file: { name: "big.txt", type: "text/plain", bytes: big },
        meta: {},
      }),
    ).rejects.toBeInstanceOf(TooLargeError);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expect(
      createUploadedDocument({
        ctx: ana,
        access: { caseId: c.id, role: "owner" },
        file: { name: "photo.txt", type: "text/plain", bytes: png },
        meta: {},
      }),
    ).rejects.toBeInstanceOf(UnsupportedMediaError);
    expect(await listDocuments({ access })).toEqual([]);
    expect(await db.blob.count({ where: { sha256: sha256Hex(png) } })).toBe(0);
  });

  it("refuses an empty paste with a field message", async () => {
    const { ana, c } = await setup();
    await expect(
      createPastedDocument({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { title: "Empty", text: "  \n " } }),
    ).rejects.toThrow(/Paste the document's text/);
  });

  it("scopes reads to the case: a document id from another case is a 404", async () => {
    const { ana, c } = await setup();
    const other = await setup();
    const { document: theirs } = await createPastedDocument({
      ctx: other.ana,
      access: { caseId: other.c.id, role: "owner" },
      input: { title: "Theirs", text: "Secret" },
    });
    await expect(getDocument({ access: { caseId: c.id, role: "owner" }, documentId: theirs.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDocument({ access: { caseId: c.id, role: "owner" }, documentId: "../etc/passwd" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    void ana;
  });
});
