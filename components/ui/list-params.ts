// What the URL-backed list pages (claims, indicators) share: reading one allowed value from the query and
// writing the query back, leaving out defaults so the URL stays short. Pure: used by server pages and clients.

/** The value if it is one of `allowed`; a hand-edited or stale URL falls back to "no filter" for that one value. */
export const pick = <T extends string>(allowed: readonly T[], v: string | null | undefined) =>
  v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

type ListParams = { sort: string; dir: "asc" | "desc"; page: number };

/** The query string for a list's params: its filters, then sort/dir unless they are the default, then page past 1. */
export function listSearchString<P extends ListParams>(p: P, filterKeys: readonly (keyof P)[], defaultSort: P["sort"]): string {
  const out = new URLSearchParams();
  for (const key of filterKeys) {
    const v = p[key];
    if (v !== undefined && v !== "") out.set(String(key), String(v));
  }
  if (p.sort !== defaultSort || p.dir !== "desc") {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}
