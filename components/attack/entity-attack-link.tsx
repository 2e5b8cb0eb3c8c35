"use client";
import { useId, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { useLinkEntityAttack } from "./use-attack";

export type EntityAttack = { id: string; kind: string; name: string; url: string } | null;

/** The ATT&CK object an entity is (G…, S…, C…), with a form to link or unlink it. */
export function EntityAttackLink({
  caseId,
  entityId,
  current,
  canEdit,
}: {
  caseId: string;
  entityId: string;
  current: EntityAttack;
  canEdit: boolean;
}) {
  const [value, setValue] = useState("");
  const link = useLinkEntityAttack({ caseId, entityId });
  const inputId = useId();
  const error = link.error instanceof ApiError ? link.error.message : link.error ? "The link could not be saved; try again." : null;
  return (
    <section aria-labelledby={`${inputId}-h`} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-h`} className="text-sm font-semibold text-slate-900">
        MITRE ATT&amp;CK
      </h3>
      {current ? (
        <p className="text-sm text-slate-800">
          This is ATT&amp;CK {current.kind}{" "}
          <a href={current.url} target="_blank" rel="noreferrer noopener" className="text-indigo-800 underline">
            {current.id} {current.name}
          </a>
          ; its ATT&amp;CK aliases are among this entity&apos;s aliases.
        </p>
      ) : (
        <p className="text-sm text-slate-600">Not linked to an ATT&amp;CK group, software or campaign.</p>
      )}
      {canEdit && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate(value.trim(), { onSuccess: () => setValue("") });
          }}
        >
          <div>
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
              ATT&amp;CK id (G0069, S1151, C0038)
            </label>
            <input
              id={inputId}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              className="rounded border border-slate-300 px-2 py-1 font-mono text-sm"
            />
          </div>
          <button type="submit" disabled={link.isPending} className="rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white">
            Link
          </button>
          {current && (
            <button
              type="button"
              disabled={link.isPending}
              onClick={() => link.mutate(null)}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm"
            >
              Unlink
            </button>
          )}
        </form>
      )}
      {error && (
        <p role="alert" data-testid="form-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
