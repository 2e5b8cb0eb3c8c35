"use client";
// Types an indicator in by hand. The server canonicalises (and refangs) the value; a malformed one is a 422
// whose message is shown beside the field, and what was typed stays in the form.
import Link from "next/link";
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { INDICATOR_TYPES, type IndicatorType } from "@/lib/indicators/types";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { Button, Field, Input, Select } from "@/components/ui/form";
import { INDICATOR_TYPE_LABELS } from "./indicator-labels";
import { useCreateIndicator } from "./use-create-indicator";

export function AddIndicatorForm({ caseId }: { caseId: string }) {
  const [type, setType] = useState<IndicatorType>("domain");
  const [value, setValue] = useState("");
  const [saved, setSaved] = useState<{ id: string; defanged: string; created: boolean } | null>(null);
  const create = useCreateIndicator({ caseId });
  const error = asApiError(create.error);
  const valueError = error?.issueFor("value");
  const typeError = error?.issueFor("type");

  return (
    <form
      aria-labelledby="add-indicator-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        create.mutate(
          { type, value },
          {
            onSuccess: ({ indicator, created }) => {
              setSaved({ id: indicator.id, defanged: indicator.defanged, created });
              setValue("");
            },
          },
        );
      }}
    >
      <h3 id="add-indicator-heading" className="font-semibold">
        Type in an indicator
      </h3>
      <div className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:items-start">
        <Field id="new-indicator-type" label="Type" error={typeError}>
          <Select id="new-indicator-type" value={type} onChange={(e) => setType(e.target.value as IndicatorType)}>
            {INDICATOR_TYPES.map((t) => (
              <option key={t} value={t}>
                {INDICATOR_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-indicator-value" label="Value (defanged is fine)" error={valueError}>
          <Input
            id="new-indicator-value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            maxLength={4000}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. hxxps://evil[.]net/payload"
            className="font-mono"
            aria-invalid={valueError ? true : undefined}
            aria-describedby={valueError ? "new-indicator-value-error" : undefined}
          />
        </Field>
        <Button type="submit" disabled={create.isPending || !value.trim()} className="sm:mt-6">
          {create.isPending ? "Adding…" : "Add indicator"}
        </Button>
      </div>
      <ApiErrorMessage error={create.error} fields={["value", "type"]} />
      <p role="status" className="text-sm text-emerald-800" data-testid="indicator-added">
        {saved && (
          <>
            {saved.created ? "Added " : "Already recorded: "}
            <Link href={`/cases/${caseId}/indicators/${saved.id}`} className="font-mono underline">
              {saved.defanged}
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
