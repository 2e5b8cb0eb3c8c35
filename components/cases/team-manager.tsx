"use client";
// The case team: everyone sees who is on the case and in which role; owners add people by e-mail,
// change roles and remove members. The server decides (case.members.manage, the last-owner rule, the
// same answer whether or not an account has the e-mail); this page keeps what was typed when it refuses.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { CASE_ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import { Button, Field, FormError, Input, Select } from "@/components/ui/form";
import { memberKeys } from "@/lib/client/query-keys";
import type { TeamMember } from "./team-member";
import { useAddMember, useChangeMember } from "./use-team-mutations";

type Role = (typeof CASE_ROLES)[number];

export function TeamManager({
  caseId,
  actorId,
  canManage,
  initial,
  initialRole,
}: {
  caseId: string;
  actorId: string;
  canManage: boolean;
  initial: TeamMember[];
  initialRole: Role;
}) {
  const { data } = useQuery({
    queryKey: memberKeys.list(caseId),
    queryFn: () => api<{ members: TeamMember[] }>(`/api/cases/${caseId}/members`).then((r) => r.members),
    initialData: initial,
  });
  const owners = data.filter((m) => m.role === "owner").length;
  return (
    <div className="space-y-6">
      {/* On a phone the table scrolls inside its own box; the page does not. */}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Case team</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="px-3 py-2">
                May review
              </th>
              {canManage && (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {data.map((m) => (
              <MemberRow
                key={m.userId}
                caseId={caseId}
                member={m}
                isSelf={m.userId === actorId}
                canManage={canManage}
                lastOwner={m.role === "owner" && owners === 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <AddMemberForm caseId={caseId} initialRole={initialRole} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="team-owners-note">
          Only the case&apos;s owners change the team. Ask{" "}
          {data
            .filter((m) => m.role === "owner")
            .map((m) => m.name)
            .join(" or ") || "an owner"}{" "}
          to add someone.
        </p>
      )}
    </div>
  );
}

function MemberRow({
  caseId,
  member,
  isSelf,
  canManage,
  lastOwner,
}: {
  caseId: string;
  member: TeamMember;
  isSelf: boolean;
  canManage: boolean;
  lastOwner: boolean;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const change = useChangeMember({
    caseId,
    userId: member.userId,
    onDone: () => {
      setConfirming(false);
      // Your own role decides what the case pages offer you: render them again.
      if (isSelf) router.refresh();
    },
  });
  const label = `${member.name} (${member.email})`;
  return (
    <tr className="align-top" data-testid={`member-${member.email}`}>
      <td className="px-3 py-2 font-medium text-slate-900">
        {member.name}
        {isSelf && <span className="ml-1 text-xs font-normal text-slate-500">(you)</span>}
        {member.disabled && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">Disabled</span>}
      </td>
      <td className="px-3 py-2 text-slate-700">{member.email}</td>
      <td className="px-3 py-2">
        {canManage ? (
          <>
            <label className="sr-only" htmlFor={`role-${member.userId}`}>{`Role of ${label}`}</label>
            <Select
              id={`role-${member.userId}`}
              className="!w-32 !py-1"
              value={member.role}
              disabled={change.isPending || lastOwner}
              aria-describedby={lastOwner ? `last-owner-${member.userId}` : undefined}
              onChange={(e) => change.mutate(e.target.value as Role)}
            >
              {CASE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
            {lastOwner && (
              <p id={`last-owner-${member.userId}`} className="mt-1 text-xs text-slate-600">
                The only owner: make someone else owner first.
              </p>
            )}
          </>
        ) : (
          ROLE_LABELS[member.role]
        )}
      </td>
      <td className="px-3 py-2 text-slate-700">{member.canReview ? "Yes" : "No"}</td>
      {canManage && (
        <td className="px-3 py-2 text-right">
          {isSelf || lastOwner ? null : confirming ? (
            <div role="group" aria-label={`Confirm removing ${label}`} className="flex flex-col items-end gap-2">
              <span className="text-xs text-slate-700">{member.name} will no longer see this case.</span>
              <div className="flex gap-2">
                <Button type="button" variant="danger" disabled={change.isPending} onClick={() => change.mutate(null)}>
                  Yes, remove
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <Button
              type="button"
              variant="secondary"
              className="!px-2 !py-1 text-xs"
              aria-label={`Remove ${label}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </Button>
          )}
          {change.error && (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {change.error instanceof ApiError ? change.error.message : "Could not change the team."}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

function AddMemberForm({ caseId, initialRole }: { caseId: string; initialRole: Role }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(initialRole);
  const [notice, setNotice] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  // The no-reviewer warnings link to #add-member: land in the e-mail field, ready to type.
  useEffect(() => {
    if (window.location.hash === "#add-member") emailInput.current?.focus();
  }, []);
  const add = useAddMember({
    caseId,
    onAdded: (message) => {
      setNotice(message);
      setEmail("");
    },
  });
  const error = add.error instanceof ApiError ? add.error : null;
  const emailError = error?.issueFor("email");
  const roleError = error?.issueFor("role");
  return (
    <section id="add-member" aria-labelledby="add-member-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="add-member-heading" className="mb-1 font-semibold">
        Add someone to the case
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        They need an account in this workspace; a workspace admin invites people who have none. Reviewers and owners may approve judgments
        and briefs written by someone else.
      </p>
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          add.mutate({ email, role });
        }}
      >
        <div className="min-w-64 flex-1">
          <Field id="add-member-email" label="Email" error={emailError}>
            <Input
              id="add-member-email"
              ref={emailInput}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!emailError}
              aria-describedby={emailError ? "add-member-email-error" : undefined}
            />
          </Field>
        </div>
        <div className="w-40">
          <Field id="add-member-role" label="Role" error={roleError}>
            <Select id="add-member-role" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-invalid={!!roleError}>
              {CASE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" className="mt-6" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add to case"}
        </Button>
      </form>
      <div className="mt-3 space-y-2">
        <FormError message={error && !emailError && !roleError ? error.message : null} />
        {notice && (
          <p
            role="status"
            className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950"
            data-testid="add-member-notice"
          >
            {notice}
          </p>
        )}
      </div>
    </section>
  );
}
