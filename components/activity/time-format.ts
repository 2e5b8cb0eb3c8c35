// Pure time labels shared by server and client components.

/** "2022-07-15 09:30:00 UTC" — the exact time shown on hover wherever a local time is displayed. */
export function utcLabel(iso: string) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "4 Dec 2026" (or "4 Dec 2026 09:05" with the time), in local time: what date-fns `format(d, "d MMM yyyy")`
 * wrote, without date-fns and its locale in the client bundle of the pages that show it.
 */
export function dayMonthYear(d: Date, withTime = false) {
  const day = `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  return withTime ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day;
}
