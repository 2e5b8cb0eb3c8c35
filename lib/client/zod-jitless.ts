import { z } from "zod";

// zod 4 probes for eval support with `Function("")` on its first object parse. The CSP (proxy.ts)
// forbids eval, so in the browser the probe is blocked and logged as a violation; jitless mode skips
// the probe (and the code generation it would enable). The server has no CSP and keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });
