import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { DocumentMetadataResponseSchema, UpdateDocumentMetadataSchema } from "@/lib/documents/schemas";

// PATCH /api/cases/{caseId}/documents/{documentId}/metadata — correct title, publisher, author, published date or a typed URL, with a reason
export const PATCH = withCase("documents.update", async ({ req, ctx, access, params }) => {
  const document = await updateDocumentMetadata({
    ctx,
    access,
    documentId: params.documentId,
    input: await parseJson(req, UpdateDocumentMetadataSchema),
  });
  return respond(DocumentMetadataResponseSchema, { document });
});
