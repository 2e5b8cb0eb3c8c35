import { withUser } from "@/lib/http/route";
import { importStixBundle } from "@/lib/stix/import-stix";
import { MAX_BUNDLE_BYTES } from "@/lib/stix/schemas";
import { CaseResponseSchema } from "@/lib/cases/schemas";
import { readBodyText } from "@/lib/http/body-limit";
import { respond } from "@/lib/http/respond";

// POST /api/cases/import — a STIX 2.1 bundle (JSON body) becomes a new case; the caller owns it
export const POST = withUser(async ({ req, ctx }) => {
  const created = await importStixBundle({ ctx, raw: await readBodyText(req, { limit: MAX_BUNDLE_BYTES, what: "STIX bundles" }) });
  return respond(CaseResponseSchema, { case: created }, { status: 201 });
});
