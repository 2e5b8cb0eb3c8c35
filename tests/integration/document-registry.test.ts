// Capture into the registry and fixing mistakes (issue 18): a document's metadata is corrected with a
// reason, audited and versioned while its capture stays frozen; an upload reads its HTML head.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument, createUploadedDocument, storeDocument } from "@/lib/documents/create-document";
import { DocumentMetaSchema } from "@/lib/documents/schemas";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana });
  return { ana, c, access: { caseId: c.id, role: "owner" as const } };
}

describe("document metadata", () => {
  it("corrects title, publisher, author, date and a typed URL with a reason: versioned, audited before/after, text and hashes frozen", async () => {
    const { ana, c, access } = await setup();
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Albnia statment", text: "The ministry said the attack came from abroad.", publisher: "Reuter" },
    });
    const updated = await updateDocumentMetadata({
      ctx: ana,
      access,
      documentId: doc.id,
      input: {
        version: 1,
        reason: "Typos in the title and publisher; date from the wire",
        title: "Albania statement",
        publisher: "Reuters",
        author: "J. Doe",
        publishedAt: "28 Feb 2023",
        url: "https://www.reuters.com/world/albania",
      },
    });
    expect(updated).toMatchObject({ title: "Albania statement", publisher: "Reuters", author: "J. Doe", version: 2 });
    expect(updated.publishedAt?.toISOString()).toBe("2023-02-28T00:00:00.000Z");
    const stored = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect({ text: stored.text, sha256: stored.sha256, textSha256: stored.textSha256, sizeBytes: stored.sizeBytes }).toEqual({
      text: doc.text,
      sha256: doc.sha256,
      textSha256: doc.textSha256,
      sizeBytes: doc.sizeBytes,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: doc.id, action: "document.update" } });
    expect(audit.reason).toBe("Typos in the title and publisher; date from the wire");
    expect(audit.before).toMatchObject({
      title: "Albnia statment",
      publisher: "Reuter",
      author: null,
      url: null,
      version: 1,
      sha256: doc.sha256,
    });
    expect(audit.after).toMatchObject({ title: "Albania statement", publisher: "Reuters", version: 2, sha256: doc.sha256 });

    // Clearing a field: null (or "") empties it.
    const cleared = await updateDocumentMetadata({
      ctx: ana,
      access,
      documentId: doc.id,
      input: { version: 2, reason: "Unknown author", author: "" },
    });
    expect(cleared.author).toBeNull();
  });

  it("refuses an edit without a reason, a stale version (409 with the current values), a non-day date, and an edit that changes nothing", async () => {
    const { ana, c, access } = await setup();
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Report", text: "Some report text." },
    });
    const edit = (input: Record<string, unknown>) =>
      updateDocumentMetadata({ ctx: ana, access, documentId: doc.id, input: input as never });
    await expect(edit({ version: 1, title: "New" })).rejects.toThrow(/Say why you are changing/);
    await expect(edit({ version: 1, reason: " ", title: "New" })).rejects.toThrow(/Say why you are changing/);
    await expect(edit({ version: 1, reason: "r", publishedAt: "Feb 2023" })).rejects.toThrow(/must be a day/);
    await expect(edit({ version: 1, reason: "r", title: "Report" })).rejects.toThrow(InvalidError);
    await edit({ version: 1, reason: "Colleague's fix", title: "Report (fixed)" });
    const stale = await edit({ version: 1, reason: "Mine", title: "Report (mine)" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.details.current).toMatchObject({ title: "Report (fixed)", version: 2 });
    expect(await db.auditEvent.count({ where: { targetId: doc.id, action: "document.update" } })).toBe(1);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).title).toBe("Report (fixed)");
  });

  it("keeps a URL capture's URL, and scopes the edit to the case", async () => {
    const { ana, c, access } = await setup();
    const { document: doc } = await storeDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      captured: {
        kind: "url",
        bytes: Buffer.from("<p>Text.</p>"),
        mimeType: "text/html",
        text: "Text.",
        meta: { ...DocumentMetaSchema.parse({ url: "https://news.example/a" }), title: "Captured" },
      },
    });
    await expect(
      updateDocumentMetadata({
        ctx: ana,
        access,
        documentId: doc.id,
        input: { version: 1, reason: "r", url: "https://elsewhere.example/" },
      }),
    ).rejects.toThrow(/captured from its URL/);
    const retitled = await updateDocumentMetadata({
      ctx: ana,
      access,
      documentId: doc.id,
      input: { version: 1, reason: "Better title", title: "Captured page" },
    });
    expect(retitled).toMatchObject({ title: "Captured page", url: "https://news.example/a" });
    const other = await setup();
    await expect(
      updateDocumentMetadata({ ctx: other.ana, access: other.access, documentId: doc.id, input: { version: 1, reason: "r", title: "X" } }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("a source registered with the document", () => {
  it("creates the source and the document in one transaction, both audited; the document inherits its grade", async () => {
    const { ana, c } = await setup();
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: {
        title: "Ministry statement",
        text: "The ministry confirmed the outage.",
        newSourceName: "Albanian Ministry of Interior",
        newSourceKind: "government",
        newSourceReliability: "B",
        newSourceRationale: "Official statements, usually accurate on facts",
      },
    });
    const source = await db.source.findFirstOrThrow({ where: { caseId: c.id, name: "Albanian Ministry of Interior" } });
    expect(source).toMatchObject({ kind: "government", reliability: "B" });
    expect(doc.sourceId).toBe(source.id);
    const audit = await db.auditEvent.findMany({
      where: { caseId: c.id, action: { in: ["source.create", "document.create"] } },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.action, a.targetId])).toEqual([
      ["source.create", source.id],
      ["document.create", doc.id],
    ]);
    expect(audit[0].requestId).toBe(audit[1].requestId);
  });

  it("refuses an incomplete new source field by field, a taken name, or both a pick and a new one — storing neither", async () => {
    const { ana, c } = await setup();
    const paste = (extra: Record<string, unknown>, text = "Some text.") =>
      createPastedDocument({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { title: "Doc", text, ...extra } });
    const incomplete = await paste({ newSourceName: "Gazette", newSourceKind: "outlet" }).catch((e) => e);
    expect(incomplete).toBeInstanceOf(InvalidError);
    expect(incomplete.issues.map((i: { path: string }) => i.path).sort()).toEqual(["newSourceRationale", "newSourceReliability"]);
    await paste({ newSourceName: "Gazette", newSourceKind: "outlet", newSourceReliability: "C", newSourceRationale: "r" });
    const taken = await paste(
      { newSourceName: "Gazette", newSourceKind: "outlet", newSourceReliability: "D", newSourceRationale: "r" },
      "Other text.",
    ).catch((e) => e);
    expect(taken).toBeInstanceOf(InvalidError);
    expect(taken.issues[0]).toMatchObject({ path: "newSourceName", message: expect.stringMatching(/already exists/) });
    const gazette = await db.source.findFirstOrThrow({ where: { caseId: c.id } });
    await expect(
      paste(
        { sourceId: gazette.id, newSourceName: "Other", newSourceKind: "outlet", newSourceReliability: "C", newSourceRationale: "r" },
        "Third.",
      ),
    ).rejects.toThrow(/not both/);
    expect(await db.document.count({ where: { caseId: c.id } })).toBe(1);
    expect(await db.source.count({ where: { caseId: c.id } })).toBe(1);
  });
});

describe("uploads read the HTML head", () => {
  it("takes the <title> and a published-date meta tag when none is typed; a typed value wins", async () => {
    const { ana, c } = await setup();
    const html = (extraHead: string, body: string) =>
      Buffer.from(
        `<!doctype html><html><head><title>Ministry confirms outage</title>${extraHead}</head><body><article><p>${body}</p><p>${"More article text. ".repeat(20)}</p></article></body></html>`,
      );
    const { document: og } = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: {
        name: "saved-page.html",
        type: "text/html",
        bytes: html('<meta property="article:published_time" content="2023-02-28T09:30:00Z">', "One."),
      },
      meta: {},
    });
    expect(og.title).toBe("Ministry confirms outage");
    expect(og.publishedAt?.toISOString().slice(0, 10)).toBe("2023-02-28");

    const { document: dc } = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "dc.html", type: "text/html", bytes: html('<meta name="DC.date" content="2022-09-08">', "Two.") },
      meta: { title: "Typed title" },
    });
    expect(dc.title).toBe("Typed title");
    expect(dc.publishedAt?.toISOString().slice(0, 10)).toBe("2022-09-08");

    const { document: typed } = await createUploadedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      file: { name: "typed.html", type: "text/html", bytes: html('<meta name="date" content="2022-09-08">', "Three.") },
      meta: { publishedAt: "2022-10-01" },
    });
    expect(typed.publishedAt?.toISOString().slice(0, 10)).toBe("2022-10-01");
  });
});
