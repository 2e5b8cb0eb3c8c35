import { withCase } from "@/lib/http/route";
import { getReleaseFile } from "@/lib/briefs/releases";
import { downloadName, parseFormat } from "@/lib/briefs/render-format";

// GET /api/cases/{caseId}/releases/{n}?format=md|pdf|docx|stix — the exact bytes stored for that release
export const GET = withCase("briefs.read", async ({ req, access, params }) => {
  const format = parseFormat(new URL(req.url).searchParams.get("format"));
  const file = await getReleaseFile({ access, number: Number(params.number), format });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename="${downloadName({ title: file.title, releaseNumber: file.number, format })}"`,
      "x-content-sha256": file.sha256,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
});
