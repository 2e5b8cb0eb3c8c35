// The indicators table's filters, sort and page as they appear in the URL, so a filtered view can be
// shared and survives a reload. Pure: used by the server page and the client table alike.
import { listSearchString, pick } from "@/components/ui/list-params";
import { INDICATOR_FLAGS, INDICATOR_STATUSES, INDICATOR_TYPES, type IndicatorStatus, type IndicatorType } from "@/lib/indicators/types";

export const INDICATOR_PAGE_SIZE = 50;
export const INDICATOR_SORT_KEYS = ["created", "value", "type", "lastSeen", "otherCases"] as const;
export type IndicatorSortKey = (typeof INDICATOR_SORT_KEYS)[number];
export const FLAG_FILTERS = [...INDICATOR_FLAGS, "none"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export type IndicatorListParams = {
  type?: IndicatorType;
  flag?: FlagFilter;
  status?: IndicatorStatus;
  q?: string;
  sort: IndicatorSortKey;
  dir: "asc" | "desc";
  page: number;
};
export const INDICATOR_FILTER_KEYS = ["type", "flag", "status", "q"] as const;

// A hand-edited or stale URL falls back to "no filter" for that one value rather than an error page.
export function indicatorParamsFromSearch(get: (key: string) => string | null | undefined): IndicatorListParams {
  const page = Number(get("page"));
  const q = get("q")?.trim().slice(0, 500);
  return {
    type: pick(INDICATOR_TYPES, get("type")),
    flag: pick(FLAG_FILTERS, get("flag")),
    status: pick(INDICATOR_STATUSES, get("status")),
    q: q || undefined,
    sort: pick(INDICATOR_SORT_KEYS, get("sort")) ?? "created",
    dir: pick(["asc", "desc"] as const, get("dir")) ?? "desc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for these params, leaving out defaults so the URL stays short. */
export function indicatorSearchFromParams(p: IndicatorListParams): string {
  return listSearchString(p, INDICATOR_FILTER_KEYS, "created");
}

export function hasIndicatorFilters(p: IndicatorListParams) {
  return INDICATOR_FILTER_KEYS.some((k) => p[k] !== undefined);
}
