"use client";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { useVersionedValues } from "@/components/ui/use-versioned-values";
import { asApiError, isConflict } from "@/lib/client/api";
import { ENTITY_KIND_LABELS, ENTITY_KINDS, ENTITY_ROLE_LABELS, ENTITY_ROLES } from "@/lib/entities/schemas";
import { Button, Field, Input, Select, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { AliasInput } from "./alias-input";
import { useSaveEntity } from "./use-save-entity";
import { valuesOf, type EntityRow, type EntityValues } from "./types";

const EMPTY: EntityValues = { kind: "", name: "", aliases: [], description: "", role: "unspecified" };
const FIELDS = ["kind", "name", "aliases", "role", "description"] as const;
type Current = Omit<EntityRow, "claimCount">;

function show(k: (typeof FIELDS)[number], v: EntityValues) {
  if (k === "kind") return ENTITY_KIND_LABELS[v.kind as keyof typeof ENTITY_KIND_LABELS] ?? v.kind;
  if (k === "aliases") return v.aliases.join(", ") || "—";
  if (k === "role") return ENTITY_ROLE_LABELS[v.role as keyof typeof ENTITY_ROLE_LABELS] ?? v.role;
  return v[k] || "—";
}

/**
 * Add an entity, or edit one (`existing`) at the version the user opened. Errors show beside their
 * field; what was typed stays. When someone else saved first (409) their version is shown and the
 * user chooses: keep their own edits (saved over the newer version next) or take the other one.
 */
export function EntityForm({
  caseId,
  existing,
  onDone,
}: {
  caseId: string;
  existing?: EntityRow;
  onDone: (saved?: { id: string }) => void;
}) {
  const idp = existing ? `entity-${existing.id}` : "new-entity";
  const save = useSaveEntity({ caseId, entityId: existing?.id });
  const { values, setValues, version, conflict, resolve, onSaveError } = useVersionedValues<EntityValues, Current>({
    initial: existing ? valuesOf(existing) : EMPTY,
    version: existing?.version ?? 1,
    reset: save.reset,
  });
  const error = isConflict(save.error) ? null : asApiError(save.error);
  // Alias issues come back per item ("aliases.2"); show the first beside the alias box.
  const issue = (k: string) =>
    error?.issueFor(k) ?? (k === "aliases" ? error?.issues.find((i) => i.path.startsWith("aliases."))?.message : undefined);
  const set =
    (k: "kind" | "name" | "description" | "role") => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form
      noValidate
      aria-label={existing ? `Edit entity ${existing.name}` : "Add an entity"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { values, version: existing ? version : undefined },
          {
            onSuccess: ({ entity }) => onDone(entity),
            onError: onSaveError,
          },
        );
      }}
    >
      {conflict ? (
        <ConflictNotice
          testId="entity-conflict"
          title="Someone else saved this entity after you opened it."
          version={conflict.version}
          rows={FIELDS.map((k) => ({ key: k, label: k, theirs: show(k, valuesOf(conflict)), mine: show(k, values) }))}
          onKeepMine={() => resolve(null)}
          onUseTheirs={() => resolve(valuesOf(conflict))}
        />
      ) : (
        <ApiErrorMessage error={save.error} ignore={[409]} />
      )}
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field id={`${idp}-kind`} label="Kind" error={issue("kind")}>
          <Select id={`${idp}-kind`} value={values.kind} onChange={set("kind")} aria-invalid={!!issue("kind")}>
            <option value="">Choose a kind…</option>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ENTITY_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${idp}-name`} label="Name" error={issue("name")}>
          <Input
            id={`${idp}-name`}
            value={values.name}
            onChange={set("name")}
            maxLength={200}
            aria-invalid={!!issue("name")}
            placeholder="e.g. HomeLand Justice"
          />
        </Field>
      </div>
      <Field
        id={`${idp}-aliases`}
        label="Aliases"
        error={issue("aliases")}
        hint="Other names in the reporting. Press Enter or type a comma after each."
      >
        <AliasInput
          id={`${idp}-aliases`}
          value={values.aliases}
          onChange={(aliases) => setValues((v) => ({ ...v, aliases }))}
          describedBy={`${idp}-aliases-${issue("aliases") ? "error" : "hint"}`}
        />
      </Field>
      <Field
        id={`${idp}-role`}
        label="Side"
        error={issue("role")}
        hint="A victim's system or organisation is exported to STIX as a target, never as adversary infrastructure."
      >
        <Select id={`${idp}-role`} value={values.role} onChange={set("role")}>
          {ENTITY_ROLES.map((r) => (
            <option key={r} value={r}>
              {ENTITY_ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${idp}-description`} label="Description (optional)" error={issue("description")}>
        <Textarea id={`${idp}-description`} rows={2} value={values.description} onChange={set("description")} maxLength={4000} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending || !!conflict}>
          {save.isPending ? "Saving…" : existing ? "Save entity" : "Add entity"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
