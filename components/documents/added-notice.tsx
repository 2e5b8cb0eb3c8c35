export type Created = {
  document: { id: string; title: string; sha256: string };
  duplicates: { id: string; title: string; sameBytes: boolean; match?: "bytes" | "text" | "near"; similarity?: number }[];
};

const matchWords = (d: Created["duplicates"][number]) =>
  d.match === "near"
    ? ` (near-copy: ${Math.round((d.similarity ?? 0) * 100)} % of the shorter text is in the other)`
    : d.sameBytes
      ? " (identical bytes)"
      : " (identical text)";

/** Confirms a stored document with its hash, and points out a duplicate at once. */
export function AddedNotice({ created }: { created: Created }) {
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      Added “{created.document.title}” · SHA-256 <code className="font-mono text-xs">{created.document.sha256.slice(0, 16)}…</code>
      {created.duplicates.length > 0 && (
        <p className="mt-1 font-medium text-amber-800" data-testid="duplicate-flag">
          Possible duplicate of: {created.duplicates.map((d) => `“${d.title}”${matchWords(d)}`).join(", ")}
        </p>
      )}
    </div>
  );
}
