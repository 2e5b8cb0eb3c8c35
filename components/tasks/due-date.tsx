import { formatDueDate, isOverdue } from "@/lib/tasks/due-dates";

/** A task's due day; past due and still to do, it reads "Overdue" in red. */
export function DueDate({ task, today }: { task: { dueDate: string | null; status: string }; today: string }) {
  if (!task.dueDate) return <span className="text-slate-500">No due date</span>;
  const overdue = isOverdue(task, today);
  return (
    <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"} data-overdue={overdue || undefined}>
      <time dateTime={task.dueDate}>{formatDueDate(task.dueDate)}</time>
      {overdue && <span className="ml-1.5 rounded bg-red-50 px-1.5 py-px text-xs ring-1 ring-red-200">Overdue</span>}
    </span>
  );
}
