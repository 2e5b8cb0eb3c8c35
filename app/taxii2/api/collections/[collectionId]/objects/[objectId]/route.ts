// TAXII 2.1 one object of a collection.
import { withTaxii } from "@/lib/http/taxii-route";
import { getObject } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ req, actor, params }) => getObject({ actor, params, searchParams: req.nextUrl.searchParams }));
