// The parts of a MISP event (MISP's JSON format, {"Event": {…}}) an import reads, with the limits an
// untrusted event is held to, and the import's answer. Loose objects: MISP exports carry many more
// fields (ids, orgs, sharing groups, sightings), which are ignored, not refused.
import { z } from "zod";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/schemas";
import { CaseSchema } from "@/lib/cases/schemas";

// The event is kept whole as the original of the synthetic document, so it is held to an upload's limit.
export const MAX_MISP_EVENT_BYTES = MAX_UPLOAD_BYTES;
export const MAX_MISP_ATTRIBUTES = 10_000;
const MAX_VALUE = 100_000;

const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString("en")} characters`);
// MISP writes numbers and flags as strings ("1", "0") in some versions and as numbers or booleans in others.
const loose = z.union([z.string().max(100), z.number(), z.boolean()]);

export const MispTagSchema = z.looseObject({ name: text(300).trim().min(1, "is empty") });
const tags = z.array(MispTagSchema).max(1000, "at most 1,000 tags").default([]);

export const MispAttributeSchema = z.looseObject({
  type: text(100).trim().min(1, "is empty"),
  category: text(100).optional(),
  value: z.union([text(MAX_VALUE), z.number()], "must be a string").transform(String),
  comment: text(MAX_VALUE).nullable().optional(),
  to_ids: loose.optional(),
  object_relation: text(200).nullable().optional(),
  first_seen: text(64).nullable().optional(),
  last_seen: text(64).nullable().optional(),
  Tag: tags,
});
export type MispAttributeInput = z.infer<typeof MispAttributeSchema>;

const attributes = z.array(MispAttributeSchema).max(MAX_MISP_ATTRIBUTES, `at most ${MAX_MISP_ATTRIBUTES.toLocaleString("en")} attributes`);

export const MispObjectSchema = z.looseObject({
  name: text(200).trim().min(1, "is empty"),
  comment: text(MAX_VALUE).nullable().optional(),
  Attribute: attributes.default([]),
});

export const MispClusterSchema = z.looseObject({
  type: text(100).optional(),
  value: text(300).trim().min(1, "is empty"),
  description: text(MAX_VALUE).nullable().optional(),
  meta: z
    .looseObject({
      synonyms: z.array(text(1000)).max(1000).optional(),
      external_id: z.array(text(100)).max(100).optional(),
    })
    .optional(),
});

export const MispGalaxySchema = z.looseObject({
  type: text(100).trim().min(1, "is empty"),
  name: text(200).optional(),
  GalaxyCluster: z.array(MispClusterSchema).max(1000, "at most 1,000 clusters").default([]),
});

export const MispEventSchema = z.looseObject({
  info: text(10_000).trim().min(1, "is empty: a MISP event needs its info (the event's title)"),
  uuid: text(64).optional(),
  date: text(40).optional(),
  analysis: loose.optional(),
  threat_level_id: loose.optional(),
  Orgc: z
    .looseObject({ name: text(300).optional() })
    .nullable()
    .optional(),
  Tag: tags,
  Attribute: attributes.default([]),
  Object: z
    .array(MispObjectSchema)
    .max(MAX_MISP_ATTRIBUTES, `at most ${MAX_MISP_ATTRIBUTES.toLocaleString("en")} objects`)
    .default([]),
  Galaxy: z.array(MispGalaxySchema).max(500, "at most 500 galaxies").default([]),
});
export type MispEventInput = z.infer<typeof MispEventSchema>;

export const MispImportReportSchema = z.strictObject({
  eventUuid: z.string().nullable(),
  indicators: z.number().int().describe("Indicators created (one per distinct canonical value)"),
  entities: z.number().int().describe("Entities created from galaxy clusters and galaxy tags"),
  techniques: z.array(z.string()).describe("ATT&CK technique ids recognised in tags"),
  skipped: z.strictObject({
    count: z.number().int().describe("Attributes of a type that is not an indicator in Casefile"),
    // A list, not a record: a type is untrusted text ("__proto__", "constructor").
    types: z.array(z.strictObject({ type: z.string(), count: z.number().int() })),
  }),
  invalid: z.strictObject({
    count: z.number().int().describe("Attributes of an indicator type whose value is not a valid indicator"),
    examples: z.array(z.strictObject({ type: z.string(), value: z.string(), reason: z.string() })),
  }),
});
export type MispImportReport = z.infer<typeof MispImportReportSchema>;

/** What POST /api/cases/import answers: the new case, and for a MISP event what was kept and skipped. */
export const ImportedCaseResponseSchema = z.strictObject({ case: CaseSchema, misp: MispImportReportSchema.optional() });
