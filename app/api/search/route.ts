import { withUser } from "@/lib/http/route";
import { search } from "@/lib/search/search";

// GET /api/search?q=… — ranked full-text hits from the caller's cases, one page, with counts per kind
export const GET = withUser(async ({ req, actor }) => search({ actor, query: Object.fromEntries(new URL(req.url).searchParams) }));
