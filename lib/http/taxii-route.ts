import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { AppError, UnauthorizedError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { actorForApiToken } from "@/lib/tokens/actor-for-api-token";
import { acceptsTaxii, TAXII_MEDIA_TYPE } from "@/lib/taxii/media";
import type { TaxiiResult } from "@/lib/taxii/endpoints";
import { isDatabaseUnavailable } from "./db-unavailable";

type Params = Record<string, string>;
type RouteContext = { params: Promise<Params> };

const REALM = 'realm="Casefile TAXII", charset="UTF-8"';

/**
 * The personal API token of a TAXII request: HTTP Basic with the token as the password (any user
 * name; a client that can only fill in a user name may put it there with an empty password), or
 * Bearer. Nothing else: TAXII clients carry no session cookie, and a feed must not ride on one.
 */
function tokenOf(req: NextRequest): string | null {
  const authorization = req.headers.get("authorization")?.trim() ?? "";
  const bearer = /^bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1];
  const basic = /^basic\s+([A-Za-z0-9+/=_-]+)$/i.exec(authorization);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return decoded.slice(colon + 1) || decoded.slice(0, colon);
}

/** A TAXII error message (§3.6.1): title, description and the HTTP status as a string, in the TAXII media type. */
function taxiiError(status: number, title: string, description: string, requestId: string, headers: Record<string, string> = {}) {
  const res = new Response(JSON.stringify({ title, description, http_status: String(status), error_id: requestId }), {
    status,
    headers: { "content-type": TAXII_MEDIA_TYPE, "x-request-id": requestId, ...headers },
  });
  if (status === 401) {
    res.headers.append("www-authenticate", `Basic ${REALM}`);
    res.headers.append("www-authenticate", `Bearer ${REALM}`);
  }
  return res;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  406: "Not acceptable",
  422: "Bad request",
};

/**
 * Route wrapper for /taxii2/**: a personal API token (401 with a challenge otherwise; a revoked token
 * is refused on its next request, as the token is looked up every time), an Accept header naming the
 * TAXII 2.1 media type (406), and every answer, errors included, as application/taxii+json;version=2.1.
 * Errors map as everywhere else (lib/errors.ts), as TAXII error messages: a collection of a case the
 * caller cannot read is the same 404 as one that does not exist.
 */
export function withTaxii(handler: (args: { req: NextRequest; actor: Actor; params: Params; baseUrl: string }) => Promise<TaxiiResult>) {
  return async (req: NextRequest, context: RouteContext) => {
    const requestId = randomUUID();
    try {
      const actor = await actorForApiToken(tokenOf(req));
      if (!actor) throw new UnauthorizedError("Send a personal API token: HTTP Basic with the token as the password, or Bearer.");
      if (!acceptsTaxii(req.headers.get("accept")))
        return taxiiError(406, TITLES[406], `Send Accept: ${TAXII_MEDIA_TYPE}; this server speaks TAXII 2.1 only.`, requestId);
      const params = (await context?.params) ?? {};
      const { body, headers } = await handler({ req, actor, params, baseUrl: publicBaseUrl(req) });
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { "content-type": TAXII_MEDIA_TYPE, "x-request-id": requestId, "cache-control": "no-store", ...headers },
      });
    } catch (err) {
      if (err instanceof AppError) return taxiiError(err.status, TITLES[err.status] ?? "Error", err.message, requestId);
      if (isDatabaseUnavailable(err))
        return taxiiError(503, "Service unavailable", "The database is restarting; try again shortly.", requestId, { "retry-after": "5" });
      console.error(`[${requestId}]`, err);
      return taxiiError(
        500,
        "Internal error",
        `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
        requestId,
      );
    }
  };
}

/** Where this server is reached: NEXTAUTH_URL when set (the address the installation publishes), else the request's own origin. */
function publicBaseUrl(req: NextRequest) {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  return configured || new URL(req.url).origin;
}
