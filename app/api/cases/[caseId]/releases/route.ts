import { withCase } from "@/lib/http/route";
import { createRelease, listReleases } from "@/lib/briefs/releases";
import { respond } from "@/lib/http/respond";
import { ReleaseListResponseSchema, CreatedReleaseResponseSchema } from "@/lib/briefs/brief-settings-schema";

// GET /api/cases/{caseId}/releases — released briefs with their files' SHA-256, releaser and approver
export const GET = withCase("briefs.read", async ({ access }) =>
  respond(ReleaseListResponseSchema, { releases: await listReleases({ access }) }),
);

// POST /api/cases/{caseId}/releases — release the approved brief (409 listing what is missing)
export const POST = withCase("briefs.manage", async ({ ctx, access }) =>
  respond(CreatedReleaseResponseSchema, { release: await createRelease({ ctx, access }) }, { status: 201 }),
);
