"use client";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys, documentKeys, entityKeys, sourceKeys } from "@/lib/client/query-keys";
import type { TaggableEntity } from "@/lib/reader/entity-suggestions";
import { buildSegments, type Highlight } from "@/lib/reader/segments";
import { Button } from "@/components/ui/form";
import { ClaimPanel } from "./claim-panel";
import { DocumentClaims } from "./document-claims";
import { QuoteTooltip } from "./quote-tooltip";
import { DRAFT_ID, HIT_PREFIX, LOCATED_ID, ReaderText, type QuotePlaces } from "./reader-text";
import { FindIndicators } from "./find-indicators";
import { SearchHitsBar } from "./search-hits-bar";
import { readSelection, type PendingExcerpt } from "./selection";
import { SourcePanel } from "./source-panel";
import { useCreateClaim } from "./use-create-claim";
import { useSearchHits, type ReaderSearch } from "./use-search-hits";
import type { ReaderClaim, ReaderDocument, ReaderSource } from "./types";

const FLASH = ["outline-2", "outline-offset-1", "outline-indigo-700", "bg-indigo-200"];
const EXCERPT_HASH = /^#excerpt-([0-9a-f-]{36})$/i;
// #chars-<start>-<end>: a stretch of the text by its offsets (an indicator's quote, a suggestion).
const CHARS_HASH = /^#chars-(\d{1,9})-(\d{1,9})$/;

async function fetchDocumentClaims(caseId: string, documentId: string) {
  const all: ReaderClaim[] = [];
  for (let page = 1; ; page += 1) {
    const r = await api<{ claims: ReaderClaim[]; pages: number }>(
      `/api/cases/${caseId}/claims?documentId=${documentId}&pageSize=200&page=${page}`,
    );
    all.push(...r.claims);
    if (page >= r.pages) return all;
  }
}

const subscribeHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const readHash = () => window.location.hash;
const noHash = () => "";

const firstStartIn = (c: ReaderClaim, documentId: string) =>
  Math.min(...c.excerpts.filter((e) => e.documentId === documentId).map((e) => e.start));

/**
 * The reader: the captured text with its quotes highlighted (and, when opened from a search hit, the
 * search's matches), the claim panel, and the source/claims column.
 */
export function DocumentReader({
  caseId,
  initialDocument,
  initialClaims,
  initialSources,
  canCreateClaims,
  canEditSource,
  canAcceptIndicators = false,
  capture,
  search = null,
  banner = null,
}: {
  caseId: string;
  initialDocument: ReaderDocument;
  initialClaims: ReaderClaim[];
  initialSources: ReaderSource[];
  canCreateClaims: boolean;
  canEditSource: boolean;
  /** May record suggested indicators (editors, and the document is not retracted). */
  canAcceptIndicators?: boolean;
  capture: ReactNode;
  search?: ReaderSearch | null;
  /** Shown above the text across the page (a retracted document says so first). */
  banner?: ReactNode;
}) {
  const documentId = initialDocument.id;
  // The reader's keys (query-keys.ts *.reader) sit under the shared prefixes, which are invalidated elsewhere; the data shape is ours.
  const { data: doc } = useQuery({
    queryKey: documentKeys.reader(caseId, documentId),
    queryFn: () => api<{ document: ReaderDocument }>(`/api/cases/${caseId}/documents/${documentId}`).then((r) => r.document),
    initialData: initialDocument,
  });
  const readerKey = claimKeys.list(caseId, { documentId, reader: true });
  const { data: claimData } = useQuery({
    queryKey: readerKey,
    queryFn: () => fetchDocumentClaims(caseId, documentId),
    initialData: initialClaims,
  });
  const { data: sources } = useQuery({
    queryKey: sourceKeys.reader(caseId),
    queryFn: () => api<{ sources: ReaderSource[] }>(`/api/cases/${caseId}/sources`).then((r) => r.sources),
    initialData: initialSources,
  });
  const text = doc.text;

  const claims = useMemo(
    () => [...claimData].sort((a, b) => firstStartIn(a, documentId) - firstStartIn(b, documentId)),
    [claimData, documentId],
  );
  const { highlights, claimOfExcerpt } = useMemo(() => {
    const claimOfExcerpt = new Map<string, ReaderClaim>();
    const highlights: Highlight[] = [];
    for (const c of claims) {
      for (const e of c.excerpts) {
        if (e.documentId !== documentId) continue;
        claimOfExcerpt.set(e.id, c);
        highlights.push({ id: e.id, start: e.start, end: e.end });
      }
    }
    return { highlights, claimOfExcerpt };
  }, [claims, documentId]);
  const quotes = useMemo<QuotePlaces>(
    () =>
      new Map([...highlights].sort((a, b) => a.start - b.start || a.end - b.end).map((h, n) => [h.id, { n, start: h.start, end: h.end }])),
    [highlights],
  );

  const [pending, setPending] = useState<PendingExcerpt | null>(null);
  // The stretch named by a #chars- link, outlined while the address says so.
  const hash = useSyncExternalStore(subscribeHash, readHash, noHash);
  const located = useMemo(() => {
    const c = CHARS_HASH.exec(hash);
    const [start, end] = c ? [Number(c[1]), Number(c[2])] : [0, 0];
    return start < end && end <= text.length ? { start, end } : null;
  }, [hash, text.length]);
  const [panel, setPanel] = useState<PendingExcerpt | null>(null);
  // The case's entities, for tagging a new claim; loaded when the claim panel first opens.
  const { data: entities } = useQuery({
    queryKey: entityKeys.reader(caseId),
    queryFn: () => api<{ entities: TaggableEntity[] }>(`/api/cases/${caseId}/entities`).then((r) => r.entities),
    enabled: canCreateClaims && !!panel,
  });
  const [activeClaims, setActiveClaims] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState("");
  const containerRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const create = useCreateClaim({ caseId, readerKey });
  const hits = useSearchHits({ search, containerRef });
  const hitHighlights = useMemo(
    () => hits.ranges.map((r, i): Highlight => ({ id: `${HIT_PREFIX}${i}`, start: r.start, end: r.end })),
    [hits.ranges],
  );

  const segments = useMemo(() => {
    const all = [...highlights, ...hitHighlights];
    if (panel) all.push({ id: DRAFT_ID, start: panel.start, end: panel.end });
    if (located) all.push({ id: LOCATED_ID, start: located.start, end: located.end });
    return buildSegments({ length: text.length, highlights: all });
  }, [text.length, highlights, hitHighlights, panel, located]);
  const describe = useCallback(
    (ids: string[]) =>
      [...new Set(ids.map((id) => claimOfExcerpt.get(id)?.statement).filter((x): x is string => !!x))].map((st) => `Claim: ${st}`),
    [claimOfExcerpt],
  );

  const focusClaims = useCallback((claimIds: string[]) => {
    setActiveClaims(new Set(claimIds));
    const el = claimIds.length ? document.getElementById(`claim-${claimIds[0]}`) : null;
    el?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    el?.focus({ preventScroll: true });
  }, []);

  // Scrolls to a quote and flashes every piece of it (a quote split by overlaps is several elements).
  const flashExcerpt = useCallback(
    (excerptId: string) => {
      const container = containerRef.current;
      const h = highlights.find((x) => x.id === excerptId);
      if (!container || !h) return;
      container.querySelector(`[data-start="${h.start}"]`)?.scrollIntoView({ block: "center" });
      const pieces = container.querySelectorAll<HTMLElement>(`[data-excerpts~="${CSS.escape(excerptId)}"]`);
      pieces.forEach((p) => {
        p.classList.add(...FLASH);
        p.dataset.flash = "true";
      });
      window.setTimeout(
        () =>
          pieces.forEach((p) => {
            p.classList.remove(...FLASH);
            delete p.dataset.flash;
          }),
        2500,
      );
      const claim = claimOfExcerpt.get(excerptId);
      setActiveClaims(new Set(claim ? [claim.id] : []));
    },
    [highlights, claimOfExcerpt],
  );

  // #excerpt-<id> is the link a claim's quote carries back to its exact place in the document.
  const onHash = useEffectEvent(() => {
    const m = EXCERPT_HASH.exec(window.location.hash);
    if (m) flashExcerpt(m[1].toLowerCase());
  });
  const locatedStart = located?.start ?? -1;
  useEffect(() => {
    if (locatedStart < 0) return;
    containerRef.current?.querySelector(`[data-start="${locatedStart}"]`)?.scrollIntoView({ block: "center" });
  }, [locatedStart]);
  useEffect(() => {
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const onHighlightClick = useCallback(
    (excerptIds: string[]) => focusClaims([...new Set(excerptIds.map((id) => claimOfExcerpt.get(id)?.id).filter((x): x is string => !!x))]),
    [claimOfExcerpt, focusClaims],
  );

  const openPanel = useCallback(
    (excerpt: PendingExcerpt | null) => {
      if (!excerpt) return;
      create.reset();
      setNotice("");
      setPanel(excerpt);
      // The draft highlight takes over from the native selection, which focus in the panel would lose anyway.
      window.getSelection()?.removeAllRanges();
    },
    [create],
  );

  useEffect(() => {
    if (!canCreateClaims) return;
    const update = () => {
      const container = containerRef.current;
      if (!container) return;
      const next = readSelection({ container, text });
      setPending((prev) => (prev?.start === next?.start && prev?.end === next?.end ? prev : next));
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.key !== "c" && e.key !== "C") || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable='true']")) return;
      const container = containerRef.current;
      const excerpt = container ? readSelection({ container, text }) : null;
      if (!excerpt) return;
      e.preventDefault();
      openPanel(excerpt);
    };
    document.addEventListener("selectionchange", update);
    document.addEventListener("mouseup", update);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("selectionchange", update);
      document.removeEventListener("mouseup", update);
      document.removeEventListener("keydown", onKey);
    };
  }, [canCreateClaims, text, openPanel]);

  const claimant = doc.source?.name ?? doc.publisher ?? doc.author ?? "";

  return (
    <>
      <main className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {banner && <div className="lg:col-span-2">{banner}</div>}
        <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-8 shadow-sm" aria-labelledby="document-title">
          <h2 id="document-title" ref={titleRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
            {doc.title}
          </h2>
          <div className="sticky top-0 z-10 -mx-8 mt-4 border-y border-slate-200 bg-white/95 px-8 py-2 text-sm text-slate-700 backdrop-blur">
            <div className="flex flex-wrap items-center gap-3">
              {canCreateClaims ? (
                <>
                  <span>
                    Select a passage, then press <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">C</kbd>{" "}
                    or
                  </span>
                  <Button
                    type="button"
                    className="px-2.5 py-1"
                    disabled={!pending}
                    // Keeps the text selection alive: a mousedown on the button would otherwise clear it.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => openPanel(pending)}
                  >
                    New claim from selection
                  </Button>
                </>
              ) : (
                <span>Highlighted passages are quoted by claims; click one to see its claim.</span>
              )}
              <span role="status" data-testid="reader-notice" className="ml-auto text-emerald-800">
                {notice}
              </span>
            </div>
            {hits.query !== null && (
              <SearchHitsBar
                query={hits.query}
                count={hits.count}
                capped={hits.capped}
                current={hits.current}
                onPrevious={hits.previous}
                onNext={hits.next}
                onClear={() => {
                  hits.clear();
                  // The bar (and the focused button) goes away; the document's title is the next best place.
                  titleRef.current?.focus();
                }}
              />
            )}
          </div>
          <ReaderText
            text={text}
            segments={segments}
            currentHit={hits.count ? hits.current : -1}
            quotes={quotes}
            containerRef={containerRef}
            onHighlightClick={onHighlightClick}
          />
          <QuoteTooltip containerRef={containerRef} describe={describe} />
        </article>
        <aside className="min-w-0 space-y-8 text-sm">
          {capture}
          <SourcePanel caseId={caseId} doc={doc} sources={sources} canEdit={canEditSource} />
          <DocumentClaims caseId={caseId} claims={claims} documentId={documentId} activeIds={activeClaims} onJump={flashExcerpt} />
          <FindIndicators caseId={caseId} documentId={documentId} canAccept={canAcceptIndicators} />
        </aside>
      </main>
      {panel && (
        <ClaimPanel
          key={`${panel.start}-${panel.end}`}
          excerpt={panel}
          claimant={claimant}
          sources={sources}
          entities={entities}
          pending={create.isPending}
          error={create.error}
          onClose={() => setPanel(null)}
          onSubmit={(input) =>
            create.mutate(
              { ...input, excerpts: [{ documentId, start: panel.start, end: panel.end, exact: panel.exact }] },
              {
                onSuccess: (claim) => {
                  setPanel(null);
                  setNotice(`Claim saved: ${claim.statement}`);
                  // The hash change scrolls to and flashes the new highlight once it has rendered.
                  const quote = claim.excerpts.find((e) => e.documentId === documentId);
                  if (quote) window.location.hash = `excerpt-${quote.id}`;
                },
              },
            )
          }
        />
      )}
    </>
  );
}
