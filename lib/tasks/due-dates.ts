// Due dates are calendar days ("YYYY-MM-DD"), compared as strings: no time zone can move a deadline.

/** Today as "YYYY-MM-DD" in UTC (the server's notion of the day; the same for every user). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A task still to do whose due day has passed. */
export function isOverdue(task: { dueDate: string | null; status: string }, today = todayUtc()): boolean {
  return !!task.dueDate && task.dueDate < today && (task.status === "open" || task.status === "in_progress");
}

/** "4 Dec 2026" for "2026-12-04". */
export function formatDueDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
