// HTML → article text, in plain JavaScript so the extraction worker (html-extract-worker.mjs) can
// load it straight from disk with Node under `next start`, Vitest and tsx alike: no bundler has to
// know about the worker. lib/capture/extract.ts imports the same module for sanitizeHtml.
// jsdom is used without runScripts or resource loading: the page's scripts never run and nothing it
// references is fetched.
import { Readability } from "@mozilla/readability";
import DOMPurify from "isomorphic-dompurify";
import jsdom from "jsdom";

const { JSDOM } = jsdom;

// Strict profile for any formatted view of captured pages. An allowlist, so tags DOMPurify would
// normally permit but we have not thought about are dropped (fails closed). No images or media:
// loading them would make the analyst's browser contact the source, which can tip off its owner.
const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
  ],
  ALLOWED_ATTR: ["href", "title", "colspan", "rowspan", "datetime", "lang", "dir"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only web and mail links, or relative/fragment links; javascript:, data:, vbscript: never match.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ["style", "script", "svg", "math", "form", "iframe", "noscript", "template", "object", "embed"],
  FORBID_ATTR: ["style", "srcset", "action", "formaction"],
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

/** HTML safe to render: no scripts, handlers, javascript: URLs, styles, SVG/MathML, forms, frames or media. */
export function sanitizeHtml(html) {
  return String(DOMPurify.sanitize(html, SANITIZE_CONFIG));
}

const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TFOOT",
  "THEAD",
  "TR",
  "UL",
]);
const SKIPPED_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "MATH",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "HEAD",
  "TITLE",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
]);

/**
 * Plain text of a DOM subtree: one paragraph per block element, paragraphs separated by a blank line.
 * Walks with an explicit stack, not recursion, so no tree is deep enough to overflow the call stack.
 */
export function domToText(root) {
  const paragraphs = [];
  let current = "";
  const flush = () => {
    const lines = current.split("\n").map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim());
    const paragraph = lines
      .filter((line, i) => line || (i > 0 && i < lines.length - 1))
      .join("\n")
      .trim();
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  // A frame is a node to enter, or (node null) the end of a block element, where its paragraph ends.
  const stack = [{ node: root, inPre: false }];
  while (stack.length) {
    const { node, inPre } = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? "";
      current += inPre ? value : value.replace(/\s+/g, " ");
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? node.tagName.toUpperCase() : "";
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === "BR") {
      current += "\n";
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push({ node: null, inPre });
    }
    if (tag === "TD" || tag === "TH") current += current && !current.endsWith(" ") ? " " : "";
    const childPre = inPre || tag === "PRE";
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], inPre: childPre });
  }
  flush();
  return paragraphs.join("\n\n");
}

function nonEmpty(value) {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
}

function safeBaseUrl(baseUrl) {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A parsed HTML document (for tests of the text walk). */
export function parseHtmlDocument(html) {
  return new JSDOM(html, { contentType: "text/html" }).window.document;
}

const PUBLISHED_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="datePublished"]',
  'meta[name="publish-date"]',
  'meta[name="publishdate"]',
  'meta[name="pubdate"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="citation_publication_date"]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.issued" i]',
  'meta[name="dc.date" i]',
  'meta[name="dcterms.date" i]',
  'meta[name="date" i]',
  "time[pubdate][datetime]",
];

/**
 * Main article text of a page (not yet normalised: the caller does that) and its metadata. Runs in
 * the extraction worker; call it through extractFromHtml in lib/capture/extract.ts.
 */
export function extractHtml(html, baseUrl) {
  const dom = new JSDOM(html, { url: safeBaseUrl(baseUrl), contentType: "text/html" });
  const { document } = dom.window;
  try {
    const pageTitle = nonEmpty(document.title);
    // The first published-date tag the page carries, most specific first (Open Graph, schema.org, Dublin Core, common CMS tags).
    const metaPublished =
      PUBLISHED_SELECTORS.map((sel) =>
        nonEmpty(document.querySelector(sel)?.getAttribute(sel.startsWith("time") ? "datetime" : "content")),
      ).find(Boolean) ?? null;
    // Readability mutates the document it reads; give it a clone so the fallback still has the original.
    const article = new Readability(document.cloneNode(true)).parse();
    let text = "";
    if (article?.content) {
      // Readability's content is HTML from the page: sanitise before parsing it again, then flatten.
      const fragment = new JSDOM(`<!doctype html><body>${sanitizeHtml(article.content)}</body>`).window.document.body;
      text = domToText(fragment);
    }
    if (!text.trim()) {
      const body = new JSDOM(`<!doctype html><body>${sanitizeHtml(document.body?.innerHTML ?? "")}</body>`).window.document.body;
      text = domToText(body);
    }
    return {
      title: nonEmpty(article?.title) ?? pageTitle,
      byline: nonEmpty(article?.byline),
      siteName: nonEmpty(article?.siteName),
      publishedTime: nonEmpty(article?.publishedTime) ?? metaPublished,
      text,
    };
  } finally {
    dom.window.close();
  }
}
