// The database's enum types for code that must not import the database client (app/ and components/):
// type-only re-exports, so the generated Prisma client never reaches a page or a browser bundle.
export type { CaseRole, CaseStatus, Tlp, ReviewDecision, ReviewState } from "@/lib/generated/prisma/enums";
