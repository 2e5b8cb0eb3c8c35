"use client";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, asApiError } from "@/lib/client/api";
import { adminKeys } from "@/lib/client/query-keys";
import { CASE_ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import { Button, Field, Input, Select } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useChangeMembership, useInviteUser, useUserAction, type OneTimeLinkData } from "./use-admin-users";
import { StatusPill, type StatusTone } from "@/components/ui/status-pill";

type Role = (typeof CASE_ROLES)[number];
export type AdminUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: "active" | "invited" | "disabled";
  memberships: { caseId: string; caseTitle: string; caseSlug: string; role: Role }[];
};
type AdminCase = { id: string; title: string; slug: string; createdAt: string; createdBy: string };
export type AdminData = { users: AdminUser[]; cases: AdminCase[] };

/** "Albania 2022 — albania-2022-2 · created 2026-01-05 by Ana Analyst": same-title cases read apart. */
const caseLabel = (c: AdminCase) => `${c.title} — ${c.slug} · created ${c.createdAt.slice(0, 10)} by ${c.createdBy}`;
type Link = OneTimeLinkData;

const STATUS_TONE: Record<AdminUser["status"], StatusTone> = { active: "green", invited: "amber", disabled: "slate" };

export function AdminConsole({ initial, currentUserId }: { initial: AdminData; currentUserId: string }) {
  const { data } = useQuery({ queryKey: adminKeys.users(), queryFn: () => api<AdminData>("/api/admin/users"), initialData: initial });
  const [shownLink, setShownLink] = useState<(Link & { label: string }) | null>(null);
  return (
    <div className="space-y-8">
      <InviteForm onLink={setShownLink} />
      {shownLink && <OneTimeLink link={shownLink} onDone={() => setShownLink(null)} />}
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="font-semibold">
          Users
        </h2>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                Case roles
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {data.users.map((u) => (
              <UserRow key={u.id} user={u} cases={data.cases} isSelf={u.id === currentUserId} onLink={setShownLink} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function InviteForm({ onLink }: { onLink: (l: Link & { label: string }) => void }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const invite = useInviteUser();
  const error = asApiError(invite.error);
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="invite-heading" className="mb-3 font-semibold">
        Invite a user
      </h2>
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate(
            { email, name, isAdmin },
            {
              onSuccess: (r) => {
                onLink({ link: r.link, expiresAt: r.expiresAt, label: `Invite link for ${r.user.email}` });
                setEmail("");
                setName("");
                setIsAdmin(false);
              },
            },
          );
        }}
      >
        <div className="min-w-56 flex-1">
          <Field id="invite-email" label="Email" error={error?.issueFor("email")}>
            <Input
              id="invite-email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!error?.issueFor("email")}
            />
          </Field>
        </div>
        <div className="min-w-56 flex-1">
          <Field id="invite-name" label="Name" error={error?.issueFor("name")}>
            <Input
              id="invite-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={120}
              aria-invalid={!!error?.issueFor("name")}
            />
          </Field>
        </div>
        <label className="mt-7 flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={isAdmin}
            onChange={(e) => setIsAdmin(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          Workspace admin
        </label>
        <Button type="submit" className="mt-6" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Create invite link"}
        </Button>
      </form>
      <div className="mt-3">
        <ApiErrorMessage error={invite.error} fields={["email", "name"]} />
      </div>
    </section>
  );
}

function OneTimeLink({ link, onDone }: { link: Link & { label: string }; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">
        {link.label}: send it to them now. It works once, until {new Date(link.expiresAt).toLocaleString()}, and will not be shown again.
      </p>
      <div className="flex gap-2">
        <label htmlFor="one-time-link" className="sr-only">
          One-time link
        </label>
        <input
          id="one-time-link"
          ref={input}
          readOnly
          value={link.link}
          onFocus={(e) => e.target.select()}
          data-testid="one-time-link"
          className="block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
        />
        <Button type="button" variant="secondary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function UserRow({
  user,
  cases,
  isSelf,
  onLink,
}: {
  user: AdminUser;
  cases: AdminData["cases"];
  isSelf: boolean;
  onLink: (l: Link & { label: string }) => void;
}) {
  const [confirm, setConfirm] = useState<"reset" | "disable" | null>(null);
  const action = useUserAction({ userId: user.id });
  const act = (what: "reset-password" | "disable" | "enable") =>
    action.mutate(what, {
      onSuccess: (r) => {
        setConfirm(null);
        if (what === "reset-password" && r.link && r.expiresAt)
          onLink({ link: r.link, expiresAt: r.expiresAt, label: `Password reset link for ${user.email}` });
      },
    });
  return (
    <tr className="align-top">
      <td className="px-3 py-2 font-medium text-slate-900">
        {user.name}
        {user.isAdmin && (
          <StatusPill tone="indigo" className="ml-2">
            Admin
          </StatusPill>
        )}
      </td>
      <td className="px-3 py-2 text-slate-700">{user.email}</td>
      <td className="px-3 py-2">
        <StatusPill data-testid={`status-${user.email}`} tone={STATUS_TONE[user.status]}>
          {user.status[0].toUpperCase() + user.status.slice(1)}
        </StatusPill>
      </td>
      <td className="px-3 py-2">
        <CaseRoles user={user} cases={cases} />
      </td>
      <td className="px-3 py-2 text-right">
        {confirm ? (
          <div role="group" aria-label={`Confirm for ${user.email}`} className="flex flex-col items-end gap-2">
            <span className="text-xs text-slate-700">
              {confirm === "reset" ? "Their password and sessions stop working now." : "They are signed out everywhere now."}
            </span>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="danger"
                disabled={action.isPending}
                onClick={() => act(confirm === "reset" ? "reset-password" : "disable")}
              >
                {confirm === "reset" ? "Yes, reset" : "Yes, disable"}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => setConfirm("reset")}
              aria-label={`Reset password for ${user.email}`}
              disabled={user.status === "disabled"}
            >
              Reset password
            </Button>
            {user.status === "disabled" ? (
              <Button type="button" variant="secondary" onClick={() => act("enable")} aria-label={`Enable ${user.email}`}>
                Enable
              </Button>
            ) : (
              !isSelf && (
                <Button type="button" variant="secondary" onClick={() => setConfirm("disable")} aria-label={`Disable ${user.email}`}>
                  Disable
                </Button>
              )
            )}
          </div>
        )}
        {action.error && (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {action.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

function CaseRoles({ user, cases }: { user: AdminUser; cases: AdminData["cases"] }) {
  const [addCase, setAddCase] = useState("");
  const [addRole, setAddRole] = useState<Role>("viewer");
  const change = useChangeMembership({ userId: user.id });
  const changeRole = (input: { caseId: string; role: Role | null }) => change.mutate(input, { onSuccess: () => setAddCase("") });
  const available = cases.filter((c) => !user.memberships.some((m) => m.caseId === c.id));
  return (
    <div className="space-y-1.5">
      {user.memberships.length === 0 && <p className="text-xs text-slate-600">No cases</p>}
      <ul className="space-y-1">
        {user.memberships.map((m) => (
          <li key={m.caseId} className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate text-slate-800" title={`${m.caseTitle} (${m.caseSlug})`}>
              {m.caseTitle} <span className="font-mono text-xs text-slate-600">{m.caseSlug}</span>
            </span>
            <label
              className="sr-only"
              htmlFor={`role-${user.id}-${m.caseId}`}
            >{`Role of ${user.email} on ${m.caseTitle} (${m.caseSlug})`}</label>
            <Select
              id={`role-${user.id}-${m.caseId}`}
              className="!w-28 !py-1"
              value={m.role}
              onChange={(e) => changeRole({ caseId: m.caseId, role: e.target.value as Role })}
            >
              {CASE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
            <Button
              type="button"
              variant="secondary"
              className="!px-2 !py-1 text-xs"
              aria-label={`Remove ${user.email} from ${m.caseTitle} (${m.caseSlug})`}
              onClick={() => changeRole({ caseId: m.caseId, role: null })}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {available.length > 0 && (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (addCase) changeRole({ caseId: addCase, role: addRole });
          }}
        >
          <label className="sr-only" htmlFor={`add-case-${user.id}`}>{`Add ${user.email} to case`}</label>
          <Select id={`add-case-${user.id}`} className="!py-1" value={addCase} onChange={(e) => setAddCase(e.target.value)}>
            <option value="">Add to case…</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {caseLabel(c)}
              </option>
            ))}
          </Select>
          <label className="sr-only" htmlFor={`add-role-${user.id}`}>{`Role for ${user.email}`}</label>
          <Select id={`add-role-${user.id}`} className="!w-28 !py-1" value={addRole} onChange={(e) => setAddRole(e.target.value as Role)}>
            {CASE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
          <Button
            type="submit"
            variant="secondary"
            className="!px-2 !py-1 text-xs"
            aria-label={`Add ${user.email} to the selected case`}
            disabled={!addCase || change.isPending}
          >
            Add
          </Button>
        </form>
      )}
      {change.error && (
        <p role="alert" className="text-xs text-red-700">
          {change.error.message}
        </p>
      )}
    </div>
  );
}
