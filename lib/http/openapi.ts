import { z, type ZodType } from "zod";
import { CaseSchema, CreateCaseSchema, UpdateCaseSchema } from "@/lib/cases/schemas";
import { DocumentSchema, DocumentSummarySchema, MAX_UPLOAD_BYTES, PasteDocumentSchema } from "@/lib/documents/schemas";
import { CaptureUrlSchema, UrlPreviewRequestSchema, UrlPreviewSchema } from "@/lib/documents/capture-url-schemas";
import { AssignSourceSchema, CreateSourceSchema, SourceSchema, UpdateSourceSchema } from "@/lib/sources/schemas";
import { ClaimListQuerySchema, CreateClaimLinkSchema, CreateClaimSchema, UpdateClaimSchema } from "@/lib/claims/schemas";
import { CreateEntitySchema, UpdateEntitySchema } from "@/lib/entities/schemas";
import { CreateEventSchema, UpdateEventSchema } from "@/lib/events/schemas";
import { IncludeRetractedQuerySchema, RetractSchema } from "@/lib/lifecycle/schemas";
import { ApiTokenSchema, CreateApiTokenSchema } from "@/lib/tokens/schemas";
import {
  ApproveSchema,
  CreateCommentSchema,
  CreateHypothesisSchema,
  CreateQuestionSchema,
  RateCellSchema,
  RequestChangesSchema,
  SubmitSchema,
  UpdateHypothesisSchema,
  UpdateQuestionSchema,
} from "@/lib/attribution/schemas";
import { AuditQuerySchema } from "@/lib/audit/list-audit";
import { AcknowledgeWarningSchema, BriefSettingsSchema } from "@/lib/briefs/brief-settings-schema";
import { AcceptInviteSchema, AddMemberSchema, InviteUserSchema, SetMemberRoleSchema } from "@/lib/admin/schemas";
import { ChangePasswordSchema } from "@/lib/auth/change-password-schema";
import { CreateIndicatorSchema, ExtractQuerySchema, IndicatorListQuerySchema, UpdateIndicatorSchema } from "@/lib/indicators/schemas";

// The OpenAPI 3.1 description of /api, built from the same zod schemas the routes parse with, so
// the documented fields cannot drift from the validated ones. tests/integration/openapi.test.ts
// fails when a route under app/api is not listed here.

type JsonSchema = Record<string, unknown>;
type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation = {
  summary: string;
  tag: string;
  /** Request body: a zod schema (parsed as the route's input), or a ready JSON Schema with its media type. */
  body?: ZodType | { content: Record<string, { schema: JsonSchema }> };
  query?: ZodType | { name: string; required: boolean; schema: JsonSchema; description?: string }[];
  status?: 200 | 201;
  response: JsonSchema;
  errors: number[];
  public?: boolean;
};

// Dates are Date objects in the service layer and ISO strings on the wire.
const unrepresentable = ({ zodSchema }: { zodSchema: { _zod: { def: { type: string } } } }) =>
  zodSchema._zod.def.type === "date" ? { type: "string" as const, format: "date-time" } : ("any" as const);

/** JSON Schema of what the client sends (io "input": defaults optional, before transforms). */
function jsonSchema(schema: ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable, target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
});
const arrayOf = (items: JsonSchema) => ({ type: "array", items });
const id = { type: "string", format: "uuid" };
const str = { type: "string" };
const nullableStr = { type: ["string", "null"] };

const FROM_ZOD: Record<string, ZodType> = {
  CreateCase: CreateCaseSchema,
  UpdateCase: UpdateCaseSchema,
  Case: CaseSchema,
  PasteDocument: PasteDocumentSchema,
  CaptureUrl: CaptureUrlSchema,
  UrlPreviewRequest: UrlPreviewRequestSchema,
  UrlPreview: UrlPreviewSchema,
  DocumentSummary: DocumentSummarySchema,
  Document: DocumentSchema,
  CreateSource: CreateSourceSchema,
  UpdateSource: UpdateSourceSchema,
  Source: SourceSchema,
  AssignSource: AssignSourceSchema,
  CreateClaim: CreateClaimSchema,
  UpdateClaim: UpdateClaimSchema,
  CreateClaimLink: CreateClaimLinkSchema,
  CreateEntity: CreateEntitySchema,
  UpdateEntity: UpdateEntitySchema,
  CreateEvent: CreateEventSchema,
  UpdateEvent: UpdateEventSchema,
  Retract: RetractSchema,
  CreateApiToken: CreateApiTokenSchema,
  ApiToken: ApiTokenSchema,
};

// Response shapes the services build by hand (no zod output schema): top-level keys and ids.
const HAND_WRITTEN: Record<string, JsonSchema> = {
  Error: obj({
    error: obj(
      {
        code: { type: "string", description: "Stable machine-readable code, e.g. invalid, not_found, conflict." },
        message: { type: "string", description: "Safe to show to a person." },
        issues: {
          ...arrayOf(obj({ path: { type: "string", description: "Dotted field path, e.g. excerpts.0.exact" }, message: str })),
          description: "Field-by-field problems (422).",
        },
      },
      ["code", "message"],
    ),
    requestId: { type: "string", description: "Quote it when reporting a problem." },
  }),
  Excerpt: obj({
    id,
    documentId: id,
    documentTitle: str,
    start: { type: "integer" },
    end: { type: "integer" },
    exact: str,
    prefix: str,
    suffix: str,
    reliability: { type: "string", description: "This quote's own grade: its document's override, else its source's" },
    documentRetracted: { type: "boolean" },
    source: { anyOf: [obj({ id, name: str }), { type: "null" }] },
  }),
  Retraction: obj({ at: { type: "string", format: "date-time" }, by: nullableStr, reason: str }),
  Claim: obj({
    id,
    caseId: id,
    statement: str,
    claimant: str,
    kind: str,
    credibility: { type: "integer" },
    sourceConfidence: nullableStr,
    status: str,
    version: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    createdBy: str,
    reliability: {
      type: "string",
      enum: ["A", "B", "C", "D", "E", "F"],
      description: "The best grade among the quotes' documents (see reliabilityRule), never the first quote's",
    },
    grade: { type: "string", description: "Admiralty pair, e.g. B2" },
    reliabilityRule: str,
    source: { anyOf: [obj({ id, name: str }), { type: "null" }], description: "The source whose grade the claim takes" },
    originator: {
      anyOf: [obj({ id, name: str, kind: str, reliability: str }), { type: "null" }],
      description: "Who first made the claim (a source of the case), apart from the documents that relay it",
    },
    retraction: { anyOf: [ref("Retraction"), { type: "null" }] },
    excerpts: arrayOf(ref("Excerpt")),
    entities: arrayOf(obj({ id, name: str, kind: str })),
    links: arrayOf(
      obj({ id, kind: str, direction: { type: "string", enum: ["in", "out"] }, claimId: id, statement: str, note: nullableStr }),
    ),
    independence: {
      description:
        "For credibility 1: how many independent origins back it (originators and each quote's own source count), which claims contradict it, and a warning; null otherwise.",
    },
  }),
  ClaimLink: obj(
    {
      id,
      caseId: id,
      fromClaimId: id,
      toClaimId: id,
      kind: { type: "string", enum: ["corroborates", "contradicts", "repeats"] },
      note: nullableStr,
    },
    ["id", "fromClaimId", "toClaimId", "kind"],
  ),
  Entity: obj(
    {
      id,
      caseId: id,
      kind: str,
      name: str,
      aliases: arrayOf(str),
      description: str,
      version: { type: "integer", description: "Send it back with an edit; 409 when someone saved since." },
    },
    ["id", "caseId", "kind", "name", "aliases", "version"],
  ),
  Event: obj(
    {
      id,
      caseId: id,
      title: str,
      description: str,
      occurredAt: { type: "string", format: "date-time" },
      precision: { type: "string", enum: ["day", "month", "year"] },
      version: { type: "integer" },
      retractedAt: { type: ["string", "null"], format: "date-time" },
      retractionReason: nullableStr,
    },
    ["id", "caseId", "title", "occurredAt", "precision"],
  ),
  Retracted: obj({
    id,
    kind: { type: "string", enum: ["document", "claim", "source", "event"] },
    retraction: obj({ at: { type: "string", format: "date-time" }, by: nullableStr, reason: str }),
  }),
};

const MULTIPART_DOCUMENT = {
  content: {
    "multipart/form-data": {
      schema: obj(
        {
          file: {
            type: "string",
            contentMediaType: "application/octet-stream",
            description: `.txt, .md, .html or .pdf, at most ${MAX_UPLOAD_BYTES / 1048576} MB`,
          },
          title: str,
          url: str,
          publisher: str,
          author: str,
          publishedAt: { type: "string", description: "YYYY-MM-DD" },
        },
        ["file"],
      ),
    },
  },
};

const AUTH = [401, 500];
const CASE = [...AUTH, 403, 404];
// 415: a JSON route given a body declared as another type (form data, text/plain).
const WRITE = [...CASE, 400, 415, 422];
const created = (key: string, schema: JsonSchema, extra: Record<string, JsonSchema> = {}) => obj({ [key]: schema, ...extra });
const retract = (what: string): Operation => ({
  summary: `Retract the ${what} with {reason} (422 without one): kept and never deleted, audited, hidden from lists, search and the ACH matrix unless asked for (include=retracted); 409 when already retracted`,
  tag: "lifecycle",
  body: RetractSchema,
  response: ref("Retracted"),
  errors: [...WRITE, 409],
});

const PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/me/password": {
    post: {
      summary:
        "Change your password (at least 12 characters, not a common one); your other sessions end, this one stays. Not allowed with a token.",
      tag: "account",
      body: ChangePasswordSchema,
      response: obj({ ok: { type: "boolean" } }),
      errors: [...AUTH, 400, 403, 422],
    },
  },
  "/api/invites/accept": {
    post: {
      summary: "Set your name and password from a one-time invite or reset link (no sign-in; same-origin only)",
      tag: "account",
      body: AcceptInviteSchema,
      response: obj({ email: str }),
      errors: [400, 403, 410, 422, 500],
      public: true,
    },
  },
  "/api/admin/users": {
    get: {
      summary: "Every user with status (active, invited, disabled) and case roles, plus all cases (workspace admins)",
      tag: "admin",
      response: obj({
        users: arrayOf(
          obj({
            id,
            email: str,
            name: str,
            isAdmin: { type: "boolean" },
            status: { type: "string", enum: ["active", "invited", "disabled"] },
            memberships: arrayOf(obj({ caseId: id, caseTitle: str, role: str })),
          }),
        ),
        cases: arrayOf(obj({ id, title: str })),
      }),
      errors: [...AUTH, 403],
    },
    post: {
      summary: "Invite a user: creates the account and a one-time link valid 72 hours, shown in this response only",
      tag: "admin",
      body: InviteUserSchema,
      status: 201,
      response: obj({
        user: obj({ id, email: str, name: str, isAdmin: { type: "boolean" } }),
        link: { type: "string", format: "uri" },
        token: str,
        expiresAt: { type: "string", format: "date-time" },
      }),
      errors: [...AUTH, 400, 403, 409, 422],
    },
  },
  "/api/admin/users/{userId}/reset-password": {
    post: {
      summary: "A one-time password reset link (72 hours); the old password and every session stop working at once",
      tag: "admin",
      response: obj({ link: { type: "string", format: "uri" }, token: str, expiresAt: { type: "string", format: "date-time" } }),
      errors: [...AUTH, 403, 404],
    },
  },
  "/api/admin/users/{userId}/disable": {
    post: {
      summary: "Disable a user: sessions and API tokens stop working at once",
      tag: "admin",
      response: obj({ ok: { type: "boolean" } }),
      errors: [...AUTH, 403, 404, 422],
    },
  },
  "/api/admin/users/{userId}/enable": {
    post: {
      summary: "Enable a disabled user (they sign in again; old sessions stay ended)",
      tag: "admin",
      response: obj({ ok: { type: "boolean" } }),
      errors: [...AUTH, 403, 404],
    },
  },
  "/api/admin/cases/{caseId}/members/{userId}": {
    put: {
      summary: "Give a user a role on any case, adding them if needed (workspace admins)",
      tag: "admin",
      body: SetMemberRoleSchema,
      response: obj({ member: obj({ userId: id, role: str }) }),
      errors: [...AUTH, 400, 403, 404, 422],
    },
    delete: {
      summary: "Remove a user from a case; the last owner cannot be removed (workspace admins)",
      tag: "admin",
      response: obj({ ok: { type: "boolean" } }),
      errors: [...AUTH, 403, 404, 422],
    },
  },
  "/api/cases/{caseId}/members": {
    get: {
      summary: "The case's members and their roles",
      tag: "cases",
      response: obj({ members: arrayOf(obj({ userId: id, email: str, name: str, role: str, disabled: { type: "boolean" } })) }),
      errors: CASE,
    },
    post: {
      summary:
        "Add a user by email with a role, or change their role (case owners). The answer is the same whether or not an account has that email",
      tag: "cases",
      body: AddMemberSchema,
      response: obj({ ok: { type: "boolean" }, email: str, role: str, message: str }),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/members/{userId}": {
    put: {
      summary: "Change a member's role; the last owner cannot be demoted (case owners)",
      tag: "cases",
      body: SetMemberRoleSchema,
      response: obj({ member: obj({ userId: id, role: str }) }),
      errors: WRITE,
    },
    delete: {
      summary:
        "Remove a member (case owners), or leave the case with your own user id (any member, audited); the last owner can neither be removed nor leave",
      tag: "cases",
      response: obj({ ok: { type: "boolean" } }),
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}/original": {
    get: {
      summary:
        "The original bytes as an attachment (HTML/SVG as text/plain, unknown types as octet-stream), verified against the stored SHA-256 first (header x-content-sha256); a mismatch is a 500 with code integrity",
      tag: "documents",
      response: { type: "string", format: "binary" },
      errors: CASE,
    },
  },
  "/api/openapi.json": {
    get: {
      summary: "This OpenAPI 3.1 document",
      tag: "meta",
      response: { type: "object", description: "OpenAPI 3.1 document" },
      errors: [],
      public: true,
    },
  },
  "/api/tokens": {
    get: {
      summary: "Your active personal API tokens (never the secret)",
      tag: "tokens",
      response: obj({ tokens: arrayOf(ref("ApiToken")) }),
      errors: AUTH,
    },
    post: {
      summary: "Create a personal API token; `token` is shown in this response only. Not allowed with a token.",
      tag: "tokens",
      body: CreateApiTokenSchema,
      status: 201,
      response: obj({ token: { type: "string", pattern: "^cf_[A-Za-z0-9_-]{43}$" }, apiToken: ref("ApiToken") }),
      errors: [...AUTH, 400, 403, 422],
    },
  },
  "/api/tokens/{tokenId}": {
    delete: {
      summary: "Revoke one of your tokens (someone else's is a 404)",
      tag: "tokens",
      response: obj({ ok: { type: "boolean" } }),
      errors: [...AUTH, 404],
    },
  },
  "/api/search": {
    get: {
      summary:
        'Full-text search over the documents, claims, entities and sources of your cases: websearch syntax ("quoted phrase", OR, -exclude), ranked, one page with highlighted snippets (HTML whose only tags are <mark>) and counts per kind',
      tag: "search",
      query: [
        {
          name: "q",
          required: true,
          schema: { type: "string", minLength: 1, maxLength: 500 },
          description: "What to search for (an empty q is a 422)",
        },
        { name: "caseId", required: false, schema: id },
        { name: "kind", required: false, schema: { type: "string", enum: ["document", "claim", "entity", "source"] } },
        { name: "sourceId", required: false, schema: id, description: "Documents of this source, claims quoting them, the source itself" },
        {
          name: "from",
          required: false,
          schema: { type: "string", format: "date" },
          description: "Documents published / claims recorded on or after this day",
        },
        { name: "to", required: false, schema: { type: "string", format: "date" }, description: "… on or before this day (whole day)" },
        { name: "reliability", required: false, schema: { type: "string", enum: ["A", "B", "C", "D", "E", "F"] } },
        {
          name: "include",
          required: false,
          schema: { type: "string", enum: ["retracted"] },
          description: "Also find retracted documents, claims and sources (marked retracted: true)",
        },
        { name: "page", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 1 } },
        { name: "pageSize", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
      ],
      response: obj({
        results: arrayOf(
          obj(
            {
              kind: { type: "string", enum: ["document", "claim", "entity", "source"] },
              id,
              caseId: id,
              caseTitle: str,
              title: str,
              snippet: { type: "string", description: "Escaped HTML; the only tags are <mark> and </mark>" },
              rank: { type: "number" },
              url: str,
              publishedAt: nullableStr,
              reliability: nullableStr,
              grade: nullableStr,
              retracted: { type: "boolean" },
            },
            ["kind", "id", "caseId", "caseTitle", "title", "snippet", "rank", "url"],
          ),
        ),
        total: { type: "integer" },
        counts: obj({
          document: { type: "integer" },
          claim: { type: "integer" },
          entity: { type: "integer" },
          source: { type: "integer" },
        }),
        page: { type: "integer" },
        pageSize: { type: "integer" },
      }),
      errors: [...AUTH, 422],
    },
  },
  "/api/search/quick": {
    get: {
      summary: "Quick jump: up to 8 cases, documents, claims and entities whose name or alias is like q (trigram or prefix), best first",
      tag: "search",
      query: [{ name: "q", required: true, schema: { type: "string", minLength: 1, maxLength: 500 } }],
      response: obj({
        items: arrayOf(
          obj({
            kind: { type: "string", enum: ["case", "document", "claim", "entity"] },
            id,
            caseId: id,
            label: str,
            detail: str,
            url: str,
          }),
        ),
      }),
      errors: [...AUTH, 422],
    },
  },
  "/api/cases": {
    get: {
      summary: "The cases you are a member of",
      tag: "cases",
      response: obj({ cases: arrayOf({ allOf: [ref("Case"), obj({ documentCount: { type: "integer" } })] }) }),
      errors: AUTH,
    },
    post: {
      summary: "Create a case; you become its owner",
      tag: "cases",
      body: CreateCaseSchema,
      status: 201,
      response: created("case", ref("Case")),
      errors: [...AUTH, 400, 422],
    },
  },
  "/api/cases/import": {
    post: {
      summary:
        "Import a STIX 2.1 bundle (a report and its objects) as a new case you own; a Casefile export is rebuilt exactly, hypotheses as drafts",
      tag: "cases",
      body: {
        content: {
          "application/json": {
            schema: { type: "object", description: 'A STIX 2.1 bundle (type "bundle", id, objects), at most 20 MB and 10,000 objects' },
          },
        },
      },
      status: 201,
      response: created("case", ref("Case")),
      errors: [...AUTH, 403, 413, 422],
    },
  },
  "/api/cases/{caseId}": {
    get: {
      summary: "One case with your role and its members",
      tag: "cases",
      response: obj({ case: ref("Case"), members: arrayOf(obj({ userId: id, name: str, email: str, role: str })) }),
      errors: CASE,
    },
    patch: {
      summary: "Edit title, summary, status, TLP (`version` must match; 409 otherwise)",
      tag: "cases",
      body: UpdateCaseSchema,
      response: created("case", ref("Case")),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/documents": {
    get: {
      summary: "The case's documents (without their text); retracted ones only with include=retracted",
      tag: "documents",
      query: IncludeRetractedQuerySchema,
      response: obj({ documents: arrayOf({ allOf: [ref("DocumentSummary"), obj({ addedBy: str })] }) }),
      errors: CASE,
    },
    post: {
      summary:
        "Add a document: JSON {title, text} pastes text, JSON {url} captures a web page server-side, multipart uploads a `file`; `sourceId` sets its source. The same bytes (SHA-256) already in the case are a 409 whose `error.existing.id` names that document, unless `confirmDuplicate: true`; near-copies are listed in `duplicates`",
      tag: "documents",
      body: {
        content: { "application/json": { schema: { oneOf: [ref("PasteDocument"), ref("CaptureUrl")] } }, ...MULTIPART_DOCUMENT.content },
      },
      status: 201,
      response: created("document", ref("DocumentSummary"), {
        duplicates: arrayOf(
          obj({
            id,
            title: str,
            sameBytes: { type: "boolean" },
            match: { type: "string", enum: ["bytes", "text", "near"] },
            similarity: { type: "number", description: "Shingle containment |A∩B| / min(|A|,|B|)" },
          }),
        ),
      }),
      errors: [...WRITE, 409, 413, 415, 502, 504],
    },
  },
  "/api/cases/{caseId}/documents/preview": {
    post: {
      summary: "Fetch a URL and show the title, publisher, date and text found; stores nothing",
      tag: "documents",
      body: UrlPreviewRequestSchema,
      response: obj({ preview: ref("UrlPreview") }),
      errors: [...WRITE, 413, 415, 502, 504],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}": {
    get: { summary: "One document with its captured text", tag: "documents", response: obj({ document: ref("Document") }), errors: CASE },
  },
  "/api/cases/{caseId}/documents/{documentId}/source": {
    put: {
      summary: "Set the document's source; overriding its grade needs a reason",
      tag: "documents",
      body: AssignSourceSchema,
      response: obj({ document: obj({ id }, ["id"]) }),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/sources": {
    get: {
      summary:
        "The case's sources with reliability grades and each regrade (who, when, from → to, why); retracted ones only with include=retracted",
      tag: "sources",
      query: IncludeRetractedQuerySchema,
      response: obj({
        sources: arrayOf({
          allOf: [
            ref("Source"),
            obj({
              documentCount: { type: "integer" },
              regrades: arrayOf(
                obj({ at: { type: "string", format: "date-time" }, by: nullableStr, from: str, to: str, reason: nullableStr }),
              ),
            }),
          ],
        }),
      }),
      errors: [...CASE, 422],
    },
    post: {
      summary: "Register a source with kind, reliability A–F and rationale",
      tag: "sources",
      body: CreateSourceSchema,
      status: 201,
      response: created("source", ref("Source")),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/sources/{sourceId}": {
    patch: {
      summary: "Regrade or rename a source (`version` required; 409 when stale; a changed `reliability` needs a `reason`, 422 without one)",
      tag: "sources",
      body: UpdateSourceSchema,
      response: created("source", ref("Source")),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/claims": {
    get: {
      summary: "Claims, filtered, sorted and paginated",
      tag: "claims",
      query: ClaimListQuerySchema,
      response: obj({
        claims: arrayOf(ref("Claim")),
        total: { type: "integer" },
        page: { type: "integer" },
        pageSize: { type: "integer" },
        pages: { type: "integer" },
      }),
      errors: [...CASE, 422],
    },
    post: {
      summary: "Create a claim with its quotes: excerpts [{documentId, start, end, exact}]",
      tag: "claims",
      body: CreateClaimSchema,
      status: 201,
      response: created("claim", ref("Claim")),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/claims/{claimId}": {
    get: {
      summary: "One claim with quotes, grade, links and independence",
      tag: "claims",
      response: created("claim", ref("Claim")),
      errors: CASE,
    },
    patch: {
      summary: "Edit a claim (`version` required; 409 with the current claim when stale)",
      tag: "claims",
      body: UpdateClaimSchema,
      response: created("claim", ref("Claim")),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/claims/{claimId}/links": {
    post: {
      summary: "Link this claim to another: corroborates, contradicts or repeats",
      tag: "claims",
      body: CreateClaimLinkSchema,
      status: 201,
      response: created("link", ref("ClaimLink")),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/claim-links/{linkId}": {
    delete: { summary: "Remove a link between two claims", tag: "claims", response: obj({ ok: { type: "boolean" } }), errors: CASE },
  },
  "/api/cases/{caseId}/indicators": {
    get: {
      summary:
        "Indicators of the case, filtered (type, flag, status, q — a defanged value is refanged), sorted, paginated; `otherCases` counts only cases you can read",
      tag: "indicators",
      query: IndicatorListQuerySchema,
      response: obj({
        indicators: arrayOf({ type: "object" }),
        total: { type: "integer" },
        page: { type: "integer" },
        pageSize: { type: "integer" },
        pages: { type: "integer" },
      }),
      errors: [...CASE, 422],
    },
    post: {
      summary:
        "Record an indicator (canonicalised; 422 when malformed) with its quotes: excerpts [{documentId, start, end, exact}] (422 when a quote is not at its offsets); the same value again adds the quotes (200, `created: false`)",
      tag: "indicators",
      body: CreateIndicatorSchema,
      status: 201,
      response: obj({ indicator: { type: "object" }, created: { type: "boolean" } }),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/indicators/{indicatorId}": {
    get: {
      summary: "One indicator with its quotes, claims, indicated entities and the other cases you can read that hold it",
      tag: "indicators",
      response: obj({ indicator: { type: "object" } }),
      errors: CASE,
    },
    patch: {
      summary: "Edit note, first/last seen, status (active/retired), claims and indicated entities (`version` required; 409 when stale)",
      tag: "indicators",
      body: UpdateIndicatorSchema,
      response: obj({ indicator: { type: "object" } }),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}/indicators/extract": {
    post: {
      summary:
        "Suggested indicators of a document: {suggestions: [{type, value, start, end, exact, flags, occurrences, indicatorId}], total, page, limit, pages}; UTF-16 offsets of the stored text; stores nothing",
      tag: "indicators",
      query: ExtractQuerySchema,
      response: obj({
        suggestions: arrayOf({ type: "object" }),
        total: { type: "integer" },
        page: { type: "integer" },
        limit: { type: "integer" },
        pages: { type: "integer" },
      }),
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/entities": {
    get: {
      summary: "Entities with aliases and claim counts",
      tag: "entities",
      response: obj({ entities: arrayOf({ allOf: [ref("Entity"), obj({ claimCount: { type: "integer" } })] }) }),
      errors: CASE,
    },
    post: {
      summary: "Add an entity with aliases",
      tag: "entities",
      body: CreateEntitySchema,
      status: 201,
      response: created("entity", ref("Entity")),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/entities/{entityId}": {
    get: {
      summary: "An entity and every claim that mentions it",
      tag: "entities",
      response: obj({ entity: ref("Entity"), claims: arrayOf(ref("Claim")) }),
      errors: CASE,
    },
    patch: {
      summary:
        "Rename, re-kind or change aliases (`version` required; 409 with the current entity when stale); absent fields are left as they are",
      tag: "entities",
      body: UpdateEntitySchema,
      response: created("entity", ref("Entity")),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/audit": {
    get: {
      summary: "The case's append-only activity log, filtered and paginated",
      tag: "audit",
      query: AuditQuerySchema,
      response: obj({
        events: arrayOf(obj({ id, at: { type: "string", format: "date-time" }, action: str, targetType: str, targetId: str })),
        total: { type: "integer" },
        page: { type: "integer" },
        pageSize: { type: "integer" },
      }),
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/presence": {
    post: {
      summary: "“I have this case open”; answers who else has it open",
      tag: "cases",
      response: obj({ viewers: arrayOf({ type: "object" }) }),
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/questions": {
    get: {
      summary: "Attribution questions with their competing hypotheses",
      tag: "attribution",
      response: obj({ questions: arrayOf(obj({ id, hypotheses: arrayOf(obj({ id }, ["id"])) }, ["id"])) }),
      errors: CASE,
    },
    post: {
      summary: "Ask an attribution question",
      tag: "attribution",
      body: CreateQuestionSchema,
      status: 201,
      response: created("question", obj({ id }, ["id"])),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/questions/{questionId}": {
    patch: {
      summary: "Reword the question or its conclusion (`version` required)",
      tag: "attribution",
      body: UpdateQuestionSchema,
      response: created("question", obj({ id }, ["id"])),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/hypotheses": {
    get: {
      summary: "Every hypothesis of the case, rejected ones included, with content hashes",
      tag: "attribution",
      response: obj({ hypotheses: arrayOf(obj({ id, contentHash: str }, ["id", "contentHash"])) }),
      errors: CASE,
    },
    post: {
      summary: "Add a competing hypothesis to a question",
      tag: "attribution",
      body: CreateHypothesisSchema,
      status: 201,
      response: created("hypothesis", obj({ id, contentHash: str }, ["id", "contentHash"])),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/ach": {
    get: {
      summary:
        "The ACH matrix with every rater's ratings, inconsistency and diagnosticity (unrated cells are left out of both scores; `diagnosticity` is null for a claim rated against fewer than two hypotheses)",
      tag: "attribution",
      query: [
        { name: "questionId", required: false, schema: id, description: "The question whose hypotheses form the columns" },
        { name: "exclude", required: false, schema: str, description: "Claim ids left out of the scores (comma-separated)" },
        {
          name: "include",
          required: false,
          schema: { type: "string", enum: ["retracted"] },
          description: "Show retracted claims as rows too",
        },
      ],
      response: obj({
        matrix: {
          type: "object",
          description:
            "`scores.hypotheses[]`: {hypothesisId, inconsistency, ratedCount, rank}, least inconsistent first; inconsistency sums (3 − mean)² over rated cells only. `scores.evidence[]`: {claimId, diagnosticity, nonDiagnostic, excluded, ratedCount}; diagnosticity is the population std dev over the row's rated cells, null (never 0) while fewer than two hypotheses are rated, and nonDiagnostic is true only for a real 0. `scores.note`: the sentence to print wherever the scores are shown or exported (STANDARDS.md §5).",
        },
      }),
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/comments": {
    get: {
      summary: "Threaded comments and dissents on one target",
      tag: "attribution",
      query: [
        { name: "targetType", required: true, schema: { type: "string", enum: ["hypothesis", "question", "claim"] } },
        { name: "targetId", required: true, schema: id },
      ],
      response: obj({ threads: arrayOf({ type: "object" }) }),
      errors: [...CASE, 422],
    },
    post: {
      summary: "Comment, reply (parentId) or record a dissent (isDissent)",
      tag: "attribution",
      body: CreateCommentSchema,
      status: 201,
      response: created("comment", obj({ id }, ["id"])),
      errors: WRITE,
    },
  },
  "/api/hypotheses/{id}": {
    get: {
      summary: "A hypothesis with its content hash, history and reviews",
      tag: "attribution",
      response: obj({ hypothesis: obj({ id, contentHash: str }, ["id"]) }, ["hypothesis"]),
      errors: CASE,
    },
    patch: {
      summary: "Change the judgment: `version` and `reason` required; 409 on a stale version",
      tag: "attribution",
      body: UpdateHypothesisSchema,
      response: obj({ hypothesis: obj({ id, contentHash: str }, ["id", "contentHash"]) }, ["hypothesis"]),
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/submit": {
    post: {
      summary: "Ask for a second person's review of the judgment as it is now",
      tag: "review",
      body: SubmitSchema,
      response: obj({ review: obj({ id }, ["id"]) }),
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/approve": {
    post: {
      summary: "Approve exactly {contentHash}; never your own; 409 when it changed",
      tag: "review",
      body: ApproveSchema,
      response: obj({ review: obj({ id }, ["id"]) }),
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/request-changes": {
    post: {
      summary: "Send the judgment back to its author with {comment}",
      tag: "review",
      body: RequestChangesSchema,
      response: obj({ review: obj({ id }, ["id"]) }),
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/ratings/{claimId}": {
    put: {
      summary: "Your own ACH rating of one claim against this hypothesis {rating: CC|C|N|I|II|NA, note}",
      tag: "attribution",
      body: RateCellSchema,
      response: obj({ rating: { type: "object" } }),
      errors: WRITE,
    },
    delete: {
      summary:
        'Clear your own ACH rating of one claim against this hypothesis back to "not rated" (no body; other raters\' ratings stay). Idempotent: `cleared` is false when you had not rated it. Audited with the rating and note removed',
      tag: "attribution",
      response: obj({
        cleared: { type: "boolean" },
        previous: { anyOf: [obj({ rating: { type: "string", enum: ["CC", "C", "N", "I", "II", "NA"] }, note: str }), { type: "null" }] },
      }),
      errors: CASE,
    },
  },
  "/api/reviews/queue": {
    get: { summary: "Judgments waiting for your review, with the unread count", tag: "review", response: { type: "object" }, errors: AUTH },
  },
  "/api/cases/{caseId}/events": {
    get: {
      summary: "The case timeline, oldest first; retracted events only with include=retracted",
      tag: "events",
      query: IncludeRetractedQuerySchema,
      response: obj({
        events: arrayOf({ allOf: [ref("Event"), obj({ claims: arrayOf(obj({ claim: obj({ id, statement: str }, ["id"]) })) })] }),
      }),
      errors: CASE,
    },
    post: {
      summary: "A dated event (day, month or year precision) linked to claims",
      tag: "events",
      body: CreateEventSchema,
      status: 201,
      response: created("event", ref("Event")),
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/events/{eventId}": {
    patch: {
      summary:
        "Edit an event's title, description, date or linked claims (claimIds replaces them); `version` required, 409 with the current event when stale",
      tag: "events",
      body: UpdateEventSchema,
      response: created("event", ref("Event")),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/events/{eventId}/claims/{claimId}": {
    put: {
      summary: "Link a claim to the event (idempotent; a retracted claim is a 422)",
      tag: "events",
      response: obj({ linked: { type: "boolean" } }),
      errors: [...CASE, 422],
    },
    delete: {
      summary: "Unlink a claim from the event (idempotent)",
      tag: "events",
      response: obj({ unlinked: { type: "boolean" } }),
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}/retract": { post: retract("document") },
  "/api/cases/{caseId}/claims/{claimId}/retract": { post: retract("claim") },
  "/api/cases/{caseId}/sources/{sourceId}/retract": { post: retract("source") },
  "/api/cases/{caseId}/events/{eventId}/retract": { post: retract("event") },
  "/api/cases/{caseId}/brief": {
    get: {
      summary:
        "The draft brief as data (judgments, evidence with footnotes, sources…), its content hash, wording warnings, blockers and approval state",
      tag: "briefs",
      response: obj({
        brief: { type: "object" },
        contentHash: str,
        settings: obj({ template: str, sections: arrayOf(str), version: { type: "integer" } }),
        approval: { type: ["object", "null"] },
      }),
      errors: CASE,
    },
    put: {
      summary:
        "Choose the brief template (full or summary), included sections, and documents added to or left out of the brief by hand (`version` required; 409 when stale)",
      tag: "briefs",
      body: BriefSettingsSchema,
      response: obj({ settings: { type: "object" } }),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/acknowledgements": {
    post: {
      summary:
        "Acknowledge one of the brief's current wording or independence warnings with a reason: it stops blocking the release and the brief prints it in its notes (404 for a warning the brief does not raise, 409 when already acknowledged)",
      tag: "briefs",
      status: 201,
      body: AcknowledgeWarningSchema,
      response: obj({ acknowledgement: { type: "object" } }),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/submit": {
    post: {
      summary: "Ask a reviewer to approve the brief exactly as it is now (409 while a key judgment is unapproved)",
      tag: "briefs",
      response: obj({ review: { type: "object" } }),
      errors: [...CASE, 409],
    },
  },
  "/api/cases/{caseId}/brief/approve": {
    post: {
      summary: "Approve the brief's {contentHash}; never a brief you submitted (403), 409 when it changed",
      tag: "briefs",
      body: ApproveSchema,
      response: obj({ review: { type: "object" } }),
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/export": {
    get: {
      summary: "The current draft brief as a file: format=md|pdf|docx|stix (400 for anything else)",
      tag: "briefs",
      query: [{ name: "format", required: true, schema: { type: "string", enum: ["md", "pdf", "docx", "stix"] } }],
      response: { type: "string", format: "binary", description: "text/markdown, application/pdf, DOCX or application/stix+json" },
      errors: [...CASE, 400],
    },
  },
  "/api/cases/{caseId}/releases": {
    get: {
      summary: "Released briefs with each file's SHA-256, who released and who approved",
      tag: "briefs",
      response: obj({ releases: arrayOf({ type: "object" }) }),
      errors: CASE,
    },
    post: {
      summary:
        "Release the approved brief: stores the exact bytes of md, pdf, docx and stix with their SHA-256 (409 lists what is missing)",
      tag: "briefs",
      status: 201,
      response: obj({ release: { type: "object" } }),
      errors: [...CASE, 409],
    },
  },
  "/api/cases/{caseId}/releases/{number}": {
    get: {
      summary: "The stored bytes of release n in one format (header x-content-sha256)",
      tag: "briefs",
      query: [{ name: "format", required: true, schema: { type: "string", enum: ["md", "pdf", "docx", "stix"] } }],
      response: { type: "string", format: "binary" },
      errors: [...CASE, 400],
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "Not signed in, or the API token is invalid or revoked",
  403: "Your role on the case does not allow this, or a cookie request came from another origin",
  404: "No such record, or one in a case you may not see",
  409: "Stale `version`: someone saved first (`error.current` holds their version); a record already retracted (`error.retraction`); an exact duplicate capture (`error.existing.id`)",
  413: "Too large",
  410: "The one-time link was already used, has expired, or is not valid (`error.message` says which)",
  415: "Unsupported media type: a body that is not JSON where JSON is expected, or an unsupported file or page type",
  422: "Invalid fields (`error.issues` names each field and the problem), or a URL that may not be fetched",
  500: "Unexpected error (quote the request id)",
  502: "The captured site could not be reached or answered with an error",
  503: "The database is unavailable (restarting); try again shortly",
  504: "The captured site took too long",
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
}

function queryParameters(schema: ZodType) {
  const json = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

function operation(path: string, op: Operation) {
  const body =
    op.body && ("content" in op.body ? op.body : { content: { "application/json": { schema: jsonSchema(op.body as ZodType) } } });
  const responses: Record<string, unknown> = {
    [op.status ?? 200]: { description: "Success", content: { "application/json": { schema: op.response } } },
  };
  for (const code of op.errors) responses[code] = { $ref: `#/components/responses/E${code}` };
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.public ? { security: [] } : {}),
    parameters: [
      ...pathParameters(path),
      ...(Array.isArray(op.query) ? op.query.map((q) => ({ in: "query", ...q })) : op.query ? queryParameters(op.query) : []),
    ],
    ...(body ? { requestBody: { required: true, ...body } } : {}),
    responses,
  };
}

/** Builds the document (cheap; cached by the route). */
export function buildOpenApiDocument() {
  const schemas: Record<string, JsonSchema> = { ...HAND_WRITTEN };
  for (const [name, schema] of Object.entries(FROM_ZOD)) schemas[name] = jsonSchema(schema);
  const paths = Object.fromEntries(
    Object.entries(PATHS).map(([path, ops]) => [
      path,
      Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(path, op as Operation)])),
    ]),
  );
  const responses = Object.fromEntries(
    Object.entries(ERROR_TEXT).map(([code, description]) => [
      `E${code}`,
      { description, content: { "application/json": { schema: ref("Error") } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Casefile API",
      version: "1",
      description:
        "Every route takes a personal API token (`Authorization: Bearer cf_…`, created on /settings/tokens) or the browser session cookie, with the same permission checks as the UI. Cookie requests that change state need a same-origin `Origin` header; Bearer requests do not. Errors are JSON: `{error: {code, message, issues: [{path, message}]}, requestId}`.",
    },
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: [
      "cases",
      "documents",
      "sources",
      "claims",
      "entities",
      "indicators",
      "events",
      "lifecycle",
      "attribution",
      "review",
      "audit",
      "search",
      "tokens",
      "account",
      "admin",
      "meta",
    ].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token: cf_ followed by 43 base64url characters." },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "casefile.session",
          description: "The browser session (`__Host-casefile.session` over https); HttpOnly, SameSite=Lax.",
        },
      },
    },
  };
}
