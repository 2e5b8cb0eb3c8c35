// A status (Active, Invited, In review…) as a label, not a control: no ring, border, shadow or bold
// weight (what our buttons have), a rounded-full shape with a coloured dot, and the default cursor.
import type { ComponentProps } from "react";

const TONES = {
  green: { pill: "bg-emerald-50 text-emerald-900", dot: "bg-emerald-600" },
  amber: { pill: "bg-amber-50 text-amber-900", dot: "bg-amber-500" },
  sky: { pill: "bg-sky-50 text-sky-900", dot: "bg-sky-600" },
  indigo: { pill: "bg-indigo-50 text-indigo-900", dot: "bg-indigo-600" },
  red: { pill: "bg-red-50 text-red-900", dot: "bg-red-600" },
  slate: { pill: "bg-slate-100 text-slate-700", dot: "bg-slate-500" },
} as const;
export type StatusTone = keyof typeof TONES;

export function StatusPill({ tone, className = "", children, ...props }: ComponentProps<"span"> & { tone: StatusTone }) {
  return (
    <span
      {...props}
      className={`inline-flex cursor-default items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone].pill} ${className}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 shrink-0 rounded-full ${TONES[tone].dot}`} />
      {children}
    </span>
  );
}
