"use client";
// Add a competing hypothesis to a question. Likelihood and confidence are separate choices (ICD 203).
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { Button, Field, Input, Select, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { ANALYTIC_CONFIDENCE, LIKELIHOOD } from "@/lib/standards/scales";
import { confidenceMeaning, likelihoodRange } from "./judgment-labels";
import { useAddHypothesis } from "./use-add-hypothesis";
import type { EntityOption } from "./types";

const EMPTY = { title: "", actorEntityId: "", likelihood: "", confidence: "", proposition: "", rationale: "" };

export function AddHypothesisForm({ caseId, questionId, entities }: { caseId: string; questionId: string; entities: EntityOption[] }) {
  const [v, setV] = useState(EMPTY);
  const [titleError, setTitleError] = useState<string | null>(null);
  const save = useAddHypothesis({ caseId });
  const error = asApiError(save.error);
  const id = (k: string) => `${k}-${questionId}`;
  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setV((x) => ({ ...x, [k]: e.target.value }));
  const tErr = titleError ?? error?.issueFor("title");
  return (
    <form
      noValidate
      aria-label="Add a hypothesis"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!v.title.trim()) return setTitleError("Name the hypothesis.");
        setTitleError(null);
        save.mutate(
          {
            questionId,
            title: v.title,
            actorEntityId: v.actorEntityId || null,
            likelihood: v.likelihood || null,
            confidence: v.confidence || null,
            proposition: v.proposition,
            rationale: v.rationale,
          },
          { onSuccess: () => setV(EMPTY) },
        );
      }}
    >
      <ApiErrorMessage error={save.error} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("h-title")} label="Hypothesis" error={tErr}>
          <Input
            id={id("h-title")}
            value={v.title}
            maxLength={300}
            aria-invalid={!!tErr}
            onChange={set("title")}
            placeholder="e.g. Iran's MOIS-linked operators"
          />
        </Field>
        <Field id={id("h-actor")} label="Actor entity" error={error?.issueFor("actorEntityId")}>
          <Select id={id("h-actor")} value={v.actorEntityId} onChange={set("actorEntityId")}>
            <option value="">— none —</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("h-likelihood")} label="Likelihood (ICD 203)" error={error?.issueFor("likelihood")}>
          <Select id={id("h-likelihood")} value={v.likelihood} onChange={set("likelihood")}>
            <option value="">— not yet judged —</option>
            {LIKELIHOOD.map((l) => (
              <option key={l.key} value={l.key}>
                {l.label} ({likelihoodRange(l.key)})
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id={id("h-confidence")}
          label="Analytic confidence"
          error={error?.issueFor("confidence")}
          hint={confidenceMeaning(v.confidence) || undefined}
        >
          <Select id={id("h-confidence")} value={v.confidence} onChange={set("confidence")}>
            <option value="">— not yet judged —</option>
            {ANALYTIC_CONFIDENCE.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        id={id("h-proposition")}
        label="Proposition (what we would assess)"
        error={error?.issueFor("proposition")}
        hint="A clause the brief prints after “We assess that it is <likelihood> that …”, e.g. “Iran's MOIS directed both attacks”."
      >
        <Input id={id("h-proposition")} value={v.proposition} maxLength={1000} onChange={set("proposition")} />
      </Field>
      <Field id={id("h-rationale")} label="Rationale" error={error?.issueFor("rationale")}>
        <Textarea id={id("h-rationale")} rows={2} value={v.rationale} maxLength={8000} onChange={set("rationale")} />
      </Field>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Adding…" : "Add hypothesis"}
      </Button>
    </form>
  );
}
