// The Casefile custom properties (x_casefile_*) a STIX export carries so that an import can rebuild the
// case exactly, and the limits an import enforces on an untrusted bundle. The STIX objects themselves
// are for any STIX consumer; these properties are only read back by Casefile.
import { z } from "zod";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/http/body-limit";
import { CASE_STATUSES, TLP_VALUES } from "@/lib/cases/schemas";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/sources/schemas";
import { ENTITY_KINDS } from "@/lib/entities/schemas";
import { CLAIM_KINDS, CLAIM_LINK_KINDS, CLAIM_STATUSES } from "@/lib/claims/schemas";
import { ACH_VALUES, CONFIDENCES, DISPOSITIONS, LIKELIHOODS } from "@/lib/attribution/schemas";
import { DATE_PRECISIONS } from "@/lib/events/schemas";
import { MAX_TEXT_CHARS, MAX_UPLOAD_BYTES } from "@/lib/documents/schemas";
import { INDICATOR_FLAGS, INDICATOR_STATUSES, INDICATOR_TYPES } from "@/lib/indicators/types";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import { stixId } from "./ids";

export const CASEFILE_FORMAT = "casefile-case/1";
// The request body limit: a bundle is the largest body the app accepts.
export const MAX_BUNDLE_BYTES = MAX_REQUEST_BODY_BYTES;
export const MAX_BUNDLE_OBJECTS = 10_000;
export const MAX_JSON_DEPTH = 32;
// Base64 of the largest original we accept (an upload's limit), with room for padding.
export const MAX_ORIGINAL_BASE64 = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4;
// No string in a bundle may be longer than a document's text or an original's base64.
export const MAX_ANY_STRING = Math.max(MAX_TEXT_CHARS, MAX_ORIGINAL_BASE64);

// Keys are the exporting workspace's record ids; any short opaque token is accepted from elsewhere.
const key = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a short id (letters, digits, - and _)");
const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString("en")} characters`);
const iso = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO date-time");
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be a lower-case hex SHA-256");

export const CasefileSourceSchema = z.object({
  key,
  name: text(200).trim().min(1, "is empty"),
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITIES),
  rationale: text(2000).trim().min(1, "is empty"),
  url: text(2000)
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .nullable(),
});

export const CasefileDocumentSchema = z.object({
  key,
  title: text(300).trim().min(1, "is empty"),
  url: text(2000)
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .nullable(),
  publisher: text(200).nullable(),
  author: text(200).nullable(),
  publishedAt: iso.nullable(),
  retrievedAt: iso,
  kind: z.enum(["paste", "upload", "url"]),
  originalName: text(200).nullable(),
  mimeType: text(200),
  // SHA-256 of the original bytes as first captured, and of the stored text.
  sha256: hex64,
  textSha256: hex64,
  text: text(MAX_TEXT_CHARS).refine((t) => t.trim().length > 0, "is empty"),
  // The original bytes when they are not simply the text as UTF-8 (an uploaded file, a fetched page).
  originalBase64: z
    .string()
    .max(MAX_ORIGINAL_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64")
    .nullable(),
  sourceKey: key.nullable(),
  reliabilityOverride: z.enum(RELIABILITIES).nullable(),
  overrideReason: text(2000).nullable(),
});

export const CasefileEntitySchema = z.object({
  key,
  kind: z.enum(ENTITY_KINDS),
  name: text(200).trim().min(1, "is empty"),
  aliases: z.array(text(200).trim().min(1, "is empty")).max(50),
  description: text(4000),
  // The ATT&CK group, software or campaign it is (G0034, S0368, C0038); absent in archives made before ATT&CK.
  attackId: z
    .string()
    .regex(/^[GSC]\d{4}$/, "is not an ATT&CK group, software or campaign id")
    .nullable()
    .default(null),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2022-07-15")
  .refine(isCalendarDate, "is not a calendar date");

// An indicator of the case in its canonical form (re-checked on import), with the quotes that report it and
// the claims and entities it is linked to; retired ones travel too. Absent in archives made before indicators.
export const CasefileIndicatorSchema = z
  .object({
    key,
    type: z.enum(INDICATOR_TYPES),
    value: text(2048).min(1, "is empty"),
    status: z.enum(INDICATOR_STATUSES),
    flags: z.array(z.enum(INDICATOR_FLAGS)).max(INDICATOR_FLAGS.length).default([]),
    note: text(4000),
    firstSeen: day.nullable(),
    lastSeen: day.nullable(),
    excerpts: z
      .array(
        z.object({
          documentKey: key,
          exact: text(20_000).min(1, "is empty"),
          start: z.number().int().min(0),
          end: z.number().int().min(1),
        }),
      )
      .max(50),
    claimKeys: z.array(key).max(100),
    entityKeys: z.array(key).max(100),
  })
  .refine((i) => !i.firstSeen || !i.lastSeen || i.firstSeen <= i.lastSeen, { path: ["lastSeen"], message: "is before firstSeen" });
export type CasefileIndicator = z.infer<typeof CasefileIndicatorSchema>;

export const CasefileCaseSchema = z.object({
  format: z.literal(CASEFILE_FORMAT),
  title: text(200).trim().min(1, "is empty"),
  summary: text(4000),
  tlp: z.enum(TLP_VALUES),
  status: z.enum(CASE_STATUSES),
  sources: z.array(CasefileSourceSchema).max(1000),
  documents: z.array(CasefileDocumentSchema).max(1000),
  entities: z.array(CasefileEntitySchema).max(5000),
  claimLinks: z.array(z.object({ fromKey: key, toKey: key, kind: z.enum(CLAIM_LINK_KINDS), note: text(1000).nullable() })).max(10_000),
  indicators: z.array(CasefileIndicatorSchema).max(10_000).default([]),
});
export type CasefileCase = z.infer<typeof CasefileCaseSchema>;

export const CasefileHypothesisSchema = z
  .object({
    key,
    title: text(300).trim().min(1, "is empty"),
    description: text(4000),
    actorKey: key.nullable(),
    likelihood: z.enum(LIKELIHOODS).nullable(),
    confidence: z.enum(CONFIDENCES).nullable(),
    rationale: text(8000),
    disposition: z.enum(DISPOSITIONS),
    rejectedReason: text(2000).nullable(),
    // The proposition the brief prints and the basis of the analytic confidence; absent in older archives.
    proposition: text(2000).default(""),
    confidenceBasis: text(4000).default(""),
  })
  .refine((h) => h.disposition !== "rejected" || !!h.rejectedReason?.trim(), {
    path: ["rejectedReason"],
    message: "a rejected hypothesis needs its reason",
  });

export const CasefileQuestionSchema = z.object({
  key,
  question: text(1000).trim().min(1, "is empty"),
  conclusion: text(8000),
  hypotheses: z.array(CasefileHypothesisSchema).max(200),
});
export type CasefileQuestion = z.infer<typeof CasefileQuestionSchema>;

export const CasefileClaimSchema = z.object({
  key,
  statement: text(4000).trim().min(1, "is empty"),
  claimant: text(300).trim().min(1, "is empty"),
  kind: z.enum(CLAIM_KINDS),
  credibility: z.number().int().min(1).max(6),
  sourceConfidence: text(200).nullable(),
  status: z.enum(CLAIM_STATUSES),
  entityKeys: z.array(key).max(100),
  // ATT&CK technique tags (T1486, T1561.002); absent in archives made before ATT&CK.
  techniqueIds: z
    .array(z.string().regex(/^T\d{4}(\.\d{3})?$/, "is not an ATT&CK technique id"))
    .max(50)
    .default([]),
  excerpts: z
    .array(
      z.object({ documentKey: key, exact: text(20_000).min(1, "is empty"), start: z.number().int().min(0), end: z.number().int().min(1) }),
    )
    .min(1, "a claim needs a quote")
    .max(50),
});
export type CasefileClaim = z.infer<typeof CasefileClaimSchema>;

// --- The Casefile record extension (STIX 2.1 §7.3 property-extension on the report) ---------------
// What a case holds beyond its evidence and judgments: the timeline, the ACH ratings, dissent, the review
// record and each judgment's history. People are recorded attribution (their display name and e-mail in
// the exporting workspace), never accounts of the importing one: see lib/stix/import-stix.ts.
export const CASEFILE_RECORD_FORMAT = "casefile-record/1";
// The extension-definition object's id: the same for every installation, so a consumer recognises it.
export const CASEFILE_RECORD_EXTENSION_ID = stixId("extension-definition", CASEFILE_RECORD_FORMAT);

const person = z.object({ name: text(200), email: text(320) });
export const CasefileEventSchema = z.object({
  key,
  title: text(300).trim().min(1, "is empty"),
  description: text(4000),
  occurredAt: iso,
  precision: z.enum(DATE_PRECISIONS),
  claimKeys: z.array(key).max(100),
});
export const CasefileRatingSchema = z.object({
  hypothesisKey: key,
  claimKey: key,
  rating: z.enum(ACH_VALUES),
  note: text(4000),
  rater: person,
  at: iso,
});
export const CasefileDissentSchema = z.object({
  targetType: z.enum(["hypothesis", "question", "claim"]),
  targetKey: key,
  body: text(8000).trim().min(1, "is empty"),
  author: person,
  at: iso,
});
export const CasefileReviewSchema = z.object({
  // A judgment's review names the hypothesis; the brief's review names the case (no key).
  targetType: z.enum(["hypothesis", "brief"]),
  targetKey: key.nullable(),
  contentHash: text(200),
  targetVersion: z.number().int().min(1).nullable(),
  decision: z.enum(["pending", "approved", "changes_requested", "withdrawn"]),
  comment: text(4000),
  submittedBy: person,
  reviewer: person.nullable(),
  createdAt: iso,
  decidedAt: iso.nullable(),
  withdrawnReason: text(4000).nullable(),
  withdrawnAt: iso.nullable(),
});
export const CasefileHistorySchema = z.object({
  hypothesisKey: key,
  version: z.number().int().min(1),
  // The saved content (lib/attribution/content-hash.ts); its actorEntityId is an entity key of the bundle.
  snapshot: z.looseObject({ actorEntityId: key.nullable().optional() }),
  reason: text(8000),
  changedBy: person,
  at: iso,
  // The entry an import itself wrote ("Imported from STIX …"): the importing workspace's own record.
  madeByImport: z.boolean().default(false),
});
export const CasefileRecordSchema = z.object({
  format: z.literal(CASEFILE_RECORD_FORMAT),
  events: z.array(CasefileEventSchema).max(10_000).default([]),
  ratings: z.array(CasefileRatingSchema).max(100_000).default([]),
  dissent: z.array(CasefileDissentSchema).max(10_000).default([]),
  reviews: z.array(CasefileReviewSchema).max(10_000).default([]),
  history: z.array(CasefileHistorySchema).max(100_000).default([]),
});
export type CasefileRecord = z.infer<typeof CasefileRecordSchema>;

// --- The STIX envelope and the objects an import reads --------------------------------------------

const STIX_ID_PATTERN =
  /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
export const stixIdSchema = z.string().max(300).regex(STIX_ID_PATTERN, "is not a STIX identifier (type--UUID v1–v5)");
const stixTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "is not a STIX timestamp (UTC, ending in Z)");

export const StixBundleSchema = z.object({
  type: z.literal("bundle", 'the top-level object must be a STIX bundle (type "bundle")'),
  id: z
    .string()
    .regex(
      /^bundle--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/,
      "is not a bundle id (bundle--UUID)",
    ),
  objects: z
    .array(z.unknown())
    .min(1, "the bundle holds no objects")
    .max(MAX_BUNDLE_OBJECTS, `a bundle may hold at most ${MAX_BUNDLE_OBJECTS.toLocaleString("en")} objects`),
});

export const StixObjectSchema = z.looseObject({
  type: z.string().regex(/^[a-z][a-z0-9-]{1,249}$/, "is not a STIX type"),
  id: stixIdSchema,
  created: stixTimestamp.optional(),
  modified: stixTimestamp.optional(),
});

const name = (max: number) => z.string().trim().min(1, "is empty").max(max, `must be at most ${max} characters`);
export const StixReportSchema = z.looseObject({
  type: z.literal("report"),
  name: name(200),
  description: z.string().max(1_000_000).optional(),
  object_refs: z.array(stixIdSchema).min(1).max(MAX_BUNDLE_OBJECTS),
  object_marking_refs: z.array(stixIdSchema).max(50).optional(),
  x_casefile_case: z.unknown().optional(),
});
export const StixNamedSchema = z.looseObject({
  name: name(200),
  description: z.string().max(4000, "must be at most 4,000 characters").optional(),
  aliases: z.array(name(200)).max(50, "at most 50 aliases").optional(),
});
