// TAXII 2.1 versions of one object.
import { withTaxii } from "@/lib/http/taxii-route";
import { getVersions } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ req, actor, params }) => getVersions({ actor, params, searchParams: req.nextUrl.searchParams }));
