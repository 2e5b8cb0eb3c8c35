import { getCaseForPage, requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskLinkOptions } from "@/lib/tasks/task-link-options";
import { todayUtc } from "@/lib/tasks/due-dates";
import { TaskBoard } from "@/components/tasks/task-board";

export const metadata = { title: "Tasks" };

export default async function TasksPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { actor, access } = await requireCasePage({ caseId, action: "tasks.read", path: `/cases/${caseId}/tasks` });
  const [tasks, c, links] = await Promise.all([
    listTasks({ access }),
    getCaseForPage(access.caseId, access.role),
    taskLinkOptions({ access }),
  ]);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <TaskBoard
        caseId={caseId}
        initial={tasks}
        members={c.members.map((m) => ({ id: m.user.id, name: m.user.name }))}
        links={links}
        me={actor.id}
        canManage={can(access.role, "tasks.manage")}
        today={todayUtc()}
      />
    </main>
  );
}
