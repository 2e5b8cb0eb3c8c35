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

export type DatePrecision = "day" | "month" | "year";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "Feb", "Feb.", "February", "Sept" → 1–12 (a month's name or its first three letters or more); anything else → null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

/**
 * A date as people write it, to the precision they give: "2023", "2023-02", "Feb 2023",
 * "2023-02-28" (a time may follow, as in ISO 8601), "28 Feb 2023", "28 February 2023", "February 28, 2023".
 * Returns the first instant of that period (UTC) and its precision, or null for anything else or a
 * day that does not exist. Years 1–9999.
 */
export function parseCalendarDate(value: string): { date: Date; precision: DatePrecision } | null {
  const v = value.trim().replace(/\s+/g, " ");
  let y: number,
    mo: number | null = null,
    d: number | null = null;
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/))) {
    [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  } else if ((m = v.match(/^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/))) {
    [d, mo, y] = [Number(m[1]), monthNumber(m[2]), Number(m[3])];
    if (mo === null) return null;
  } else if ((m = v.match(/^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})$/))) {
    [mo, d, y] = [monthNumber(m[1]), Number(m[2]), Number(m[3])];
    if (mo === null) return null;
  } else if ((m = v.match(/^([A-Za-z]+\.?),? (\d{4})$/))) {
    [mo, y] = [monthNumber(m[1]), Number(m[2])];
    if (mo === null) return null;
  } else return null;
  if (y < 1 || (mo !== null && (mo < 1 || mo > 12))) return null;
  if (d !== null && (d < 1 || d > daysInMonth(y, mo!))) return null;
  const date = new Date(Date.UTC(y, (mo ?? 1) - 1, d ?? 1));
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  return { date, precision: d !== null ? "day" : mo !== null ? "month" : "year" };
}

export const DATE_FORMATS_MESSAGE = "Enter a date like 28 Feb 2023, 2023-02-28, Feb 2023, 2023-02 or 2023.";
