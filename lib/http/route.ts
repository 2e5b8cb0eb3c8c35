import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UnauthorizedError,
  UnsupportedMediaError,
} from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentActor } from "@/lib/auth/current-user";
import { actorForApiToken } from "@/lib/tokens/actor-for-api-token";
import type { Actor, Ctx } from "@/lib/auth/actor";
import { requireCaseAccess, type CaseAccess } from "@/lib/cases/require-case-access";
import type { CaseAction } from "@/lib/auth/permissions";
import { withQueryCount } from "@/lib/db";
import { isId } from "@/lib/ids/id-schema";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db-unavailable";
import { isSameOriginRequest } from "./same-origin";
import { databaseRefusal } from "./db-refusal";
import { assertStorableJson, unstorableValues } from "./json-guard";
import { readBodyText } from "./body-limit";
import { zodIssues } from "./zod-issues";

type Params = Record<string, string>;
type RouteContext = { params: Promise<Params> };
type Handler<A> = (args: A) => Promise<Response | unknown>;
type UserArgs = { req: NextRequest; ctx: Ctx; actor: Actor; params: Params; viaApiToken: boolean };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated state changes must come from our own origin. Fails closed: a missing
 * Origin on a POST/PUT/PATCH/DELETE is refused like a foreign one.
 */
function assertSameOrigin(req: NextRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  if (!isSameOriginRequest(req)) throw new ForbiddenError("Cross-site request refused.");
}

export function jsonError(err: unknown, requestId: string) {
  if (err instanceof ZodError) {
    err = new InvalidError("Some fields are not valid.", zodIssues(err));
  }
  if (err instanceof AppError) {
    const headers: Record<string, string> = { "x-request-id": requestId };
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") headers["retry-after"] = String(retry);
    return NextResponse.json(
      { error: { code: err.code, message: err.message, issues: err.issues, ...err.details }, requestId },
      { status: err.status, headers },
    );
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
    // A uniqueness race a service did not name (two saves of the same thing at once): the database
    // kept one, so this is a conflict, not a server fault. Services give a more specific message.
    console.warn(`[${requestId}] unique violation mapped to 409: ${err.message.split("\n").pop()}`);
    return jsonError(
      new ConflictError("Someone saved the same thing at the same moment; reload and check before trying again."),
      requestId,
    );
  }
  const refusal = databaseRefusal(err);
  if (refusal) {
    console.warn(`[${requestId}] database refused a write (409): ${refusal}`);
    return jsonError(new ConflictError(`${refusal} Reload and check the current version.`), requestId);
  }
  if (isDatabaseUnavailable(err)) {
    // PostgreSQL is restarting or down: the app keeps running and the pool reconnects by itself.
    console.error(`[${requestId}] database unavailable: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    return NextResponse.json(
      { error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE }, requestId },
      { status: 503, headers: { "x-request-id": requestId, "retry-after": "5" } },
    );
  }
  console.error(`[${requestId}]`, err);
  return NextResponse.json(
    {
      error: { code: "internal", message: `Something went wrong on our side. Quote request id ${requestId} when reporting it.` },
      requestId,
    },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

function toResponse(result: unknown, requestId: string): Response {
  if (result instanceof Response) {
    result.headers.set("x-request-id", requestId);
    return result;
  }
  return NextResponse.json(result ?? { ok: true }, { headers: { "x-request-id": requestId } });
}

/**
 * `Authorization: Bearer <token>` authenticates with a personal API token and nothing else: a bad or
 * revoked token is a 401, never a fall-back to the cookie. Bearer requests skip the same-origin check
 * because a browser never attaches that header by itself, so there is no ambient credential to forge.
 */
async function resolveActor(req: NextRequest): Promise<{ actor: Actor; viaApiToken: boolean }> {
  const authorization = req.headers.get("authorization");
  if (authorization && /^bearer(\s|$)/i.test(authorization)) {
    const actor = await actorForApiToken(authorization.slice(6).trim());
    if (!actor) throw new UnauthorizedError("The API token is invalid or has been revoked.");
    return { actor, viaApiToken: true };
  }
  assertSameOrigin(req);
  const actor = await currentActor();
  if (!actor) throw new UnauthorizedError();
  return { actor, viaApiToken: false };
}

/**
 * A query parameter PostgreSQL cannot compare or store (a NUL character, sent as %00) is a 422 for
 * every route, as in a JSON body: otherwise it reaches a query as a 500 (found by the handler fuzzer).
 */
function assertStorableQuery(req: NextRequest) {
  const { searchParams } = new URL(req.url);
  const issues = [...searchParams].flatMap(([name, value]) => unstorableValues(Object.fromEntries([[name, value]])));
  if (issues.length) throw new InvalidError("Some query parameters are not valid.", issues);
}

/**
 * Route wrapper for the few routes used before sign-in (accepting an invite): the same-origin check
 * and error mapping, no actor.
 */
export function withPublic(handler: (args: { req: NextRequest; requestId: string; params: Params }) => Promise<Response | unknown>) {
  return async (req: NextRequest, context: RouteContext) => {
    const requestId = randomUUID();
    try {
      assertSameOrigin(req);
      const params = (await context?.params) ?? {};
      return toResponse(await handler({ req, requestId, params }), requestId);
    } catch (err) {
      return jsonError(err, requestId);
    }
  };
}

/**
 * Path ids are checked here, once for every route: a path parameter named `id` or `…Id` that is not a
 * record id is the same 404 as an id that exists nowhere. Other parameters (`{number}`) are the route's.
 */
export function assertPathIds(params: Params) {
  for (const [name, value] of Object.entries(params)) {
    if ((name === "id" || name.endsWith("Id")) && !isId(value)) throw new NotFoundError(name);
  }
}

/** withUser without the path id check: for wrappers that check some ids before others (authorization first). */
export function withActor(handler: Handler<UserArgs>) {
  // withQueryCount is a pass-through unless PRISMA_QUERY_COUNT=1 (the benchmark counts SQL per request).
  return (req: NextRequest, context: RouteContext) =>
    withQueryCount(async () => {
      const requestId = randomUUID();
      try {
        const { actor, viaApiToken } = await resolveActor(req);
        assertStorableQuery(req);
        const params = (await context?.params) ?? {};
        return toResponse(await handler({ req, ctx: { actor, requestId }, actor, params, viaApiToken }), requestId);
      } catch (err) {
        return jsonError(err, requestId);
      }
    });
}

/** Route wrapper: authentication (session cookie or API token), same-origin check, path ids and error mapping. */
export function withUser(handler: Handler<UserArgs>) {
  return withActor(async (args) => {
    assertPathIds(args.params);
    return handler(args);
  });
}

/**
 * Route wrapper for /api/cases/{caseId}/…: the user must hold a role on the case that allows `action`.
 * The case is checked first (a role that may not do this is a 403 whatever the other ids), then the
 * other path ids.
 */
export function withCase(action: CaseAction, handler: Handler<UserArgs & { access: CaseAccess }>) {
  return withActor(async (args) => {
    const access = await requireCaseAccess({ actor: args.actor, caseId: args.params.caseId, action });
    assertPathIds(args.params);
    return handler({ ...args, access });
  });
}

/**
 * Parses a JSON body with a zod schema; a body declared as another type is a 415, malformed JSON a
 * 400, invalid fields a 422 with issues. A request without a Content-Type is read as JSON.
 */
export async function parseJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new UnsupportedMediaError(`Send the body as JSON (Content-Type: application/json), not ${type.split(";")[0].trim()}.`);
  }
  const text = await readBodyText(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidError("The request body is not valid JSON.");
  }
  assertStorableJson(body);
  return schema.parse(body);
}

/** Like parseJson, for routes whose body may be left out entirely (it then counts as `{}`). */
export async function parseOptionalJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const text = await readBodyText(req);
  if (!text.trim()) return schema.parse({});
  return parseJson(new Request(req.url, { method: "POST", body: text, headers: { "content-type": "application/json" } }), schema);
}

/** Parses the query string with a zod schema (422 with issues when invalid). */
export function parseQuery<T>(req: Request, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
