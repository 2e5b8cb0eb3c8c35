import { withCase } from "@/lib/http/route";
import { getDocument } from "@/lib/documents/get-document";
import { DocumentResponseSchema } from "@/lib/documents/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/documents/{documentId} — one document with its captured text
export const GET = withCase("documents.read", async ({ access, params }) => {
  const doc = await getDocument({ access, documentId: params.documentId });
  return respond(DocumentResponseSchema, { document: doc });
});
