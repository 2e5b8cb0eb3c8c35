import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { AppError, InvalidError, TooLargeError, UnsupportedMediaError } from "@/lib/errors";

// An HTTP client for fetching analyst-supplied URLs without letting them reach our own network
// (SSRF): every hop's scheme and every resolved address is vetted, and the socket is pinned to the
// vetted address so a second DNS answer (rebinding) cannot redirect the connection.

export type SafeFetchOptions = {
  /** Hostnames (or IP literals) allowed even if they resolve to non-public addresses. Tests only. */
  allowHosts?: string[];
  maxRedirects?: number;
  /** Budget for the whole capture: DNS, connects, every redirect hop and the body. */
  timeoutMs?: number;
  maxBytes?: number;
};

export type SafeFetchResult = {
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
  /** Every URL that answered with a redirect, in order (the requested URL first, if it redirected). */
  redirects: string[];
};

export type UrlRefusedReason = "invalid-url" | "scheme" | "credentials" | "address" | "too-many-redirects";

/** The URL (or a hop it redirected to) may not be fetched. 422 so the form shows it beside the URL field. */
export class UrlRefusedError extends InvalidError {
  readonly reason: UrlRefusedReason;
  constructor(message: string, reason: UrlRefusedReason) {
    super(message, [{ path: "url", message }]);
    this.reason = reason;
  }
}

/** The remote site could not be reached or did not answer with a usable page. */
export class FetchFailedError extends AppError {
  constructor(message: string, upstreamStatus?: number) {
    super({ status: 502, code: "fetch_failed", message, details: upstreamStatus === undefined ? undefined : { upstreamStatus } });
  }
}

export class FetchTimeoutError extends AppError {
  constructor(message = "The site took too long to respond.") {
    super({ status: 504, code: "fetch_timeout", message });
  }
}

const USER_AGENT = "CasefileCapture/1.0 (OSINT case archive; fetches one page per analyst request)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * True only for globally routable unicast addresses. Anything unparseable or in any special-purpose
 * range is refused, so an address class we did not think of fails closed rather than open.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  // ::ffff:127.0.0.1 reaches 127.0.0.1; judge the embedded IPv4 address instead.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // ipaddr's "unicast" is its catch-all for "no special range matched" (it covers private, loopback,
  // link-local incl. 169.254.169.254, CGNAT, multicast, broadcast, reserved, unique-local incl.
  // fd00:ec2::254, NAT64, 6to4, Teredo...).
  if (parsed.range() !== "unicast") return false;
  // For IPv6 also require global unicast (2000::/3): this catches IPv4-compatible ::7f00:1 and
  // anything ipaddr's table does not name.
  if (parsed.kind() === "ipv6" && !parsed.match(ipaddr.parseCIDR("2000::/3"))) return false;
  return true;
}

/** The hostname as the WHATWG URL parser normalises it (0x7f.1 → 127.0.0.1, ::1 → [::1]); null if not a host. */
function normaliseHost(entry: string): string | null {
  const trimmed = entry.trim();
  if (!trimmed) return null;
  const bracketed = trimmed.includes(":") && !trimmed.startsWith("[") ? `[${trimmed}]` : trimmed;
  try {
    return new URL(`http://${bracketed}/`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Explicit option plus CAPTURE_ALLOW_HOSTS, read per call so end-to-end tests can set it at runtime. */
function allowedHosts(allowHosts: string[] | undefined): Set<string> {
  const fromEnv = (process.env.CAPTURE_ALLOW_HOSTS ?? "").split(",");
  const hosts = new Set<string>();
  for (const entry of [...(allowHosts ?? []), ...fromEnv]) {
    const host = normaliseHost(entry);
    if (host) hosts.add(host);
  }
  return hosts;
}

/** Refuses anything but http(s) without credentials; the caller sees why. */
function parseAndCheckUrl({ raw, base, hop }: { raw: string; base?: URL; hop: boolean }): URL {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    throw new UrlRefusedError(hop ? "The site redirected to an invalid URL." : "That is not a valid URL.", "invalid-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const message = hop
      ? `The site redirected to a ${url.protocol} URL; only http and https can be captured.`
      : "Only http:// and https:// URLs can be captured.";
    throw new UrlRefusedError(message, "scheme");
  }
  // Credentials in a URL would be sent to the site and stored in the document's provenance.
  if (url.username || url.password) throw new UrlRefusedError("URLs containing a username or password cannot be captured.", "credentials");
  return url;
}

function abortError(signal: AbortSignal): AppError {
  return signal.reason instanceof AppError ? signal.reason : new FetchTimeoutError();
}

function raceAbort<T>({ promise, signal }: { promise: Promise<T>; signal: AbortSignal }): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Resolves the host and returns the one address we will connect to. Fails closed: if ANY answer is
 * non-public the whole host is refused (an attacker controls which answer a client would pick), and
 * a lookup error refuses the fetch rather than falling back to the OS resolver at connect time.
 */
async function vetHost({ url, allowed, signal }: { url: URL; allowed: Set<string>; signal: AbortSignal }): Promise<LookupAddress> {
  const host = url.hostname.toLowerCase();
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  let addresses: LookupAddress[];
  try {
    addresses = await raceAbort({ promise: dnsLookup(bare, { all: true, order: "verbatim" }), signal });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new FetchFailedError(`Could not find the host ${bare}.`);
  }
  if (addresses.length === 0) throw new FetchFailedError(`Could not find the host ${bare}.`);
  if (!allowed.has(host)) {
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) {
      // Says only "refused": naming the address (or that it is private) would tell an analyst where
      // an internal name resolves (issue 12, outside test). The server log keeps the detail.
      console.warn(`capture refused: ${bare} resolves to ${blocked.address}`);
      throw new UrlRefusedError("Capturing this URL was refused.", "address");
    }
  }
  return addresses[0];
}

/** A lookup that always answers with the vetted address, so the socket cannot be steered elsewhere. */
function pinnedLookup(pinned: LookupAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

type Hop = { kind: "redirect"; location: string } | { kind: "final"; status: number; contentType: string | null; bytes: Buffer };

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.createGunzip();
  if (encoding === "deflate") return zlib.createInflate();
  if (encoding === "br") return zlib.createBrotliDecompress();
  return null;
}

function requestOnce({
  url,
  pinned,
  signal,
  maxBytes,
}: {
  url: URL;
  pinned: LookupAddress;
  signal: AbortSignal;
  maxBytes: number;
}): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(error);
    };
    const succeed = (hop: Hop) => {
      if (settled) return;
      settled = true;
      resolve(hop);
    };
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request({
      protocol: url.protocol,
      // Connect by hostname so Host and TLS SNI/certificate checks use it; lookup pins the address.
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: {
        "User-Agent": USER_AGENT,
        Accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate, br",
      },
      lookup: pinnedLookup(pinned),
      // No pooled sockets: a kept-alive connection must never carry a request for another vetted host.
      agent: false,
      signal,
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return fail(abortError(signal));
      if (error.code && /CERT|SSL|TLS/.test(error.code))
        return fail(new FetchFailedError(`The TLS certificate of ${url.hostname} could not be verified.`));
      fail(new FetchFailedError(`Could not connect to ${url.hostname}.`));
    });
    req.on("response", (res) => {
      // Registered first so a reset on any path (even after a redirect was taken) is never unhandled.
      res.on("aborted", () =>
        fail(signal.aborted ? abortError(signal) : new FetchFailedError("The site closed the connection before the page was complete.")),
      );
      res.on("error", () =>
        fail(signal.aborted ? abortError(signal) : new FetchFailedError("The connection failed while reading the page.")),
      );
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        res.resume();
        succeed({ kind: "redirect", location });
        req.destroy();
        return;
      }
      if (status < 200 || status > 299) {
        res.resume();
        fail(new FetchFailedError(`The site answered with HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}.`, status));
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        fail(new TooLargeError(`The page is larger than the ${formatBytes(maxBytes)} capture limit.`));
        return;
      }
      const encoding = (res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
      let body: Readable = res;
      if (encoding !== "identity" && encoding !== "") {
        const decoder = decoderFor(encoding);
        if (!decoder) {
          fail(new UnsupportedMediaError(`The site sent the page with an unsupported encoding (${encoding}).`));
          return;
        }
        body = res.pipe(decoder);
        decoder.on("error", () => fail(new FetchFailedError("The site sent a corrupt compressed page.")));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      // Counted after decompression too, so a small gzip bomb cannot expand past the limit.
      body.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
          // Settle first: destroying the stream emits its own close/abort events, which must not win.
          fail(new TooLargeError(`The page is larger than the ${formatBytes(maxBytes)} capture limit.`));
          body.destroy();
          return;
        }
        chunks.push(chunk);
      });
      body.on("end", () => {
        if (!res.complete) return fail(new FetchFailedError("The site closed the connection before the page was complete."));
        succeed({ kind: "final", status, contentType: res.headers["content-type"] ?? null, bytes: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

/**
 * Fetches an untrusted URL for capture. Throws UrlRefusedError (422) for forbidden schemes or
 * addresses at any hop, TooLargeError (413), FetchTimeoutError (504) or FetchFailedError (502).
 */
export async function safeFetch(
  url: string,
  { allowHosts, maxRedirects = 5, timeoutMs = 10_000, maxBytes = 5 * 1024 * 1024 }: SafeFetchOptions = {},
): Promise<SafeFetchResult> {
  const allowed = allowedHosts(allowHosts);
  const signal = AbortSignal.timeout(timeoutMs);
  const redirects: string[] = [];
  let current = parseAndCheckUrl({ raw: url, hop: false });
  for (;;) {
    const pinned = await vetHost({ url: current, allowed, signal });
    const hop = await requestOnce({ url: current, pinned, signal, maxBytes });
    if (hop.kind === "final") {
      return { finalUrl: current.toString(), status: hop.status, contentType: hop.contentType, bytes: hop.bytes, redirects };
    }
    redirects.push(current.toString());
    if (redirects.length > maxRedirects) {
      throw new UrlRefusedError(`The site redirected more than ${maxRedirects} times.`, "too-many-redirects");
    }
    // Every hop is re-checked from scratch: scheme here, address in vetHost on the next turn.
    current = parseAndCheckUrl({ raw: hop.location, base: current, hop: true });
  }
}
