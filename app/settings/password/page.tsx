import type { Metadata } from "next";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/app-header";
import { ChangePasswordForm } from "@/components/settings/change-password-form";

export const metadata: Metadata = { title: "Password" };
export const dynamic = "force-dynamic";

export default async function PasswordPage() {
  const actor = await requireActorOrRedirect("/settings/password");
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Change your password</h1>
          <p className="mt-1 text-sm text-slate-600">
            Changing it signs you out everywhere else (other browsers and devices) and revokes all your API tokens; you stay signed in here.
            Create new tokens on the API tokens page afterwards.
          </p>
        </div>
        <ChangePasswordForm email={actor.email} />
      </main>
    </>
  );
}
