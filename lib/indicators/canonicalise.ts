// The one stored form of each indicator: refanged, lower-cased where the type is case-insensitive
// (hosts, e-mail, hashes; CVE ids upper-cased as MITRE writes them), IPv6 compressed (RFC 5952).
// Pure: the server checks values with it and the reader's panel shows the same result.
import ipaddr from "ipaddr.js";
import { refang } from "./defang";
import { INDICATOR_TYPE_LABELS, type IndicatorType } from "./types";

export type Canonical = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Canonical => ({ ok: true, value });
const bad = (message: string): Canonical => ({ ok: false, message });

export const MAX_INDICATOR_CHARS = 2048;

const HEX_LENGTH = { md5: 32, sha1: 40, sha256: 64 } as const;

/** A host name in its ASCII form (IDN as punycode), or null when it is not one. */
export function canonicalDomain(raw: string): string | null {
  let host = raw.trim().replace(/\.$/, "");
  if (!host || host.length > 253 || /[\s/\\?#@:%[\]]/.test(host)) return null;
  if (/[^\x00-\x7f]/.test(host)) {
    // The WHATWG URL parser applies IDNA (UTS 46) in Node and in browsers alike.
    try {
      host = new URL(`http://${host}/`).hostname;
    } catch {
      return null;
    }
  }
  host = host.toLowerCase();
  const labels = host.split(".");
  if (labels.length < 2 || host.length > 253) return null;
  for (const label of labels) {
    if (!label || label.length > 63 || !/^[a-z0-9-]+$/.test(label) || label.startsWith("-") || label.endsWith("-")) return null;
  }
  const tld = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return null;
  return host;
}

function canonicalIPv4(raw: string): string | null {
  if (!/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(raw)) return null;
  return ipaddr.IPv4.isValidFourPartDecimal(raw) ? ipaddr.IPv4.parse(raw).toString() : null;
}

function canonicalIPv6(raw: string): string | null {
  const v = raw.replace(/^\[|\]$/g, "");
  if (!v.includes(":")) return null;
  if (v.includes("%") || !/[0-9a-f]/i.test(v) || !ipaddr.IPv6.isValid(v)) return null;
  return ipaddr.IPv6.parse(v).toRFC5952String();
}

function canonicalUrl(raw: string): Canonical {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(raw);
  if (!m) return bad("A URL starts with http://, https:// or ftp:// and names a host.");
  const scheme = m[1].toLowerCase();
  if (!["http", "https", "ftp"].includes(scheme)) return bad(`URLs with ${scheme}:// are not recorded; use http, https or ftp.`);
  if (/\s/.test(raw)) return bad("A URL has no spaces.");
  const authority = m[2];
  const at = authority.lastIndexOf("@");
  const userinfo = at >= 0 ? `${authority.slice(0, at)}@` : "";
  const hostPort = authority.slice(at + 1);
  const portMatch = /:(\d{1,5})$/.exec(hostPort);
  const hostRaw = portMatch ? hostPort.slice(0, -portMatch[0].length) : hostPort;
  const port = portMatch ? Number(portMatch[1]) : null;
  if (port !== null && (port < 1 || port > 65535)) return bad("The URL's port must be from 1 to 65535.");
  const host = hostRaw.startsWith("[")
    ? (() => {
        const v6 = canonicalIPv6(hostRaw);
        return v6 ? `[${v6}]` : null;
      })()
    : (canonicalIPv4(hostRaw) ?? canonicalDomain(hostRaw));
  if (!host) return bad(`"${hostRaw}" is not a host name or IP address.`);
  const defaultPort = { http: 80, https: 443, ftp: 21 }[scheme];
  const portText = port !== null && port !== defaultPort ? `:${port}` : "";
  return ok(`${scheme}://${userinfo}${host}${portText}${m[3]}`);
}

/**
 * The canonical value of `raw` as an indicator of `type`, or a message saying plainly why it is not
 * one. Defanged input is accepted (`evil[.]net`, `hxxps://…`, `user[at]evil[.]net`).
 */
export function canonicalise(type: IndicatorType, raw: string): Canonical {
  const label = INDICATOR_TYPE_LABELS[type];
  const v = refang(raw.trim());
  if (!v) return bad(`Type the ${label} value.`);
  if (v.length > MAX_INDICATOR_CHARS) return bad(`An indicator is at most ${MAX_INDICATOR_CHARS.toLocaleString("en")} characters.`);
  switch (type) {
    case "ipv4": {
      const value = canonicalIPv4(v);
      return value
        ? ok(value)
        : bad(`"${raw.trim()}" is not an IPv4 address: four numbers from 0 to 255, separated by dots, without leading zeros.`);
    }
    case "ipv6": {
      const value = canonicalIPv6(v);
      return value ? ok(value) : bad(`"${raw.trim()}" is not an IPv6 address (and a zone such as %eth0 is not recorded).`);
    }
    case "domain": {
      if (canonicalIPv4(v) || canonicalIPv6(v)) return bad("That is an IP address: record it as IPv4 or IPv6.");
      const value = canonicalDomain(v);
      return value
        ? ok(value)
        : bad(`"${raw.trim()}" is not a domain name: labels of letters, digits and hyphens separated by dots, like evil.net.`);
    }
    case "url":
      return canonicalUrl(v);
    case "email": {
      const at = v.lastIndexOf("@");
      const local = v.slice(0, at);
      const domain = at > 0 ? canonicalDomain(v.slice(at + 1)) : null;
      if (at <= 0 || local.length > 64 || /[\s@<>()[\],;:"\\]/.test(local) || !domain)
        return bad(`"${raw.trim()}" is not an e-mail address like name@evil.net.`);
      return ok(`${local.toLowerCase()}@${domain}`);
    }
    case "md5":
    case "sha1":
    case "sha256": {
      const n = HEX_LENGTH[type];
      if (!new RegExp(`^[0-9a-f]{${n}}$`, "i").test(v)) return bad(`A ${label} hash is exactly ${n} hexadecimal characters (0–9, a–f).`);
      return ok(v.toLowerCase());
    }
    case "cve": {
      const m = /^cve-(\d{4})-(\d{4,7})$/i.exec(v);
      if (!m || Number(m[1]) < 1999) return bad(`"${raw.trim()}" is not a CVE id like CVE-2021-44228.`);
      return ok(`CVE-${m[1]}-${m[2]}`);
    }
  }
}

/** What a search query might be: the first type whose canonical form accepts it (refanged). */
export function guessIndicator(raw: string): { type: IndicatorType; value: string } | null {
  const order: IndicatorType[] = ["url", "email", "ipv4", "ipv6", "md5", "sha1", "sha256", "cve", "domain"];
  const v = raw.trim();
  if (!v || v.length > MAX_INDICATOR_CHARS) return null;
  for (const type of order) {
    const c = canonicalise(type, v);
    if (c.ok) return { type, value: c.value };
  }
  return null;
}
