import { z } from "zod";
import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { IncludeRetractedQuerySchema } from "@/lib/lifecycle/schemas";
import { listDocuments } from "@/lib/documents/list-documents";
import { createPastedDocument, createUploadedDocument } from "@/lib/documents/create-document";
import { createUrlDocument } from "@/lib/documents/capture-url";
import { CaptureUrlSchema } from "@/lib/documents/capture-url-schemas";
import {
  MAX_UPLOAD_BYTES,
  PasteDocumentSchema,
  DocumentListResponseSchema,
  CreatedDocumentResponseSchema,
  DocumentMetaSchema,
} from "@/lib/documents/schemas";
import { BadRequestError, InvalidError, TooLargeError } from "@/lib/errors";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/documents — the case's documents (without their text); retracted ones with ?include=retracted
export const GET = withCase("documents.read", async ({ req, access }) => {
  const { include } = parseQuery(req, IncludeRetractedQuerySchema);
  const docs = await listDocuments({ access, includeRetracted: include === "retracted" });
  return respond(DocumentListResponseSchema, { documents: docs.map((d) => ({ ...d, addedBy: d.addedBy.name })) });
});

const JsonObject = z.record(z.string(), z.unknown(), "The request body must be a JSON object.");

// POST /api/cases/{caseId}/documents — JSON {title, text, …} (paste), JSON {url, …} (capture) or multipart with a `file`
export const POST = withCase("documents.create", async ({ req, ctx, access }) => {
  const type = req.headers.get("content-type") ?? "";
  let result;
  if (type.startsWith("multipart/form-data")) {
    const length = Number(req.headers.get("content-length") ?? 0);
    // Refused before reading the body; the service checks the real size again.
    if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw new TooLargeError(`The upload limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    const form = await req.formData().catch(() => {
      throw new BadRequestError("The upload is not valid multipart/form-data.");
    });
    const file = form.get("file");
    if (!(file instanceof File))
      throw new InvalidError("Choose a file to upload.", [{ path: "file", message: "Choose a file to upload." }]);
    const meta = Object.fromEntries(Object.keys(DocumentMetaSchema.shape).map((k) => [k, form.get(k)?.toString() ?? undefined]));
    result = await createUploadedDocument({
      ctx,
      access,
      file: { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) },
      meta,
    });
  } else {
    const body = await parseJson(req, JsonObject);
    // A URL without text means "fetch it"; a URL alongside pasted text is just its provenance.
    result =
      body.url !== undefined && body.text === undefined
        ? await createUrlDocument({ ctx, access, input: CaptureUrlSchema.parse(body) })
        : await createPastedDocument({ ctx, access, input: PasteDocumentSchema.parse(body) });
  }
  return respond(CreatedDocumentResponseSchema, result, { status: 201 });
});
