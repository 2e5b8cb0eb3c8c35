// Defanging (shown to people: `hxxps://evil[.]net`, `203.0.113[.]7`) and refanging (what a report wrote,
// back to the working value), with the offsets of the original text kept. Pure: no server-only.
import type { IndicatorType } from "./types";

/**
 * The defanged forms reports use: `[.]` `(.)` `{.}` `[dot]` `\.`, `[:]` `[://]` `[/]`, `[@]` `(@)`
 * `[at]`, and `hxxp`/`h**p`/`fxp` before a colon. Matched case-insensitively. (`at` and `dot` only
 * inside brackets, so "met (at) noon" stays prose only when written without brackets.)
 */
const DEFANGED = /[[({]\s?(?:\.|dot)\s?[\])}]|[[({](?::\/\/|:|\/|@|at)[\])}]|\\\.|h(?:xx|\*\*)p(?=s?(?:[[({]?:))|fxp(?=s?(?:[[({]?:))/gi;

function refangToken(token: string): string {
  const t = token.toLowerCase();
  if (t.startsWith("h")) return "http";
  if (t === "fxp") return "ftp";
  if (t === "\\.") return ".";
  const inner = t.slice(1, -1).trim();
  if (inner === "." || inner === "dot") return ".";
  if (inner === "at") return "@";
  return inner;
}

/** One replaced stretch: `origLen` characters of the original became `normLen` of the refanged text. */
type Segment = { normStart: number; normLen: number; origStart: number; origLen: number };

export type RefangedText = {
  text: string;
  /** The offset in the original text where the refanged text's character `n` begins (n may be its length). */
  originalOffset: (n: number) => number;
};

/** Refangs a whole text, keeping a map from the refanged text's offsets back to the original's. */
export function refangWithOffsets(original: string): RefangedText {
  const segments: Segment[] = [];
  let out = "";
  let last = 0;
  let shift = 0;
  for (const m of original.matchAll(DEFANGED)) {
    const replacement = refangToken(m[0]);
    out += original.slice(last, m.index) + replacement;
    segments.push({ normStart: m.index + shift, normLen: replacement.length, origStart: m.index, origLen: m[0].length });
    shift += replacement.length - m[0].length;
    last = m.index + m[0].length;
  }
  if (!segments.length) return { text: original, originalOffset: (n) => n };
  out += original.slice(last);
  const originalOffset = (n: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].normStart <= n) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return n;
    const s = segments[found];
    if (n < s.normStart + s.normLen) return s.origStart;
    return s.origStart + s.origLen + (n - s.normStart - s.normLen);
  };
  return { text: out, originalOffset };
}

/** `hxxps://evil[.]net` → `https://evil.net`. */
export function refang(value: string): string {
  return refangWithOffsets(value).text;
}

const lastDot = (s: string) => {
  const i = s.lastIndexOf(".");
  return i < 0 ? s : `${s.slice(0, i)}[.]${s.slice(i + 1)}`;
};

function defangHost(host: string): string {
  if (host.startsWith("[")) return host.replace(/:/g, "[:]");
  return lastDot(host);
}

/**
 * The form shown to people, which no mail client, chat or browser turns into a live link: the last
 * dot of a host as `[.]`, `@` as `[@]`, IPv6 colons as `[:]`, `http` as `hxxp`. Hashes and CVEs are
 * harmless and shown as they are. Takes a canonical value.
 */
export function defang(type: IndicatorType, value: string): string {
  switch (type) {
    case "ipv4":
    case "domain":
      return lastDot(value);
    case "ipv6":
      return value.replace(/:/g, "[:]");
    case "email": {
      const at = value.lastIndexOf("@");
      return `${value.slice(0, at)}[@]${lastDot(value.slice(at + 1))}`;
    }
    case "url": {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(value);
      if (!m) return value;
      const scheme = m[1].toLowerCase().replace(/^http/, "hxxp").replace(/^ftp/, "fxp");
      const authority = m[2];
      const at = authority.lastIndexOf("@");
      const userinfo = at >= 0 ? `${authority.slice(0, at)}[@]` : "";
      const hostPort = authority.slice(at + 1);
      const port = /:\d+$/.exec(hostPort)?.[0] ?? "";
      return `${scheme}://${userinfo}${defangHost(hostPort.slice(0, hostPort.length - port.length))}${port}${m[3]}`;
    }
    default:
      return value;
  }
}
