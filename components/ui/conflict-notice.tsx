"use client";
import { Button } from "@/components/ui/form";

export type ConflictRow = { key: string; label: string; theirs: string; mine: string };

/**
 * Shown when a save was refused because someone else saved first (409): their version field by
 * field, the fields that differ from what this user typed in bold, and the two ways on. The form
 * keeps the user's own values; nothing typed is lost.
 */
export function ConflictNotice({
  title,
  version,
  rows,
  onKeepMine,
  onUseTheirs,
  testId,
}: {
  title: string;
  version: number;
  rows: ConflictRow[];
  onKeepMine: () => void;
  onUseTheirs: () => void;
  testId: string;
}) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid={testId}>
      <p className="font-semibold">{title}</p>
      <p>Your edits are still in the form. Their version ({version}) says:</p>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
        {rows.map((r) => (
          <div key={r.key} className="contents">
            <dt className="font-medium capitalize">{r.label}</dt>
            <dd className={r.theirs !== r.mine ? "font-semibold" : ""} data-testid={`${testId}-${r.key}`}>
              {r.theirs}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2 pt-1">
        <Button type="button" onClick={onKeepMine}>
          Keep my edits (save over theirs next)
        </Button>
        <Button type="button" variant="secondary" onClick={onUseTheirs}>
          Use their version
        </Button>
      </div>
    </div>
  );
}
