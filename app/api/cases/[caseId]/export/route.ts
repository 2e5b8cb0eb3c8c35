import { withCase } from "@/lib/http/route";
import { BadRequestError } from "@/lib/errors";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { BRIEF_FORMATS, downloadName, parseFormat, renderFormat } from "@/lib/briefs/render-format";
import { exportMispEvent } from "@/lib/misp/export-misp-event";
import { mispDownloadName } from "@/lib/misp/mapping";
import { exportCaseArchive } from "@/lib/stix/export-case-archive";
import { slugify } from "@/lib/cases/slugify";

// GET /api/cases/{caseId}/export?format=md|pdf|docx|stix — the current draft brief (400 on an unknown format);
// format=misp — the whole case (indicators, ATT&CK, claims with their quotes) as a MISP event;
// format=archive — the whole case as a STIX 2.1 case archive that POST /api/cases/import rebuilds without loss
export const GET = withCase("briefs.read", async ({ req, access }) => {
  const requested = new URL(req.url).searchParams.get("format");
  if (requested === "archive") {
    const bundle = await exportCaseArchive({ access });
    const title = String(bundle.objects.find((o) => o.type === "report")?.name ?? "case");
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        "content-type": "application/stix+json;version=2.1",
        "content-disposition": `attachment; filename="${slugify(title) || "case"}.archive.stix.json"`,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  }
  if (requested === "misp") {
    const event = await exportMispEvent({ access });
    return new Response(JSON.stringify(event, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${mispDownloadName(event.Event.info)}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  }
  if (!requested || !(requested in BRIEF_FORMATS))
    throw new BadRequestError(
      `Unknown format "${requested ?? ""}": use one of ${[...Object.keys(BRIEF_FORMATS), "misp", "archive"].join(", ")}.`,
      [{ path: "format", message: "Use md, pdf, docx, stix, misp or archive." }],
    );
  const format = parseFormat(requested);
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
