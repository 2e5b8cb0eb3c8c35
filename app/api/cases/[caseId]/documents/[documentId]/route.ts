import { withCase } from "@/lib/http/route";
import { getDocument } from "@/lib/documents/get-document";
import { DocumentSchema } from "@/lib/documents/schemas";

// GET /api/cases/{caseId}/documents/{documentId} — one document with its captured text
export const GET = withCase("documents.read", async ({ access, params }) => {
  const doc = await getDocument({ access, documentId: params.documentId });
  return { document: DocumentSchema.parse(doc) };
});
