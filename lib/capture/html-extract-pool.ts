import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { InvalidError, type FieldIssue } from "@/lib/errors";
import type { RawHtmlExtract } from "./html-extract-core.mjs";

// Runs HTML extraction (jsdom + Readability, seconds of CPU on a hostile page) in one worker thread,
// one page at a time, so the server's event loop keeps answering other requests. A page that runs
// past its time limit gets its worker terminated (the only way to stop synchronous JavaScript) and a
// 422; the next page gets a fresh worker. An idle worker is stopped after IDLE_MS (10 min) to give
// back its memory; its heap is capped so a page cannot exhaust the server's.
//
// The worker is a plain .mjs file found on disk at run time, not through the bundler: `next build`
// does not need to know about it, and Vitest and tsx load the same file.

export const HTML_EXTRACT_TIMEOUT_MS = 15_000;
// Starting a worker loads jsdom (about 0.5 s on a quiet machine, 2.5 s on a busy one): keep it a while.
const IDLE_MS = 10 * 60_000;
const MAX_HEAP_MB = 512;

type Job = {
  id: number;
  html: string;
  baseUrl?: string;
  timeoutMs: number;
  field: string;
  resolve: (r: RawHtmlExtract) => void;
  reject: (e: unknown) => void;
};
type Reply = { ready: true } | { id: number; ok: true; result: RawHtmlExtract } | { id: number; ok: false; message: string };
// Loading jsdom in a fresh worker is not the page's fault: the page's time limit starts once the
// worker says it is ready, and a worker that never gets there is a server fault (500).
const STARTUP_MS = 60_000;

function workerFile(): string {
  // Resolved at run time from the project root (where the app always runs); the ignore comments keep
  // Turbopack from tracing the whole project or trying to bundle the worker.
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "capture", "html-extract-worker.mjs");
  if (!existsSync(file)) throw new Error(`HTML extraction worker not found at ${file} (start the app from the project root).`);
  return file;
}

const issue = (field: string, message: string): FieldIssue[] => [{ path: field, message }];

class ExtractPool {
  private worker: Worker | null = null;
  private queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout | null } | null = null;
  private ready = new WeakSet<Worker>();
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;

  run({ html, baseUrl, timeoutMs, field }: { html: string; baseUrl?: string; timeoutMs: number; field: string }): Promise<RawHtmlExtract> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, html, baseUrl, timeoutMs, field, resolve, reject });
      this.pump();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(/* turbopackIgnore: true */ /* webpackIgnore: true */ workerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
    });
    worker.on("message", (reply: Reply) => this.finish(worker, reply));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", () => this.fail(worker, new Error("The HTML extraction worker stopped.")));
    this.worker = worker;
    return worker;
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const job = this.queue.shift()!;
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      job.reject(error);
      this.pump();
      return;
    }
    worker.ref();
    this.running = { job, timer: null };
    if (this.ready.has(worker)) this.startClock(worker);
    else {
      this.running.timer = setTimeout(() => {
        this.stop(worker);
        this.settle((j) => j.reject(new Error(`The HTML extraction worker did not start within ${STARTUP_MS / 1000} s.`)));
      }, STARTUP_MS);
    }
    worker.postMessage({ id: job.id, html: job.html, baseUrl: job.baseUrl });
  }

  /** The running job's time limit, from now. */
  private startClock(worker: Worker) {
    const current = this.running;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    const { timeoutMs } = current.job;
    current.timer = setTimeout(() => {
      const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      const message = `Reading this HTML took too long (over ${seconds}), so it was refused. Save the page as text or PDF and upload that instead.`;
      this.stop(worker);
      this.settle((j) => j.reject(new InvalidError(message, issue(j.field, message))));
    }, timeoutMs);
  }

  private settle(done: (job: Job) => void) {
    const current = this.running;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    this.running = null;
    done(current.job);
    if (this.queue.length) this.pump();
    else if (this.worker) {
      this.worker.unref();
      const worker = this.worker;
      this.idleTimer = setTimeout(() => this.stop(worker), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private finish(worker: Worker, reply: Reply) {
    if (worker !== this.worker) return;
    if ("ready" in reply) {
      this.ready.add(worker);
      this.startClock(worker);
      return;
    }
    if (this.running?.job.id !== reply.id) return;
    this.settle((job) => (reply.ok ? job.resolve(reply.result) : job.reject(new Error(`HTML extraction failed: ${reply.message}`))));
  }

  private fail(worker: Worker, error: Error) {
    if (worker !== this.worker) return;
    this.worker = null;
    const outOfMemory = (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
    this.settle((job) => {
      if (!outOfMemory) return job.reject(error);
      const message = "This HTML needs too much memory to read, so it was refused. Save the page as text or PDF and upload that instead.";
      job.reject(new InvalidError(message, issue(job.field, message)));
    });
  }

  private stop(worker: Worker) {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}

// One pool per process (Next may load this module more than once in development).
const globalPool = globalThis as unknown as { __casefileHtmlPool?: ExtractPool };
const pool = (globalPool.__casefileHtmlPool ??= new ExtractPool());

/** Extracts a page's article in the worker; 422 (naming `field`) when it takes longer than `timeoutMs`. */
export function extractHtmlInWorker(args: { html: string; baseUrl?: string; timeoutMs?: number; field: string }): Promise<RawHtmlExtract> {
  return pool.run({ ...args, timeoutMs: args.timeoutMs ?? HTML_EXTRACT_TIMEOUT_MS });
}
