import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listUsersForAdmin } from "@/lib/admin/list-users";
import { AppHeader } from "@/components/app-header";
import { AdminConsole, type AdminData } from "@/components/admin/admin-console";

export const metadata: Metadata = { title: "Workspace admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const actor = await requireActorOrRedirect("/admin");
  if (!actor.isAdmin) forbidden();
  const data = await listUsersForAdmin({ ctx: { actor } });
  const initial: AdminData = JSON.parse(JSON.stringify(data));
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Workspace admin</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Invite people, reset passwords, disable accounts and change case roles. Every action here is recorded in the audit trail.
          </p>
        </div>
        <AdminConsole initial={initial} currentUserId={actor.id} />
      </main>
    </>
  );
}
