import { withUser } from "@/lib/http/route";
import { quickJump } from "@/lib/search/quick-jump";

// GET /api/search/quick?q=… — the command palette's cases, documents, claims and entities by name
export const GET = withUser(async ({ req, actor }) => ({
  items: await quickJump({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }),
}));
