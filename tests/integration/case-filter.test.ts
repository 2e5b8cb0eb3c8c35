// The dashboard's case filter (issue 18): words in the title or summary, any case, and a status;
// only among the actor's own cases; a value that is not a status is ignored rather than an error.
import { describe, expect, it } from "vitest";
import { listCases } from "@/lib/cases/list-cases";
import { createCase } from "@/lib/cases/create-case";
import { makeUser } from "../support/factories";

describe("listCases filter", () => {
  it("keeps the actor's cases whose title or summary contains the words and whose status matches", async () => {
    const ana = await makeUser({ name: "Ana" });
    const bo = await makeUser({ name: "Bo" });
    const harbour = await createCase({ ctx: ana, input: { title: "Harbour smuggling", status: "active" } });
    const quiet = await createCase({
      ctx: ana,
      input: { title: "Tirana leaks", summary: "Documents from the HARBOUR office", status: "paused" },
    });
    const other = await createCase({ ctx: ana, input: { title: "Election hacks", status: "active" } });
    await createCase({ ctx: bo, input: { title: "Harbour (not Ana's)" } });
    const ids = async (filter: Record<string, string | undefined>) =>
      (await listCases({ actor: ana.actor, filter })).map((c) => c.id).sort();

    expect(await ids({})).toEqual([harbour.id, quiet.id, other.id].sort());
    expect(await ids({ q: "harbour" })).toEqual([harbour.id, quiet.id].sort());
    expect(await ids({ q: "  harbour ", status: "active" })).toEqual([harbour.id]);
    expect(await ids({ status: "paused" })).toEqual([quiet.id]);
    expect(await ids({ q: "nothing like this" })).toEqual([]);
    expect(await ids({ status: "bogus" })).toEqual([harbour.id, quiet.id, other.id].sort());
  });
});
