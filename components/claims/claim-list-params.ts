// The claims table's filters, sort and page as they appear in the URL, so a filtered view can be
// shared and survives a reload. Pure: used by the server page and the client table alike.
import { listSearchString, pick } from "@/components/ui/list-params";
import { HEALTH_KEYS, type HealthKey } from "@/lib/cases/health-keys";
import { CLAIM_KIND_KEYS, CLAIM_STATUS_KEYS, type ClaimKind, type ClaimStatus } from "./claim-labels";

export const CLAIM_PAGE_SIZE = 50;
export const SORT_KEYS = ["created", "credibility", "reliability", "kind", "status", "statement", "source"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
// "none": ungraded claims (no quote lends a grade), shown as "–".
const RELIABILITIES = ["A", "B", "C", "D", "E", "F", "none"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ClaimListParams = {
  sourceId?: string;
  reliability?: (typeof RELIABILITIES)[number];
  credibility?: number;
  kind?: ClaimKind;
  status?: ClaimStatus;
  entityId?: string;
  q?: string;
  /** "retracted": list retracted claims too (hidden by default). */
  include?: "retracted";
  /** One of the case overview's evidence-health lists. */
  health?: HealthKey;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
};
export const FILTER_KEYS = ["sourceId", "reliability", "credibility", "kind", "status", "entityId", "q", "include", "health"] as const;

// A hand-edited or stale URL falls back to "no filter" for that one value rather than an error page.
export function paramsFromSearch(get: (key: string) => string | null | undefined): ClaimListParams {
  const credibility = Number(get("credibility"));
  const page = Number(get("page"));
  const q = get("q")?.trim().slice(0, 200);
  const sourceId = get("sourceId");
  const entityId = get("entityId");
  return {
    sourceId: sourceId && UUID.test(sourceId) ? sourceId : undefined,
    reliability: pick(RELIABILITIES, get("reliability")),
    credibility: Number.isInteger(credibility) && credibility >= 1 && credibility <= 6 ? credibility : undefined,
    kind: pick(CLAIM_KIND_KEYS, get("kind")),
    status: pick(CLAIM_STATUS_KEYS, get("status")),
    entityId: entityId && UUID.test(entityId) ? entityId : undefined,
    q: q || undefined,
    include: pick(["retracted"] as const, get("include")),
    health: pick(HEALTH_KEYS, get("health")),
    sort: pick(SORT_KEYS, get("sort")) ?? "created",
    dir: pick(["asc", "desc"] as const, get("dir")) ?? "desc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for these params, leaving out defaults so the URL stays short. */
export function searchFromParams(p: ClaimListParams): string {
  return listSearchString(p, FILTER_KEYS, "created");
}

export function hasFilters(p: ClaimListParams) {
  return FILTER_KEYS.some((k) => k !== "include" && p[k] !== undefined);
}
