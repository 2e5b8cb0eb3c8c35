// The activity log's filters and page as they appear in the URL. Pure: used by the server page and
// the client filter bar alike, so a filtered view can be shared and survives a reload.
import { FAMILY_KEYS, type ActionFamily } from "./action-labels";

export const ACTIVITY_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type ActivityParams = { action?: ActionFamily; actor?: string; from?: string; to?: string; page: number };

function isDay(v: string | null | undefined): v is string {
  return !!v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

// A hand-edited or stale URL drops the one bad value instead of showing an error page.
export function paramsFromSearch(get: (key: string) => string | null | undefined): ActivityParams {
  const action = get("action");
  const actor = get("actor");
  const from = get("from");
  const to = get("to");
  const page = Number(get("page"));
  return {
    action: action && (FAMILY_KEYS as readonly string[]).includes(action) ? (action as ActionFamily) : undefined,
    actor: actor && UUID.test(actor) ? actor : undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function searchFromParams(p: ActivityParams): string {
  const out = new URLSearchParams();
  if (p.action) out.set("action", p.action);
  if (p.actor) out.set("actor", p.actor);
  if (p.from) out.set("from", p.from);
  if (p.to) out.set("to", p.to);
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

export function hasFilters(p: ActivityParams) {
  return !!(p.action || p.actor || p.from || p.to);
}

/**
 * What listAudit gets. Days are whole UTC days: "to" covers the whole of its day (the service compares
 * with <=, and a bare date would mean its first millisecond), and a family matches "claim." rather
 * than "claim", so a future "claims_export.*" action would not slip into the Claims filter.
 */
export function serviceQuery(p: ActivityParams) {
  return {
    action: p.action ? `${p.action}.` : undefined,
    actorId: p.actor,
    from: p.from ? `${p.from}T00:00:00.000Z` : undefined,
    to: p.to ? `${p.to}T23:59:59.999Z` : undefined,
    page: p.page,
    pageSize: ACTIVITY_PAGE_SIZE,
  };
}
