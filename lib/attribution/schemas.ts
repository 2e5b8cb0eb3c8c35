import { z } from "zod";
import { IdSchema, idField } from "@/lib/ids/id-schema";

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
