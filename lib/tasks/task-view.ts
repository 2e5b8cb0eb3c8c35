import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskView } from "@/lib/domain-types";

export const TASK_INCLUDE = {
  case: { select: { title: true } },
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} as const satisfies Prisma.TaskInclude;

type TaskRow = Prisma.TaskGetPayload<{ include: typeof TASK_INCLUDE }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** What the API returns for tasks: linked claims and hypotheses named (two queries for any number of tasks). */
export async function toTaskViews(rows: TaskRow[]): Promise<TaskView[]> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.linkType === type).map((r) => r.linkId!))];
  const [claims, hypotheses] = await Promise.all([
    ids("claim").length ? db.claim.findMany({ where: { id: { in: ids("claim") } }, select: { id: true, statement: true } }) : [],
    ids("hypothesis").length ? db.hypothesis.findMany({ where: { id: { in: ids("hypothesis") } }, select: { id: true, title: true } }) : [],
  ]);
  const label = new Map([...claims.map((c) => [c.id, c.statement] as const), ...hypotheses.map((h) => [h.id, h.title] as const)]);
  return rows.map((t) => ({
    id: t.id,
    caseId: t.caseId,
    caseTitle: t.case.title,
    title: t.title,
    description: t.description,
    status: t.status,
    assignee: t.assignee,
    dueDate: day(t.dueDate),
    link: linkOf(t, label),
    version: t.version,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  }));
}

function linkOf(t: TaskRow, label: Map<string, string>): TaskView["link"] {
  if (!t.linkType || !t.linkId) return null;
  const base = `/cases/${t.caseId}`;
  if (t.linkType === "brief") return { type: "brief", id: t.linkId, label: "The brief", href: `${base}/brief` };
  if (t.linkType === "claim")
    return { type: "claim", id: t.linkId, label: short(label.get(t.linkId) ?? "(claim)"), href: `${base}/claims/${t.linkId}` };
  return {
    type: "hypothesis",
    id: t.linkId,
    label: short(label.get(t.linkId) ?? "(hypothesis)"),
    href: `${base}/attribution/${t.linkId}`,
  };
}

/** The database row's fields an audit event records (before/after). */
export function taskSnapshot(t: {
  title: string;
  description: string;
  status: string;
  assigneeId: string | null;
  dueDate: Date | null;
  linkType: string | null;
  linkId: string | null;
  version: number;
}) {
  return {
    title: t.title,
    description: t.description,
    status: t.status,
    assigneeId: t.assigneeId,
    dueDate: day(t.dueDate),
    linkType: t.linkType,
    linkId: t.linkId,
    version: t.version,
  };
}
