import { describe, expect, it } from "vitest";
import { BURST_WINDOW_MS, groupActivity, sentence, type ActivityEvent } from "@/components/activity/activity-sentences";

const ana = { id: "a", name: "Ana" };
const rui = { id: "r", name: "Rui" };
let n = 0;
const rate = (actor: typeof ana, at: number): ActivityEvent => ({
  id: `e${n++}`,
  at: new Date(at).toISOString(),
  action: "ach.rate",
  actor,
  targetType: "hypothesis",
  targetId: "h",
  before: null,
  after: { claimId: "c", rating: "I" },
});
const t0 = Date.parse("2026-01-01T12:00:00Z");

describe("groupActivity", () => {
  it("folds consecutive ratings by one person within the window, newest first", () => {
    const items = groupActivity([rate(ana, t0), rate(ana, t0 - 60_000), rate(ana, t0 - 120_000)]);
    expect(items.map((i) => i.kind)).toEqual(["burst"]);
  });

  it("splits on a gap longer than the window, on another person, and on another action", () => {
    const gap = groupActivity([rate(ana, t0), rate(ana, t0 - BURST_WINDOW_MS - 1)]);
    expect(gap.map((i) => i.kind)).toEqual(["event", "event"]);
    const other = groupActivity([rate(ana, t0), rate(rui, t0 - 1000), rate(ana, t0 - 2000)]);
    expect(other.map((i) => i.kind)).toEqual(["event", "event", "event"]);
    const comment: ActivityEvent = { ...rate(ana, t0 - 1000), action: "comment.create" };
    const split = groupActivity([rate(ana, t0), rate(ana, t0 - 500), comment, rate(ana, t0 - 2000), rate(ana, t0 - 3000)]);
    expect(split.map((i) => i.kind)).toEqual(["burst", "event", "burst"]);
  });

  it("reads a rating of a record that no longer has a name by its kind and short id", () => {
    expect(sentence(rate(ana, t0), {})).toBe("Ana rated claim c against hypothesis h: inconsistent");
  });
});
