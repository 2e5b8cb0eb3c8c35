"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import { useCreateTask, type TaskValues } from "./use-tasks";

export type TaskLinkOptions = { claims: { id: string; label: string }[]; hypotheses: { id: string; label: string }[] };
export type Member = { id: string; name: string };

const EMPTY: TaskValues = { title: "", description: "", assigneeId: "", dueDate: "", linkType: "", linkId: "" };

/** Add a task. A refused save shows each field's problem under it and keeps everything typed. */
export function TaskForm({
  caseId,
  members,
  links,
  onDone,
}: {
  caseId: string;
  members: Member[];
  links: TaskLinkOptions;
  onDone: () => void;
}) {
  const [values, setValues] = useState(EMPTY);
  const create = useCreateTask({ caseId });
  const error = create.error instanceof ApiError ? create.error : null;
  const issue = (k: string) => error?.issueFor(k);
  const set = (k: keyof TaskValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const link = values.linkType === "brief" ? "brief" : values.linkType ? `${values.linkType}:${values.linkId}` : "";

  return (
    <form
      noValidate
      aria-label="Add a task"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(values, { onSuccess: () => onDone() });
      }}
    >
      <FormError
        message={error && !error.issues.length ? error.message : error ? "The task was not saved: check the fields marked below." : null}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id="task-title" label="Title" error={issue("title")}>
          <Input
            id="task-title"
            value={values.title}
            onChange={set("title")}
            maxLength={300}
            aria-invalid={!!issue("title")}
            aria-describedby={issue("title") ? "task-title-error" : undefined}
            placeholder="e.g. Find a second source for the Microsoft attribution"
          />
        </Field>
        <Field id="task-due" label="Due date" hint="YYYY-MM-DD, optional" error={issue("dueDate")}>
          <Input
            id="task-due"
            value={values.dueDate}
            onChange={set("dueDate")}
            inputMode="numeric"
            autoComplete="off"
            placeholder="2026-12-31"
            aria-invalid={!!issue("dueDate")}
            aria-describedby={issue("dueDate") ? "task-due-error" : "task-due-hint"}
          />
        </Field>
      </div>
      <Field id="task-description" label="Description (optional)" error={issue("description")}>
        <Textarea id="task-description" rows={2} value={values.description} onChange={set("description")} maxLength={4000} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="task-assignee" label="Assignee" error={issue("assigneeId")}>
          <Select id="task-assignee" value={values.assigneeId} onChange={set("assigneeId")} aria-invalid={!!issue("assigneeId")}>
            <option value="">Nobody yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="task-link" label="About" error={issue("linkId") ?? issue("linkType")}>
          <Select
            id="task-link"
            value={link}
            onChange={(e) => {
              const [type, id = ""] = e.target.value.split(":");
              setValues((v) => ({ ...v, linkType: type, linkId: id }));
            }}
          >
            <option value="">Nothing in particular</option>
            <option value="brief">The brief</option>
            {links.hypotheses.length > 0 && (
              <optgroup label="Hypotheses">
                {links.hypotheses.map((h) => (
                  <option key={h.id} value={`hypothesis:${h.id}`}>
                    {h.label}
                  </option>
                ))}
              </optgroup>
            )}
            {links.claims.length > 0 && (
              <optgroup label="Claims">
                {links.claims.map((c) => (
                  <option key={c.id} value={`claim:${c.id}`}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            )}
          </Select>
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add task"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
