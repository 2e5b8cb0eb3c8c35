// Pure time labels shared by server and client components.

/** "2022-07-15 09:30:00 UTC" — the exact time shown on hover wherever a local time is displayed. */
export function utcLabel(iso: string) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
