// Every version of the judgment: who changed it, when, why, and each field from → to.
import { FIELD_LABELS, fieldValueText, formatWhen } from "./judgment-labels";
import type { EntityOption, HistoryEntry } from "./types";

export function HypothesisHistory({ history, entities }: { history: HistoryEntry[]; entities: EntityOption[] }) {
  const entityName = (id: string) => entities.find((e) => e.id === id)?.name;
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h3 id="history-heading" className="font-semibold">
        History
      </h3>
      <ol className="space-y-3">
        {[...history].reverse().map((v) => (
          <li key={v.version} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="history-entry">
            <p>
              <span className="font-semibold">Version {v.version}</span> · {v.by} · <time dateTime={v.at}>{formatWhen(v.at)}</time>
            </p>
            <p className="text-slate-700">
              <span className="font-medium">Why:</span> {v.reason}
            </p>
            {v.changes.length > 0 && (
              <table className="mt-2 w-full table-fixed text-left text-xs">
                <caption className="sr-only">Changes in version {v.version}</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="w-32 py-1 font-medium">
                      Field
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      From
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      To
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.changes.map((c) => (
                    <tr key={c.field} className="border-t border-slate-100 align-top">
                      <th scope="row" className="py-1 pr-2 font-medium">
                        {FIELD_LABELS[c.field] ?? c.field}
                      </th>
                      <td className="break-words py-1 pr-2 text-red-800">
                        <del>{fieldValueText({ field: c.field, value: c.from, entityName })}</del>
                      </td>
                      <td className="break-words py-1 text-emerald-900">
                        <ins className="no-underline">{fieldValueText({ field: c.field, value: c.to, entityName })}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
