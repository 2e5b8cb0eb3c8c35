import { withUser } from "@/lib/http/route";
import { quickJump } from "@/lib/search/quick-jump";
import { respond } from "@/lib/http/respond";
import { QuickJumpResponseSchema } from "@/lib/search/schemas";

// GET /api/search/quick?q=… — the command palette's cases, documents, claims and entities by name
export const GET = withUser(async ({ req, actor }) =>
  respond(QuickJumpResponseSchema, {
    items: await quickJump({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }),
  }),
);
