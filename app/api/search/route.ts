import { withUser } from "@/lib/http/route";
import { search } from "@/lib/search/search";
import { respond } from "@/lib/http/respond";
import { SearchResponseSchema } from "@/lib/search/schemas";

// GET /api/search?q=… — ranked full-text hits from the caller's cases, one page, with counts per kind
export const GET = withUser(async ({ req, actor }) =>
  respond(SearchResponseSchema, await search({ actor, query: Object.fromEntries(new URL(req.url).searchParams) })),
);
