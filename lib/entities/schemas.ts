import { z } from "zod";

export const ENTITY_KINDS = ["threat_actor", "intrusion_set", "organization", "person", "location", "malware", "infrastructure"] as const;
export const ENTITY_KIND_LABELS: Record<(typeof ENTITY_KINDS)[number], string> = {
  threat_actor: "Threat actor",
  intrusion_set: "Intrusion set",
  organization: "Organisation",
  person: "Person",
  location: "Place",
  malware: "Malware",
  infrastructure: "Infrastructure",
};

export const ENTITY_ROLES = ["adversary", "victim", "unspecified"] as const;
export const ENTITY_ROLE_LABELS: Record<(typeof ENTITY_ROLES)[number], string> = {
  adversary: "Adversary",
  victim: "Victim",
  unspecified: "Unspecified",
};

const alias = z.string().trim().min(1).max(200);
const fields = {
  kind: z.enum(ENTITY_KINDS, "Pick the entity's kind."),
  name: z.string().trim().min(1, "Name is required.").max(200, "Name must be at most 200 characters."),
  aliases: z.array(alias).max(50),
  description: z.string().trim().max(4000),
  // Which side it is on: a victim's system is never exported as adversary infrastructure.
  role: z.enum(ENTITY_ROLES, `Role must be one of ${ENTITY_ROLES.join(", ")}.`),
};
export const CreateEntitySchema = z.object({
  ...fields,
  aliases: fields.aliases.default([]),
  description: fields.description.default(""),
  role: fields.role.default("unspecified"),
});
export type CreateEntityInput = z.input<typeof CreateEntitySchema>;
// An edit names the version it started from; a stale one is refused with 409 and the current entity.
// Absent fields are left as they are: no defaults here (zod's .partial() keeps them, so a rename
// alone used to clear the aliases and the description). The version is capped at PostgreSQL's
// integer range so an absurd number is a 422, not a database error.
const versionRequired = "The version you edited is required.";
export const UpdateEntitySchema = z.object({
  version: z.number(versionRequired).int(versionRequired).positive(versionRequired).max(2_147_483_647, versionRequired),
  kind: fields.kind.optional(),
  name: fields.name.optional(),
  aliases: fields.aliases.optional(),
  description: fields.description.optional(),
  role: fields.role.optional(),
});
export type UpdateEntityInput = z.input<typeof UpdateEntitySchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). An entity and the claims that
// mention it is EntityClaimsResponseSchema in lib/claims/schemas.ts (claims import this file).
export const EntitySchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  role: z.string().describe(`One of ${ENTITY_ROLES.join(", ")}`),
  attackId: z.string().nullable().describe("The ATT&CK group, software or campaign it is (G0034, S0368, C0038), or null"),
  version: z.number().int().describe("Send it back with an edit; 409 when someone saved since."),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const EntityResponseSchema = z.strictObject({ entity: EntitySchema });
export const EntityListResponseSchema = z.strictObject({ entities: z.array(EntitySchema.extend({ claimCount: z.number().int() })) });
