import { NextResponse } from "next/server";
import { withCase } from "@/lib/http/route";
import { getCaseAttack } from "@/lib/attack/get-case-attack";
import { navigatorLayer } from "@/lib/attack/navigator-layer";
import { getCase } from "@/lib/cases/get-case";
import { slugify } from "@/lib/cases/slugify";

// GET /api/cases/{caseId}/attack/layer — the ATT&CK view as an ATT&CK Navigator layer (format 4.5)
export const GET = withCase("claims.read", async ({ access }) => {
  const [view, found] = await Promise.all([getCaseAttack({ access }), getCase({ access })]);
  const layer = navigatorLayer(view, { caseTitle: found.title, exportedAt: new Date() });
  return NextResponse.json(layer, {
    headers: { "Content-Disposition": `attachment; filename="${slugify(found.title) || "case"}-attack-layer.json"` },
  });
});
