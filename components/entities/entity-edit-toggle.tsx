"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/form";
import { EntityForm } from "./entity-form";
import type { EntityRow } from "./types";

/** On the entity's own page: editors open the form in place; the server-rendered page refreshes after a save. */
export function EntityEditToggle({ caseId, entity }: { caseId: string; entity: EntityRow }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Edit entity
      </Button>
    );
  return (
    <div className="w-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <EntityForm
        caseId={caseId}
        existing={entity}
        onDone={(saved) => {
          setOpen(false);
          if (saved) router.refresh();
        }}
      />
    </div>
  );
}
