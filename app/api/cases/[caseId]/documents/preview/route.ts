import { withCase, parseJson } from "@/lib/http/route";
import { previewUrlCapture } from "@/lib/documents/capture-url";
import { UrlPreviewRequestSchema } from "@/lib/documents/capture-url-schemas";

// POST /api/cases/{caseId}/documents/preview — fetch a URL and show the title, publisher, date and text found; stores nothing
export const POST = withCase("documents.create", async ({ req }) => {
  const { url } = await parseJson(req, UrlPreviewRequestSchema);
  return { preview: await previewUrlCapture({ url }) };
});
