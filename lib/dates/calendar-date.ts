// "YYYY-MM-DD" as a real day. JavaScript's Date.parse accepts 2022-02-30 (and rolls it over to
// 2022-03-02) and year 0, which PostgreSQL refuses (a 500): both found by the outside test (issue 12).

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when `value` starts with YYYY-MM-DD naming a day that exists, in years 1–9999. */
export function isCalendarDate(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export const CALENDAR_DATE_MESSAGE = "That is not a real calendar date (use YYYY-MM-DD, years 1 to 9999).";
