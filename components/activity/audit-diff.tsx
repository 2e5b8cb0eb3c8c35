// The before/after of one audit event, field by field, folded away until asked for. No client code:
// <details> gives keyboard and screen-reader support for free.

const MAX_CHARS = 240;

type Row = { field: string; before?: unknown; after?: unknown; changed: boolean };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Field-by-field rows: on an edit only the fields that changed; on a creation every field. */
export function diffRows(before: unknown, after: unknown): Row[] {
  if (before == null && after == null) return [];
  if (!isObject(before ?? {}) || !isObject(after ?? {})) {
    return [
      { field: "value", before: before ?? undefined, after: after ?? undefined, changed: JSON.stringify(before) !== JSON.stringify(after) },
    ];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  const bothSides = before != null && after != null;
  const changed = rows.filter((r) => r.changed);
  return bothSides && changed.length ? changed : rows;
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="text-slate-500">—</span>;
  if (value === null) return <span className="text-slate-500">empty</span>;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.length <= MAX_CHARS) return <span className="break-words whitespace-pre-wrap">{text}</span>;
  return (
    <span className="break-words whitespace-pre-wrap" title={text.length > 4000 ? undefined : text}>
      {text.slice(0, MAX_CHARS)}… <span className="text-slate-600">({(text.length - MAX_CHARS).toLocaleString("en")} more characters)</span>
    </span>
  );
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffRows(before, after);
  if (!rows.length) return null;
  const isEdit = before != null && after != null;
  const summary = isEdit
    ? `Show changes (${rows.length} field${rows.length === 1 ? "" : "s"})`
    : `Show ${before == null ? "recorded values" : "removed values"} (${rows.length} field${rows.length === 1 ? "" : "s"})`;
  return (
    <details className="group mt-1">
      <summary className="cursor-pointer text-xs font-medium text-indigo-800 hover:text-indigo-950">{summary}</summary>
      <table className="mt-2 w-full table-fixed border-collapse text-xs">
        <thead>
          <tr className="text-left text-slate-700">
            <th scope="col" className="w-40 border-b border-slate-200 py-1 pr-2 font-medium">
              Field
            </th>
            {isEdit ? (
              <>
                <th scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                  Before
                </th>
                <th scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                  After
                </th>
              </>
            ) : (
              <th scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                {before == null ? "Recorded value" : "Removed value"}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className="align-top">
              <th scope="row" className="border-b border-slate-100 py-1 pr-2 text-left font-mono font-normal text-slate-700">
                {r.field}
              </th>
              {isEdit ? (
                <>
                  <td className={`border-b border-slate-100 px-2 py-1 ${r.changed ? "bg-red-50 text-red-900" : "text-slate-800"}`}>
                    <Value value={r.before} />
                  </td>
                  <td className={`border-b border-slate-100 px-2 py-1 ${r.changed ? "bg-emerald-50 text-emerald-900" : "text-slate-800"}`}>
                    <Value value={r.after} />
                  </td>
                </>
              ) : (
                <td className="border-b border-slate-100 px-2 py-1 text-slate-800">
                  <Value value={before == null ? r.after : r.before} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
