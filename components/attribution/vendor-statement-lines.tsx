// What a vendor or other source itself said about the actor: always quoted, always on its own line,
// never in place of the analyst's likelihood and confidence (STANDARDS.md §3).
import type { VendorStatement } from "./types";

export function VendorStatementLines({ statements }: { statements: VendorStatement[] }) {
  if (!statements.length) return null;
  return (
    <ul
      className="space-y-1 border-t border-dashed border-slate-300 pt-2 text-xs text-slate-700"
      aria-label="What sources themselves stated"
    >
      {statements.map((s) => (
        <li key={s.claimIds[0]} data-testid="vendor-statement">
          {s.phrase ? (
            <>
              <span className="font-medium">
                {s.sourceKind === "vendor" ? "Vendor's own stated confidence" : "Source's own stated confidence"}:
              </span>{" "}
              {s.who} — <span className="italic">“{s.phrase}”</span>
            </>
          ) : (
            <>
              <span className="font-medium">{"Vendor's own assessment:"}</span> {s.who} — <span className="italic">“{s.statement}”</span>{" "}
              <span className="text-slate-600">(no confidence words stated)</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
