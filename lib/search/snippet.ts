// Highlighted snippets without trusting any text from the database: ts_headline marks matches with
// sentinel characters from Unicode's private use area (stripped from the text beforehand, so a
// document cannot forge them); everything is HTML-escaped, then only the sentinels become <mark>.
// Kept free of server imports: the client renderer parses the same format.

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** ts_headline options; the selectors are the sentinels, never HTML. */
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Sentinel-marked headline text → safe HTML with only <mark> tags (unbalanced sentinels are closed). */
export function snippetHtml(headline: string) {
  let open = false;
  let out = "";
  // ts_headline marks each word of a phrase on its own; adjacent marks read better as one.
  const joined = headline
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\uE001 \uE000/g, " ");
  for (const part of joined.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) out += "</mark>";
      open = false;
    } else out += escapeHtml(part);
  }
  return open ? `${out}</mark>` : out;
}

export type SnippetPart = { text: string; mark: boolean };

const UNESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Safe snippet HTML → text parts; anything that is not exactly <mark> or </mark> stays literal text. */
export function parseSnippet(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") mark = true;
    else if (piece === "</mark>") mark = false;
    else if (piece) parts.push({ text: piece.replace(/&(amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e]), mark });
  }
  return parts;
}
