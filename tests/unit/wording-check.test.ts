// Unit tests for the brief wording check (lib/briefs/wording-check.ts; STANDARDS.md §2–§3, ICD 203).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkWording,
  findQuotedSpans,
  normaliseWording,
  notEnglishReason,
  wordingFindingKey,
  type CompetingQuestion,
  type WordingFinding,
  type WordingText,
} from "@/lib/briefs/wording-check";
import type { LikelihoodKey } from "@/lib/standards/scales";

const RATIONALE = "hypothesis:h1:rationale";

function check(text: string, expected: LikelihoodKey[] | null = ["likely"], location = RATIONALE): WordingFinding[] {
  return checkWording({ texts: [{ location, label: "rationale of “Iran's MOIS-linked operators”", text, expected }] });
}

const brief = (findings: WordingFinding[]) => findings.map((f) => [f.kind, f.phrase, f.means]);

describe("estimative phrases against the judgment's likelihood", () => {
  it("says what the phrase means and what the judgment is graded, in plain English", () => {
    const [finding, ...rest] = check("We assess that MOIS-linked operators almost certainly ran the HomeLand Justice persona.");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      location: RATIONALE,
      label: "rationale of “Iran's MOIS-linked operators”",
      kind: "disagrees",
      phrase: "almost certainly",
      means: "almost_certain",
      blocking: true,
      occurrences: 1,
    });
    expect(finding.message).toBe("“almost certainly” means almost certain (95–99 %), but the judgment is graded likely (55–80 %).");
  });

  it("accepts the judgment's own term in any of its phrasings", () => {
    expect(
      check("We assess it is likely (55–80 %) that MOIS-linked operators ran the persona; the persona probably reused the 2021 tooling."),
    ).toEqual([]);
    expect(check("The wiper is probably a ZeroCleare variant.")).toEqual([]);
    expect(check("It is very likely that the leak site is run from Tehran.", ["very_likely"])).toEqual([]);
  });

  it("gives no finding for a quoted “almost certainly” inside a rationale: the source's words are not our claim", () => {
    const text =
      "Microsoft's report of 8 September 2022 calls the operators “almost certainly” Iranian state actors. " +
      "We assess it is likely that MOIS-linked operators ran the persona.";
    expect(check(text)).toEqual([]);
  });

  it("reads “almost certainly not” as almost no chance, which disagrees with an almost-certain judgment", () => {
    const findings = check("HomeLand Justice is almost certainly not an independent hacktivist group.", ["almost_certain"]);
    expect(brief(findings)).toEqual([["disagrees", "almost certainly not", "almost_no_chance"]]);
    expect(findings[0].message).toBe(
      "“almost certainly not” means almost no chance (1–5 %), but the judgment is graded almost certain (95–99 %).",
    );
  });

  it.each<[string, LikelihoodKey]>([
    ["The persona is not likely to be a lone actor.", "unlikely"],
    ["The persona isn’t likely to be a lone actor.", "unlikely"],
    ["The operators were probably not based in Albania.", "unlikely"],
    ["The operators were likely not based in Albania.", "unlikely"],
    ["The leak is almost certainly not a forgery.", "almost_no_chance"],
    ["The leak is nearly certainly not a forgery.", "almost_no_chance"],
    ["The operators were very likely not based in Albania.", "very_unlikely"],
    ["The persona is unlikely to stop after the 2022 leaks.", "unlikely"],
  ])("reads negation: %s → %s", (text, means) => {
    expect(brief(check(text, ["roughly_even"]))).toEqual([["disagrees", expect.any(String), means]]);
    expect(check(text, [means])).toEqual([]);
  });

  it("does not read “likely not only …” as a negation", () => {
    expect(check("The group is likely not only a front but also a recruiting channel.")).toEqual([]);
  });

  it.each(["not unlikely", "not improbable", "isn’t unlikely", "not very unlikely"])(
    "calls the double negative “%s” ambiguous",
    (phrase) => {
      const findings = check(`It is ${phrase} that the persona will leak more data from the Albanian state police.`);
      expect(brief(findings)).toEqual([["ambiguous", phrase, null]]);
      expect(findings[0].blocking).toBe(true);
      expect(findings[0].message).toContain("double negative");
      expect(findings[0].message).toContain("no meaning on the ICD 203 likelihood scale");
      // Even where any term would do (a colleague's dissent), a double negative has no meaning to check.
      expect(brief(check(`It is ${phrase} that the persona will leak more data.`, null))).toEqual([["ambiguous", phrase, null]]);
    },
  );

  it.each<[string, LikelihoodKey]>([
    ["highly likely", "very_likely"],
    ["very probably", "very_likely"],
    ["extremely likely", "very_likely"],
    ["Highly Likely", "very_likely"],
    ["highly unlikely", "very_unlikely"],
    ["extremely unlikely", "very_unlikely"],
  ])("reads the intensified “%s” as %s", (phrase, means) => {
    const findings = check(`The operators were ${phrase} working for MOIS.`, ["likely", "unlikely"]);
    expect(brief(findings)).toEqual([["disagrees", phrase, means]]);
  });

  it("never reads “highly likely” as likely", () => {
    const findings = check("Highly likely: the wiper shares code with ZeroCleare.", ["likely"]);
    expect(brief(findings)).toEqual([["disagrees", "Highly likely", "very_likely"]]);
    expect(check("It is highly likely that the wiper shares code with ZeroCleare.", ["very_likely"])).toEqual([]);
  });

  it("reads hyphenated intensifiers and terms whole", () => {
    expect(brief(check("The operators were highly-likely working for MOIS.", ["likely"]))).toEqual([
      ["disagrees", "highly-likely", "very_likely"],
    ]);
    expect(brief(check("The operators were very\u2011unlikely to be Albanian.", ["unlikely"]))).toEqual([
      ["disagrees", "very\u2011unlikely", "very_unlikely"],
    ]);
    expect(brief(check("The operators were almost-certainly Iranian.", ["likely"]))).toEqual([
      ["disagrees", "almost-certainly", "almost_certain"],
    ]);
  });

  it("never reads an intensified “likely” as likely, whatever surrounds it (property)", () => {
    const filler = fc.constantFrom("the operators", "MOIS-linked", "were", "in July 2022,", "and", "Albania’s", "it is", "that");
    fc.assert(
      fc.property(
        fc.array(filler, { maxLength: 4 }),
        fc.constantFrom("highly", "very", "extremely", "Highly", "VERY", "Extremely"),
        fc.constantFrom(" ", "  ", "\u00A0", "-", "\u00AD "),
        fc.constantFrom("likely", "probable", "probably", "Likely"),
        fc.array(filler, { maxLength: 4 }),
        (before, intensifier, gap, term, after) => {
          const text = `We assess that ${[...before, `${intensifier}${gap}${term}`, ...after].join(" ")}.`;
          const findings = check(text, ["likely"]);
          expect(findings.map((f) => [f.kind, f.means])).toEqual([["disagrees", "very_likely"]]);
          expect(check(text, ["very_likely"])).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("accepts any of the key judgments' terms in the BLUF and names them all when one disagrees", () => {
    const bluf =
      "MOIS-linked operators likely ran the persona, and they will very likely strike Albania again. A ceasefire is almost certain.";
    const findings = check(bluf, ["likely", "very_likely"], "case:bluf");
    expect(brief(findings)).toEqual([["disagrees", "almost certain", "almost_certain"]]);
    expect(findings[0].message).toBe(
      "“almost certain” means almost certain (95–99 %), but the judgments it summarises are graded likely (55–80 %) or very likely (80–95 %).",
    );
  });

  it("allows any estimative term when expected is null, and none when it is []", () => {
    const dissent = "In my view the persona is very unlikely to be MOIS; it is probably a criminal group.";
    expect(check(dissent, null)).toEqual([]);
    const findings = check(dissent, []);
    expect(brief(findings)).toEqual([
      ["disagrees", "very unlikely", "very_unlikely"],
      ["disagrees", "probably", "likely"],
    ]);
    expect(findings[0].message).toContain("should not state one");
  });
});

describe("unhedged certainty", () => {
  it.each([
    ["MOIS was undoubtedly involved in the July 2022 attacks.", "undoubtedly"],
    ["The wiper was certainly built from ZeroCleare.", "certainly"],
    ["The persona is definitely run from Tehran.", "definitely"],
    ["The persona is run from Tehran, without a doubt.", "without a doubt"],
    ["The persona is run from Tehran without any doubt.", "without any doubt"],
    ["The timestamps show beyond reasonable doubt that the operators work Tehran hours.", "beyond reasonable doubt"],
    ["The timestamps show beyond any doubt that the operators work Tehran hours.", "beyond any doubt"],
    ["The code overlap conclusively links the wiper to MOIS.", "conclusively"],
    ["The shared certificate proves that the two personas are one operation.", "proves that"],
    ["The shared certificate proved that the two personas are one operation.", "proved that"],
    ["It is certain that the operators reused the 2021 infrastructure.", "It is certain"],
    ["The timestamps clearly show that the operators work Tehran hours.", "clearly"],
    ["Clearly, the persona is a front for MOIS.", "Clearly"],
    ["There is no doubt that the persona is a front for MOIS.", "There is no doubt"],
    ["The persona is run from Tehran for sure.", "for sure"],
    ["We are 100 % certain that the persona is run from Tehran.", "100 % certain"],
  ])("flags %s", (text, phrase) => {
    const findings = check(text, ["likely"]);
    expect(brief(findings)).toEqual([["unhedged_certainty", phrase, null]]);
    expect(findings[0].blocking).toBe(true);
    expect(findings[0].message).toContain("ICD 203 has no term for certainty");
    expect(findings[0].message).toContain("“likely”");
    // Whatever the text may state: a dissent can be unhedged too.
    expect(brief(check(text, null))).toEqual([["unhedged_certainty", phrase, null]]);
  });

  it.each([
    "The wiper almost certainly shares code with ZeroCleare.",
    "The wiper nearly certainly shares code with ZeroCleare.",
    "We cannot conclusively attribute the wiper to MOIS.",
    "It has not been proven that the two personas are one operation.",
    "It is not certain that the operators work from Tehran.",
    "The ransom note was clearly visible on every screen.",
    "The leak site is clearly labelled as HomeLand Justice.",
    "Microsoft wrote that the overlap “proves that” MOIS ran it.",
  ])("does not flag %s", (text) => {
    expect(check(text, ["almost_certain"])).toEqual([]);
  });

  it("flags “Iran's MOIS was behind the attacks.” but not “Microsoft said Iran's MOIS was behind the attacks.”", () => {
    const findings = check("Iran's MOIS was behind the attacks.");
    expect(brief(findings)).toEqual([["unhedged_certainty", "Iran's MOIS was behind the attacks.", null]]);
    expect(findings[0].message).toContain("states an attribution as fact");
    expect(check("Microsoft said Iran's MOIS was behind the attacks.")).toEqual([]);
  });

  it.each([
    "HomeLand Justice carried out the July 2022 attacks on the Albanian government.",
    "MOIS-linked operators conducted the destructive attacks on Albanian government networks.",
    "Scarred Manticore perpetrated the intrusion into the Albanian state police.",
    "Iran's MOIS was responsible for the cyberattacks on Albania.",
    "The attacks were carried out by MOIS-linked operators.",
    "We assess that MOIS carried out the attacks.",
  ])("flags the bare attribution %s", (text) => {
    expect(brief(check(text))).toEqual([["unhedged_certainty", text, null]]);
  });

  it.each([
    "Microsoft said Iran's MOIS was behind the attacks.",
    "According to Mandiant, UNC2448 carried out the attacks.",
    "The Albanian government claimed that Iran conducted the cyberattack.",
    "CISA reported that MOIS-linked actors perpetrated the intrusion.",
    "Mandiant assessed that the operators carried out the attacks.",
    "Rama told reporters that Iran was responsible for the attacks.",
    "The FBI stated that the operators carried out the attacks.",
    "The hacktivists wrote that they were behind the attacks.",
    "Iran's MOIS was likely behind the attacks.",
    "Iran's MOIS was very probably behind the attacks.",
    "Iran's MOIS may have been behind the attacks.",
    "Was Iran's MOIS behind the attacks?",
    "We conducted an analysis of the attacks.",
    "The Albanian CERT conducted the incident response.",
    "Microsoft wrote: “Iran's MOIS was behind the attacks.”",
  ])("does not flag %s", (text) => {
    expect(check(text, null)).toEqual([]);
  });

  it("flags an attribution in its own sentence, not its reported neighbour", () => {
    const text = "Microsoft said the wiper was new. Iran's MOIS was behind the attacks. It is likely that more will follow.";
    expect(brief(check(text))).toEqual([["unhedged_certainty", "Iran's MOIS was behind the attacks.", null]]);
  });
});

describe("normalisation of invisible characters and Unicode spaces", () => {
  it.each([
    ["soft hyphen", "The persona is al\u00ADmost certainly run from Tehran."],
    ["zero-width space", "The persona is almost\u200B certainly run from Tehran."],
    ["zero-width joiner inside a word", "The persona is almo\u200Dst certainly run from Tehran."],
    ["word joiner", "The persona is almost \u2060certainly run from Tehran."],
    ["byte-order mark", "\uFEFFThe persona is almost certainly run from Tehran."],
    ["no-break space", "The persona is almost\u00A0certainly run from Tehran."],
    ["narrow no-break space", "The persona is almost\u202Fcertainly run from Tehran."],
    ["ideographic space", "The persona is almost\u3000certainly run from Tehran."],
  ])("catches “almost certainly” written with a %s", (_name, text) => {
    const findings = check(text, ["likely"]);
    expect(brief(findings)).toEqual([["disagrees", "almost certainly", "almost_certain"]]);
    // The offsets point into the text as written, so the editor can highlight it.
    const { start, end } = findings[0];
    expect(normaliseWording(text.slice(start!, end!)).text.replace(/\s+/g, " ")).toBe("almost certainly");
    expect(findings[0].key).toBe(check("The persona is almost certainly run from Tehran.", ["likely"])[0].key);
  });

  it("catches hidden certainty words and hidden intensifiers", () => {
    expect(brief(check("MOIS was un\u00ADdoubtedly involved."))).toEqual([["unhedged_certainty", "undoubtedly", null]]);
    expect(brief(check("It is high\u200Bly\u00A0likely."))).toEqual([["disagrees", "highly likely", "very_likely"]]);
  });

  it("maps offsets back through removed characters", () => {
    const { text, offsets } = normaliseWording("a\u00ADb\u200B\u00A0c😀d");
    expect(text).toBe("ab c😀d");
    expect(offsets).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
  });

  const INVISIBLE = ["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
  const SPACES = [" ", "\u00A0", "\u2002", "\u2003", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000"];
  const FIXTURES = [
    "We assess it is highly likely that MOIS-linked operators ran the persona.",
    "The operators were almost certainly not based in Albania; Microsoft called them “almost certainly” Iranian.",
    "It is not unlikely that the persona leaks more. MOIS was undoubtedly involved.",
    "Iran's MOIS was behind the attacks. Microsoft said so too.",
    "Albania’s government said it was ‘almost certainly’ Iran; we don’t know who ran it, but it is probably not HomeLand Justice.",
    "Operatorët e lidhur me MOIS kryen sulmet kibernetike ndaj qeverisë shqiptare në korrik 2022.",
  ];
  const project = (findings: WordingFinding[]) =>
    findings.map(({ key, kind, phrase, means, occurrences, message }) => ({ key, kind, phrase, means, occurrences, message }));

  it("gives the same findings whatever invisible characters are inserted and whichever spaces are used (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 12 }),
        fc.array(fc.constantFrom(...SPACES), { minLength: 40, maxLength: 40 }),
        fc.constantFrom<LikelihoodKey[] | null>(["likely"], ["very_likely"], null, []),
        (fixture, insertions, spaces, expected) => {
          let spaceIndex = 0;
          let text = fixture.replace(/ /g, () => spaces[spaceIndex++ % spaces.length]);
          for (const [at, char] of insertions) {
            const pos = at % (text.length + 1);
            text = text.slice(0, pos) + char + text.slice(pos);
          }
          const clean = check(fixture, expected);
          const dirty = check(text, expected);
          expect(project(dirty)).toEqual(project(clean));
          for (const f of dirty) {
            if (f.start === null || f.end === null) continue;
            expect(normaliseWording(text.slice(f.start, f.end)).text.replace(/\s+/g, " ").trim()).toBe(f.phrase);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("quotations", () => {
  it.each([
    ["curly double", "Microsoft called the operators “almost certainly” Iranian."],
    ["straight double", 'Microsoft called the operators "almost certainly" Iranian.'],
    ["guillemets", "Le Monde called the operators «almost certainly» Iranian."],
    ["German low-high", "Der Spiegel called the operators „almost certainly“ Iranian."],
    ["curly single", "Microsoft called the operators ‘almost certainly’ Iranian."],
    ["straight single", "Microsoft called the operators 'almost certainly' Iranian."],
  ])("skips %s quotes", (_name, text) => {
    expect(check(text, ["likely"])).toEqual([]);
  });

  it("does not take apostrophes for quotes", () => {
    const text =
      "Albania’s government doesn’t doubt it: MOIS’s operators were almost certainly behind the leak, and the hackers’ wiper is new.";
    expect(brief(check(text, ["likely"]))).toEqual([["disagrees", "almost certainly", "almost_certain"]]);
    const sentence = "Albania’s government doesn’t say ‘almost certainly’.";
    expect(findQuotedSpans(sentence)).toEqual([{ start: sentence.indexOf("‘"), end: sentence.indexOf("’.") + 1 }]);
  });

  it("keeps an unclosed quotation mark from hiding the rest of the text", () => {
    expect(brief(check("The vendor’s “summary is almost certainly wrong.", ["likely"]))).toEqual([
      ["disagrees", "almost certainly", "almost_certain"],
    ]);
  });

  it("does not let a quote run past a blank line", () => {
    expect(brief(check("He wrote “the end.\n\nThe wiper is almost certainly new.”", ["likely"]))).toEqual([
      ["disagrees", "almost certainly", "almost_certain"],
    ]);
  });

  const QUOTE_PAIRS: Array<[string, string]> = [
    ["“", "”"],
    ['"', '"'],
    ["«", "»"],
    ["„", "“"],
    ["‘", "’"],
  ];
  const QUOTED_WORDS = [
    "almost certainly",
    "almost certainly not",
    "highly likely",
    "not unlikely",
    "undoubtedly",
    "certainly",
    "without a doubt",
    "Iran's MOIS was behind the attacks.",
    "MOIS carried out the attacks.",
    "Albania’s",
    "don’t",
    "likely",
    "very unlikely",
    "probably not",
    "the",
    "wiper",
    "ZeroCleare",
    "Tehran",
    "2022",
    "it is certain",
    "clearly",
  ];

  it("never reports anything inside a quotation (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTE_PAIRS),
        fc.array(fc.constantFrom(...QUOTED_WORDS), { minLength: 1, maxLength: 10 }),
        fc.constantFrom<LikelihoodKey[] | null>(["likely"], ["very_likely"], null, []),
        ([open, close], quotedWords, expected) => {
          const prefix = "Microsoft's report put it this way:";
          const suffix = "We assess it is highly likely that the persona reused ZeroCleare. MOIS was undoubtedly involved.";
          const withQuote = `${prefix} ${open}${quotedWords.join(" ")}${close} ${suffix}`;
          const without = `${prefix} ${suffix}`;
          const project = (findings: WordingFinding[]) => findings.map(({ kind, phrase, means }) => ({ kind, phrase, means }));
          expect(project(check(withQuote, expected))).toEqual(project(check(without, expected)));
          const quoteStart = withQuote.indexOf(open, prefix.length);
          const quoteEnd = withQuote.length - suffix.length - 1;
          for (const f of check(withQuote, expected)) {
            if (f.start !== null) expect(f.start >= quoteEnd || f.end! <= quoteStart).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds every quotation of arbitrary quote-free text (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUOTE_PAIRS),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /^[A-Za-z0-9][A-Za-z0-9 ,.;:!?-]*[A-Za-z0-9.!?]$|^[A-Za-z0-9]$/.test(s)),
        ([open, close], inner) => {
          const text = `Before ${open}${inner}${close} after.`;
          expect(findQuotedSpans(text)).toEqual([{ start: 7, end: 7 + open.length + inner.length + close.length }]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("coherence of competing answers", () => {
  const question = (likelihoods: Array<LikelihoodKey | null>): CompetingQuestion => ({
    questionId: "q1",
    question: "Who ran the HomeLand Justice persona?",
    hypotheses: likelihoods.map((likelihood, i) => ({
      id: `h${i + 1}`,
      title: ["Iran's MOIS", "IRGC-linked contractors", "Albanian hacktivists"][i],
      likelihood,
    })),
  });

  it("flags likely + very likely on one question (55 % + 80 % > 100 %), naming the hypotheses and their terms", () => {
    const findings = checkWording({ texts: [], competing: [question(["likely", "very_likely"])] });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      kind: "incoherent",
      location: "question:q1",
      phrase: null,
      means: null,
      blocking: true,
      start: null,
      end: null,
    });
    expect(finding.message).toContain("“Iran's MOIS” is graded likely (at least 55 %)");
    expect(finding.message).toContain("“IRGC-linked contractors” very likely (at least 80 %)");
    expect(finding.message).toContain("together at least 135 %");
    expect(finding.label).toBe("competing answers to “Who ran the HomeLand Justice persona?”");
  });

  it.each<Array<LikelihoodKey | null>>([
    ["likely", "unlikely"],
    ["likely", "roughly_even"],
    ["very_likely", "very_unlikely", "almost_no_chance"],
    ["almost_certain", null, null],
    [null, null],
  ])("accepts the grades %s, %s, %s", (...likelihoods) => {
    expect(checkWording({ texts: [], competing: [question(likelihoods)] })).toEqual([]);
  });

  it("changes the key when a grade changes, so an acknowledgement does not outlive it", () => {
    const a = checkWording({ texts: [], competing: [question(["likely", "very_likely"])] })[0];
    const b = checkWording({ texts: [], competing: [question(["likely", "almost_certain"])] })[0];
    const c = checkWording({ texts: [], competing: [question(["likely", "very_likely", null])] })[0];
    expect(a.key).not.toBe(b.key);
    expect(a.key).toBe(c.key);
  });
});

describe("language", () => {
  it("does not check Albanian text, and says so without blocking", () => {
    const text =
      "Sipas Microsoft, operatorët e lidhur me MOIS kryen sulmet kibernetike ndaj qeverisë shqiptare në korrik 2022. Kjo është padyshim e vërtetë.";
    const findings = check(text, ["likely"], "claim:c1:text");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "not_checked", phrase: null, means: null, blocking: false, location: "claim:c1:text" });
    expect(findings[0].message).toContain("not checked");
  });

  it("does not check Persian text", () => {
    const findings = check("به احتمال زیاد، عوامل وابسته به وزارت اطلاعات ایران پشت این حملات بودند.");
    expect(brief(findings)).toEqual([["not_checked", null, null]]);
    expect(findings[0].message).toContain("Arabic script");
  });

  it("does not check French or German text", () => {
    expect(
      notEnglishReason("Les opérateurs liés au MOIS ont très probablement mené les attaques contre l'Albanie en juillet."),
    ).not.toBeNull();
    expect(
      notEnglishReason("Die Angriffe wurden wahrscheinlich vom iranischen MOIS durchgeführt, so die Analysten in ihrem Bericht."),
    ).not.toBeNull();
  });

  it.each([
    "Likely.",
    "MOIS undoubtedly did it.",
    "Iran's MOIS was behind the attacks.",
    "APT34 deployed BlackBeard wiper via CVE-2023-1234 on 45 hosts",
    "Homeland Justice leaked data from Albania’s Ministry of Interior (Ministria e Brendshme) and the State Police (Policia e Shtetit).",
    "We assess it is likely that MOIS-linked operators ran the HomeLand Justice persona in 2022.",
  ])("reads English as English: %s", (text) => {
    expect(notEnglishReason(text)).toBeNull();
  });

  it("never takes short English text for a foreign language (property)", () => {
    const vocabulary = [
      "MOIS",
      "Albania’s",
      "HomeLand",
      "Justice",
      "wiper",
      "leaked",
      "ZeroCleare",
      "Tehran",
      "operators",
      "persona",
      "ran",
      "it",
      "2022",
      "CVE-2022-30190",
      "likely",
      "undoubtedly",
      "Shqipëri",
      "Drejtësia",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 7 }), (sentence) => {
        expect(notEnglishReason(`${sentence.join(" ")}.`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("does not check any run of Albanian sentences of eight words or more (property)", () => {
    const albanian = [
      "Operatorët e lidhur me MOIS kryen sulmet kibernetike ndaj qeverisë shqiptare.",
      "Sipas Microsoft, sulmet filluan në korrik 2022.",
      "Kjo është padyshim vepër e shërbimeve iraniane.",
      "Të dhënat e policisë së shtetit u publikuan në Telegram nga grupi.",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...albanian), { minLength: 2, maxLength: 4 }), (sentences) => {
        const findings = check(sentences.join(" "), ["likely"]);
        expect(findings.map((f) => [f.kind, f.blocking])).toEqual([["not_checked", false]]);
      }),
      { numRuns: 100 },
    );
  });

  it("still checks short English text", () => {
    expect(brief(check("MOIS undoubtedly did it."))).toEqual([["unhedged_certainty", "undoubtedly", null]]);
  });

  it("judges the language without the quotations in the text", () => {
    const text =
      "The persona’s Telegram post read “Ne jemi Drejtësia e Atdheut dhe do të vazhdojmë sulmet tona” and it is almost certainly genuine.";
    expect(brief(check(text))).toEqual([["disagrees", "almost certainly", "almost_certain"]]);
  });
});

describe("keys and order", () => {
  const texts: WordingText[] = [
    {
      location: "case:bluf",
      label: "BLUF",
      text: "MOIS was undoubtedly involved. It is highly likely that more leaks follow.",
      expected: ["likely"],
    },
    {
      location: "hypothesis:h1:rationale",
      label: "rationale",
      text: "It is not unlikely. The operators almost certainly reused ZeroCleare.",
      expected: ["likely"],
    },
    {
      location: "claim:c1:text",
      label: "claim",
      text: "Operatorët e lidhur me MOIS kryen sulmet kibernetike ndaj qeverisë shqiptare në korrik 2022.",
      expected: null,
    },
  ];
  const competing: CompetingQuestion[] = [
    {
      questionId: "q1",
      question: "Who?",
      hypotheses: [
        { id: "a", title: "MOIS", likelihood: "very_likely" },
        { id: "b", title: "IRGC", likelihood: "likely" },
      ],
    },
  ];

  it("orders findings by input order, then by position, with the questions last", () => {
    const findings = checkWording({ texts, competing });
    expect(findings.map((f) => [f.location, f.kind, f.phrase])).toEqual([
      ["case:bluf", "unhedged_certainty", "undoubtedly"],
      ["case:bluf", "disagrees", "highly likely"],
      ["hypothesis:h1:rationale", "ambiguous", "not unlikely"],
      ["hypothesis:h1:rationale", "disagrees", "almost certainly"],
      ["claim:c1:text", "not_checked", null],
      ["question:q1", "incoherent", null],
    ]);
    expect(findings.map((f) => f.blocking)).toEqual([true, true, true, true, false, true]);
  });

  it("gives stable sha256 keys of location, kind and normalised phrase", () => {
    const findings = checkWording({ texts, competing });
    for (const f of findings) expect(f.key).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
    expect(findings[0].key).toBe(wordingFindingKey("case:bluf", "unhedged_certainty", "undoubtedly"));
    expect(checkWording({ texts, competing })).toEqual(findings);
    // The same finding elsewhere in the same text keeps its key; another location does not.
    const moved = checkWording({
      texts: [{ ...texts[0], text: "It is highly likely that more leaks follow. MOIS was UNDOUBTEDLY involved." }],
    });
    expect(moved.find((f) => f.kind === "unhedged_certainty")!.key).toBe(findings[0].key);
    const elsewhere = checkWording({ texts: [{ ...texts[0], location: "case:summary" }] });
    expect(elsewhere[0].key).not.toBe(findings[0].key);
  });

  it("reports a repeated phrase once per text, counting its occurrences, and highlights the first", () => {
    const text = "MOIS almost certainly ran it. The wiper is almost certainly ZeroCleare.";
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0].occurrences).toBe(2);
    expect(text.slice(findings[0].start!, findings[0].end!)).toBe("almost certainly");
    expect(findings[0].start).toBe(5);
  });

  it("is deterministic and keeps keys unique for any mix of the fixtures (property)", () => {
    const pool = [
      "MOIS was undoubtedly involved.",
      "It is highly likely that more leaks follow.",
      "Iran's MOIS was behind the attacks.",
      "Microsoft said Iran's MOIS was behind the attacks.",
      "It is not unlikely.",
      "The persona is probably not Albanian.",
      "Microsoft called it “almost certainly” Iranian.",
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }),
            fc.constantFrom<LikelihoodKey[] | null>(["likely"], null, []),
          ),
          { maxLength: 4 },
        ),
        (specs) => {
          const input = {
            texts: specs.map(([sentences, expected], i) => ({
              location: `t${i}`,
              label: `text ${i}`,
              text: sentences.join(" "),
              expected,
            })),
          };
          const first = checkWording(input);
          expect(checkWording(structuredClone(input))).toEqual(first);
          expect(new Set(first.map((f) => f.key)).size).toBe(first.length);
          const locations = first.map((f) => Number(f.location.slice(1)));
          expect([...locations].sort((a, b) => a - b)).toEqual(locations);
          for (let i = 1; i < first.length; i++) {
            if (first[i].location === first[i - 1].location) expect(first[i].start!).toBeGreaterThanOrEqual(first[i - 1].start!);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("confidence and likelihood in one sentence (ICD 203)", () => {
  it("flags “We assess with moderate confidence that it is likely …” and accepts the two in separate sentences", () => {
    const combined = check("We assess with moderate confidence that it is likely that MOIS ran the wiper.");
    expect(combined.map((f) => f.kind)).toContain("combined");
    expect(combined.find((f) => f.kind === "combined")!.message).toContain("ICD 203 asks for separate sentences");
    expect(
      check("We assess that it is likely that MOIS ran the wiper. We have moderate confidence in this judgment.").filter(
        (f) => f.kind === "combined",
      ),
    ).toEqual([]);
  });

  it("leaves a vendor's quoted “moderate confidence” alone, and needs a likelihood in the same sentence", () => {
    expect(
      check("Mandiant expressed “moderate confidence” that the attackers acted for Tehran; we think it likely.").filter(
        (f) => f.kind === "combined",
      ),
    ).toEqual([]);
    expect(check("Our confidence is low because one vendor reported it.").filter((f) => f.kind === "combined")).toEqual([]);
    expect(check("Our confidence is low, but it is likely that MOIS ran it.").map((f) => f.kind)).toContain("combined");
  });
});
