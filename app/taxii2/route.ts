// TAXII 2.1 discovery (read-only feed of released briefs; see lib/taxii and the README, "Interoperability: TAXII 2.1").
import { withTaxii } from "@/lib/http/taxii-route";
import { discovery } from "@/lib/taxii/endpoints";

export const GET = withTaxii(async ({ baseUrl }) => discovery({ baseUrl }));
