// "My tasks": what is assigned to this user and still to do, across their cases, earliest due first;
// past-due ones read "Overdue" in red.
import Link from "next/link";
import type { TaskView } from "@/lib/domain-types";
import { TASK_STATUS_LABELS } from "@/lib/tasks/schemas";
import { isOverdue } from "@/lib/tasks/due-dates";
import { DueDate } from "@/components/tasks/due-date";

export function MyTasksPanel({ tasks, today }: { tasks: TaskView[]; today: string }) {
  const overdue = tasks.filter((t) => isOverdue(t, today)).length;
  return (
    <section id="my-tasks" aria-labelledby="my-tasks-heading" className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-baseline justify-between gap-4 border-b border-slate-200 px-4 py-3">
        <h2 id="my-tasks-heading" className="font-semibold">
          My tasks
        </h2>
        <p className="text-sm text-slate-600" data-testid="my-tasks-count">
          {tasks.length === 0 ? "Nothing assigned to you" : `${tasks.length} to do${overdue ? ` · ${overdue} overdue` : ""}`}
        </p>
      </div>
      {tasks.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600">
          When a colleague assigns you a task in one of your cases, it appears here until it is done.
        </p>
      ) : (
        <ul aria-label="My tasks" className="divide-y divide-slate-100">
          {tasks.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm" data-testid="my-task">
              <Link href={`/cases/${t.caseId}/tasks`} className="min-w-0 flex-1 truncate font-medium text-indigo-800 hover:underline">
                {t.title}
              </Link>
              <span className="max-w-56 truncate text-xs text-slate-600">{t.caseTitle}</span>
              <span className="text-xs text-slate-600">{TASK_STATUS_LABELS[t.status]}</span>
              <span className="w-44 text-right text-xs">
                <DueDate task={t} today={today} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
