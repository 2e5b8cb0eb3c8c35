import { z, type ZodType } from "zod";
import { AUTH, CASE, WRITE } from "./openapi-errors";
import { BriefReadinessResponseSchema, EvidenceHealthResponseSchema } from "@/lib/cases/evidence-health-schema";
import {
  CaseSchema,
  CreateCaseSchema,
  UpdateCaseSchema,
  CaseResponseSchema,
  CaseListResponseSchema,
  CaseDetailResponseSchema,
  MemberListResponseSchema,
  PresenceResponseSchema,
} from "@/lib/cases/schemas";
import {
  DocumentSchema,
  DocumentSummarySchema,
  MAX_UPLOAD_BYTES,
  PasteDocumentSchema,
  UpdateDocumentMetadataSchema,
  DocumentMetadataResponseSchema,
  DocumentListResponseSchema,
  DocumentResponseSchema,
  CreatedDocumentResponseSchema,
} from "@/lib/documents/schemas";
import { CaptureUrlSchema, UrlPreviewRequestSchema, UrlPreviewSchema, UrlPreviewResponseSchema } from "@/lib/documents/capture-url-schemas";
import {
  AssignSourceSchema,
  CreateSourceSchema,
  SourceSchema,
  UpdateSourceSchema,
  SourceResponseSchema,
  SourceListResponseSchema,
  AssignedSourceResponseSchema,
} from "@/lib/sources/schemas";
import {
  ClaimListQuerySchema,
  CreateClaimLinkSchema,
  CreateClaimSchema,
  UpdateClaimSchema,
  ClaimResponseSchema,
  ClaimListResponseSchema,
  ClaimLinkResponseSchema,
  EntityClaimsResponseSchema,
  ClaimSchema,
} from "@/lib/claims/schemas";
import {
  CreateEntitySchema,
  UpdateEntitySchema,
  EntityResponseSchema,
  EntityListResponseSchema,
  EntitySchema,
} from "@/lib/entities/schemas";
import {
  CreateEventSchema,
  UpdateEventSchema,
  EventResponseSchema,
  EventWithClaimsResponseSchema,
  EventListResponseSchema,
  EventClaimLinkedResponseSchema,
  EventClaimUnlinkedResponseSchema,
  EventSchema,
} from "@/lib/events/schemas";
import { IncludeRetractedQuerySchema, RetractSchema, RetractedResponseSchema } from "@/lib/lifecycle/schemas";
import { ApiTokenSchema, CreateApiTokenSchema, ApiTokenListResponseSchema, CreatedApiTokenResponseSchema } from "@/lib/tokens/schemas";
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
  QuestionResponseSchema,
  QuestionListResponseSchema,
  HypothesisListResponseSchema,
  CreatedHypothesisResponseSchema,
  UpdatedHypothesisResponseSchema,
  HypothesisDetailResponseSchema,
  ReviewResponseSchema,
  RatingResponseSchema,
  ClearedRatingResponseSchema,
  CommentResponseSchema,
  CommentThreadsResponseSchema,
  ReviewQueueResponseSchema,
  AchMatrixResponseSchema,
} from "@/lib/attribution/schemas";
import { AuditQuerySchema } from "@/lib/audit/list-audit";
import {
  AcknowledgeWarningSchema,
  BriefSettingsSchema,
  BriefResponseSchema,
  BriefSettingsResponseSchema,
  BriefPreviewResponseSchema,
  BriefReviewResponseSchema,
  AcknowledgementResponseSchema,
  ReleaseListResponseSchema,
  CreatedReleaseResponseSchema,
} from "@/lib/briefs/brief-settings-schema";
import {
  AcceptInviteSchema,
  AddMemberSchema,
  InviteUserSchema,
  SetMemberRoleSchema,
  AdminUserListResponseSchema,
  InvitedUserResponseSchema,
  PasswordResetLinkResponseSchema,
  MemberRoleResponseSchema,
  AddMemberResponseSchema,
  AcceptedInviteResponseSchema,
} from "@/lib/admin/schemas";
import { ChangePasswordSchema } from "@/lib/auth/change-password-schema";
import {
  CaseAttackResponseSchema,
  ClaimTechniquesResponseSchema,
  EntityAttackLinkResponseSchema,
  LinkEntityAttackSchema,
  NavigatorLayerResponseSchema,
  OverlapClaimResponseSchema,
  OverlapResponseSchema,
  RecordOverlapClaimSchema,
  SetClaimTechniquesSchema,
  TechniqueSearchQuerySchema,
  TechniqueSearchResponseSchema,
} from "@/lib/attack/schemas";
import { CaseGraphResponseSchema } from "@/lib/graph/schemas";
import { OkResponseSchema } from "./response-schemas";
import { SearchResponseSchema, QuickJumpResponseSchema } from "@/lib/search/schemas";
import { AuditListResponseSchema } from "@/lib/audit/schemas";
import { WORKFLOW_PATHS, WORKFLOW_TAGS } from "./openapi-workflow";
import { TaskListResponseSchema, TaskResponseSchema } from "@/lib/tasks/schemas";
import { MarkedReadResponseSchema, NotificationListResponseSchema } from "@/lib/notifications/schemas";
import {
  CreateIndicatorSchema,
  CreatedIndicatorResponseSchema,
  ExtractQuerySchema,
  IndicatorListQuerySchema,
  IndicatorListResponseSchema,
  IndicatorResponseSchema,
  IndicatorSuggestionsResponseSchema,
  UpdateIndicatorSchema,
} from "@/lib/indicators/schemas";

import { ImportedCaseResponseSchema } from "@/lib/misp/schemas";

// The OpenAPI 3.1 description of /api, built from the same zod schemas the routes parse with, so
// the documented fields cannot drift from the validated ones. tests/integration/openapi.test.ts
// fails when a route under app/api is not listed here.

type JsonSchema = Record<string, unknown>;
type Method = "get" | "post" | "put" | "patch" | "delete";
export type Operation = {
  summary: string;
  tag: string;
  /** Request body: a zod schema (parsed as the route's input), or a ready JSON Schema with its media type. */
  body?: ZodType | { content: Record<string, { schema: JsonSchema }> };
  query?: ZodType | { name: string; required: boolean; schema: JsonSchema; description?: string }[];
  status?: 200 | 201;
  /**
   * The success body: the name of a response schema in RESPONSES (the zod schema the route answers
   * through `respond(<name>Schema, …)`), or a JSON Schema for what is not JSON (file downloads).
   */
  response: ResponseName | JsonSchema;
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
  Claim: ClaimSchema,
  Entity: EntitySchema,
  Event: EventSchema,
};

// What the routes answer, by name: each is the zod schema `<name>Schema` exported next to the request
// schemas, and the route parses its answer with it (lib/http/respond.ts). tests/integration/openapi.test.ts
// checks that every JSON success response is one of these and that its route calls respond() with it.
export const RESPONSES = {
  OkResponse: OkResponseSchema,
  EvidenceHealthResponse: EvidenceHealthResponseSchema,
  BriefReadinessResponse: BriefReadinessResponseSchema,
  IndicatorListResponse: IndicatorListResponseSchema,
  IndicatorResponse: IndicatorResponseSchema,
  CreatedIndicatorResponse: CreatedIndicatorResponseSchema,
  IndicatorSuggestionsResponse: IndicatorSuggestionsResponseSchema,
  BriefPreviewResponse: BriefPreviewResponseSchema,
  DocumentMetadataResponse: DocumentMetadataResponseSchema,
  TaskResponse: TaskResponseSchema,
  TaskListResponse: TaskListResponseSchema,
  NotificationListResponse: NotificationListResponseSchema,
  MarkedReadResponse: MarkedReadResponseSchema,
  TechniqueSearchResponse: TechniqueSearchResponseSchema,
  ClaimTechniquesResponse: ClaimTechniquesResponseSchema,
  EntityAttackLinkResponse: EntityAttackLinkResponseSchema,
  CaseAttackResponse: CaseAttackResponseSchema,
  CaseGraphResponse: CaseGraphResponseSchema,
  NavigatorLayerResponse: NavigatorLayerResponseSchema,
  OverlapResponse: OverlapResponseSchema,
  OverlapClaimResponse: OverlapClaimResponseSchema,
  CaseResponse: CaseResponseSchema,
  ImportedCaseResponse: ImportedCaseResponseSchema,
  CaseListResponse: CaseListResponseSchema,
  CaseDetailResponse: CaseDetailResponseSchema,
  ApiTokenListResponse: ApiTokenListResponseSchema,
  CreatedApiTokenResponse: CreatedApiTokenResponseSchema,
  ClaimResponse: ClaimResponseSchema,
  ClaimListResponse: ClaimListResponseSchema,
  ClaimLinkResponse: ClaimLinkResponseSchema,
  EntityClaimsResponse: EntityClaimsResponseSchema,
  EntityResponse: EntityResponseSchema,
  EntityListResponse: EntityListResponseSchema,
  EventResponse: EventResponseSchema,
  EventWithClaimsResponse: EventWithClaimsResponseSchema,
  EventListResponse: EventListResponseSchema,
  EventClaimLinkedResponse: EventClaimLinkedResponseSchema,
  EventClaimUnlinkedResponse: EventClaimUnlinkedResponseSchema,
  RetractedResponse: RetractedResponseSchema,
  DocumentListResponse: DocumentListResponseSchema,
  DocumentResponse: DocumentResponseSchema,
  CreatedDocumentResponse: CreatedDocumentResponseSchema,
  UrlPreviewResponse: UrlPreviewResponseSchema,
  SourceResponse: SourceResponseSchema,
  SourceListResponse: SourceListResponseSchema,
  AssignedSourceResponse: AssignedSourceResponseSchema,
  AdminUserListResponse: AdminUserListResponseSchema,
  InvitedUserResponse: InvitedUserResponseSchema,
  PasswordResetLinkResponse: PasswordResetLinkResponseSchema,
  MemberRoleResponse: MemberRoleResponseSchema,
  AddMemberResponse: AddMemberResponseSchema,
  AcceptedInviteResponse: AcceptedInviteResponseSchema,
  MemberListResponse: MemberListResponseSchema,
  QuestionResponse: QuestionResponseSchema,
  QuestionListResponse: QuestionListResponseSchema,
  HypothesisListResponse: HypothesisListResponseSchema,
  CreatedHypothesisResponse: CreatedHypothesisResponseSchema,
  UpdatedHypothesisResponse: UpdatedHypothesisResponseSchema,
  HypothesisDetailResponse: HypothesisDetailResponseSchema,
  ReviewResponse: ReviewResponseSchema,
  RatingResponse: RatingResponseSchema,
  ClearedRatingResponse: ClearedRatingResponseSchema,
  CommentResponse: CommentResponseSchema,
  CommentThreadsResponse: CommentThreadsResponseSchema,
  ReviewQueueResponse: ReviewQueueResponseSchema,
  AchMatrixResponse: AchMatrixResponseSchema,
  SearchResponse: SearchResponseSchema,
  QuickJumpResponse: QuickJumpResponseSchema,
  AuditListResponse: AuditListResponseSchema,
  PresenceResponse: PresenceResponseSchema,
  BriefResponse: BriefResponseSchema,
  BriefSettingsResponse: BriefSettingsResponseSchema,
  BriefReviewResponse: BriefReviewResponseSchema,
  AcknowledgementResponse: AcknowledgementResponseSchema,
  ReleaseListResponse: ReleaseListResponseSchema,
  CreatedReleaseResponse: CreatedReleaseResponseSchema,
} satisfies Record<string, ZodType>;
type ResponseName = keyof typeof RESPONSES;

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
          sourceId: str,
          newSourceName: str,
          newSourceKind: str,
          newSourceReliability: str,
          newSourceRationale: str,
        },
        ["file"],
      ),
    },
  },
};

const retract = (what: string): Operation => ({
  summary: `Retract the ${what} with {reason} (422 without one): kept and never deleted, audited, hidden from lists, search and the ACH matrix unless asked for (include=retracted); 409 when already retracted`,
  tag: "lifecycle",
  body: RetractSchema,
  response: "RetractedResponse",
  errors: [...WRITE, 409],
});

const PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/me/password": {
    post: {
      summary:
        "Change your password (at least 12 characters, not a common one); your other sessions end, this one stays. Not allowed with a token.",
      tag: "account",
      body: ChangePasswordSchema,
      response: "OkResponse",
      errors: [...AUTH, 400, 403, 422],
    },
  },
  "/api/invites/accept": {
    post: {
      summary: "Set your name and password from a one-time invite or reset link (no sign-in; same-origin only)",
      tag: "account",
      body: AcceptInviteSchema,
      response: "AcceptedInviteResponse",
      errors: [400, 403, 410, 422, 500],
      public: true,
    },
  },
  "/api/admin/users": {
    get: {
      summary: "Every user with status (active, invited, disabled) and case roles, plus all cases (workspace admins)",
      tag: "admin",
      response: "AdminUserListResponse",
      errors: [...AUTH, 403],
    },
    post: {
      summary: "Invite a user: creates the account and a one-time link valid 72 hours, shown in this response only",
      tag: "admin",
      body: InviteUserSchema,
      status: 201,
      response: "InvitedUserResponse",
      errors: [...AUTH, 400, 403, 409, 422],
    },
  },
  "/api/admin/users/{userId}/reset-password": {
    post: {
      summary: "A one-time password reset link (72 hours); the old password and every session stop working at once",
      tag: "admin",
      response: "PasswordResetLinkResponse",
      errors: [...AUTH, 403, 404],
    },
  },
  "/api/admin/users/{userId}/disable": {
    post: {
      summary: "Disable a user: sessions and API tokens stop working at once",
      tag: "admin",
      response: "OkResponse",
      errors: [...AUTH, 403, 404, 422],
    },
  },
  "/api/admin/users/{userId}/enable": {
    post: {
      summary: "Enable a disabled user (they sign in again; old sessions stay ended)",
      tag: "admin",
      response: "OkResponse",
      errors: [...AUTH, 403, 404],
    },
  },
  "/api/admin/cases/{caseId}/members/{userId}": {
    put: {
      summary: "Give a user a role on any case, adding them if needed (workspace admins)",
      tag: "admin",
      body: SetMemberRoleSchema,
      response: "MemberRoleResponse",
      errors: [...AUTH, 400, 403, 404, 422],
    },
    delete: {
      summary: "Remove a user from a case; the last owner cannot be removed (workspace admins)",
      tag: "admin",
      response: "OkResponse",
      errors: [...AUTH, 403, 404, 422],
    },
  },
  "/api/cases/{caseId}/members": {
    get: {
      summary: "The case's members and their roles; canReview: the role may approve judgments and briefs and the account is active",
      tag: "cases",
      response: "MemberListResponse",
      errors: CASE,
    },
    post: {
      summary:
        "Add a user by email with a role, or change their role (case owners). The answer is the same whether or not an account has that email",
      tag: "cases",
      body: AddMemberSchema,
      response: "AddMemberResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/members/{userId}": {
    put: {
      summary:
        "Change a member's role (404 for someone not on the case: add people by email); the last owner cannot be demoted (case owners)",
      tag: "cases",
      body: SetMemberRoleSchema,
      response: "MemberRoleResponse",
      errors: WRITE,
    },
    delete: {
      summary:
        "Remove a member (case owners), or leave the case with your own user id (any member, audited); the last owner can neither be removed nor leave",
      tag: "cases",
      response: "OkResponse",
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
      response: "ApiTokenListResponse",
      errors: AUTH,
    },
    post: {
      summary: "Create a personal API token; `token` is shown in this response only. Not allowed with a token.",
      tag: "tokens",
      body: CreateApiTokenSchema,
      status: 201,
      response: "CreatedApiTokenResponse",
      errors: [...AUTH, 400, 403, 422],
    },
  },
  "/api/tokens/{tokenId}": {
    delete: {
      summary: "Revoke one of your tokens (someone else's is a 404)",
      tag: "tokens",
      response: "OkResponse",
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
      response: "SearchResponse",
      errors: [...AUTH, 422],
    },
  },
  "/api/search/quick": {
    get: {
      summary: "Quick jump: up to 8 cases, documents, claims and entities whose name or alias is like q (trigram or prefix), best first",
      tag: "search",
      query: [{ name: "q", required: true, schema: { type: "string", minLength: 1, maxLength: 500 } }],
      response: "QuickJumpResponse",
      errors: [...AUTH, 422],
    },
  },
  "/api/cases": {
    get: {
      summary: "The cases you are a member of",
      tag: "cases",
      response: "CaseListResponse",
      errors: AUTH,
    },
    post: {
      summary: "Create a case; you become its owner",
      tag: "cases",
      body: CreateCaseSchema,
      status: 201,
      response: "CaseResponse",
      errors: [...AUTH, 400, 422],
    },
  },
  "/api/cases/import": {
    post: {
      summary:
        "Import a STIX 2.1 bundle (a report and its objects) or a MISP event as a new case you own (the format is detected); a Casefile case archive is rebuilt exactly, hypotheses as drafts (the exporter's ratings, dissent, reviews and judgment history are kept as recorded, read-only history, never as approvals here); a MISP event's indicators are quoted from a document holding the event's text, and skipped attribute types are counted in `misp`",
      tag: "cases",
      body: {
        content: {
          "application/json": {
            schema: {
              type: "object",
              description:
                'A STIX 2.1 bundle (type "bundle", id, objects), at most 20 MB and 10,000 objects; or a MISP event in MISP\'s JSON format ({"Event": {"info", "Attribute", "Object", "Tag", "Galaxy"…}}), at most 5 MB and 10,000 attributes',
            },
          },
        },
      },
      status: 201,
      response: "ImportedCaseResponse",
      errors: [...AUTH, 403, 413, 422],
    },
  },
  "/api/cases/{caseId}": {
    get: {
      summary: "One case with your role and its members",
      tag: "cases",
      response: "CaseDetailResponse",
      errors: CASE,
    },
    patch: {
      summary: "Edit title, summary, status, TLP (`version` must match; 409 otherwise)",
      tag: "cases",
      body: UpdateCaseSchema,
      response: "CaseResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/documents": {
    get: {
      summary: "The case's documents (without their text); retracted ones only with include=retracted",
      tag: "documents",
      query: IncludeRetractedQuerySchema,
      response: "DocumentListResponse",
      errors: CASE,
    },
    post: {
      summary:
        "Add a document: JSON {title, text} pastes text, JSON {url} captures a web page server-side, multipart uploads a `file`; `sourceId` sets its source, or `newSourceName`, `newSourceKind`, `newSourceReliability` and `newSourceRationale` register one with the document in the same transaction (both audited). The same bytes (SHA-256) already in the case are a 409 whose `error.existing.id` names that document, unless `confirmDuplicate: true`; near-copies are listed in `duplicates`",
      tag: "documents",
      body: {
        content: { "application/json": { schema: { oneOf: [ref("PasteDocument"), ref("CaptureUrl")] } }, ...MULTIPART_DOCUMENT.content },
      },
      status: 201,
      response: "CreatedDocumentResponse",
      errors: [...WRITE, 409, 413, 415, 502, 504],
    },
  },
  "/api/cases/{caseId}/documents/preview": {
    post: {
      summary: "Fetch a URL and show the title, publisher, date and text found; stores nothing",
      tag: "documents",
      body: UrlPreviewRequestSchema,
      response: "UrlPreviewResponse",
      errors: [...WRITE, 413, 415, 502, 504],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}": {
    get: { summary: "One document with its captured text", tag: "documents", response: "DocumentResponse", errors: CASE },
  },
  "/api/cases/{caseId}/documents/{documentId}/metadata": {
    patch: {
      summary:
        "Correct title, publisher, author, published date or (pasted and uploaded documents) URL, with a `reason`; `version` must match (409 otherwise). The captured text, bytes and hashes never change",
      tag: "documents",
      body: UpdateDocumentMetadataSchema,
      response: "DocumentMetadataResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}/source": {
    put: {
      summary: "Set the document's source; overriding its grade needs a reason",
      tag: "documents",
      body: AssignSourceSchema,
      response: "AssignedSourceResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/sources": {
    get: {
      summary:
        "The case's sources with reliability grades and each regrade (who, when, from → to, why); retracted ones only with include=retracted",
      tag: "sources",
      query: IncludeRetractedQuerySchema,
      response: "SourceListResponse",
      errors: [...CASE, 422],
    },
    post: {
      summary: "Register a source with kind, reliability A–F and rationale",
      tag: "sources",
      body: CreateSourceSchema,
      status: 201,
      response: "SourceResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/sources/{sourceId}": {
    patch: {
      summary: "Regrade or rename a source (`version` required; 409 when stale; a changed `reliability` needs a `reason`, 422 without one)",
      tag: "sources",
      body: UpdateSourceSchema,
      response: "SourceResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/claims": {
    get: {
      summary: "Claims, filtered, sorted and paginated",
      tag: "claims",
      query: ClaimListQuerySchema,
      response: "ClaimListResponse",
      errors: [...CASE, 422],
    },
    post: {
      summary: "Create a claim with its quotes: excerpts [{documentId, start, end, exact}]",
      tag: "claims",
      body: CreateClaimSchema,
      status: 201,
      response: "ClaimResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/claims/{claimId}": {
    get: {
      summary: "One claim with quotes, grade, links and independence",
      tag: "claims",
      response: "ClaimResponse",
      errors: CASE,
    },
    patch: {
      summary: "Edit a claim (`version` required; 409 with the current claim when stale)",
      tag: "claims",
      body: UpdateClaimSchema,
      response: "ClaimResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/claims/{claimId}/links": {
    post: {
      summary: "Link this claim to another: corroborates, contradicts or repeats",
      tag: "claims",
      body: CreateClaimLinkSchema,
      status: 201,
      response: "ClaimLinkResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/claim-links/{linkId}": {
    delete: { summary: "Remove a link between two claims", tag: "claims", response: "OkResponse", errors: CASE },
  },
  "/api/cases/{caseId}/indicators": {
    get: {
      summary:
        "Indicators of the case, filtered (type, flag, status, q — a defanged value is refanged), sorted, paginated; `otherCases` counts only cases you can read",
      tag: "indicators",
      query: IndicatorListQuerySchema,
      response: "IndicatorListResponse",
      errors: [...CASE, 422],
    },
    post: {
      summary:
        "Record an indicator (canonicalised; 422 when malformed) with its quotes: excerpts [{documentId, start, end, exact}] (422 when a quote is not at its offsets); the same value again adds the quotes (200, `created: false`)",
      tag: "indicators",
      body: CreateIndicatorSchema,
      status: 201,
      response: "CreatedIndicatorResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/indicators/{indicatorId}": {
    get: {
      summary: "One indicator with its quotes, claims, indicated entities and the other cases you can read that hold it",
      tag: "indicators",
      response: "IndicatorResponse",
      errors: CASE,
    },
    patch: {
      summary: "Edit note, first/last seen, status (active/retired), claims and indicated entities (`version` required; 409 when stale)",
      tag: "indicators",
      body: UpdateIndicatorSchema,
      response: "IndicatorResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/documents/{documentId}/indicators/extract": {
    post: {
      summary:
        "Suggested indicators of a document: {suggestions: [{type, value, start, end, exact, flags, occurrences, indicatorId}], total, page, limit, pages}; UTF-16 offsets of the stored text; stores nothing",
      tag: "indicators",
      query: ExtractQuerySchema,
      response: "IndicatorSuggestionsResponse",
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/entities": {
    get: {
      summary: "Entities with aliases and claim counts",
      tag: "entities",
      response: "EntityListResponse",
      errors: CASE,
    },
    post: {
      summary: "Add an entity with aliases",
      tag: "entities",
      body: CreateEntitySchema,
      status: 201,
      response: "EntityResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/entities/{entityId}": {
    get: {
      summary: "An entity and every claim that mentions it",
      tag: "entities",
      response: "EntityClaimsResponse",
      errors: CASE,
    },
    patch: {
      summary:
        "Rename, re-kind or change aliases (`version` required; 409 with the current entity when stale); absent fields are left as they are",
      tag: "entities",
      body: UpdateEntitySchema,
      response: "EntityResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/audit": {
    get: {
      summary: "The case's append-only activity log, filtered and paginated",
      tag: "audit",
      query: AuditQuerySchema,
      response: "AuditListResponse",
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/presence": {
    post: {
      summary: "“I have this case open”; answers who else has it open",
      tag: "cases",
      response: "PresenceResponse",
      errors: CASE,
    },
    delete: {
      summary: "“I closed this case” (sent on pagehide): others stop seeing you at once",
      tag: "cases",
      response: "OkResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/questions": {
    get: {
      summary: "Attribution questions with their competing hypotheses",
      tag: "attribution",
      response: "QuestionListResponse",
      errors: CASE,
    },
    post: {
      summary: "Ask an attribution question",
      tag: "attribution",
      body: CreateQuestionSchema,
      status: 201,
      response: "QuestionResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/questions/{questionId}": {
    patch: {
      summary: "Reword the question or its conclusion (`version` required)",
      tag: "attribution",
      body: UpdateQuestionSchema,
      response: "QuestionResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/hypotheses": {
    get: {
      summary: "Every hypothesis of the case, rejected ones included, with content hashes",
      tag: "attribution",
      response: "HypothesisListResponse",
      errors: CASE,
    },
    post: {
      summary: "Add a competing hypothesis to a question",
      tag: "attribution",
      body: CreateHypothesisSchema,
      status: 201,
      response: "CreatedHypothesisResponse",
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
      response: "AchMatrixResponse",
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
      response: "CommentThreadsResponse",
      errors: [...CASE, 422],
    },
    post: {
      summary: "Comment, reply (parentId) or record a dissent (isDissent)",
      tag: "attribution",
      body: CreateCommentSchema,
      status: 201,
      response: "CommentResponse",
      errors: WRITE,
    },
  },
  "/api/hypotheses/{id}": {
    get: {
      summary: "A hypothesis with its content hash, history and reviews",
      tag: "attribution",
      response: "HypothesisDetailResponse",
      errors: CASE,
    },
    patch: {
      summary: "Change the judgment: `version` and `reason` required; 409 on a stale version",
      tag: "attribution",
      body: UpdateHypothesisSchema,
      response: "UpdatedHypothesisResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/submit": {
    post: {
      summary: "Ask for a second person's review of the judgment as it is now",
      tag: "review",
      body: SubmitSchema,
      response: "ReviewResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/approve": {
    post: {
      summary: "Approve exactly {contentHash}; never your own; 409 when it changed",
      tag: "review",
      body: ApproveSchema,
      response: "ReviewResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/request-changes": {
    post: {
      summary: "Send the judgment back to its author with {comment}",
      tag: "review",
      body: RequestChangesSchema,
      response: "ReviewResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/hypotheses/{id}/ratings/{claimId}": {
    put: {
      summary: "Your own ACH rating of one claim against this hypothesis {rating: CC|C|N|I|II|NA, note}",
      tag: "attribution",
      body: RateCellSchema,
      response: "RatingResponse",
      errors: WRITE,
    },
    delete: {
      summary:
        'Clear your own ACH rating of one claim against this hypothesis back to "not rated" (no body; other raters\' ratings stay). Idempotent: `cleared` is false when you had not rated it. Audited with the rating and note removed',
      tag: "attribution",
      response: "ClearedRatingResponse",
      errors: CASE,
    },
  },
  "/api/reviews/queue": {
    get: {
      summary: "Judgments waiting for your review, with the unread count",
      tag: "review",
      response: "ReviewQueueResponse",
      errors: AUTH,
    },
  },
  "/api/cases/{caseId}/events": {
    get: {
      summary: "The case timeline, oldest first; retracted events only with include=retracted",
      tag: "events",
      query: IncludeRetractedQuerySchema,
      response: "EventListResponse",
      errors: CASE,
    },
    post: {
      summary: "A dated event (day, month or year precision) linked to claims",
      tag: "events",
      body: CreateEventSchema,
      status: 201,
      response: "EventResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/events/{eventId}": {
    patch: {
      summary:
        "Edit an event's title, description, date or linked claims (claimIds replaces them); `version` required, 409 with the current event when stale",
      tag: "events",
      body: UpdateEventSchema,
      response: "EventWithClaimsResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/events/{eventId}/claims/{claimId}": {
    put: {
      summary: "Link a claim to the event (idempotent; a retracted claim is a 422)",
      tag: "events",
      response: "EventClaimLinkedResponse",
      errors: [...CASE, 422],
    },
    delete: {
      summary: "Unlink a claim from the event (idempotent)",
      tag: "events",
      response: "EventClaimUnlinkedResponse",
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
      response: "BriefResponse",
      errors: CASE,
    },
    put: {
      summary:
        "Choose the brief template (full or summary), included sections, and documents added to or left out of the brief by hand (`version` required; 409 when stale)",
      tag: "briefs",
      body: BriefSettingsSchema,
      response: "BriefSettingsResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/preview": {
    get: {
      summary:
        "The draft brief as an unsaved template and section choice would make it (saves nothing; downloads and releases use the saved choice)",
      tag: "briefs",
      query: [
        {
          name: "template",
          required: false,
          schema: { type: "string", enum: ["full", "summary"] },
          description: "A template (its sections unless `sections` is given)",
        },
        { name: "sections", required: false, schema: str, description: "Sections to include, comma-separated (bluf, judgments, ach, …)" },
      ],
      response: "BriefPreviewResponse",
      errors: [...CASE, 422],
    },
  },
  "/api/cases/{caseId}/brief/acknowledgements": {
    post: {
      summary:
        "Acknowledge one of the brief's current wording or independence warnings with a reason: it stops blocking the release and the brief prints it in its notes (404 for a warning the brief does not raise, 409 when already acknowledged)",
      tag: "briefs",
      status: 201,
      body: AcknowledgeWarningSchema,
      response: "AcknowledgementResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/brief/submit": {
    post: {
      summary: "Ask a reviewer to approve the brief exactly as it is now (409 while a key judgment is unapproved)",
      tag: "briefs",
      response: "BriefReviewResponse",
      errors: [...CASE, 409],
    },
  },
  "/api/cases/{caseId}/brief/approve": {
    post: {
      summary: "Approve the brief's {contentHash}; never a brief you submitted (403), 409 when it changed",
      tag: "briefs",
      body: ApproveSchema,
      response: "BriefReviewResponse",
      errors: [...WRITE, 409],
    },
  },
  "/api/cases/{caseId}/export": {
    get: {
      summary:
        "The current draft brief as a file: format=md|pdf|docx|stix; or format=misp, the whole case as a MISP event (indicators as attributes, ATT&CK as galaxy clusters, each claim's quote as an annotation object); or format=archive, the whole case as a STIX 2.1 case archive (documents with text and original bytes, x_casefile_* data, and the casefile-record property extension — events, ACH ratings, dissent, reviews, judgment history — defined by an extension-definition object in the bundle) that POST /api/cases/import rebuilds without loss (400 for anything else)",
      tag: "briefs",
      query: [{ name: "format", required: true, schema: { type: "string", enum: ["md", "pdf", "docx", "stix", "misp", "archive"] } }],
      response: {
        type: "string",
        format: "binary",
        description:
          'text/markdown, application/pdf, DOCX, application/stix+json (the brief, or the case archive for archive), or application/json ({"Event": {…}}) for misp',
      },
      errors: [...CASE, 400],
    },
  },
  "/api/cases/{caseId}/releases": {
    get: {
      summary: "Released briefs with each file's SHA-256, who released and who approved",
      tag: "briefs",
      response: "ReleaseListResponse",
      errors: CASE,
    },
    post: {
      summary:
        "Release the approved brief: stores the exact bytes of md, pdf, docx and stix with their SHA-256 (409 lists what is missing)",
      tag: "briefs",
      status: 201,
      response: "CreatedReleaseResponse",
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
  "/api/attack/techniques": {
    get: {
      summary: `Find ATT&CK Enterprise techniques (v18.1, shipped with the app) by id ("T1486", "T1561" lists its sub-techniques), name words or analyst terms ("ransom")`,
      tag: "attack",
      query: TechniqueSearchQuerySchema,
      response: "TechniqueSearchResponse",
      errors: [...AUTH, 400, 422],
    },
  },
  "/api/cases/{caseId}/claims/{claimId}/techniques": {
    put: {
      summary:
        "Replace the claim's ATT&CK technique tags (`techniqueIds`, sub-techniques included; an unknown id is a 422 and nothing is stored); audited",
      tag: "attack",
      body: SetClaimTechniquesSchema,
      response: "ClaimTechniquesResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/entities/{entityId}/attack": {
    put: {
      summary:
        "Link the entity to the ATT&CK group (G…), software (S…) or campaign (C…) it is, or unlink with null; ATT&CK's name and aliases join the entity's aliases",
      tag: "attack",
      body: LinkEntityAttackSchema,
      response: "EntityAttackLinkResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/evidence-health": {
    get: {
      summary:
        "How strong the case is and where it is weak: key judgments (ICD 203 likelihood, confidence, review state), claims by Admiralty reliability × credibility, claims on a single origin / only from D–F sources / graded beyond their corroboration (each listed by GET …/claims?health=<key>), hypotheses never rated in the ACH, the brief's blockers and wording warnings",
      tag: "cases",
      response: "EvidenceHealthResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/brief/readiness": {
    get: {
      summary:
        "What stands between the case and a release: the brief's blockers and its estimative-language warnings not yet acknowledged, as the brief page states them (the case overview loads it after the page)",
      tag: "briefs",
      response: "BriefReadinessResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/attack": {
    get: {
      summary:
        "The case's ATT&CK view: tactics in matrix order, each tagged technique with its number of claims and best credibility, sub-techniques under their parent, and the claims with their quotes (rejected and retracted claims left out)",
      tag: "attack",
      response: "CaseAttackResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/graph": {
    get: {
      summary:
        "The case's evidence graph: nodes (source, document, claim, entity, indicator, technique, hypothesis) and edges by relationship kind (published_by, originated_by, quotes, corroborates, contradicts, repeats, about, tagged, rated with the mean ACH rating, indicates), each claim's origin (its chain of \"repeats\" links to the originator or source) and the corroborations that are circular reporting under the independence rule; retracted records left out, rejected claims flagged. Compact: edges and origin chains name nodes by their index in `nodes`, and a node's record id is the part of its id after the colon",
      tag: "claims",
      response: "CaseGraphResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/attack/layer": {
    get: {
      summary:
        "The ATT&CK view as an ATT&CK Navigator layer (format 4.5, enterprise-attack; score = number of claims, comment = the claims)",
      tag: "attack",
      response: "NavigatorLayerResponse",
      errors: CASE,
    },
  },
  "/api/cases/{caseId}/attack/overlap/claims": {
    post: {
      summary:
        'Record one overlap row as evidence: the computation is stored as a document and an assessment claim (claimant "TTP overlap analysis", credibility 4 – doubtful) quotes its shared-techniques sentence; 422 for a group with no overlap',
      tag: "attack",
      body: RecordOverlapClaimSchema,
      status: 201,
      response: "OverlapClaimResponse",
      errors: WRITE,
    },
  },
  "/api/cases/{caseId}/attack/overlap": {
    get: {
      summary:
        "ATT&CK groups ranked by TTP overlap with the case (weak evidence, never attribution by itself): parent technique ids; O = techniques on live, non-rejected claims; T_g = techniques g uses directly or through its software; N = groups with a non-empty T_g; idf(t) = ln((N+1)/(df(t)+1)) + 1; score = Σidf(O∩T_g) / Σidf(O∪T_g), 3 decimals, ties by group id; top 10 with at least one shared technique; nonDiagnostic = shared techniques with df/N ≥ 0.5",
      tag: "attack",
      response: "OverlapResponse",
      errors: CASE,
    },
  },
  ...WORKFLOW_PATHS,
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
  const success = typeof op.response === "string" ? ref(op.response) : op.response;
  const body =
    op.body && ("content" in op.body ? op.body : { content: { "application/json": { schema: jsonSchema(op.body as ZodType) } } });
  const responses: Record<string, unknown> = {
    [op.status ?? 200]: { description: "Success", content: { "application/json": { schema: success } } },
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
  for (const [name, schema] of Object.entries(RESPONSES)) schemas[name] = jsonSchema(schema);
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
        'Every route takes a personal API token (`Authorization: Bearer cf_…`, created on /settings/tokens) or the browser session cookie, with the same permission checks as the UI. Cookie requests that change state need a same-origin `Origin` header; Bearer requests do not. Errors are JSON: `{error: {code, message, issues: [{path, message}]}, requestId}`. Released briefs are also served read-only over TAXII 2.1 at `/taxii2/` (OASIS TAXII 2.1: discovery, API root `/taxii2/api/`, one collection per case; the same token as the HTTP Basic password or Bearer; README, "Interoperability: TAXII 2.1").',
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
      ...WORKFLOW_TAGS,
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
