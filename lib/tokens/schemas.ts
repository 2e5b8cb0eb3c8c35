import { z } from "zod";

export const CreateApiTokenSchema = z.object({
  name: z
    .string("Name the token.")
    .trim()
    .min(1, "Name the token (e.g. “bulk import script”).")
    .max(100, "Name must be at most 100 characters."),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

// What the API returns for a token: never its hash, and the plaintext only once, at creation.
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date().transform((d) => d.toISOString()),
  lastUsedAt: z
    .date()
    .nullable()
    .transform((d) => d?.toISOString() ?? null),
});
export type ApiTokenDto = z.output<typeof ApiTokenSchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts).
export const ApiTokenListResponseSchema = z.strictObject({ tokens: z.array(ApiTokenSchema) });
export const CreatedApiTokenResponseSchema = z.strictObject({
  token: z.string().regex(/^cf_[A-Za-z0-9_-]{43}$/),
  apiToken: ApiTokenSchema,
});
