"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import { tlpLabel } from "@/components/ui/tlp-badge";
import { useSaveCase, type CaseValues } from "./use-save-case";

const STATUSES = ["draft", "active", "paused", "closed"] as const;
const TLPS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;
const TLP_HINT: Record<string, string> = {
  CLEAR: "Disclosure is not limited.",
  GREEN: "Limited disclosure, restricted to the community.",
  AMBER: "Limited disclosure, restricted to participants' organisations.",
  AMBER_STRICT: "Restricted to the participants' organisation only.",
  RED: "For the eyes and ears of individual recipients only.",
};

type Existing = CaseValues & { id: string; version: number };
type Conflict = { current: CaseValues & { version: number; updatedAt: string } };

export function CaseForm({ existing }: { existing?: Existing }) {
  const router = useRouter();
  const [values, setValues] = useState<CaseValues>(existing ?? { title: "", summary: "", status: "active", tlp: "AMBER" });
  const [version, setVersion] = useState(existing?.version ?? 1);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const save = useSaveCase({ caseId: existing?.id });
  const error = save.error instanceof ApiError ? save.error : null;
  const set = (k: keyof CaseValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { values, version },
          {
            onError: (err) => {
              if (err instanceof ApiError && err.status === 409) setConflict(err.body as unknown as Conflict);
            },
          },
        );
      }}
    >
      {conflict ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">Someone else saved this case after you opened it.</p>
          <p>Your edits are still in the form. Their version ({conflict.current.version}) says:</p>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
            {(["title", "summary", "status", "tlp"] as const).map((k) => (
              <div key={k} className="contents">
                <dt className="font-medium capitalize">{k}</dt>
                <dd className={conflict.current[k] !== values[k] ? "font-semibold" : ""} data-testid={`conflict-${k}`}>
                  {k === "tlp" ? tlpLabel(conflict.current.tlp) : conflict.current[k] || "—"}
                </dd>
              </div>
            ))}
          </dl>
          <div className="flex gap-2 pt-1">
            <Button
              type="button"
              onClick={() => {
                setVersion(conflict.current.version);
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
                setValues({
                  title: conflict.current.title,
                  summary: conflict.current.summary,
                  status: conflict.current.status,
                  tlp: conflict.current.tlp,
                });
                setVersion(conflict.current.version);
                setConflict(null);
                save.reset();
              }}
            >
              Use their version
            </Button>
          </div>
        </div>
      ) : (
        <FormError message={error && !error.issues.length ? error.message : null} />
      )}
      <Field id="title" label="Title" error={error?.issueFor("title")}>
        <Input
          id="title"
          name="title"
          value={values.title}
          onChange={set("title")}
          maxLength={200}
          aria-invalid={!!error?.issueFor("title")}
          placeholder="e.g. 2022 Albania government cyberattacks"
        />
      </Field>
      <Field
        id="summary"
        label="Summary (bottom line up front)"
        error={error?.issueFor("summary")}
        hint="Two or three sentences: what happened and what the case is trying to establish."
      >
        <Textarea id="summary" name="summary" rows={4} value={values.summary} onChange={set("summary")} maxLength={4000} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="status" label="Status" error={error?.issueFor("status")}>
          <Select id="status" name="status" value={values.status} onChange={set("status")}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0].toUpperCase() + s.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="tlp" label="TLP marking" error={error?.issueFor("tlp")} hint={TLP_HINT[values.tlp]}>
          <Select id="tlp" name="tlp" value={values.tlp} onChange={set("tlp")}>
            {TLPS.map((t) => (
              <option key={t} value={t}>
                {tlpLabel(t)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : existing ? "Save changes" : "Create case"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
