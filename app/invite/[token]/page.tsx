import type { Metadata } from "next";
import Link from "next/link";
import { linkState } from "@/lib/admin/invites";
import { AcceptInviteForm } from "@/components/admin/accept-invite-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Reached from a one-time link without being signed in: shows the form, or why the link cannot be used.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await linkState(token);
  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <div aria-hidden className="mx-auto grid h-10 w-10 place-items-center rounded bg-indigo-700 text-sm font-bold text-white">
            CF
          </div>
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">
            {state.state === "ok" && state.purpose === "reset" ? "Choose a new password" : "Set up your Casefile account"}
          </h1>
        </div>
        {state.state === "ok" ? (
          <AcceptInviteForm token={token} purpose={state.purpose} email={state.email} name={state.name} />
        ) : (
          <div className="space-y-3">
            <div
              role="alert"
              data-testid="link-error"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              {state.message}
            </div>
            <Link href="/login" className="block text-center text-sm font-medium text-indigo-700 hover:underline">
              Go to sign in
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
