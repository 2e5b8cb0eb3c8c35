import { withCase } from "@/lib/http/route";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { BRIEF_FORMATS, downloadName, parseFormat, renderFormat } from "@/lib/briefs/render-format";

// GET /api/cases/{caseId}/export?format=md|pdf|docx|stix — the current draft brief (400 on an unknown format)
export const GET = withCase("briefs.read", async ({ req, access }) => {
  const format = parseFormat(new URL(req.url).searchParams.get("format"));
  const model = await composeBrief({ access });
  const bytes = await renderFormat({ model, format });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": BRIEF_FORMATS[format].mimeType,
      "content-disposition": `attachment; filename="${downloadName({ title: model.case.title, releaseNumber: "draft", format })}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
