// The HTML extraction worker (a worker_threads Worker started by lib/capture/html-extract-pool.ts).
// Parsing a hostile page can take seconds of CPU; here it cannot stall the server's event loop, and
// the pool terminates this thread when it runs past its time limit.
import { parentPort } from "node:worker_threads";
import { extractHtml } from "./html-extract-core.mjs";

parentPort.on("message", ({ id, html, baseUrl }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: extractHtml(html, baseUrl) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});

// Module loading (jsdom) is done: from here on the pool times the page, not the start-up.
parentPort.postMessage({ ready: true });
