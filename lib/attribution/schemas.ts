import { z } from "zod";
import { IdSchema, idField } from "@/lib/ids/id-schema";
import { CLAIM_KINDS, CLAIM_STATUSES } from "@/lib/claims/schemas";

export const LIKELIHOODS = [
  "almost_no_chance",
  "very_unlikely",
  "unlikely",
  "roughly_even",
  "likely",
  "very_likely",
  "almost_certain",
] as const;
export const CONFIDENCES = ["low", "moderate", "high"] as const;
export const DISPOSITIONS = ["open", "leading", "rejected"] as const;
export const ACH_VALUES = ["CC", "C", "N", "I", "II", "NA"] as const;

export const CreateQuestionSchema = z.object({
  question: z.string().trim().min(1, "Write the question the hypotheses answer.").max(1000),
});
export const UpdateQuestionSchema = z.object({
  version: z.number().int().positive(),
  question: z.string().trim().min(1, "Write the question the hypotheses answer.").max(1000).optional(),
  conclusion: z.string().trim().max(8000).optional(),
});

const hypothesisFields = {
  title: z.string().trim().min(1, "Name the hypothesis.").max(300, "Title must be at most 300 characters."),
  description: z.string().trim().max(4000),
  actorEntityId: IdSchema.nullable(),
  likelihood: z.enum(LIKELIHOODS, "Pick an ICD 203 likelihood term.").nullable(),
  confidence: z.enum(CONFIDENCES, "Analytic confidence is low, moderate or high.").nullable(),
  rationale: z.string().trim().max(8000),
  proposition: z.string().trim().max(1000, "The proposition must be at most 1,000 characters."),
  confidenceBasis: z.string().trim().max(2000, "The basis of your confidence must be at most 2,000 characters."),
  disposition: z.enum(DISPOSITIONS),
  rejectedReason: z.string().trim().max(2000).nullable(),
};

export const CreateHypothesisSchema = z.object({
  questionId: idField("Pick the question this hypothesis answers."),
  title: hypothesisFields.title,
  description: hypothesisFields.description.default(""),
  actorEntityId: hypothesisFields.actorEntityId.default(null),
  likelihood: hypothesisFields.likelihood.default(null),
  confidence: hypothesisFields.confidence.default(null),
  rationale: hypothesisFields.rationale.default(""),
  proposition: hypothesisFields.proposition.default(""),
  confidenceBasis: hypothesisFields.confidenceBasis.default(""),
});
export type CreateHypothesisInput = z.input<typeof CreateHypothesisSchema>;

export const UpdateHypothesisSchema = z
  .object({
    version: z.number().int().positive("The version you edited is required."),
    reason: z.string().trim().min(1, "Say why you are changing this judgment.").max(2000),
    title: hypothesisFields.title.optional(),
    description: hypothesisFields.description.optional(),
    actorEntityId: hypothesisFields.actorEntityId.optional(),
    likelihood: hypothesisFields.likelihood.optional(),
    confidence: hypothesisFields.confidence.optional(),
    rationale: hypothesisFields.rationale.optional(),
    proposition: hypothesisFields.proposition.optional(),
    confidenceBasis: hypothesisFields.confidenceBasis.optional(),
    disposition: hypothesisFields.disposition.optional(),
    rejectedReason: hypothesisFields.rejectedReason.optional(),
  })
  .refine((v) => v.disposition !== "rejected" || (v.rejectedReason ?? "").length > 0, {
    path: ["rejectedReason"],
    message: "A rejected hypothesis stays visible with the reason it was rejected: give the reason.",
  });
export type UpdateHypothesisInput = z.input<typeof UpdateHypothesisSchema>;

export const RateCellSchema = z.object({
  rating: z.enum(ACH_VALUES, "Rating must be one of CC, C, N, I, II or NA."),
  note: z.string().trim().max(2000).default(""),
});

export const ApproveSchema = z.object({
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "contentHash must be the 64-character SHA-256 you reviewed."),
  comment: z.string().trim().max(4000).default(""),
});
export const RequestChangesSchema = z.object({ comment: z.string().trim().min(1, "Say what needs to change.").max(4000) });
export const SubmitSchema = z.object({ note: z.string().trim().max(4000).default("") });

export const CreateCommentSchema = z.object({
  targetType: z.enum(["hypothesis", "question", "claim"]),
  targetId: IdSchema,
  parentId: IdSchema.nullable().default(null),
  body: z.string().trim().min(1, "Write a comment.").max(8000),
  isDissent: z.boolean().default(false),
});

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts): the rows as the services read them.
const person = z.strictObject({ id: z.string(), name: z.string() });
const REVIEW_STATES = ["draft", "in_review", "changes_requested", "approved"] as const;
const REVIEW_DECISIONS = ["pending", "approved", "changes_requested", "withdrawn"] as const;

export const QuestionSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  question: z.string(),
  conclusion: z.string(),
  version: z.number().int(),
  createdById: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const HypothesisSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  questionId: z.string(),
  title: z.string(),
  description: z.string(),
  actorEntityId: z.string().nullable(),
  likelihood: z.enum(LIKELIHOODS).nullable(),
  confidence: z.enum(CONFIDENCES).nullable(),
  rationale: z.string(),
  proposition: z.string(),
  confidenceBasis: z.string(),
  disposition: z.enum(DISPOSITIONS),
  rejectedReason: z.string().nullable(),
  reviewState: z.enum(REVIEW_STATES),
  approvedHash: z.string().nullable(),
  version: z.number().int(),
  authorId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const ReviewSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  contentHash: z.string(),
  submittedById: z.string(),
  reviewerId: z.string().nullable(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  targetVersion: z.number().int().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: z.date().nullable(),
});
const withPeople = { actor: person.nullable(), author: person };
const contentHash = z.string().describe("SHA-256 of the judgment's content: what an approval covers");

export const QuestionResponseSchema = z.strictObject({ question: QuestionSchema });
export const QuestionListResponseSchema = z.strictObject({
  questions: z.array(QuestionSchema.extend({ hypotheses: z.array(HypothesisSchema.extend(withPeople)) })),
});
export const HypothesisListResponseSchema = z.strictObject({
  hypotheses: z.array(HypothesisSchema.extend({ ...withPeople, question: z.string(), contentHash })),
});
export const CreatedHypothesisResponseSchema = z.strictObject({ hypothesis: HypothesisSchema.extend({ contentHash }) });
export const UpdatedHypothesisResponseSchema = z.strictObject({
  hypothesis: HypothesisSchema.extend({ contentHash }),
  approvalWithdrawn: z.boolean(),
  reviewWithdrawn: z.boolean(),
});
export const HypothesisDetailResponseSchema = z.strictObject({
  hypothesis: HypothesisSchema.extend({
    question: z.strictObject({ id: z.string(), question: z.string() }),
    actor: z.strictObject({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    author: person,
    contentHash,
    barredReviewerIds: z
      .array(z.string())
      .describe("Who may not approve the current content: its author and everyone who changed it since"),
  }),
  history: z.array(
    z.strictObject({
      version: z.number().int(),
      at: z.iso.datetime(),
      by: z.string(),
      reason: z.string(),
      changes: z.array(z.strictObject({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    }),
  ),
  reviews: z.array(ReviewSchema.extend({ submittedBy: person, reviewer: person.nullable() })),
});
export const ReviewResponseSchema = z.strictObject({ review: ReviewSchema });
export const RatingResponseSchema = z.strictObject({
  rating: z.strictObject({
    id: z.string(),
    hypothesisId: z.string(),
    claimId: z.string(),
    raterId: z.string(),
    rating: z.enum(ACH_VALUES),
    note: z.string(),
    updatedAt: z.date(),
  }),
});
export const ClearedRatingResponseSchema = z.strictObject({
  cleared: z.boolean().describe("false when you had not rated it"),
  previous: z.strictObject({ rating: z.enum(ACH_VALUES), note: z.string() }).nullable(),
});
const CommentSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  body: z.string(),
  isDissent: z.boolean(),
  createdAt: z.date(),
});
const CommentWithAuthorSchema = CommentSchema.extend({ author: person });
export const CommentResponseSchema = z.strictObject({ comment: CommentSchema });
export const CommentThreadsResponseSchema = z.strictObject({
  threads: z.array(CommentWithAuthorSchema.extend({ replies: z.array(CommentWithAuthorSchema) })),
});
export const ReviewQueueResponseSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      reviewId: z.string(),
      caseId: z.string(),
      caseTitle: z.string(),
      tlp: z.enum(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"]),
      targetType: z.string(),
      targetId: z.string(),
      title: z.string(),
      href: z.string(),
      submittedBy: z.string(),
      submittedAt: z.iso.datetime(),
      unread: z.boolean(),
    }),
  ),
  unread: z.number().int(),
});

export const AchMatrixResponseSchema = z.strictObject({
  matrix: z
    .strictObject({
      question: QuestionSchema,
      hypotheses: z.array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          disposition: z.enum(DISPOSITIONS),
          reviewState: z.enum(REVIEW_STATES),
          likelihood: z.enum(LIKELIHOODS).nullable(),
          confidence: z.enum(CONFIDENCES).nullable(),
          actorEntityId: z.string().nullable(),
        }),
      ),
      claims: z.array(
        z.strictObject({
          id: z.string(),
          statement: z.string(),
          claimant: z.string(),
          kind: z.enum(CLAIM_KINDS),
          credibility: z.number().int(),
          sourceConfidence: z.string().nullable(),
          status: z.enum(CLAIM_STATUSES),
          retractedAt: z.date().nullable(),
          grade: z.string(),
          // The claim's first quote, for the row's link into the reader; null for a claim without one.
          quote: z.strictObject({ excerptId: z.string(), documentId: z.string(), documentTitle: z.string() }).nullable(),
        }),
      ),
      cells: z.array(
        z.strictObject({
          hypothesisId: z.string(),
          claimId: z.string(),
          ratings: z.array(
            z.strictObject({
              raterId: z.string(),
              rating: z.enum(ACH_VALUES),
              note: z.string().optional(),
              raterName: z.string().optional(),
            }),
          ),
          value: z.number().nullable(),
          disagreement: z.boolean(),
          applicabilityDisputed: z.boolean(),
        }),
      ),
      scores: z.strictObject({
        hypotheses: z.array(
          z.strictObject({ hypothesisId: z.string(), inconsistency: z.number(), ratedCount: z.number().int(), rank: z.number().int() }),
        ),
        evidence: z.array(
          z.strictObject({
            claimId: z.string(),
            diagnosticity: z.number().nullable(),
            nonDiagnostic: z.boolean(),
            excluded: z.boolean(),
            ratedCount: z.number().int(),
          }),
        ),
        note: z.string(),
      }),
      excludedClaimIds: z.array(z.string()),
    })
    .nullable()
    .describe(
      "null while the case has no question. `scores.hypotheses[]`: least inconsistent first; inconsistency sums (3 − mean)² over rated cells only. `scores.evidence[]`: diagnosticity is the population std dev over the row's rated cells, null (never 0) while fewer than two hypotheses are rated, and nonDiagnostic is true only for a real 0. `scores.note`: the sentence to print wherever the scores are shown or exported (STANDARDS.md §5).",
    ),
});
