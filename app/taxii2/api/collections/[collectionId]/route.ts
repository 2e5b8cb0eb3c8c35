// TAXII 2.1 collection.
import { withTaxii } from "@/lib/http/taxii-route";
import { collection } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ actor, params }) => collection({ actor, params }));
