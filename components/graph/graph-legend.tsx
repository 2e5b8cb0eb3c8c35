import { EDGE_STYLES, NODE_SHAPES, RELIABILITY_COLOURS } from "./graph-styles";

const DASH = { solid: undefined, dashed: "6 4", dotted: "1.5 3" } as const;

/** What the lines and shapes mean, in words next to a sample of each. */
export function GraphLegend() {
  return (
    <details className="mt-2 rounded-md border border-slate-200 bg-white p-3 text-sm" open>
      <summary className="cursor-pointer font-medium text-slate-800">Legend</summary>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <ul aria-label="Relationship kinds" className="space-y-1">
          {Object.entries(EDGE_STYLES).map(([kind, s]) => (
            <li key={kind} className="flex items-center gap-2">
              <svg width="40" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="40" y2="4" stroke={s.colour} strokeWidth={Math.max(2, s.width)} strokeDasharray={DASH[s.line]} />
              </svg>
              <span>
                {s.legend} <span className="text-slate-500">({s.line})</span>
              </span>
            </li>
          ))}
        </ul>
        <div className="space-y-2">
          <ul aria-label="Node shapes" className="space-y-1">
            {Object.entries(NODE_SHAPES).map(([type, shape]) => (
              <li key={type}>
                {type}: {shape}
              </li>
            ))}
          </ul>
          <p>
            Sources and documents are coloured by Admiralty reliability, and a source&apos;s label starts with its grade:{" "}
            {Object.entries(RELIABILITY_COLOURS).map(([g, c]) => (
              <span key={g} className="mr-2 inline-flex items-center gap-1">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: c }} />
                {g === "none" ? "ungraded" : g}
              </span>
            ))}
          </p>
          <p>
            Claims show their grade (e.g. B2); rejected claims are faded and labelled “(rejected)”; ⟲ and a double red border mark circular
            reporting.
          </p>
        </div>
      </div>
    </details>
  );
}
