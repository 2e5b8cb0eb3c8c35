"use client";
// Edit a judgment. Every change needs a reason (it goes into the history) and is sent with the version
// it was based on; when someone else saved first, their values are shown beside the fields and what this
// user typed stays in the form.
import { useState } from "react";
import { asApiError, formErrorMessage, isConflict } from "@/lib/client/api";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import { ANALYTIC_CONFIDENCE, LIKELIHOOD } from "@/lib/standards/scales";
import { DISPOSITION_LABELS, FIELD_LABELS, confidenceMeaning, fieldValueText, likelihoodRange } from "./judgment-labels";
import type { EntityOption } from "./types";
import { useUpdateHypothesis } from "./use-update-hypothesis";

const FIELDS = [
  "title",
  "description",
  "actorEntityId",
  "likelihood",
  "confidence",
  "proposition",
  "confidenceBasis",
  "rationale",
  "disposition",
  "rejectedReason",
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
export type JudgmentContent = { [K in FieldName]: string | null };
export type SaveResult = {
  hypothesis: { version: number; reviewState: string; contentHash: string } & JudgmentContent;
  approvalWithdrawn: boolean;
  reviewWithdrawn: boolean;
};
type Conflict = { message: string; current: JudgmentContent & { version: number } };

const NULLABLE = new Set<FieldName>(["actorEntityId", "likelihood", "confidence", "rejectedReason"]);
const toValues = (c: Partial<JudgmentContent>): Values => Object.fromEntries(FIELDS.map((k) => [k, c[k] ?? ""])) as Values;
const toWire = (k: FieldName, v: string) => (NULLABLE.has(k) && v.trim() === "" ? null : v);

export function HypothesisEditForm({
  hypothesisId,
  initial,
  version: initialVersion,
  entities,
  onSaved,
}: {
  hypothesisId: string;
  initial: JudgmentContent;
  version: number;
  entities: EntityOption[];
  onSaved: (r: SaveResult) => void;
}) {
  // `base` is what the edits are measured against: what was loaded, or the other person's version after a conflict.
  const [base, setBase] = useState<{ values: Values; version: number }>({ values: toValues(initial), version: initialVersion });
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<Partial<Record<FieldName | "reason" | "form", string>>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const changed = FIELDS.filter((k) => values[k].trim() !== base.values[k].trim());
  const save = useUpdateHypothesis({ hypothesisId });
  const submit = () =>
    save.mutate(
      { version: base.version, reason, changes: Object.fromEntries(changed.map((k) => [k, toWire(k, values[k])])) },
      {
        onSuccess: (r) => {
          const next = toValues(r.hypothesis);
          setBase({ values: next, version: r.hypothesis.version });
          setValues(next);
          setReason("");
          setConflict(null);
          onSaved(r);
        },
        onError: (err) => {
          if (isConflict(err)) setConflict({ message: err.message, current: (err.body as { current: Conflict["current"] }).current });
        },
      },
    );
  const error = isConflict(save.error) ? null : asApiError(save.error);
  const errorFor = (k: FieldName | "reason") => local[k] ?? error?.issueFor(k);
  const entityName = (id: string) => entities.find((e) => e.id === id)?.name;
  const set = (k: FieldName) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  // Client checks mirror the server's (which answers 422 anyway), so the message appears without a round trip.
  function validate() {
    const issues: typeof local = {};
    if (!reason.trim()) issues.reason = "Say why you are changing this judgment: the reason goes into its history.";
    if (!values.title.trim()) issues.title = "Name the hypothesis.";
    if (values.disposition === "rejected" && !values.rejectedReason.trim())
      issues.rejectedReason = "A rejected hypothesis stays visible with the reason it was rejected: give the reason.";
    if (!changed.length) issues.form = "Nothing has changed yet: edit a field before saving.";
    return issues;
  }

  /** The other person's value beside a field, when it differs from what this user has typed. */
  function theirs(k: FieldName) {
    if (!conflict) return null;
    const v = conflict.current[k] ?? "";
    if (v.trim() === values[k].trim()) return null;
    return (
      <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 ring-1 ring-amber-200" data-testid={`conflict-${k}`}>
        <span className="font-semibold">Their version:</span> {fieldValueText({ field: k, value: v, entityName })}
      </p>
    );
  }

  const field = (k: FieldName, control: React.ReactNode, hint?: string) => (
    <div>
      <Field id={`h-${k}`} label={FIELD_LABELS[k]} error={errorFor(k)} hint={hint}>
        {control}
      </Field>
      {theirs(k)}
    </div>
  );
  const aria = (k: FieldName) => ({
    id: `h-${k}`,
    "aria-invalid": !!errorFor(k),
    "aria-describedby": errorFor(k) ? `h-${k}-error` : undefined,
  });

  return (
    <form
      noValidate
      aria-label="Edit judgment"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const issues = validate();
        setLocal(issues);
        if (Object.keys(issues).length) return;
        submit();
      }}
    >
      {conflict ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="conflict-panel"
        >
          <p className="font-semibold">{conflict.message}</p>
          <p>Their version ({conflict.current.version}) is shown beside each field that differs from yours. Nothing of yours was saved.</p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              onClick={() => {
                setBase({ values: toValues(conflict.current), version: conflict.current.version });
                setConflict(null);
                save.reset();
              }}
            >
              Keep my edits (save over theirs next)
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                const v = toValues(conflict.current);
                setBase({ values: v, version: conflict.current.version });
                setValues(v);
                setConflict(null);
                save.reset();
              }}
            >
              Use their version
            </Button>
          </div>
        </div>
      ) : (
        <FormError message={local.form ?? formErrorMessage(save.error, { ignore: [409] })} />
      )}
      {field("title", <Input {...aria("title")} value={values.title} maxLength={300} onChange={set("title")} />)}
      {field(
        "description",
        <Textarea {...aria("description")} rows={2} value={values.description} maxLength={4000} onChange={set("description")} />,
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {field(
          "actorEntityId",
          <Select {...aria("actorEntityId")} value={values.actorEntityId} onChange={set("actorEntityId")}>
            <option value="">— none —</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>,
        )}
        {field(
          "likelihood",
          <Select {...aria("likelihood")} value={values.likelihood} onChange={set("likelihood")}>
            <option value="">— not yet judged —</option>
            {LIKELIHOOD.map((l) => (
              <option key={l.key} value={l.key}>
                {l.label} ({likelihoodRange(l.key)})
              </option>
            ))}
          </Select>,
          "ICD 203 estimative term and its probability range.",
        )}
        {field(
          "confidence",
          <Select {...aria("confidence")} value={values.confidence} onChange={set("confidence")}>
            <option value="">— not yet judged —</option>
            {ANALYTIC_CONFIDENCE.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label} — {c.meaning}
              </option>
            ))}
          </Select>,
          confidenceMeaning(values.confidence) || "How well the judgment is supported, separate from how likely it is.",
        )}
      </div>
      {field(
        "proposition",
        <Textarea {...aria("proposition")} rows={2} value={values.proposition} maxLength={1000} onChange={set("proposition")} />,
        "What you judge, as a clause: the brief prints “We assess that it is likely (55–80 %) that <this>.” E.g. “Iran's MOIS directed both attacks”.",
      )}
      {field(
        "confidenceBasis",
        <Textarea
          {...aria("confidenceBasis")}
          rows={2}
          value={values.confidenceBasis}
          maxLength={2000}
          onChange={set("confidenceBasis")}
        />,
        "Why your confidence is what it is, printed as a separate sentence: “We have moderate confidence in this judgment: <this>.”",
      )}
      {field(
        "rationale",
        <Textarea {...aria("rationale")} rows={5} value={values.rationale} maxLength={8000} onChange={set("rationale")} />,
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {field(
          "disposition",
          <Select {...aria("disposition")} value={values.disposition} onChange={set("disposition")}>
            {Object.entries(DISPOSITION_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>,
        )}
        {values.disposition === "rejected" && (
          <div className="sm:col-span-2">
            {field(
              "rejectedReason",
              <Input {...aria("rejectedReason")} value={values.rejectedReason} maxLength={2000} onChange={set("rejectedReason")} />,
              "Rejected hypotheses stay on the board with this reason.",
            )}
          </div>
        )}
      </div>
      <Field
        id="h-reason"
        label="Reason for the change (required)"
        error={errorFor("reason")}
        hint="Recorded in the history with your name. Editing an approved or submitted judgment withdraws its review."
      >
        <Textarea
          id="h-reason"
          rows={2}
          value={reason}
          maxLength={2000}
          aria-invalid={!!errorFor("reason")}
          aria-describedby={errorFor("reason") ? "h-reason-error" : "h-reason-hint"}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
