// TAXII 2.1 API root.
import { withTaxii } from "@/lib/http/taxii-route";
import { apiRoot } from "@/lib/taxii/endpoints";

export const GET = withTaxii(async () => apiRoot());
