import { describe, expect, it } from "vitest";
import { entitiesNamedIn } from "@/lib/reader/entity-suggestions";

const e = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases });
const ENTITIES = [
  e("iran", "Iran"),
  e("hlj", "HomeLand Justice", ["Homeland Justice team"]),
  e("mois", "MOIS", ["Ministry of Intelligence and Security"]),
  e("x", "X"),
];

describe("entitiesNamedIn", () => {
  it("finds entities by name or alias, whole words only, ignoring case, in order of appearance", () => {
    const quote = "Mandiant assesses that HOMELAND JUSTICE acted for the ministry of intelligence and security of Iran.";
    expect(entitiesNamedIn(quote, ENTITIES).map((x) => x.id)).toEqual(["hlj", "mois", "iran"]);
  });

  it("does not match inside a longer word, nor one-letter names", () => {
    expect(entitiesNamedIn("Iranian operators used X-rays and MOISture.", ENTITIES)).toEqual([]);
  });

  it("matches names with regex characters and accents literally", () => {
    expect(entitiesNamedIn("Servers in Kuçovë (Albania) were wiped.", [e("k", "Kuçovë (Albania)")]).map((x) => x.id)).toEqual(["k"]);
  });
});
