import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-user";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  if (await currentActor()) redirect("/");
  const { next, error } = await searchParams;
  // Only same-site paths: an open redirect after login would help phishing.
  const safeNext = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <div aria-hidden className="mx-auto grid h-10 w-10 place-items-center rounded bg-indigo-700 text-sm font-bold text-white">
            CF
          </div>
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">Sign in to Casefile</h1>
          <p className="mt-1 text-sm text-slate-600">Cases, evidence and reviewed judgments.</p>
        </div>
        <LoginForm next={safeNext} initialError={error && error !== "CredentialsSignin" ? error : undefined} />
      </div>
    </main>
  );
}
