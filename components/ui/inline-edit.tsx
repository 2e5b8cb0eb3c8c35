"use client";
import { Button } from "@/components/ui/form";

/** The "Edit" cell of a table row whose form opens in a row below it (`InlineEditRow`). */
export function EditToggleCell({ name, open, onToggle }: { name: string; open: boolean; onToggle: () => void }) {
  return (
    <td className="px-3 py-2 text-right">
      <Button
        type="button"
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        aria-expanded={open}
        aria-label={`Edit ${name}`}
        onClick={onToggle}
      >
        Edit
      </Button>
    </td>
  );
}

/** A full-width table row under the row being edited, holding its form. */
export function InlineEditRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="bg-slate-50 px-3 py-4">
        {children}
      </td>
    </tr>
  );
}
