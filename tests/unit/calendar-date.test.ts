import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/dates/calendar-date";

const day = (iso: string) => ({ date: new Date(`${iso}T00:00:00Z`), precision: "day" });

describe("parseCalendarDate", () => {
  it("reads a day written the way people write it", () => {
    expect(parseCalendarDate("28 Feb 2023")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate("28 February 2023")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate("28 feb. 2023")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate("February 28, 2023")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate(" 2023-02-28 ")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate("2023-02-28T14:05:00Z")).toEqual(day("2023-02-28"));
    expect(parseCalendarDate("1 Sept 2022")).toEqual(day("2022-09-01"));
  });

  it("keeps the precision given: a month or a year", () => {
    expect(parseCalendarDate("2023-02")).toEqual({ date: new Date("2023-02-01T00:00:00Z"), precision: "month" });
    expect(parseCalendarDate("Feb 2023")).toEqual({ date: new Date("2023-02-01T00:00:00Z"), precision: "month" });
    expect(parseCalendarDate("2023")).toEqual({ date: new Date("2023-01-01T00:00:00Z"), precision: "year" });
    expect(parseCalendarDate("0050")?.date.getUTCFullYear()).toBe(50);
  });

  it("refuses what is not a date, and days that do not exist", () => {
    for (const bad of [
      "",
      "yesterday",
      "29 Feb 2023",
      "2023-02-30",
      "2023-13",
      "2023-00",
      "31 Foo 2023",
      "28 Fe 2023",
      "0000",
      "23",
      "2023/02/28",
    ])
      expect(parseCalendarDate(bad), bad).toBeNull();
    expect(parseCalendarDate("29 Feb 2024")).toEqual(day("2024-02-29"));
  });
});
