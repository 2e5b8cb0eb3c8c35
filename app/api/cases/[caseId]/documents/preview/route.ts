import { withCase, parseJson } from "@/lib/http/route";
import { previewUrlCapture } from "@/lib/documents/capture-url";
import { UrlPreviewRequestSchema, UrlPreviewResponseSchema } from "@/lib/documents/capture-url-schemas";
import { respond } from "@/lib/http/respond";

// POST /api/cases/{caseId}/documents/preview — fetch a URL and show the title, publisher, date and text found; stores nothing
export const POST = withCase("documents.create", async ({ req }) => {
  const { url } = await parseJson(req, UrlPreviewRequestSchema);
  return respond(UrlPreviewResponseSchema, { preview: await previewUrlCapture({ url }) });
});
