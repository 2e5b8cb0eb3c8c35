// TAXII 2.1 media types and content negotiation (OASIS TAXII 2.1, §1.6.8). Pure: no database, no Next.
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
/** The largest page the server sends, whatever `limit` asks for (§3.4: a server may cap it). */
export const TAXII_MAX_PAGE = 1000;
/** What the API root reports as max_content_length; the feed is read-only, so it only bounds what a client may send. */
export const TAXII_MAX_CONTENT_LENGTH = 1024 * 1024;

/**
 * True when the Accept header names a media range this server produces: `application/taxii+json`
 * with `version=2.1` or without a version (which means "the newest the server speaks"). A client
 * MUST send one (§1.6.8.1); anything else, an absent header included, is answered with 406, as the
 * reference server does. A range with q=0 is a refusal, not an acceptance.
 */
export function acceptsTaxii(accept: string | null | undefined): boolean {
  if (!accept) return false;
  return accept.split(",").some((range) => {
    const [type, ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    if (type !== "application/taxii+json") return false;
    let ok = true;
    for (const p of params) {
      const [name, raw = ""] = p.split("=").map((s) => s.trim());
      const value = raw.replace(/^"|"$/g, "");
      if (name === "version" && value !== "2.1") ok = false;
      if (name === "q" && Number(value) === 0) ok = false;
    }
    return ok;
  });
}
