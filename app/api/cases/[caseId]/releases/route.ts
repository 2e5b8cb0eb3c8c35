import { NextResponse } from "next/server";
import { withCase } from "@/lib/http/route";
import { createRelease, listReleases } from "@/lib/briefs/releases";

// GET /api/cases/{caseId}/releases — released briefs with their files' SHA-256, releaser and approver
export const GET = withCase("briefs.read", async ({ access }) => ({ releases: await listReleases({ access }) }));

// POST /api/cases/{caseId}/releases — release the approved brief (409 listing what is missing)
export const POST = withCase("briefs.manage", async ({ ctx, access }) =>
  NextResponse.json({ release: await createRelease({ ctx, access }) }, { status: 201 }),
);
