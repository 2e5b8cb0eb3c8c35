// The error statuses an OpenAPI operation lists, by the kind of route (lib/http/route.ts wrappers):
// shared by openapi.ts and the per-area files it spreads in (openapi-workflow.ts), so they never drift.
/** Any signed-in route: no session (401), a failure of ours (500). */
export const AUTH = [401, 500];
/** A case route: also not allowed (403) and not there or not yours (404). */
export const CASE = [...AUTH, 403, 404];
/** A case route with a body. 415: a JSON route given a body declared as another type (form data, text/plain). */
export const WRITE = [...CASE, 400, 415, 422];
