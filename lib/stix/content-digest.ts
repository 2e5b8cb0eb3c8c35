// The canonical content digest of a case archive (lib/stix/export-case-archive.ts): what a lossless round
// trip must keep, without what legitimately changes. export → import → export gives two archives with the
// same digest (tests/integration/stix-roundtrip*.test.ts).
//
// Included: the case (title, summary, TLP, status), every source, document (its text and original as
// SHA-256 of the bytes carried), entity with aliases, claim with its quotes (exact text and offsets, in
// order) and ATT&CK technique tags, claim link, indicator (with its quotes and links), attribution question
// and hypothesis (likelihood, confidence, rationale, proposition, confidence basis, disposition), and the
// casefile-record extension: events, ACH ratings, dissent, reviews and each judgment's history, with the
// recorded people (display name and e-mail) and the times they acted.
//
// Excluded, and why:
// - ids and keys: an import mints new ones. Every reference is replaced by a key derived from the content it
//   points at (a SHA-256 of that record's canonical form), so a link still says WHICH claim it joins.
// - the STIX envelope: bundle id, object ids, created/modified, the report's `published`, the producer
//   identity and the notes/groupings written for STIX consumers — all derived from the Casefile data
//   above or stamped at export time.
// - the title's " (imported YYYY-MM-DD)" mark (lib/cases/imported-title.ts): the import adds it on purpose.
// - the history entry an import writes itself (madeByImport, "Imported from STIX …"): the importing
//   workspace's own record of the import, not content of the case that was exported.
// - the order of rows where order means nothing (arrays are sorted); a claim's quotes keep their order.
// Not in the archive at all, so not in the digest: a claim's grade is derived; review STATE (an imported
// judgment is a draft: the exporter's approval is recorded history, not ours); non-dissent comments;
// retracted events; tasks, notifications, brief settings and releases.
import { createHash } from "node:crypto";
import { withoutImportMark } from "@/lib/cases/imported-title";
import {
  CASEFILE_RECORD_EXTENSION_ID,
  CASEFILE_RECORD_FORMAT,
  CasefileCaseSchema,
  CasefileClaimSchema,
  CasefileQuestionSchema,
  CasefileRecordSchema,
} from "./schemas";

type Obj = { type: string; id: string; [k: string]: unknown };
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** JSON with object keys sorted at every depth: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}
const keyOf = (kind: string, content: unknown) => `${kind}:${sha256(canonicalJson(content)).slice(0, 32)}`;
const sorted = <T>(rows: T[]) =>
  rows
    .map((row) => [canonicalJson(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
const sortedStrings = (rows: string[]) => [...rows].sort();

/** The id-free, canonical content of a case archive bundle; throws if the bundle is not a Casefile archive. */
export function caseArchiveContent(bundle: { objects: Obj[] }) {
  const report = bundle.objects.find((o) => o.type === "report" && o.x_casefile_case !== undefined);
  if (!report) throw new Error("Not a Casefile case archive: no report with x_casefile_case.");
  const data = CasefileCaseSchema.parse(report.x_casefile_case);
  const claims = bundle.objects
    .filter((o) => o.type === "note" && o.x_casefile_claim)
    .map((o) => CasefileClaimSchema.parse(o.x_casefile_claim));
  const questions = bundle.objects
    .filter((o) => o.type === "campaign" && o.x_casefile_question)
    .map((o) => CasefileQuestionSchema.parse(o.x_casefile_question));
  const extensions = (report.extensions ?? {}) as Record<string, unknown>;
  const record = CasefileRecordSchema.parse(extensions[CASEFILE_RECORD_EXTENSION_ID] ?? { format: CASEFILE_RECORD_FORMAT });

  const ref = new Map<string, string>();
  const map = (k: string | null) => (k === null ? null : (ref.get(k) ?? `missing:${k}`));
  const set = <T>(kind: string, key: string, content: T): T => {
    ref.set(key, keyOf(kind, content));
    return content;
  };

  const sources = data.sources.map(({ key, ...s }) => set("source", key, s));
  const documents = data.documents.map(({ key, text, originalBase64, sourceKey, ...d }) =>
    set("document", key, {
      ...d,
      text: sha256(text),
      original: originalBase64 === null ? null : createHash("sha256").update(Buffer.from(originalBase64, "base64")).digest("hex"),
      source: map(sourceKey),
    }),
  );
  const entities = data.entities.map(({ key, aliases, ...e }) => set("entity", key, { ...e, aliases: sortedStrings(aliases) }));
  const claimRows = claims.map(({ key, entityKeys, techniqueIds, excerpts, ...c }) =>
    set("claim", key, {
      ...c,
      entities: sortedStrings(entityKeys.map((k) => map(k)!)),
      techniques: sortedStrings(techniqueIds),
      excerpts: excerpts.map(({ documentKey, ...e }) => ({ ...e, document: map(documentKey) })),
    }),
  );
  const questionRows = questions.map(({ key, hypotheses, ...q }) => {
    const hs = hypotheses.map(({ key: hKey, actorKey, ...h }) =>
      set("hypothesis", hKey, { question: q.question, ...h, actor: map(actorKey) }),
    );
    return set("question", key, { ...q, hypotheses: sorted(hs) });
  });
  const links = data.claimLinks.map((l) => ({ from: map(l.fromKey), to: map(l.toKey), kind: l.kind, note: l.note }));
  const indicators = data.indicators.map(({ key: _k, flags, excerpts, claimKeys, entityKeys, ...i }) => ({
    ...i,
    flags: sortedStrings(flags),
    excerpts: sorted(excerpts.map(({ documentKey, ...e }) => ({ ...e, document: map(documentKey) }))),
    claims: sortedStrings(claimKeys.map((k) => map(k)!)),
    entities: sortedStrings(entityKeys.map((k) => map(k)!)),
  }));
  const events = record.events.map(({ key: _k, claimKeys, ...e }) => ({ ...e, claims: sortedStrings(claimKeys.map((k) => map(k)!)) }));
  const ratings = record.ratings.map(({ hypothesisKey, claimKey, ...r }) => ({
    ...r,
    hypothesis: map(hypothesisKey),
    claim: map(claimKey),
  }));
  const dissent = record.dissent.map(({ targetKey, ...d }) => ({ ...d, target: map(targetKey) }));
  const reviews = record.reviews.map(({ targetKey, ...r }) => ({ ...r, target: map(targetKey) }));
  const history = record.history
    .filter((h) => !h.madeByImport)
    .map(({ hypothesisKey, snapshot, madeByImport: _m, ...h }) => ({
      ...h,
      hypothesis: map(hypothesisKey),
      snapshot: { ...snapshot, actorEntityId: map(typeof snapshot.actorEntityId === "string" ? snapshot.actorEntityId : null) },
    }));

  return {
    case: { title: withoutImportMark(data.title), summary: data.summary, tlp: data.tlp, status: data.status },
    sources: sorted(sources),
    documents: sorted(documents),
    entities: sorted(entities),
    claims: sorted(claimRows),
    links: sorted(links),
    indicators: sorted(indicators),
    questions: sorted(questionRows),
    events: sorted(events),
    ratings: sorted(ratings),
    dissent: sorted(dissent),
    reviews: sorted(reviews),
    history: sorted(history),
  };
}

/** SHA-256 (hex) of the canonical JSON of caseArchiveContent: equal digests mean no content was lost or changed. */
export function caseArchiveDigest(bundle: { objects: Obj[] }): string {
  return sha256(canonicalJson(caseArchiveContent(bundle)));
}
