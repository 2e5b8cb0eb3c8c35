"use client";
import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { useRef, useState } from "react";
import { api, asApiError } from "@/lib/client/api";
import { tokenKeys } from "@/lib/client/query-keys";
import { Button, Field, Input } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useCreateApiToken, useRevokeApiToken, type CreatedToken } from "./use-api-tokens";

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };
type Created = CreatedToken;

const when = (iso: string) => format(new Date(iso), "d MMM yyyy HH:mm");

export function ApiTokenManager({ initial }: { initial: TokenRow[] }) {
  const [name, setName] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const { data: tokens } = useQuery({
    queryKey: tokenKeys.list(),
    queryFn: () => api<{ tokens: TokenRow[] }>("/api/tokens").then((r) => r.tokens),
    initialData: initial,
  });

  const create = useCreateApiToken();
  const error = asApiError(create.error);

  return (
    <div className="space-y-8">
      <section aria-labelledby="new-token" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-token" className="mb-3 font-semibold">
          Create a token
        </h2>
        <form
          noValidate
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            create.mutate(name, {
              onSuccess: (result) => {
                setCreated(result);
                setName("");
              },
            });
          }}
        >
          <div className="min-w-64 flex-1">
            <Field id="token-name" label="Token name" error={error?.issueFor("name")} hint="What will use it, e.g. “bulk import script”.">
              <Input
                id="token-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={100}
                aria-invalid={!!error?.issueFor("name")}
              />
            </Field>
          </div>
          <Button type="submit" disabled={create.isPending} className="mb-5">
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </form>
        <ApiErrorMessage error={create.error} fields={["name"]} />
        {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      </section>

      <section aria-labelledby="active-tokens" className="space-y-3">
        <h2 id="active-tokens" className="font-semibold">
          Active tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            No API tokens yet. Create one above to load documents or claims with a script.
          </p>
        ) : (
          <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Token
                </th>
                <th scope="col" className="px-3 py-2">
                  Created
                </th>
                <th scope="col" className="px-3 py-2">
                  Last used
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {tokens.map((t) => (
                <TokenRowView key={t.id} token={t} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function NewToken({ created, onDone }: { created: Created; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, http): select it so Ctrl+C works.
      input.current?.select();
      setCopied("failed");
    }
  }
  return (
    <div role="status" className="mt-4 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">Copy your new token “{created.apiToken.name}” now. It will not be shown again.</p>
      <p>
        Send it as <code className="font-mono">Authorization: Bearer …</code>. Anyone holding it can act as you on every case you belong to.
      </p>
      <div className="flex gap-2">
        <label htmlFor="new-token-value" className="sr-only">
          New API token
        </label>
        <input
          id="new-token-value"
          ref={input}
          readOnly
          value={created.token}
          onFocus={(e) => e.target.select()}
          className="block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
          data-testid="new-token"
        />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
      {copied === "failed" && <p>Could not reach the clipboard: the token is selected, press Ctrl+C (⌘C) to copy it.</p>}
    </div>
  );
}

function TokenRowView({ token }: { token: TokenRow }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiToken({ tokenId: token.id });
  return (
    <tr>
      <td className="px-3 py-2 font-medium text-slate-900">{token.name}</td>
      <td className="px-3 py-2">
        <code className="font-mono text-xs text-slate-700">{token.prefix}…</code>
      </td>
      <td className="px-3 py-2 text-slate-700">
        <time dateTime={token.createdAt} suppressHydrationWarning>
          {when(token.createdAt)}
        </time>
      </td>
      <td className="px-3 py-2 text-slate-700">
        {token.lastUsedAt ? (
          <time dateTime={token.lastUsedAt} suppressHydrationWarning>
            {when(token.lastUsedAt)}
          </time>
        ) : (
          "Never"
        )}
      </td>
      <td className="px-3 py-2 text-right">
        {confirming ? (
          <div role="group" aria-label={`Confirm revoking ${token.name}`} className="flex items-center justify-end gap-2">
            <span className="text-xs text-slate-700">Scripts using it will stop working.</span>
            <Button type="button" variant="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              {revoke.isPending ? "Revoking…" : "Yes, revoke"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
            Revoke
          </Button>
        )}
        {revoke.error && (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {revoke.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
