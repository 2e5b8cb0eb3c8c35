// The one colour table for Admiralty source reliability (A–F, STANDARDS.md): the claim grade pair ("B2") and the
// source's own grade badge use the same shade per letter, so a column of grades reads the same everywhere.
// Text stays dark on every shade so contrast holds. An unknown letter is shown like F (cannot be judged).
const RELIABILITY_STYLES: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  B: "bg-green-100 text-green-900 ring-green-300",
  C: "bg-yellow-100 text-yellow-900 ring-yellow-300",
  D: "bg-orange-100 text-orange-900 ring-orange-300",
  E: "bg-red-100 text-red-900 ring-red-300",
  F: "bg-slate-200 text-slate-800 ring-slate-300",
};

/** Background, text and ring classes for a reliability letter (A–F). */
export function reliabilityStyle(letter: string): string {
  return RELIABILITY_STYLES[letter] ?? RELIABILITY_STYLES.F;
}
