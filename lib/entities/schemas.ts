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

const alias = z.string().trim().min(1).max(200);
export const CreateEntitySchema = z.object({
  kind: z.enum(ENTITY_KINDS, "Pick the entity's kind."),
  name: z.string().trim().min(1, "Name is required.").max(200, "Name must be at most 200 characters."),
  aliases: z.array(alias).max(50).default([]),
  description: z.string().trim().max(4000).default(""),
});
export type CreateEntityInput = z.input<typeof CreateEntitySchema>;
export const UpdateEntitySchema = CreateEntitySchema.partial();
