import { withCase, parseJson } from "@/lib/http/route";
import { briefApprovalState } from "@/lib/briefs/brief-review";
import { saveBriefSettings } from "@/lib/briefs/brief-settings";
import { BriefSettingsSchema, BriefResponseSchema, BriefSettingsResponseSchema } from "@/lib/briefs/brief-settings-schema";
import { getBriefSettings } from "@/lib/briefs/compose-brief";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/brief — the draft brief as data, its hash, wording warnings, blockers and approval state
export const GET = withCase("briefs.read", async ({ access }) => {
  const { model, hash, review, current } = await briefApprovalState({ access });
  const settings = await getBriefSettings({ access });
  return respond(BriefResponseSchema, {
    brief: model,
    contentHash: hash,
    settings,
    approval: review
      ? {
          decision: review.decision,
          contentHash: review.contentHash,
          current,
          submittedBy: review.submittedBy,
          reviewer: review.reviewer,
          decidedAt: review.decidedAt,
        }
      : null,
  });
});

// PUT /api/cases/{caseId}/brief — choose the template and the sections to include (`version` required)
export const PUT = withCase("briefs.manage", async ({ req, ctx, access }) =>
  respond(BriefSettingsResponseSchema, {
    settings: await saveBriefSettings({ ctx, access, input: await parseJson(req, BriefSettingsSchema) }),
  }),
);
