import { requireCasePage } from "@/lib/http/page-access";
import { listEvents } from "@/lib/events/list-events";
import { can } from "@/lib/auth/permissions";
import { TimelineView } from "@/components/timeline/timeline-view";
import { toTimelineEvent } from "@/components/timeline/types";

export const metadata = { title: "Timeline" };

export default async function TimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "events.read", path: `/cases/${caseId}/timeline` });
  const showRetracted = (await searchParams).include === "retracted";
  const events = await listEvents({ access, includeRetracted: showRetracted });
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <TimelineView
        caseId={caseId}
        initial={events.map(toTimelineEvent)}
        canManage={can(access.role, "events.manage")}
        canRetract={can(access.role, "events.retract")}
        showRetracted={showRetracted}
      />
    </main>
  );
}
