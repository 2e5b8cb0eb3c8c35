// Request schemas for ATT&CK in a case (issue #13): shared by the routes, the forms and the OpenAPI document.
import { z } from "zod";
import { ClaimSchema } from "@/lib/claims/schemas";

export const TECHNIQUE_ID_PATTERN = /^T\d{4}(\.\d{3})?$/;
export const ATTACK_OBJECT_ID_PATTERN = /^[GSC]\d{4}$/;
export const MAX_TECHNIQUES_PER_CLAIM = 50;

export const SetClaimTechniquesSchema = z.strictObject({
  techniqueIds: z
    .array(z.string().trim().toUpperCase().regex(TECHNIQUE_ID_PATTERN, "Technique ids look like T1486 or T1561.002."))
    .max(MAX_TECHNIQUES_PER_CLAIM, `At most ${MAX_TECHNIQUES_PER_CLAIM} techniques per claim.`),
});
export type SetClaimTechniquesInput = z.infer<typeof SetClaimTechniquesSchema>;

export const LinkEntityAttackSchema = z.strictObject({
  attackId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ATTACK_OBJECT_ID_PATTERN, "ATT&CK ids for entities look like G0034 (group), S0368 (software) or C0038 (campaign).")
    .nullable(),
});
export type LinkEntityAttackInput = z.infer<typeof LinkEntityAttackSchema>;

export const TechniqueSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, "Type a technique id or words.").max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

// Responses (documented in the OpenAPI document from these schemas).
export const TechniqueHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  tactics: z.array(z.string()),
  subtechnique: z.boolean(),
  url: z.string(),
});
export const ClaimTechniquesResponseSchema = z.object({
  claimId: z.uuid(),
  techniques: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const EntityAttackLinkResponseSchema = z.object({
  entity: z.object({
    id: z.uuid(),
    name: z.string(),
    aliases: z.array(z.string()),
    attackId: z.string().nullable(),
    version: z.number().int(),
  }),
  attack: z.object({ id: z.string(), kind: z.enum(["group", "software", "campaign"]), name: z.string(), url: z.string() }).nullable(),
});
const AttackCellBase = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  claimCount: z.number().int(),
  bestCredibility: z.number().int(),
  claimIds: z.array(z.uuid()),
});
export const CaseAttackResponseSchema = z.object({
  attackVersion: z.string(),
  tactics: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortname: z.string(),
      stixId: z.string(),
      techniques: z.array(
        AttackCellBase.extend({ subtechniques: z.array(AttackCellBase.extend({ subtechniques: z.array(z.any()).max(0) })) }),
      ),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.uuid(),
      statement: z.string(),
      kind: z.string(),
      credibility: z.number().int(),
      status: z.string(),
      quotes: z.array(
        z.object({ documentId: z.uuid(), documentTitle: z.string(), start: z.number().int(), end: z.number().int(), exact: z.string() }),
      ),
    }),
  ),
  techniqueIds: z.array(z.string()),
});
export const OverlapResponseSchema = z.object({
  groups: z.array(
    z.object({ groupId: z.string(), name: z.string(), score: z.number(), shared: z.array(z.string()), nonDiagnostic: z.array(z.string()) }),
  ),
  observed: z.array(z.string()),
  groupCount: z.number().int(),
  note: z.string(),
});

export const RecordOverlapClaimSchema = z.strictObject({
  groupId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^G\d{4}$/, "Group ids look like G0069."),
});

export const TechniqueSearchResponseSchema = z.object({ techniques: z.array(TechniqueHitSchema) });
export const OverlapClaimResponseSchema = z.object({ claim: ClaimSchema, documentId: z.uuid() });
// An ATT&CK Navigator layer (format 4.5): the fields the Navigator reads, as lib/attack/navigator-layer.ts writes them.
export const NavigatorLayerResponseSchema = z.object({
  name: z.string(),
  versions: z.object({ attack: z.string(), navigator: z.string(), layer: z.string() }),
  domain: z.literal("enterprise-attack"),
  description: z.string(),
  techniques: z.array(
    z.object({
      techniqueID: z.string(),
      tactic: z.string(),
      score: z.number(),
      comment: z.string(),
      enabled: z.boolean(),
      showSubtechniques: z.boolean(),
    }),
  ),
  gradient: z.object({ colors: z.array(z.string()), minValue: z.number(), maxValue: z.number() }),
  legendItems: z.array(z.object({ label: z.string(), color: z.string() })),
  metadata: z.array(z.object({ name: z.string(), value: z.string() })),
  selectTechniquesAcrossTactics: z.boolean(),
  selectSubtechniquesWithParent: z.boolean(),
  hideDisabled: z.boolean(),
});
