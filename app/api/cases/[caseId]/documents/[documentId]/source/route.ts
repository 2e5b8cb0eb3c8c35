import { withCase, parseJson } from "@/lib/http/route";
import { AssignSourceSchema, AssignedSourceResponseSchema } from "@/lib/sources/schemas";
import { respond } from "@/lib/http/respond";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";

// PUT /api/cases/{caseId}/documents/{documentId}/source — set the document's source; an override of its grade needs a reason
export const PUT = withCase("documents.update", async ({ req, ctx, access, params }) => {
  const document = await assignDocumentSource({
    ctx,
    access,
    documentId: params.documentId,
    input: await parseJson(req, AssignSourceSchema),
  });
  return respond(AssignedSourceResponseSchema, { document });
});
