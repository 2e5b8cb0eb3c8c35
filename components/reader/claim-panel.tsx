"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { INFORMATION_CREDIBILITY } from "@/lib/standards/scales";
import { CLAIM_KINDS } from "@/lib/claims/schemas";
import { guessClaimKind, sourceConfidenceIn } from "@/lib/reader/claim-guess";
import { entitiesNamedIn, type TaggableEntity } from "@/lib/reader/entity-suggestions";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import type { PendingExcerpt } from "./selection";
import type { NewClaimInput } from "./use-create-claim";

export const KIND_HINTS: Record<(typeof CLAIM_KINDS)[number], string> = {
  fact: "Fact: an observable event the source reports first-hand.",
  allegation: "Allegation: someone asserts it; the proof is not shown.",
  assessment: "Assessment: an analytic judgment by the source.",
  denial: "Denial: someone rejects an allegation.",
};

type Values = {
  statement: string;
  claimant: string;
  kind: string;
  credibility: string;
  sourceConfidence: string;
  originatorSourceId: string;
};

function EntityCheckbox({
  entity,
  checked,
  onChange,
  note,
}: {
  entity: TaggableEntity;
  checked: boolean;
  onChange: () => void;
  note?: string;
}) {
  return (
    <label className="flex cursor-pointer items-baseline gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50">
      <input type="checkbox" checked={checked} onChange={onChange} />
      <span>
        {entity.name}
        {note && <span className="ml-1 text-xs text-slate-600">{note}</span>}
      </span>
    </label>
  );
}

/**
 * Tags the claim with entities of the case; those the quote names (by name or alias) are suggested first.
 * `entities` is undefined while they load.
 */
function EntityTags({
  quote,
  entities,
  selected,
  toggle,
  error,
}: {
  quote: string;
  entities: TaggableEntity[] | undefined;
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  error?: string;
}) {
  const suggested = useMemo(() => entitiesNamedIn(quote, entities ?? []), [quote, entities]);
  const others = (entities ?? []).filter((e) => !suggested.includes(e));
  return (
    <fieldset className="space-y-1" aria-describedby={error ? "claim-entities-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Entities</legend>
      {!entities ? (
        <p className="text-xs text-slate-600">Loading the case&rsquo;s entities…</p>
      ) : !entities.length ? (
        <p className="text-xs text-slate-600">This case has no entities yet.</p>
      ) : (
        <>
          {suggested.length > 0 ? (
            <div role="group" aria-label="Suggested: named in the quote">
              <p className="text-xs text-slate-600">Named in the quote:</p>
              {suggested.map((e) => (
                <EntityCheckbox key={e.id} entity={e} checked={selected.has(e.id)} onChange={() => toggle(e.id)} note="(in the quote)" />
              ))}
            </div>
          ) : (
            <p className="text-xs text-slate-600">No entity of the case is named in the quote.</p>
          )}
          {others.length > 0 && (
            <details>
              <summary className="cursor-pointer text-xs text-slate-700">Other entities of the case ({others.length})</summary>
              {others.map((e) => (
                <EntityCheckbox key={e.id} entity={e} checked={selected.has(e.id)} onChange={() => toggle(e.id)} />
              ))}
            </details>
          )}
        </>
      )}
      {error && (
        <p className="text-sm text-red-700" id="claim-entities-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The side panel for a new claim: the quote is already attached, the rest is prefilled from the
 * source and the quote's own words. Field errors from the server appear beside their field and the
 * input stays. Esc closes it at once when nothing was typed, and asks first when something was.
 */
export function ClaimPanel({
  excerpt,
  claimant,
  sources = [],
  entities,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  excerpt: PendingExcerpt;
  claimant: string;
  sources?: { id: string; name: string; reliability: string }[];
  /** The case's entities to tag (undefined while loading). */
  entities?: TaggableEntity[];
  pending: boolean;
  error: unknown;
  onSubmit: (input: Omit<NewClaimInput, "excerpts">) => void;
  onClose: () => void;
}) {
  const [initial] = useState<Values>(() => ({
    statement: "",
    claimant,
    kind: guessClaimKind(excerpt.exact),
    credibility: "",
    sourceConfidence: sourceConfidenceIn(excerpt.exact),
    originatorSourceId: "",
  }));
  const [values, setValues] = useState<Values>(initial);
  const [entityIds, setEntityIds] = useState<ReadonlySet<string>>(new Set());
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const statementRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => statementRef.current?.focus(), []);
  const dirty = entityIds.size > 0 || (Object.keys(initial) as (keyof Values)[]).some((k) => values[k].trim() !== initial[k].trim());
  const toggleEntity = (id: string) =>
    setEntityIds((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const keepEditing = () => {
    setConfirmDiscard(false);
    statementRef.current?.focus();
  };
  const err = error instanceof ApiError ? error : null;
  const issue = (path: string) => err?.issueFor(path);
  const quoteIssue = err?.issues.find((i) => i.path.startsWith("excerpts"))?.message;
  const known = ["statement", "claimant", "kind", "credibility", "sourceConfidence", "originatorSourceId", "entityIds"];
  const general =
    err && !err.issues.some((i) => known.includes(i.path) || i.path.startsWith("excerpts"))
      ? err.message
      : error instanceof Error && !err
        ? error.message
        : null;
  const set = (k: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="claim-panel-title"
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-2xl"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        if (confirmDiscard) keepEditing();
        else if (dirty) setConfirmDiscard(true);
        else onClose();
      }}
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id="claim-panel-title" className="text-base font-semibold">
          New claim from selection
        </h2>
        <Button type="button" variant="secondary" onClick={onClose} aria-label="Close the claim panel">
          Close
        </Button>
      </div>
      {confirmDiscard && (
        <div
          role="alertdialog"
          aria-labelledby="claim-discard-title"
          aria-describedby="claim-discard-text"
          className="space-y-2 border-b border-amber-300 bg-amber-50 px-5 py-3"
        >
          <p id="claim-discard-title" className="text-sm font-semibold text-slate-900">
            Discard this claim?
          </p>
          <p id="claim-discard-text" className="text-sm text-slate-800">
            What you typed in this panel will be lost.
          </p>
          <div className="flex gap-3">
            {/* Focus goes to the safe choice: Enter or a second Esc keeps what was typed. */}
            <Button autoFocus type="button" variant="secondary" onClick={keepEditing}>
              Keep editing
            </Button>
            <Button type="button" variant="danger" onClick={onClose}>
              Discard
            </Button>
          </div>
        </div>
      )}
      <form
        className="flex-1 space-y-4 overflow-y-auto px-5 py-4"
        noValidate
        aria-labelledby="claim-panel-title"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({
            statement: values.statement,
            // Left empty, the server names the originator, else the document's source.
            claimant: values.claimant.trim() || undefined,
            originatorSourceId: values.originatorSourceId || undefined,
            kind: values.kind,
            credibility: values.credibility ? Number(values.credibility) : undefined,
            sourceConfidence: values.sourceConfidence,
            entityIds: [...entityIds],
          });
        }}
      >
        <FormError message={general} />
        <figure className="space-y-1">
          <figcaption className="text-sm font-medium text-slate-800">
            Quote (offsets {excerpt.start}–{excerpt.end})
          </figcaption>
          <blockquote
            data-testid="claim-quote"
            className="max-h-40 overflow-y-auto whitespace-pre-wrap rounded-md border-l-4 border-sky-600 bg-sky-50 px-3 py-2 font-serif text-sm text-slate-900"
          >
            {excerpt.exact}
          </blockquote>
          {quoteIssue && (
            <p className="text-sm text-red-700" role="alert">
              {quoteIssue}
            </p>
          )}
        </figure>
        <Field
          id="claim-statement"
          label="Statement"
          error={issue("statement")}
          hint="The claim in your own words, as one checkable sentence."
        >
          <Textarea
            ref={statementRef}
            id="claim-statement"
            rows={3}
            value={values.statement}
            onChange={set("statement")}
            aria-invalid={!!issue("statement")}
            maxLength={4000}
          />
        </Field>
        <Field id="claim-claimant" label="Claimant" error={issue("claimant")} hint="Who asserts it (guessed from the document's source).">
          <Input
            id="claim-claimant"
            value={values.claimant}
            onChange={set("claimant")}
            aria-invalid={!!issue("claimant")}
            maxLength={300}
          />
        </Field>
        <Field
          id="claim-originator"
          label="Originator (who first made it, optional)"
          error={issue("originatorSourceId")}
          hint="When this document only relays someone else's claim (a column citing Microsoft), name who first made it: independence counts originators."
        >
          <Select
            id="claim-originator"
            value={values.originatorSourceId}
            onChange={(e) => {
              const id = e.target.value;
              const name = sources.find((s) => s.id === id)?.name;
              // The claimant follows the originator unless the analyst already changed it.
              setValues((v) => ({
                ...v,
                originatorSourceId: id,
                claimant: name && (v.claimant === claimant || !v.claimant) ? name : v.claimant,
              }));
            }}
          >
            <option value="">Not named (this document&rsquo;s source is the origin)</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.reliability})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="claim-kind" label="Kind" error={issue("kind")} hint={KIND_HINTS[values.kind as keyof typeof KIND_HINTS]}>
          <Select id="claim-kind" value={values.kind} onChange={set("kind")} aria-invalid={!!issue("kind")}>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {k[0].toUpperCase() + k.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="space-y-1" aria-describedby={issue("credibility") ? "claim-credibility-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Credibility of the information</legend>
          <div className="space-y-1">
            {INFORMATION_CREDIBILITY.map((c) => (
              <label
                key={c.value}
                className="flex cursor-pointer gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50 has-[:checked]:bg-indigo-50"
              >
                <input
                  type="radio"
                  name="credibility"
                  value={c.value}
                  checked={values.credibility === String(c.value)}
                  onChange={set("credibility")}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">
                    {c.value} – {c.label}
                  </span>
                  <span className="block text-xs text-slate-600">{c.meaning}</span>
                </span>
              </label>
            ))}
          </div>
          {issue("credibility") && (
            <p className="text-sm text-red-700" id="claim-credibility-error" role="alert">
              {issue("credibility")}
            </p>
          )}
        </fieldset>
        <Field
          id="claim-source-confidence"
          label="Source's own confidence words"
          error={issue("sourceConfidence")}
          hint="Quoted as the source wrote them (e.g. “moderate confidence”); not your confidence."
        >
          <Input
            id="claim-source-confidence"
            value={values.sourceConfidence}
            onChange={set("sourceConfidence")}
            aria-invalid={!!issue("sourceConfidence")}
            maxLength={200}
          />
        </Field>
        <EntityTags
          quote={excerpt.exact}
          entities={entities}
          selected={entityIds}
          toggle={toggleEntity}
          error={err?.issues.find((i) => i.path.startsWith("entityIds"))?.message}
        />
        <div className="flex gap-3 pt-1">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save claim"}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </aside>
  );
}
