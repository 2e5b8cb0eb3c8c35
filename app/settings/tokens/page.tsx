import type { Metadata } from "next";
import Link from "next/link";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { ApiTokenSchema } from "@/lib/tokens/schemas";
import { AppHeader } from "@/components/app-header";
import { ApiTokenManager } from "@/components/settings/api-token-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function ApiTokensPage() {
  const actor = await requireActorOrRedirect("/settings/tokens");
  const tokens = (await listApiTokens({ actor })).map((t) => ApiTokenSchema.parse(t));
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Personal tokens let a script use the API as you, with your role on each case. Send one as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer cf_…</code>. The API is described in{" "}
            <Link href="/api/openapi.json" className="font-medium text-indigo-700 underline hover:text-indigo-900">
              /api/openapi.json
            </Link>
            .
          </p>
          <p className="mt-2 max-w-2xl text-sm text-slate-600" data-testid="taxii-hint">
            A token also reads the TAXII 2.1 feed of your cases&apos; released briefs at{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">/taxii2/</code>, as the HTTP Basic password, for OpenCTI or MISP.
          </p>
          <p className="mt-2 max-w-2xl text-sm text-slate-600">
            Every token is revoked when you change your password or an admin resets it, and stops working while your account is disabled.
          </p>
        </div>
        <ApiTokenManager initial={tokens} />
      </main>
    </>
  );
}
