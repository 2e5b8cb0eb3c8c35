// Flags from the warning lists shipped in lib/indicators/warning-lists/ (read at build time, never
// fetched): private, reserved and documentation address ranges, documentation domains, and benign
// well-known domains. Pure: no server-only.
import ipaddr from "ipaddr.js";
import ipRanges from "./warning-lists/ip-ranges.json";
import benignDomains from "./warning-lists/benign-domains.json";
import documentationDomains from "./warning-lists/documentation-domains.json";
import type { IndicatorFlag, IndicatorType } from "./types";

export type Warning = { flag: IndicatorFlag; reason: string };

const RANGES = ipRanges.ranges.map((r) => ({ ...r, flag: r.flag as IndicatorFlag, cidr: ipaddr.parseCIDR(r.cidr) }));
const BENIGN = new Set(benignDomains.domains);
const DOC_DOMAINS = new Set(documentationDomains.domains);
const DOC_SUFFIXES = new Set(documentationDomains.suffixes);

function addressWarnings(address: string): Warning[] {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return [];
  }
  return RANGES.filter((r) => r.cidr[0].kind() === parsed.kind() && parsed.match(r.cidr)).map((r) => ({ flag: r.flag, reason: r.name }));
}

/** The domain itself or the nearest parent on a list (windowsupdate.microsoft.com → microsoft.com). */
function onList(domain: string, list: ReadonlySet<string>): string | null {
  for (let d = domain; d.includes("."); d = d.slice(d.indexOf(".") + 1)) if (list.has(d)) return d;
  return null;
}

function domainWarnings(domain: string, { benign }: { benign: boolean }): Warning[] {
  const out: Warning[] = [];
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  const doc = onList(domain, DOC_DOMAINS);
  if (doc || DOC_SUFFIXES.has(tld))
    out.push({ flag: "documentation", reason: `${doc ?? `.${tld}`} is reserved for documentation and testing (RFC 2606, RFC 6761)` });
  const known = benign ? onList(domain, BENIGN) : null;
  if (known) out.push({ flag: "benign", reason: `${known} is a well-known domain` });
  return out;
}

function urlHost(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  if (hostPort.startsWith("[")) return hostPort.slice(1, hostPort.indexOf("]"));
  return hostPort.replace(/:\d+$/, "");
}

/** Every warning for a canonical value, each with the list entry that raised it. */
export function warningsFor(type: IndicatorType, value: string): Warning[] {
  switch (type) {
    case "ipv4":
    case "ipv6":
      return addressWarnings(value);
    case "domain":
      return domainWarnings(value, { benign: true });
    case "url": {
      const host = urlHost(value);
      return ipaddr.isValid(host) ? addressWarnings(host) : domainWarnings(host, { benign: true });
    }
    case "email":
      // A mailbox at a big provider is still somebody's: only documentation domains flag an address.
      return domainWarnings(value.slice(value.lastIndexOf("@") + 1), { benign: false });
    default:
      return [];
  }
}

/** The distinct flags of a canonical value, in list order. */
export function flagsFor(type: IndicatorType, value: string): IndicatorFlag[] {
  return [...new Set(warningsFor(type, value).map((w) => w.flag))];
}
