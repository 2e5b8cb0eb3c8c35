// JavaScript a browser downloads for a page: Chromium (playwright-core) with an empty cache, every
// response of resource type "script" summed twice — bytes on the wire (encoded body, i.e. compressed as
// served) and decoded bytes — plus the Resource Timing view (transferSize/encodedBodySize) as a cross-check.

type Script = { url: string; encoded: number; decoded: number; encoding: string };
export type JsTransfer = {
  url: string;
  scripts: number;
  encodedBytes: number;
  decodedBytes: number;
  resourceTimingEncodedBytes: number;
  contentEncodings: string[];
  files: Script[];
};

export async function measureJs({
  base,
  pages,
  cookie,
}: {
  base: string;
  pages: { name: string; path: string; signedIn: boolean }[];
  cookie: string;
}) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const out: Record<string, JsTransfer> = {};
  try {
    for (const p of pages) {
      const context = await browser.newContext({ baseURL: base });
      if (p.signedIn) {
        await context.addCookies(
          cookie.split("; ").map((c) => {
            const [name, ...v] = c.split("=");
            return { name, value: v.join("="), domain: "localhost", path: "/" };
          }),
        );
      }
      const page = await context.newPage();
      const pending: Promise<Script>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() !== "script") return;
        pending.push(
          (async () => {
            const sizes = await res.request().sizes();
            const body = await res.body().catch(() => Buffer.alloc(0));
            return {
              url: new URL(res.url()).pathname,
              encoded: sizes.responseBodySize,
              decoded: body.length,
              encoding: (await res.headerValue("content-encoding")) ?? "identity",
            };
          })(),
        );
      });
      await page.goto(p.path, { waitUntil: "networkidle" });
      const finalUrl = page.url();
      if (p.signedIn && finalUrl.includes("/login")) throw new Error(`bench: ${p.path} redirected to the login page`);
      const rt = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
          .reduce((a, e) => a + (e as PerformanceResourceTiming).encodedBodySize, 0),
      );
      const got = await Promise.all(pending);
      out[p.name] = {
        url: p.path,
        scripts: got.length,
        encodedBytes: got.reduce((a, g) => a + g.encoded, 0),
        decodedBytes: got.reduce((a, g) => a + g.decoded, 0),
        resourceTimingEncodedBytes: rt,
        contentEncodings: [...new Set(got.map((g) => g.encoding))],
        files: got.sort((a, b) => b.encoded - a.encoded),
      };
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
