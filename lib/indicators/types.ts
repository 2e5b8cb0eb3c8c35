// Indicator types and flags, shared by the server, the client and the OpenAPI document. Pure.
export const INDICATOR_TYPES = ["ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256", "cve"] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  ipv4: "IPv4",
  ipv6: "IPv6",
  domain: "Domain",
  url: "URL",
  email: "E-mail",
  md5: "MD5",
  sha1: "SHA-1",
  sha256: "SHA-256",
  cve: "CVE",
};

/**
 * Warnings from the lists shipped in lib/indicators/warning-lists/: an address no attacker can route
 * to (private, reserved, documentation) or a domain everyone talks to (benign). A flagged value is
 * usually not an indicator; it is shown apart and only recorded when someone confirms it.
 */
export const INDICATOR_FLAGS = ["private", "reserved", "documentation", "benign"] as const;
export type IndicatorFlag = (typeof INDICATOR_FLAGS)[number];

export const INDICATOR_STATUSES = ["active", "retired"] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
