import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** One quote's grade in SQL (aliases e, d, s), as lib/claims/reliability.ts counts it; NULL (ungraded, sorted last) when it lends none. */
export const CLAIM_EXCERPT_GRADE = Prisma.sql`CASE WHEN d.retracted_at IS NULL AND s.retracted_at IS NULL THEN COALESCE(d.reliability_override::text, s.reliability::text) END`;
