import { withUser, parseQuery } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { searchTechniques } from "@/lib/attack/search-techniques";
import { TechniqueSearchQuerySchema, TechniqueSearchResponseSchema } from "@/lib/attack/schemas";

// GET /api/attack/techniques?q= — the technique picker: by id ("T1486", "T1561"), name words or analyst terms ("ransom")
export const GET = withUser(async ({ req }) => {
  const { q, limit } = parseQuery(req, TechniqueSearchQuerySchema);
  return respond(TechniqueSearchResponseSchema, { techniques: searchTechniques(q, { limit }) });
});
