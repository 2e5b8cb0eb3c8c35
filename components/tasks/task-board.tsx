"use client";
import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/client/api";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "@/lib/tasks/schemas";
import type { TaskView } from "@/lib/domain-types";
import { Button, FormError, Select } from "@/components/ui/form";
import { TaskForm, type Member, type TaskLinkOptions } from "./task-form";
import { DueDate } from "./due-date";
import { taskKeys, useUpdateTask } from "./use-tasks";

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-700";

/** The case's tasks, open first; members who may manage tasks add and reassign them, assignees move theirs along. */
export function TaskBoard({
  caseId,
  initial,
  members,
  links,
  me,
  canManage,
  today,
}: {
  caseId: string;
  initial: TaskView[];
  members: Member[];
  links: TaskLinkOptions;
  me: string;
  canManage: boolean;
  today: string;
}) {
  const { data: tasks } = useQuery({
    queryKey: taskKeys.list(caseId),
    queryFn: () => api<{ tasks: TaskView[] }>(`/api/cases/${caseId}/tasks`).then((r) => r.tasks),
    initialData: initial,
  });
  const [adding, setAdding] = useState(false);
  const update = useUpdateTask({ caseId });
  const error = update.error instanceof ApiError ? update.error : null;
  const open = tasks.filter((t) => t.status === "open" || t.status === "in_progress").length;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">
          Tasks <span className="text-sm font-normal text-slate-600">({open} to do)</span>
        </h2>
        {canManage && !adding && (
          <Button type="button" onClick={() => setAdding(true)}>
            New task
          </Button>
        )}
      </div>
      {adding && <TaskForm caseId={caseId} members={members} links={links} onDone={() => setAdding(false)} />}
      <FormError
        message={
          error
            ? error.status === 409
              ? "Someone else changed that task after you opened it; the list now shows their version. Make your change again if it still applies."
              : error.message
            : null
        }
      />
      {tasks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          No tasks yet.{" "}
          {canManage
            ? "Add one for each thing the case still needs: a source to find, a claim to check, the brief to proofread."
            : "Members who work on the case add them."}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Tasks of this case, open ones first</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  Task
                </th>
                <th scope="col" className={th}>
                  Assignee
                </th>
                <th scope="col" className={th}>
                  Due
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tasks.map((t) => {
                const mayProgress = canManage || t.assignee?.id === me;
                return (
                  <tr key={t.id} className="align-top" data-testid="task-row">
                    <td className="max-w-xl px-3 py-2.5">
                      <p
                        className={`font-medium ${t.status === "done" || t.status === "cancelled" ? "text-slate-500 line-through" : "text-slate-900"}`}
                      >
                        {t.title}
                      </p>
                      {t.description && <p className="mt-0.5 text-xs whitespace-pre-line text-slate-600">{t.description}</p>}
                      {t.link && (
                        <p className="mt-0.5 text-xs text-slate-600">
                          About{" "}
                          <Link href={t.link.href} className="text-indigo-800 hover:underline">
                            {t.link.label}
                          </Link>
                        </p>
                      )}
                    </td>
                    <td className="px-3 py-2.5 text-xs">
                      {canManage ? (
                        <Select
                          aria-label={`Assignee of ${t.title}`}
                          className="w-40 py-1 text-xs"
                          value={t.assignee?.id ?? ""}
                          disabled={update.isPending}
                          onChange={(e) => update.mutate({ taskId: t.id, version: t.version, assigneeId: e.target.value })}
                        >
                          <option value="">Nobody yet</option>
                          {members.map((m) => (
                            <option key={m.id} value={m.id}>
                              {m.name}
                            </option>
                          ))}
                          {t.assignee && !members.some((m) => m.id === t.assignee!.id) && (
                            <option value={t.assignee.id}>{t.assignee.name} (left the case)</option>
                          )}
                        </Select>
                      ) : (
                        <span className="text-slate-700">{t.assignee?.name ?? "Nobody yet"}</span>
                      )}
                    </td>
                    <td className="px-3 py-2.5 text-xs whitespace-nowrap">
                      <DueDate task={t} today={today} />
                    </td>
                    <td className="px-3 py-2.5 text-xs">
                      {mayProgress ? (
                        <Select
                          aria-label={`Status of ${t.title}`}
                          className="w-36 py-1 text-xs"
                          value={t.status}
                          disabled={update.isPending}
                          onChange={(e) => update.mutate({ taskId: t.id, version: t.version, status: e.target.value })}
                        >
                          {TASK_STATUSES.filter((s) => canManage || s !== "cancelled" || t.status === "cancelled").map((s) => (
                            <option key={s} value={s}>
                              {TASK_STATUS_LABELS[s]}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <span className="text-slate-700">{TASK_STATUS_LABELS[t.status]}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
