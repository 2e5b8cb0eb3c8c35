// The Admiralty source-reliability grades (A–F) alone, so a client form that lists them (the source picker)
// does not download every scale in ./scales.ts, which re-exports them.

export const SOURCE_RELIABILITY = [
  {
    code: "A",
    label: "Completely reliable",
    meaning: "No doubt of authenticity, trustworthiness or competency; a history of complete reliability.",
  },
  {
    code: "B",
    label: "Usually reliable",
    meaning: "Minor doubt about authenticity, trustworthiness or competency; valid information most of the time.",
  },
  {
    code: "C",
    label: "Fairly reliable",
    meaning: "Doubt about authenticity, trustworthiness or competency, but has provided valid information in the past.",
  },
  {
    code: "D",
    label: "Not usually reliable",
    meaning: "Significant doubt about authenticity, trustworthiness or competency, but has provided valid information in the past.",
  },
  { code: "E", label: "Unreliable", meaning: "Lacks authenticity, trustworthiness and competency; a history of invalid information." },
  { code: "F", label: "Cannot be judged", meaning: "No basis exists for evaluating the reliability of the source." },
] as const;

export type SourceReliability = (typeof SOURCE_RELIABILITY)[number]["code"];
