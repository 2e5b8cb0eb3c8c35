"use client";
// Ask an attribution question: the hypotheses are competing answers to it.
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { Button, Field, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useAddQuestion } from "./use-add-question";

export function AddQuestionForm({ caseId }: { caseId: string }) {
  const [question, setQuestion] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useAddQuestion({ caseId });
  const error = asApiError(save.error);
  const fieldError = localError ?? error?.issueFor("question");
  return (
    <form
      noValidate
      aria-label="Add an attribution question"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!question.trim()) return setLocalError("Write the question the hypotheses answer.");
        setLocalError(null);
        save.mutate(question, { onSuccess: () => setQuestion("") });
      }}
    >
      <ApiErrorMessage error={save.error} />
      <Field
        id="new-question"
        label="Question"
        error={fieldError}
        hint="e.g. Who carried out the July and September 2022 attacks on the Albanian government?"
      >
        <Textarea
          id="new-question"
          rows={2}
          value={question}
          maxLength={1000}
          aria-invalid={!!fieldError}
          aria-describedby={fieldError ? "new-question-error" : "new-question-hint"}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Adding…" : "Add question"}
      </Button>
    </form>
  );
}
