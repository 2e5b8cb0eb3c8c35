"use client";
// Discussion of a judgment: threads with replies. A comment recorded as dissent is highlighted and
// also listed at the top of the page: disagreement stays with the judgment, it is not resolved away.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, asApiError } from "@/lib/client/api";
import { commentKeys } from "@/lib/client/query-keys";
import { Button, Field, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { formatWhen } from "./judgment-labels";
import { usePostComment } from "./use-post-comment";
import type { CommentThread } from "./types";

type Comment = CommentThread["replies"][number];

export function useCommentThreads({ caseId, hypothesisId, initial }: { caseId: string; hypothesisId: string; initial: CommentThread[] }) {
  return useQuery({
    queryKey: commentKeys.thread(caseId, "hypothesis", hypothesisId),
    queryFn: () =>
      api<{ threads: CommentThread[] }>(`/api/cases/${caseId}/comments?targetType=hypothesis&targetId=${hypothesisId}`).then(
        (r) => r.threads,
      ),
    initialData: initial,
  });
}

export function dissentsOf(threads: CommentThread[]): Comment[] {
  return threads.flatMap((t) => [t, ...t.replies]).filter((c) => c.isDissent);
}

/** "Recorded dissent", at the top of the judgment. */
export function DissentSummary({ threads }: { threads: CommentThread[] }) {
  const dissents = dissentsOf(threads);
  if (!dissents.length) return null;
  return (
    <section
      aria-labelledby="dissent-heading"
      className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950"
      data-testid="dissent-summary"
    >
      <h3 id="dissent-heading" className="font-semibold">
        Recorded dissent
      </h3>
      <ul className="mt-1 space-y-1">
        {dissents.map((d) => (
          <li key={d.id}>
            <span className="font-medium">{d.author.name}</span> ({formatWhen(d.createdAt)}): {d.body}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CommentForm({
  caseId,
  hypothesisId,
  parentId,
  label,
  onDone,
}: {
  caseId: string;
  hypothesisId: string;
  parentId: string | null;
  label: string;
  onDone?: () => void;
}) {
  const [body, setBody] = useState("");
  const [isDissent, setIsDissent] = useState(false);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const id = parentId ? `reply-${parentId}` : "new-comment";
  const post = usePostComment({ caseId, hypothesisId });
  const error = asApiError(post.error);
  const fieldError = bodyError ?? error?.issueFor("body");
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return setBodyError("Write a comment.");
        setBodyError(null);
        post.mutate(
          { parentId, body, isDissent },
          {
            onSuccess: () => {
              setBody("");
              setIsDissent(false);
              onDone?.();
            },
          },
        );
      }}
    >
      <ApiErrorMessage error={post.error} />
      <Field id={id} label={label} error={fieldError}>
        <Textarea
          id={id}
          rows={parentId ? 2 : 3}
          value={body}
          maxLength={8000}
          aria-invalid={!!fieldError}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={isDissent}
            onChange={(e) => setIsDissent(e.target.checked)}
            className="h-4 w-4 rounded border-slate-400"
          />
          Record as dissent
        </label>
        <Button type="submit" variant={parentId ? "secondary" : "primary"} disabled={post.isPending}>
          {post.isPending ? "Posting…" : parentId ? "Reply" : "Comment"}
        </Button>
      </div>
    </form>
  );
}

function CommentBody({ c }: { c: Comment }) {
  return (
    <div
      className={c.isDissent ? "rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2" : ""}
      data-testid={c.isDissent ? "dissent-comment" : "comment"}
    >
      <p className="text-xs text-slate-600">
        <span className="font-semibold text-slate-900">{c.author.name}</span> ·{" "}
        <time dateTime={c.createdAt}>{formatWhen(c.createdAt)}</time>
        {c.isDissent && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-950">Dissent</span>}
      </p>
      <p className="whitespace-pre-wrap text-sm text-slate-900">{c.body}</p>
    </div>
  );
}

export function CommentThreads({
  caseId,
  hypothesisId,
  threads,
  canComment,
}: {
  caseId: string;
  hypothesisId: string;
  threads: CommentThread[];
  canComment: boolean;
}) {
  const [replyTo, setReplyTo] = useState<string | null>(null);
  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <h3 id="comments-heading" className="font-semibold">
        Comments
      </h3>
      {threads.length === 0 && <p className="text-sm text-slate-600">No comments yet.</p>}
      <ul className="space-y-3">
        {threads.map((t) => (
          <li key={t.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="comment-thread">
            <CommentBody c={t} />
            {t.replies.length > 0 && (
              <ul className="ml-4 space-y-2 border-l border-slate-200 pl-3" aria-label="Replies">
                {t.replies.map((r) => (
                  <li key={r.id}>
                    <CommentBody c={r} />
                  </li>
                ))}
              </ul>
            )}
            {canComment &&
              (replyTo === t.id ? (
                <div className="ml-4">
                  <CommentForm
                    caseId={caseId}
                    hypothesisId={hypothesisId}
                    parentId={t.id}
                    label="Your reply"
                    onDone={() => setReplyTo(null)}
                  />
                </div>
              ) : (
                <button type="button" className="text-sm font-medium text-indigo-800 hover:underline" onClick={() => setReplyTo(t.id)}>
                  Reply<span className="sr-only"> to {t.author.name}</span>
                </button>
              ))}
          </li>
        ))}
      </ul>
      {canComment && <CommentForm caseId={caseId} hypothesisId={hypothesisId} parentId={null} label="New comment" />}
    </section>
  );
}
