// The activity log as sentences with names ("Ana Analyst added Rui Reviewer as reviewer"), and bursts of
// one person's ACH ratings folded into one entry. Pure, so the page and the unit tests share it.
import { ACH_RATINGS } from "@/lib/standards/scales";
import { actionLabel } from "./action-labels";

export type ActivityEvent = {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
};
/** A piece of a sentence: plain words, or a record's name (quoted, linked where the record has a page). */
export type Part = string | { text: string; type: string; id: string; quoted?: boolean };
export type ActivityItem<E extends ActivityEvent = ActivityEvent> =
  { kind: "event"; event: E } | { kind: "burst"; actor: { id: string; name: string }; events: E[] };

const TYPE_NOUNS: Record<string, string> = {
  case: "case",
  document: "document",
  source: "source",
  claim: "claim",
  entity: "entity",
  event: "event",
  question: "question",
  hypothesis: "hypothesis",
  user: "member",
};
const NAME_FIELDS = ["statement", "title", "name", "question", "email"] as const;
const ROLE_WORDS: Record<string, string> = { owner: "owner", editor: "editor", reviewer: "reviewer", viewer: "viewer" };

export const BURST_WINDOW_MS = 10 * 60_000;

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}
function nameFrom(value: unknown): string | null {
  for (const f of NAME_FIELDS) {
    const v = field(value, f);
    if (typeof v === "string" && v) return v;
  }
  return null;
}
const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const ratingWord = (code: unknown) => (ACH_RATINGS.find((r) => r.code === code)?.label ?? String(code)).toLowerCase();
const role = (v: unknown) => ROLE_WORDS[String(field(v, "role"))] ?? String(field(v, "role") ?? "member");

/** A record named by its current name, else the name it had in the event, else its kind and short id. */
function record(type: string, id: string, names: Record<string, string>, fallback?: unknown): Part {
  const name = names[id] ?? nameFrom(fallback);
  if (type === "user") return { text: name ?? "a former member", type, id };
  return name ? { text: short(name), type, id, quoted: true } : { text: `${TYPE_NOUNS[type] ?? type} ${id.slice(0, 8)}`, type, id };
}

/** What the actor did, as the rest of a sentence whose subject is the actor's name. */
export function describeEvent(e: ActivityEvent, names: Record<string, string>): Part[] {
  const target = () => record(e.targetType, e.targetId, names, e.after ?? e.before);
  // "claim “…”" when the claim has a name; its fallback ("claim 0190…") already says what it is.
  const claim = (v: unknown): Part[] => {
    const id = field(v, "claimId");
    if (typeof id !== "string") return ["a claim"];
    const part = record("claim", id, names);
    return typeof part !== "string" && part.quoted ? ["claim ", part] : [part];
  };
  switch (e.action) {
    case "ach.rate": {
      const was = field(e.before, "rating");
      return [
        "rated ",
        ...claim(e.after),
        " against ",
        target(),
        `: ${ratingWord(field(e.after, "rating"))}${was ? ` (was ${ratingWord(was)})` : ""}`,
      ];
    }
    case "ach.clear":
      return ["cleared the rating of ", ...claim(e.before), " against ", target()];
    case "case_member.add":
      return ["added ", target(), ` as ${role(e.after)}`];
    case "case_member.set_role":
      return ["made ", target(), ` ${role(e.after)} (was ${role(e.before)})`];
    case "case_member.remove":
      return ["removed ", target(), " from the case"];
    case "case_member.leave":
      return ["left the case"];
    case "review.submit":
      return ["submitted ", target(), " for review"];
    case "review.approve":
      return ["approved ", target()];
    case "review.request_changes":
      return ["asked for changes to ", target()];
    case "case.create":
    case "case.update":
      return [actionLabel(e.action)];
    default:
      return [`${actionLabel(e.action)} `, target()];
  }
}

export const partText = (p: Part) => (typeof p === "string" ? p : p.quoted ? `“${p.text}”` : p.text);
export const sentence = (e: ActivityEvent, names: Record<string, string>) =>
  `${e.actor?.name ?? "System"} ${describeEvent(e, names).map(partText).join("")}`;

/**
 * Folds consecutive ACH ratings by one person, each within BURST_WINDOW_MS of the one before, into one
 * "rated 7 cells" entry (events come newest first). A single rating stays an event of its own.
 */
export function groupActivity<E extends ActivityEvent>(events: E[], windowMs = BURST_WINDOW_MS): ActivityItem<E>[] {
  const items: ActivityItem<E>[] = [];
  let run: E[] = [];
  const flush = () => {
    if (run.length > 1) items.push({ kind: "burst", actor: run[0].actor!, events: run });
    else if (run.length === 1) items.push({ kind: "event", event: run[0] });
    run = [];
  };
  for (const e of events) {
    const last = run.at(-1);
    const joins =
      e.action === "ach.rate" &&
      e.actor &&
      last &&
      last.actor?.id === e.actor.id &&
      Math.abs(Date.parse(last.at) - Date.parse(e.at)) <= windowMs;
    if (!joins) flush();
    if (e.action === "ach.rate" && e.actor) run.push(e);
    else items.push({ kind: "event", event: e });
  }
  flush();
  return items;
}

/** "rated 7 cells against “H2”" (or "against 3 hypotheses"). */
export function burstSummary(events: ActivityEvent[], names: Record<string, string>): Part[] {
  const hypotheses = [...new Set(events.map((e) => e.targetId))];
  return [
    `rated ${events.length} cells`,
    ...(hypotheses.length === 1 ? [" against ", record("hypothesis", hypotheses[0], names)] : [` against ${hypotheses.length} hypotheses`]),
  ];
}
