export type Created = { document: { id: string; title: string; sha256: string }; duplicates: { id: string; title: string; sameBytes: boolean }[] };

/** Confirms a stored document with its hash, and points out a duplicate at once. */
export function AddedNotice({ created }: { created: Created }) {
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      Added “{created.document.title}” · SHA-256 <code className="font-mono text-xs">{created.document.sha256.slice(0, 16)}…</code>
      {created.duplicates.length > 0 && (
        <p className="mt-1 font-medium text-amber-800">Possible duplicate of: {created.duplicates.map((d) => `“${d.title}”${d.sameBytes ? " (identical bytes)" : " (identical text)"}`).join(", ")}</p>
      )}
    </div>
  );
}
