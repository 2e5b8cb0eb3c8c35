import { z } from "zod";
import { HEALTH_KEYS } from "@/lib/cases/health-keys";
import { IdSchema, idField } from "@/lib/ids/id-schema";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/sources/schemas";
import { ENTITY_KINDS, EntitySchema } from "@/lib/entities/schemas";

export const CLAIM_KINDS = ["fact", "allegation", "assessment", "denial"] as const;
export const CLAIM_STATUSES = ["draft", "accepted", "disputed", "rejected"] as const;
export const CLAIM_LINK_KINDS = ["corroborates", "contradicts", "repeats"] as const;

const credibility = z
  .number("Credibility must be a number from 1 to 6.")
  .int("Credibility must be a whole number from 1 to 6.")
  .min(1, "Credibility must be from 1 (confirmed) to 6 (cannot be judged).")
  .max(6, "Credibility must be from 1 (confirmed) to 6 (cannot be judged).");

export const ExcerptInputSchema = z.object({
  documentId: idField("documentId must be a document id."),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(1).optional(),
  exact: z.string().min(1, "The quote is empty.").max(20_000, "A quote may be at most 20,000 characters."),
});

const statement = z.string().trim().min(1, "Write the claim as a statement.").max(4000, "Statement must be at most 4,000 characters.");
const claimant = z.string().trim().min(1, "Say who makes this claim.").max(300, "Claimant must be at most 300 characters.");
const sourceConfidenceText = z.string().trim().max(200, "Keep the source's confidence words short (200 characters).").nullable().optional();
const sourceConfidence = sourceConfidenceText.transform((v) => (v ? v : null));
// On update, an absent field means "leave it", while "" or null means "clear it".
const sourceConfidenceUpdate = sourceConfidenceText.transform((v) => (v === undefined ? undefined : v || null));

// Who first made the claim (a source of the case), apart from the documents that relay it.
const originatorSourceId = idField("originatorSourceId must be the id of a source of this case.").nullable().optional();

export const CreateClaimSchema = z.object({
  statement,
  // Left out, it is the originator's name, else the name of the first quoted document's source.
  claimant: claimant.optional(),
  originatorSourceId,
  kind: z.enum(CLAIM_KINDS, "Kind must be fact, allegation, assessment or denial."),
  credibility,
  sourceConfidence,
  status: z.enum(CLAIM_STATUSES).default("draft"),
  excerpts: z.array(ExcerptInputSchema).min(1, "A claim needs at least one quote from a document.").max(50, "At most 50 quotes per claim."),
  entityIds: z.array(IdSchema).max(100).default([]),
});
export type CreateClaimInput = z.input<typeof CreateClaimSchema>;

export const UpdateClaimSchema = z.object({
  version: z.number().int().positive("The version you edited is required."),
  statement: statement.optional(),
  claimant: claimant.optional(),
  // null clears the originator; absent leaves it.
  originatorSourceId,
  kind: z.enum(CLAIM_KINDS).optional(),
  credibility: credibility.optional(),
  sourceConfidence: sourceConfidenceUpdate,
  status: z.enum(CLAIM_STATUSES).optional(),
  entityIds: z.array(IdSchema).max(100).optional(),
});
export type UpdateClaimInput = z.input<typeof UpdateClaimSchema>;

export const CLAIM_SORTS = ["created", "credibility", "reliability", "kind", "status", "statement", "source"] as const;

export const ClaimListQuerySchema = z.object({
  sourceId: IdSchema.optional(),
  // "none": claims no quote lends a grade to (shown as "–", never as F).
  reliability: z.enum(["A", "B", "C", "D", "E", "F", "none"]).optional(),
  credibility: z.coerce.number().int().min(1).max(6).optional(),
  kind: z.enum(CLAIM_KINDS).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  entityId: IdSchema.optional(),
  documentId: IdSchema.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(CLAIM_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  include: z.enum(["retracted"], 'include must be "retracted" (to list retracted claims too).').optional(),
  // The case overview's evidence-health numbers (lib/cases/evidence-health.ts), each a list of claims.
  health: z.enum(HEALTH_KEYS, "health must be single-origin, weak-sources or outruns.").optional(),
});
export type ClaimListQuery = z.input<typeof ClaimListQuerySchema>;

export const CreateClaimLinkSchema = z.object({
  toClaimId: idField("Pick the other claim."),
  kind: z.enum(CLAIM_LINK_KINDS, "Link kind must be corroborates, contradicts or repeats."),
  note: z.string().trim().max(1000).optional(),
});

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts): a claim as lib/claims/claim-details.ts builds it.
const isoDateTime = z.iso.datetime();
const named = z.strictObject({ id: z.string(), name: z.string() });
const claimPair = z.tuple([z.string(), z.string()]);
const documentPair = z.tuple([z.string(), z.string()]);

export const OriginReasonSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("repeats"), claimIds: claimPair }),
  z.strictObject({ kind: z.literal("same-source"), claimIds: claimPair, sourceId: z.string() }),
  z.strictObject({ kind: z.literal("same-originator"), claimIds: claimPair, sourceId: z.string() }),
  z.strictObject({ kind: z.literal("same-document"), claimIds: claimPair, documentId: z.string() }),
  z.strictObject({ kind: z.literal("near-duplicate-quotes"), claimIds: claimPair, documentIds: documentPair, similarity: z.number() }),
  z.strictObject({ kind: z.literal("near-duplicate-documents"), claimIds: claimPair, documentIds: documentPair, similarity: z.number() }),
]);

export const ExcerptSchema = z.strictObject({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  reliability: z
    .enum(RELIABILITIES)
    .nullable()
    .describe("This quote's own grade: its document's override, else its source's; null when it has no graded source (ungraded, never F)"),
  documentRetracted: z.boolean(),
  source: named.nullable(),
});

export const ClaimSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  statement: z.string(),
  claimant: z.string(),
  kind: z.enum(CLAIM_KINDS),
  credibility: z.number().int(),
  sourceConfidence: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: z.string(),
  reliability: z
    .enum(RELIABILITIES)
    .nullable()
    .describe("The best grade among the quotes' documents (see reliabilityRule), never the first quote's; null when none is graded"),
  grade: z.string().describe("Admiralty pair, e.g. B2"),
  reliabilityRule: z.string(),
  source: named.nullable().describe("The source whose grade the claim takes"),
  originator: z
    .strictObject({ id: z.string(), name: z.string(), kind: z.enum(SOURCE_KINDS), reliability: z.enum(RELIABILITIES) })
    .nullable()
    .describe("Who first made the claim (a source of the case), apart from the documents that relay it"),
  retraction: z.strictObject({ at: isoDateTime, by: z.string().nullable(), reason: z.string() }).nullable(),
  excerpts: z.array(ExcerptSchema),
  entities: z.array(z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS) })),
  links: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(CLAIM_LINK_KINDS),
      direction: z.enum(["in", "out"]),
      claimId: z.string(),
      statement: z.string(),
      note: z.string().nullable(),
    }),
  ),
  independence: z
    .strictObject({
      origins: z.number().int(),
      warning: z.string().nullable(),
      groups: z.array(z.array(z.string())),
      reasons: z.array(OriginReasonSchema),
      contradictedBy: z.array(z.string()),
    })
    .nullable()
    .describe(
      "For credibility 1: how many independent origins back it (originators and each quote's own source count), which claims contradict it, and a warning; null otherwise.",
    ),
});

export const ClaimResponseSchema = z.strictObject({ claim: ClaimSchema });
export const ClaimListResponseSchema = z.strictObject({
  claims: z.array(ClaimSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
});
export const ClaimLinkResponseSchema = z.strictObject({
  link: z.strictObject({
    id: z.string(),
    caseId: z.string(),
    fromClaimId: z.string(),
    toClaimId: z.string(),
    kind: z.enum(CLAIM_LINK_KINDS),
    note: z.string().nullable(),
    createdById: z.string(),
    createdAt: z.date(),
  }),
});
export const EntityClaimsResponseSchema = z.strictObject({ entity: EntitySchema, claims: z.array(ClaimSchema) });
