// TAXII 2.1 manifest of a collection.
import { withTaxii } from "@/lib/http/taxii-route";
import { getManifest } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ req, actor, params }) => getManifest({ actor, params, searchParams: req.nextUrl.searchParams }));
