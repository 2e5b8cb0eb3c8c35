// Renders a search snippet without innerHTML: the server's snippet is escaped text with only
// <mark>/</mark>; it is split into text runs, and only the marked runs become <mark> elements.
import { parseSnippet } from "@/lib/search/snippet";

export function SnippetText({ html, className = "" }: { html: string; className?: string }) {
  return (
    <span className={className} data-testid="search-snippet">
      {parseSnippet(html).map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
