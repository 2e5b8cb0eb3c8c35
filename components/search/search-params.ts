// The search page's URL is its state: the query, the filters and the page, so a search can be
// bookmarked, shared and paged with the back button.
export const FILTER_KEYS = ["q", "caseId", "kind", "sourceId", "from", "to", "reliability", "include", "page"] as const;
export type SearchParams = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function searchParamsFrom(get: (key: string) => string | undefined): SearchParams {
  const out: SearchParams = {};
  for (const k of FILTER_KEYS) {
    const v = get(k);
    if (v !== undefined && v !== "") out[k] = v;
  }
  return out;
}

export function searchHref(params: SearchParams, change: SearchParams = {}) {
  const merged: SearchParams = { ...params, ...change };
  const qs = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = merged[k];
    if (v && !(k === "page" && v === "1")) qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `/search?${s}` : "/search";
}
