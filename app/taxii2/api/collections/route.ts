// TAXII 2.1 collections: one per case the token's user can read that has a release.
import { withTaxii } from "@/lib/http/taxii-route";
import { collections } from "@/lib/taxii/endpoints";

export const GET = withTaxii(({ actor }) => collections({ actor }));
