import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { getCaseAttack } from "@/lib/attack/get-case-attack";
import { navigatorLayer } from "@/lib/attack/navigator-layer";
import { NavigatorLayerResponseSchema } from "@/lib/attack/schemas";
import { getCase } from "@/lib/cases/get-case";
import { slugify } from "@/lib/cases/slugify";

// GET /api/cases/{caseId}/attack/layer — the ATT&CK view as an ATT&CK Navigator layer (format 4.5)
export const GET = withCase("claims.read", async ({ access }) => {
  const [view, found] = await Promise.all([getCaseAttack({ access }), getCase({ access })]);
  return respond(NavigatorLayerResponseSchema, navigatorLayer(view, { caseTitle: found.title, exportedAt: new Date() }), {
    headers: { "Content-Disposition": `attachment; filename="${slugify(found.title) || "case"}-attack-layer.json"` },
  });
});
