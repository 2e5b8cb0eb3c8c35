"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { TaskView } from "@/lib/domain-types";

export const taskKeys = {
  list: (caseId: string) => ["cases", caseId, "tasks"] as const,
};

export type TaskValues = { title: string; description: string; assigneeId: string; dueDate: string; linkType: string; linkId: string };

export function useCreateTask({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: TaskValues) => api<{ task: TaskView }>(`/api/cases/${caseId}/tasks`, { method: "POST", json: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.list(caseId) }),
  });
}

/** PATCH a task at the version the user saw; a 409 comes back as an ApiError whose body holds `current`. */
export function useUpdateTask({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, ...values }: Partial<TaskValues> & { taskId: string; version: number; status?: string }) =>
      api<{ task: TaskView }>(`/api/cases/${caseId}/tasks/${taskId}`, { method: "PATCH", json: values }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.list(caseId) }),
  });
}
