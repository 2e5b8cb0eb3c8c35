"use client";
// Edits a claim against the version the user opened. When someone else saved first, their values are
// shown beside each field and the user's typing stays in the form until they choose.
import { useState } from "react";
import { asApiError, isConflict } from "@/lib/client/api";
import { INFORMATION_CREDIBILITY } from "@/lib/standards/scales";
import { Button, Field, Input, Select, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import {
  CLAIM_KIND_KEYS,
  CLAIM_STATUS_KEYS,
  KIND_LABELS,
  STATUS_LABELS,
  credibilityLabel,
  credibilityMeaning,
  type ClaimDetail,
  type EntityOption,
  type SourceOption,
} from "./claim-labels";
import { useUpdateClaim, type ClaimEditValues } from "./use-update-claim";

type Current = Omit<ClaimEditValues, "sourceConfidence" | "originatorSourceId"> & {
  sourceConfidence: string | null;
  originatorSourceId: string | null;
  version: number;
};

const valuesOf = (c: ClaimDetail): ClaimEditValues => ({
  statement: c.statement,
  claimant: c.claimant,
  kind: c.kind,
  credibility: c.credibility,
  sourceConfidence: c.sourceConfidence ?? "",
  status: c.status,
  entityIds: c.entities.map((e) => e.id),
  originatorSourceId: c.originator?.id ?? "",
});

export function ClaimEditForm({
  caseId,
  claim,
  entities,
  sources = [],
}: {
  caseId: string;
  claim: ClaimDetail;
  entities: EntityOption[];
  sources?: SourceOption[];
}) {
  // The form owns its copy and its version: a background refresh must not slip a newer version under
  // the user's edits, or their save would overwrite a change they never saw.
  const [values, setValues] = useState<ClaimEditValues>(() => valuesOf(claim));
  const [version, setVersion] = useState(claim.version);
  const [conflict, setConflict] = useState<Current | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useUpdateClaim({ caseId, claimId: claim.id });

  const submit = (v: number) => {
    setSaved(false);
    save.mutate(
      { values, version: v },
      {
        onSuccess: (c) => {
          setValues(valuesOf(c));
          setVersion(c.version);
          setConflict(null);
          setSaved(true);
        },
        onError: (err) => {
          if (isConflict(err)) setConflict(err.body.current as Current);
        },
      },
    );
  };
  const error = isConflict(save.error) ? null : asApiError(save.error);
  const set = <K extends keyof ClaimEditValues>(k: K, v: ClaimEditValues[K]) => {
    setSaved(false);
    setValues((old) => ({ ...old, [k]: v }));
  };
  const entityName = (id: string) => entities.find((e) => e.id === id)?.name ?? "unknown entity";
  const theirs = (k: keyof ClaimEditValues, shown: string) => {
    if (!conflict) return null;
    const mine = JSON.stringify(k === "entityIds" ? [...values.entityIds].sort() : values[k]);
    const other = JSON.stringify(
      k === "entityIds"
        ? [...conflict.entityIds].sort()
        : k === "sourceConfidence" || k === "originatorSourceId"
          ? (conflict[k] ?? "")
          : conflict[k],
    );
    return (
      <p
        className={`rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 ${mine !== other ? "font-semibold" : ""}`}
        data-testid={`conflict-${k}`}
      >
        Their version: {shown || "—"}
        {mine === other ? " (same as yours)" : ""}
      </p>
    );
  };

  return (
    <form
      aria-label="Edit claim"
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(version);
      }}
    >
      {conflict ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="claim-conflict"
        >
          <p className="font-semibold">Someone else saved this claim after you opened it.</p>
          <p>Your edits are still in the form; their version ({conflict.version}) is shown under each field.</p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              disabled={save.isPending}
              onClick={() => {
                setVersion(conflict.version);
                submit(conflict.version);
              }}
            >
              Keep mine and save
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setValues({
                  ...conflict,
                  sourceConfidence: conflict.sourceConfidence ?? "",
                  originatorSourceId: conflict.originatorSourceId ?? "",
                });
                setVersion(conflict.version);
                setConflict(null);
                save.reset();
              }}
            >
              Use theirs
            </Button>
          </div>
        </div>
      ) : (
        <ApiErrorMessage error={save.error} ignore={[409]} />
      )}
      {saved && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Saved (version {version}).
        </p>
      )}

      <Field
        id="claim-statement-input"
        label="Statement"
        error={error?.issueFor("statement")}
        hint="One sentence that can be true or false."
      >
        <Textarea
          id="claim-statement-input"
          rows={3}
          maxLength={4000}
          value={values.statement}
          onChange={(e) => set("statement", e.target.value)}
          aria-invalid={!!error?.issueFor("statement")}
          aria-describedby={error?.issueFor("statement") ? "claim-statement-input-error" : undefined}
        />
      </Field>
      {theirs("statement", conflict?.statement ?? "")}

      <Field id="claim-claimant" label="Claimant (who asserts it)" error={error?.issueFor("claimant")}>
        <Input
          id="claim-claimant"
          maxLength={300}
          value={values.claimant}
          onChange={(e) => set("claimant", e.target.value)}
          aria-invalid={!!error?.issueFor("claimant")}
        />
      </Field>
      {theirs("claimant", conflict?.claimant ?? "")}

      <Field
        id="claim-originator"
        label="Originator (who first made it)"
        error={error?.issueFor("originatorSourceId")}
        hint="The body that first made the claim (e.g. Microsoft), when the quoted documents only relay it (e.g. a UPI column). Independence counts originators: one vendor report relayed by two outlets is one origin."
      >
        <Select
          id="claim-originator"
          value={values.originatorSourceId}
          onChange={(e) => set("originatorSourceId", e.target.value)}
          aria-describedby="claim-originator-hint"
        >
          <option value="">Not named (each quote&rsquo;s source is its origin)</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.reliability})
            </option>
          ))}
        </Select>
      </Field>
      {theirs("originatorSourceId", conflict ? (sources.find((s) => s.id === conflict.originatorSourceId)?.name ?? "") : "")}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <Field id="claim-kind" label="Kind" error={error?.issueFor("kind")}>
            <Select id="claim-kind" value={values.kind} onChange={(e) => set("kind", e.target.value as ClaimEditValues["kind"])}>
              {CLAIM_KIND_KEYS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          {theirs("kind", conflict ? KIND_LABELS[conflict.kind] : "")}
        </div>
        <div className="space-y-1">
          <Field id="claim-status" label="Status" error={error?.issueFor("status")}>
            <Select id="claim-status" value={values.status} onChange={(e) => set("status", e.target.value as ClaimEditValues["status"])}>
              {CLAIM_STATUS_KEYS.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          {theirs("status", conflict ? STATUS_LABELS[conflict.status] : "")}
        </div>
      </div>

      <Field
        id="claim-credibility"
        label="Credibility"
        error={error?.issueFor("credibility")}
        hint={
          <>
            {credibilityMeaning(values.credibility)}
            {values.credibility === 1 && " Needs at least two claims of independent origin linked as corroborating."}
          </>
        }
      >
        <Select
          id="claim-credibility"
          value={values.credibility}
          onChange={(e) => set("credibility", Number(e.target.value))}
          aria-describedby={error?.issueFor("credibility") ? undefined : "claim-credibility-hint"}
        >
          {INFORMATION_CREDIBILITY.map((c) => (
            <option key={c.value} value={c.value}>
              {c.value} – {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {theirs("credibility", conflict ? credibilityLabel(conflict.credibility) : "")}

      <Field
        id="claim-source-confidence"
        label="Source's own confidence (optional)"
        error={error?.issueFor("sourceConfidence")}
        hint="Only the source's words, quoted, e.g. “moderate confidence” — not your judgement."
      >
        <Input
          id="claim-source-confidence"
          maxLength={200}
          value={values.sourceConfidence}
          onChange={(e) => set("sourceConfidence", e.target.value)}
        />
      </Field>
      {theirs("sourceConfidence", conflict?.sourceConfidence ?? "")}

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Entities mentioned</legend>
        {entities.length ? (
          <div className="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
            {entities.map((en) => (
              <label key={en.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={values.entityIds.includes(en.id)}
                  onChange={(e) =>
                    set("entityIds", e.target.checked ? [...values.entityIds, en.id] : values.entityIds.filter((id) => id !== en.id))
                  }
                />
                <span>
                  {en.name} <span className="text-xs text-slate-600">({en.kind})</span>
                </span>
              </label>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">No entities in this case yet. Add them on the Entities tab.</p>
        )}
        {error?.issueFor("entityIds") && (
          <p className="text-sm text-red-700" role="alert">
            {error.issueFor("entityIds")}
          </p>
        )}
      </fieldset>
      {theirs("entityIds", conflict ? conflict.entityIds.map(entityName).join(", ") : "")}

      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
