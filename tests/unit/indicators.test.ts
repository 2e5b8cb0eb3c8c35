import { describe, expect, it } from "vitest";
import { canonicalise, guessIndicator } from "@/lib/indicators/canonicalise";
import { defang, refang, refangWithOffsets } from "@/lib/indicators/defang";
import { flagsFor, warningsFor } from "@/lib/indicators/warning-lists";
import { extractIndicators } from "@/lib/indicators/extract-indicators";
import type { IndicatorType } from "@/lib/indicators/types";

const canon = (type: IndicatorType, raw: string) => {
  const c = canonicalise(type, raw);
  if (!c.ok) throw new Error(c.message);
  return c.value;
};
const refusal = (type: IndicatorType, raw: string) => {
  const c = canonicalise(type, raw);
  if (c.ok) throw new Error(`expected ${raw} to be refused as ${type}, got ${c.value}`);
  return c.message;
};

describe("canonicalise", () => {
  it("refangs every defanged form the reports use", () => {
    expect(canon("url", "hxxps://evil[.]net/gate.php?id=1")).toBe("https://evil.net/gate.php?id=1");
    expect(canon("url", "hXXp[:]//evil(.)net/A/B")).toBe("http://evil.net/A/B");
    expect(canon("url", "h**ps[://]Evil{.}NET:443/x")).toBe("https://evil.net/x");
    expect(canon("domain", "evil[dot]net")).toBe("evil.net");
    expect(canon("domain", "EVIL\\.net.")).toBe("evil.net");
    expect(canon("ipv4", "203.0.113[.]7")).toBe("203.0.113.7");
    expect(canon("email", "Bad[at]Evil[.]net")).toBe("bad@evil.net");
    expect(canon("email", "ops[@]evil(.)net")).toBe("ops@evil.net");
  });

  it("lower-cases what is case-insensitive, keeps a URL's path, upper-cases CVE ids", () => {
    expect(canon("md5", "44D88612FEA8A8F36DE82E1278ABB02F")).toBe("44d88612fea8a8f36de82e1278abb02f");
    expect(canon("sha1", " 3395856CE81F2B7382DEE72602F798B642F14140 ")).toBe("3395856ce81f2b7382dee72602f798b642f14140");
    expect(canon("url", "HTTPS://WWW.Evil.NET/Path?Q=A")).toBe("https://www.evil.net/Path?Q=A");
    expect(canon("cve", "cve-2021-44228")).toBe("CVE-2021-44228");
    expect(canon("domain", "bücher.example")).toBe("xn--bcher-kva.example");
  });

  it("compresses IPv6 (RFC 5952) and keeps IPv4 dotted decimal", () => {
    expect(canon("ipv6", "2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(canon("ipv6", "2001[:]db8[:][:]1")).toBe("2001:db8::1");
    expect(canon("ipv6", "FE80:0:0:0:0:0:0:1")).toBe("fe80::1");
    expect(canon("ipv4", "8.8.8.8")).toBe("8.8.8.8");
  });

  it("refuses malformed values with a message that says what the type looks like", () => {
    expect(refusal("ipv4", "256.1.1.1")).toMatch(/four numbers from 0 to 255/);
    expect(refusal("ipv4", "010.1.1.1")).toMatch(/leading zeros/);
    expect(refusal("ipv6", "1::2::3")).toMatch(/not an IPv6 address/);
    expect(refusal("domain", "evil")).toMatch(/not a domain name/);
    expect(refusal("domain", "1.2.3.4")).toMatch(/IP address/);
    expect(refusal("url", "javascript:alert(1)")).toMatch(/starts with http/);
    expect(refusal("url", "ssh://evil.net")).toMatch(/ssh/);
    expect(refusal("email", "nobody")).toMatch(/e-mail address/);
    expect(refusal("md5", "44d88612fea8a8f36de82e1278abb02")).toMatch(/exactly 32 hexadecimal/);
    expect(refusal("sha256", "zz".repeat(32))).toMatch(/64 hexadecimal/);
    expect(refusal("cve", "CVE-21-1")).toMatch(/CVE id/);
    expect(refusal("domain", "   ")).toMatch(/Type the Domain value/);
  });

  it("guesses what a search query is, defanged or not", () => {
    expect(guessIndicator("hxxps://evil[.]net/a")).toEqual({ type: "url", value: "https://evil.net/a" });
    expect(guessIndicator("203.0.113[.]7")).toEqual({ type: "ipv4", value: "203.0.113.7" });
    expect(guessIndicator("44D88612FEA8A8F36DE82E1278ABB02F")).toEqual({ type: "md5", value: "44d88612fea8a8f36de82e1278abb02f" });
    expect(guessIndicator("HomeLand Justice")).toBeNull();
  });
});

describe("defang", () => {
  it("shows values in a form no client turns into a live link", () => {
    expect(defang("url", "https://evil.net/gate.php")).toBe("hxxps://evil[.]net/gate.php");
    expect(defang("url", "http://203.0.113.7:8080/x")).toBe("hxxp://203.0.113[.]7:8080/x");
    expect(defang("ipv4", "203.0.113.7")).toBe("203.0.113[.]7");
    expect(defang("domain", "a.b.evil.net")).toBe("a.b.evil[.]net");
    expect(defang("email", "bad@evil.net")).toBe("bad[@]evil[.]net");
    expect(defang("ipv6", "2001:db8::1")).toBe("2001[:]db8[:][:]1");
    expect(defang("md5", "44d88612fea8a8f36de82e1278abb02f")).toBe("44d88612fea8a8f36de82e1278abb02f");
  });

  it("round-trips: refanging the defanged form gives the canonical value back", () => {
    const values: [IndicatorType, string][] = [
      ["url", "https://evil.net/a?b=c"],
      ["ipv4", "203.0.113.7"],
      ["domain", "evil.net"],
      ["email", "bad@evil.net"],
      ["ipv6", "2001:db8::1"],
    ];
    for (const [type, value] of values) expect(canon(type, refang(defang(type, value)))).toBe(value);
  });

  it("maps offsets of the refanged text back to the original", () => {
    const original = "x hxxps://evil[.]net/a y";
    const r = refangWithOffsets(original);
    expect(r.text).toBe("x https://evil.net/a y");
    const s = r.text.indexOf("https");
    const e = s + "https://evil.net/a".length;
    expect(original.slice(r.originalOffset(s), r.originalOffset(e))).toBe("hxxps://evil[.]net/a");
  });
});

describe("warning lists", () => {
  it("flags private, reserved and documentation ranges (RFC 1918, 5737, 3849, loopback, link-local)", () => {
    expect(flagsFor("ipv4", "10.1.2.3")).toEqual(["private"]);
    expect(flagsFor("ipv4", "172.16.0.1")).toEqual(["private"]);
    expect(flagsFor("ipv4", "192.168.1.1")).toEqual(["private"]);
    expect(flagsFor("ipv4", "203.0.113.7")).toEqual(["documentation"]);
    expect(flagsFor("ipv4", "198.51.100.1")).toEqual(["documentation"]);
    expect(flagsFor("ipv6", "2001:db8::1")).toEqual(["documentation"]);
    expect(flagsFor("ipv4", "127.0.0.1")).toEqual(["reserved"]);
    expect(flagsFor("ipv4", "169.254.1.1")).toEqual(["reserved"]);
    expect(flagsFor("ipv6", "fe80::1")).toEqual(["reserved"]);
    expect(flagsFor("ipv6", "::1")).toEqual(["reserved"]);
    expect(flagsFor("ipv4", "185.220.101.4")).toEqual([]);
    expect(flagsFor("ipv4", "172.32.0.1")).toEqual([]);
    expect(warningsFor("ipv4", "203.0.113.7")[0].reason).toMatch(/RFC 5737/);
  });

  it("flags well-known domains and their subdomains as benign, in URLs too, but not a mailbox", () => {
    expect(flagsFor("domain", "microsoft.com")).toEqual(["benign"]);
    expect(flagsFor("domain", "windowsupdate.microsoft.com")).toEqual(["benign"]);
    expect(flagsFor("domain", "download.windowsupdate.com")).toEqual(["benign"]);
    expect(flagsFor("domain", "google.com")).toEqual(["benign"]);
    expect(flagsFor("url", "https://www.google.com/search?q=x")).toEqual(["benign"]);
    expect(flagsFor("url", "http://10.0.0.5/x")).toEqual(["private"]);
    expect(flagsFor("domain", "notmicrosoft.com")).toEqual([]);
    expect(flagsFor("domain", "microsoft.com.evil.net")).toEqual([]);
    expect(flagsFor("email", "attacker@gmail.com")).toEqual([]);
    expect(flagsFor("email", "ops@example.com")).toEqual(["documentation"]);
    expect(flagsFor("md5", "44d88612fea8a8f36de82e1278abb02f")).toEqual([]);
  });
});

describe("extractIndicators", () => {
  const text =
    "Ünïcödé 😀🇦🇱 text — C2 at hxxps://evil[.]net/gate.php?id=1. Also 203.0.113[.]7, 185.220.101.4 and bad[at]evil[.]net.\n" +
    "Hashes 44D88612FEA8A8F36DE82E1278ABB02F and 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f; CVE-2021-44228.\n" +
    "Updates from windowsupdate.microsoft.com; std::string; version 1.2.3.4.5; 2001:DB8::1; see (https://foo.evil.net/x). evil.net again, and evil.net.";
  const found = extractIndicators(text).suggestions;
  const by = (value: string) => found.find((s) => s.value === value)!;

  it("gives UTF-16 offsets of the stored text, after multi-byte characters, with the text as written", () => {
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.exact);
    expect(by("https://evil.net/gate.php?id=1").exact).toBe("hxxps://evil[.]net/gate.php?id=1");
    expect(by("203.0.113.7").exact).toBe("203.0.113[.]7");
    expect(by("bad@evil.net").exact).toBe("bad[at]evil[.]net");
    expect(by("2001:db8::1").exact).toBe("2001:DB8::1");
    expect(by("https://evil.net/gate.php?id=1").start).toBe(text.indexOf("hxxps"));
  });

  it("finds every type once, flags the warning-list ones, counts repeats", () => {
    expect(found.map((s) => s.type).sort()).toEqual(
      ["cve", "domain", "domain", "email", "ipv4", "ipv4", "ipv6", "md5", "sha256", "url", "url"].sort(),
    );
    expect(by("203.0.113.7").flags).toEqual(["documentation"]);
    expect(by("windowsupdate.microsoft.com").flags).toEqual(["benign"]);
    expect(by("185.220.101.4").flags).toEqual([]);
    expect(by("evil.net").occurrences).toBe(2);
    expect(by("44d88612fea8a8f36de82e1278abb02f").type).toBe("md5");
  });

  it("drops what the extractor over-matches: hosts inside URLs, version numbers, C++ scopes, trailing punctuation", () => {
    expect(found.find((s) => s.value === "foo.evil.net")).toBeUndefined();
    expect(found.find((s) => s.value.startsWith("1.2.3"))).toBeUndefined();
    expect(found.find((s) => s.type === "ipv6" && s.value !== "2001:db8::1")).toBeUndefined();
    expect(by("https://foo.evil.net/x").exact).toBe("https://foo.evil.net/x");
    expect(extractIndicators("12345678901234567890123456789012 is a number").suggestions).toEqual([]);
  });

  it("stays bounded on pathological text: one long dotted run, megabytes without a space", () => {
    const r = extractIndicators(`${"a.".repeat(100_000)} 8.8.8.8`);
    expect(r.suggestions.map((s) => s.value)).toContain("8.8.8.8");
    expect(extractIndicators("A".repeat(1_000_000)).suggestions).toEqual([]);
  });
});
