import { withUser } from "@/lib/http/route";
import { importStixBundle, parseUntrustedJson } from "@/lib/stix/import-stix";
import { MAX_BUNDLE_BYTES } from "@/lib/stix/schemas";
import { detectImportFormat, importMispEvent } from "@/lib/misp/import-misp-event";
import { ImportedCaseResponseSchema } from "@/lib/misp/schemas";
import { readBodyText } from "@/lib/http/body-limit";
import { respond } from "@/lib/http/respond";

// POST /api/cases/import — a STIX 2.1 bundle or a MISP event (JSON body, format detected) becomes a new case; the caller owns it
export const POST = withUser(async ({ req, ctx }) => {
  const raw = await readBodyText(req, { limit: MAX_BUNDLE_BYTES, what: "Imported files" });
  const parsed = parseUntrustedJson(raw);
  if (detectImportFormat(parsed) === "misp") {
    const { case: created, report } = await importMispEvent({ ctx, raw, parsed });
    return respond(ImportedCaseResponseSchema, { case: created, misp: report }, { status: 201 });
  }
  const created = await importStixBundle({ ctx, raw });
  return respond(ImportedCaseResponseSchema, { case: created }, { status: 201 });
});
