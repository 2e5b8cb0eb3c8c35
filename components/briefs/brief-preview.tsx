// The brief as it will be released: a print-like page with the TLP marking at the top and the bottom,
// the title, release number, date and template, each included section, and the notes.
import type { BriefModel } from "@/lib/briefs/brief-types";
import { TlpBadge } from "@/components/ui/tlp-badge";
import { FootnoteList } from "./brief-footnotes";
import { DRAFT_MARK } from "@/lib/briefs/brief-types";
import { draftNotice } from "@/lib/briefs/brief-outline";
import {
  AchSection,
  AlternativesSection,
  BehaviourSection,
  ChangesSection,
  EvidenceSection,
  JudgmentsSection,
  Section,
  SourcesSection,
  TimelineSection,
} from "./brief-sections";
import { TEMPLATE_LABELS, dateOnly } from "./release-readiness";

function Marking({ tlp, position }: { tlp: string; position: "top" | "bottom" }) {
  return (
    <div className={`flex justify-center ${position === "top" ? "mb-6" : "mt-8"}`} data-testid={`brief-tlp-${position}`}>
      <TlpBadge tlp={tlp} className="px-3 py-1 text-sm" />
    </div>
  );
}

export function BriefPreview({ caseId, m }: { caseId: string; m: BriefModel }) {
  const has = (s: (typeof m.sections)[number]) => m.sections.includes(s);
  return (
    <article
      aria-label="Brief preview"
      className="rounded-sm bg-white px-6 py-8 font-serif text-[15px] leading-relaxed text-slate-900 shadow-md ring-1 ring-slate-300 sm:px-12"
      data-testid="brief-preview"
    >
      <Marking tlp={m.case.tlp} position="top" />
      {m.draft && (
        <p
          className="mb-4 border-2 border-red-700 p-2 text-center font-sans text-sm font-bold text-red-800"
          data-testid="brief-draft-mark"
          title={DRAFT_MARK}
        >
          {draftNotice(m)}
        </p>
      )}
      <header className="border-b-2 border-slate-800 pb-3">
        <h1 className="text-2xl font-bold leading-tight">{m.case.title}</h1>
        <p className="mt-1 font-sans text-sm text-slate-700" data-testid="brief-meta">
          Case brief, {m.draft ? "draft of " : ""}release {m.releaseNumber}
          {m.previousRelease && (
            <>
              {" "}
              (previous: release {m.previousRelease.number}, {dateOnly(m.previousRelease.at)})
            </>
          )}
          {" · "}
          {dateOnly(m.generatedAt)} · {TEMPLATE_LABELS[m.template].toLowerCase()}
        </p>
      </header>
      {has("bluf") && (
        <Section id="bluf">
          <p className={m.bluf ? "whitespace-pre-line" : "italic text-slate-600"}>{m.bluf || "No summary yet."}</p>
        </Section>
      )}
      {has("judgments") && <JudgmentsSection m={m} />}
      {has("ach") && m.ach.length > 0 && <AchSection m={m} />}
      {has("alternatives") && <AlternativesSection m={m} />}
      {has("evidence") && <EvidenceSection m={m} />}
      {has("behaviour") && <BehaviourSection m={m} />}
      {has("timeline") && <TimelineSection m={m} />}
      {has("changes") && <ChangesSection m={m} />}
      {has("sources") && <SourcesSection m={m} />}
      {m.notes.length > 0 && (
        <section aria-labelledby="brief-notes" className="mt-7" data-testid="brief-notes">
          <h2 id="brief-notes" className="mb-2 border-b border-slate-300 pb-1 text-lg font-semibold">
            Notes on this brief
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {m.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <FootnoteList caseId={caseId} footnotes={m.footnotes} />
      <Marking tlp={m.case.tlp} position="bottom" />
    </article>
  );
}
