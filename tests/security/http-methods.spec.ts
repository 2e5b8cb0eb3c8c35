// Outside test (issue 12): TRACE answered 500 from the running app. Now 405, on pages and API routes
// alike, and the app keeps answering. (TRACK is refused by Node's HTTP parser with a 400.)
import { expect, test } from "@playwright/test";

for (const method of ["TRACE"]) {
  test(`${method} /login and ${method} /api/cases answer 405, not 500`, async ({ request }) => {
    for (const path of ["/login", "/api/cases"]) {
      const res = await request.fetch(path, { method, failOnStatusCode: false });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers().allow).toMatch(/GET/);
    }
    expect((await request.get("/login")).status()).toBe(200);
  });
}
