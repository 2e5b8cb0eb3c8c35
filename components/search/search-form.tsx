// The search box and its filters: a plain GET form, so the URL holds the search and it works before
// any JavaScript loads. Problems show beside their field and every value typed is kept.
import { Button, Field, Input, Select } from "@/components/ui/form";
import { SEARCH_KINDS } from "@/lib/search/schemas";
import type { FieldIssue } from "@/lib/errors";
import type { SearchParams } from "./search-params";
import { ReliabilityOptions } from "@/components/sources/source-options";

export function SearchForm({
  params,
  issues,
  cases,
  sources,
}: {
  params: SearchParams;
  issues: FieldIssue[];
  cases: { id: string; title: string }[];
  sources: { id: string; name: string }[];
}) {
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  const described = (id: string, hint = false) => (issue(id) ? `search-${id}-error` : hint ? `search-${id}-hint` : undefined);
  const small = "py-1.5";
  return (
    <form
      method="get"
      action="/search"
      role="search"
      aria-label="Search cases"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field
            id="search-q"
            label="Search for"
            error={issue("q")}
            hint={<>Quoted “phrases”, OR between alternatives, -word to exclude.</>}
          >
            <Input
              id="search-q"
              name="q"
              type="search"
              defaultValue={params.q ?? ""}
              maxLength={500}
              autoComplete="off"
              aria-invalid={!!issue("q")}
              aria-describedby={described("q", true)}
              placeholder='e.g. "same aggressors" OR wiper -ransomware'
            />
          </Field>
        </div>
        <Button type="submit" className={issue("q") ? "mb-7" : "mb-6"}>
          Search
        </Button>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 md:grid-cols-6">
        <legend className="sr-only">Filters</legend>
        <Field id="search-caseId" label="Case" error={issue("caseId")}>
          <Select
            id="search-caseId"
            name="caseId"
            defaultValue={params.caseId ?? ""}
            className={small}
            aria-invalid={!!issue("caseId")}
            aria-describedby={described("caseId")}
          >
            <option value="">All my cases</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="search-kind" label="Kind" error={issue("kind")}>
          <Select
            id="search-kind"
            name="kind"
            defaultValue={params.kind ?? ""}
            className={small}
            aria-invalid={!!issue("kind")}
            aria-describedby={described("kind")}
          >
            <option value="">Everything</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>{`${k[0].toUpperCase()}${k.slice(1)}s`}</option>
            ))}
          </Select>
        </Field>
        <Field id="search-sourceId" label="Source" error={issue("sourceId")}>
          <Select
            id="search-sourceId"
            name="sourceId"
            defaultValue={params.sourceId ?? ""}
            className={small}
            disabled={!sources.length && !params.sourceId}
            aria-invalid={!!issue("sourceId")}
            aria-describedby={described("sourceId")}
            title={sources.length ? undefined : "Choose a case to filter by one of its sources"}
          >
            <option value="">{sources.length ? "Any source" : "Pick a case first"}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="search-reliability" label="Reliability" error={issue("reliability")}>
          <Select
            id="search-reliability"
            name="reliability"
            defaultValue={params.reliability ?? ""}
            className={small}
            aria-invalid={!!issue("reliability")}
            aria-describedby={described("reliability")}
          >
            <option value="">Any grade</option>
            <ReliabilityOptions />
          </Select>
        </Field>
        <Field id="search-from" label="From (published / recorded)" error={issue("from")}>
          <Input
            id="search-from"
            name="from"
            type="date"
            defaultValue={params.from ?? ""}
            className={small}
            aria-invalid={!!issue("from")}
            aria-describedby={described("from")}
          />
        </Field>
        <Field id="search-to" label="To" error={issue("to")}>
          <Input
            id="search-to"
            name="to"
            type="date"
            defaultValue={params.to ?? ""}
            className={small}
            aria-invalid={!!issue("to")}
            aria-describedby={described("to")}
          />
        </Field>
        <label className="flex items-center gap-2 self-end pb-1 text-sm text-slate-700">
          <input
            type="checkbox"
            name="include"
            value="retracted"
            defaultChecked={params.include === "retracted"}
            data-testid="search-show-retracted"
          />
          Show retracted
        </label>
      </fieldset>
      {issue("page") && (
        <p role="alert" className="text-sm text-red-700">
          {issue("page")}
        </p>
      )}
    </form>
  );
}
