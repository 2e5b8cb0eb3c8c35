"use client";
// Edits an indicator's status, first/last seen and note against the version the user opened. When someone
// else saved first (409), their values are shown and the user's typing stays in the form until they choose.
import { useState } from "react";
import { asApiError, isConflict } from "@/lib/client/api";
import { INDICATOR_STATUSES } from "@/lib/indicators/types";
import { Button, Field, Input, Select, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { STATUS_LABELS, type IndicatorDetail } from "./indicator-labels";
import { useUpdateIndicator, type IndicatorEditValues } from "./use-update-indicator";
import { IndicatorLinkPicker } from "./indicator-link-picker";

type Current = { note: string; firstSeen: string | null; lastSeen: string | null; status: "active" | "retired"; version: number };

const valuesOf = (c: IndicatorDetail): IndicatorEditValues => ({
  note: c.note,
  firstSeen: c.firstSeen ?? "",
  lastSeen: c.lastSeen ?? "",
  status: c.status as IndicatorEditValues["status"],
  claims: c.claims,
  entities: c.entities,
});
// Someone else's saved values (a 409's `current`): the fields, and the links as ids only — ours stay in the form.
const theirValues = (c: Current, mine: IndicatorEditValues): IndicatorEditValues => ({
  note: c.note,
  firstSeen: c.firstSeen ?? "",
  lastSeen: c.lastSeen ?? "",
  status: c.status,
  claims: mine.claims,
  entities: mine.entities,
});
const FIELDS = [
  ["status", "Status"],
  ["firstSeen", "First seen"],
  ["lastSeen", "Last seen"],
  ["note", "Note"],
] as const;
const show = (v: IndicatorEditValues, k: (typeof FIELDS)[number][0]) => (k === "status" ? STATUS_LABELS[v.status] : v[k] || "—");

export function IndicatorEditForm({
  caseId,
  indicator,
  onSaved,
}: {
  caseId: string;
  indicator: IndicatorDetail;
  onSaved: (i: IndicatorDetail) => void;
}) {
  // The form owns its copy and its version: a background refresh must not slip a newer version under
  // the user's edits, or their save would overwrite a change they never saw.
  const [values, setValues] = useState<IndicatorEditValues>(() => valuesOf(indicator));
  const [version, setVersion] = useState(indicator.version);
  const [conflict, setConflict] = useState<Current | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useUpdateIndicator({ caseId, indicatorId: indicator.id });
  const error = isConflict(save.error) ? null : asApiError(save.error);
  const set = <K extends keyof IndicatorEditValues>(k: K, v: IndicatorEditValues[K]) => {
    setSaved(false);
    setValues((old) => ({ ...old, [k]: v }));
  };
  const resolve = (next: IndicatorEditValues | null) => {
    if (!conflict) return;
    if (next) setValues(next);
    setVersion(conflict.version);
    setConflict(null);
    save.reset();
  };

  return (
    <form
      noValidate
      aria-labelledby="indicator-edit-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate(
          { values, version },
          {
            onSuccess: (i) => {
              setValues(valuesOf(i));
              setVersion(i.version);
              setSaved(true);
              onSaved(i);
            },
            onError: (err) => {
              if (isConflict(err)) setConflict(err.body.current as Current);
            },
          },
        );
      }}
    >
      <h3 id="indicator-edit-heading" className="font-semibold">
        Status, sightings, note and links
      </h3>
      {conflict && (
        <ConflictNotice
          testId="indicator-conflict"
          title="This indicator was changed by someone else after you opened it. Reload to see it, or choose below."
          version={conflict.version}
          rows={FIELDS.map(([k, label]) => ({ key: k, label, theirs: show(theirValues(conflict, values), k), mine: show(values, k) }))}
          onKeepMine={() => resolve(null)}
          onUseTheirs={() => resolve(theirValues(conflict, values))}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="indicator-status" label="Status" error={error?.issueFor("status")}>
          <Select
            id="indicator-status"
            value={values.status}
            onChange={(e) => set("status", e.target.value as IndicatorEditValues["status"])}
          >
            {INDICATOR_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="indicator-first-seen" label="First seen" error={error?.issueFor("firstSeen")}>
          <Input id="indicator-first-seen" type="date" value={values.firstSeen} onChange={(e) => set("firstSeen", e.target.value)} />
        </Field>
        <Field id="indicator-last-seen" label="Last seen" error={error?.issueFor("lastSeen")}>
          <Input id="indicator-last-seen" type="date" value={values.lastSeen} onChange={(e) => set("lastSeen", e.target.value)} />
        </Field>
      </div>
      <Field id="indicator-note" label="Note" error={error?.issueFor("note")}>
        <Textarea id="indicator-note" rows={3} maxLength={4000} value={values.note} onChange={(e) => set("note", e.target.value)} />
      </Field>
      <IndicatorLinkPicker
        caseId={caseId}
        claims={values.claims}
        entities={values.entities}
        onClaims={(claims) => set("claims", claims)}
        onEntities={(entities) => set("entities", entities)}
      />
      <ApiErrorMessage error={error} fields={["status", "firstSeen", "lastSeen", "note"]} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        <span role="status" className="text-sm text-emerald-800">
          {saved ? "Saved." : ""}
        </span>
      </div>
    </form>
  );
}
