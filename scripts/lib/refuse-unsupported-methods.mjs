// Preloaded into the Next server by scripts/start.ts (node --import). Next turns every request into
// a fetch Request before proxy.ts runs, and the fetch standard forbids TRACE (and TRACK), so such a
// request was a 500 (issue 12, outside test) before any of our code could answer. Here TRACE is a 405
// with the methods we do serve, before Next sees it. (CONNECT never reaches a 'request' handler.)
import http from "node:http";

// TRACK never gets this far: Node's HTTP parser does not know it and answers 400 itself.
const REFUSED = new Set(["TRACE"]);
const ALLOW = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitRefusingUnsupportedMethods(event, req, res, ...rest) {
  if (event === "request" && REFUSED.has(String(req.method).toUpperCase())) {
    const body = JSON.stringify({ error: { code: "method_not_allowed", message: `${req.method} is not supported.` } });
    res.writeHead(405, {
      allow: ALLOW,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
    res.end(body);
    return true;
  }
  return emit.call(this, event, req, res, ...rest);
};
