"use client";
import { useState } from "react";
import { formErrorMessage } from "@/lib/client/api";
import { Button, Field, FormError, Input } from "@/components/ui/form";
import { useImportCase } from "./use-save-case";

// The server's own limit (MAX_REQUEST_BODY_BYTES): a bigger file is refused here before it is read.
const MAX_BYTES = 20 * 1024 * 1024;

/** Import a case file exported by Casefile (format=archive), another tool's STIX 2.1 bundle, or a MISP event. */
export function ImportCaseForm() {
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const importCase = useImportCase();

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setFieldError("Choose a file to import.");
        if (file.size > MAX_BYTES) return setFieldError("The file is larger than 20 MB, the most an import takes.");
        setFieldError(undefined);
        importCase.mutate(file);
      }}
    >
      <Field
        id="import-file"
        label="Case file"
        hint="A Casefile case archive (Export → archive), a STIX 2.1 bundle or a MISP event, as JSON. The new case is yours; its judgments arrive as drafts."
        error={fieldError}
      >
        <Input
          id="import-file"
          type="file"
          accept=".json,application/json,application/stix+json"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "import-file-error" : "import-file-hint"}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFieldError(undefined);
            importCase.reset();
          }}
        />
      </Field>
      <FormError message={formErrorMessage(importCase.error, { fields: [] })} />
      <Button type="submit" disabled={importCase.isPending}>
        {importCase.isPending ? "Importing…" : "Import case"}
      </Button>
    </form>
  );
}
