// TAXII 2.1 objects of a collection.
import { withTaxii } from "@/lib/http/taxii-route";
import { getObjects } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ req, actor, params }) => getObjects({ actor, params, searchParams: req.nextUrl.searchParams }));
