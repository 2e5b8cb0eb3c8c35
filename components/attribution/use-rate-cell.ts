"use client";
// Rating a cell: the grid shows the new rating (and the scores move) before the server answers; a refused
// or failed save puts the cell back and says so.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { achKeys } from "@/lib/client/query-keys";
import type { AchRating } from "@/lib/standards/scales";
import { withRating, type AchRaterRating, type AchView } from "./ach-view";

export type RateCellVars = { claimId: string; hypothesisId: string; rating: AchRating; note: string };
type Context = { previous: AchRaterRating | null; mine: AchRaterRating };

// Shared with clearing (use-clear-rating.ts): one mutation key (achKeys.rate) and one queue for every change to
// the caller's ratings.
export const rateScope = (questionId: string) => ({ id: `ach-rate:${questionId}` });

export function useRateCell({
  caseId,
  questionId,
  me,
  onError,
}: {
  caseId: string;
  questionId: string;
  me: { id: string; name: string };
  onError: (message: string, vars: RateCellVars) => void;
}) {
  const queryClient = useQueryClient();
  const key = achKeys.matrix(caseId, questionId);
  return useMutation<unknown, Error, RateCellVars, Context>({
    mutationKey: achKeys.rate(),
    // One queue for all ratings: "C" then a quick second "C" (→ CC) must reach the server in that order.
    scope: rateScope(questionId),
    mutationFn: ({ claimId, hypothesisId, rating, note }) =>
      api(`/api/hypotheses/${hypothesisId}/ratings/${claimId}`, { method: "PUT", json: { rating, note } }),
    onMutate: async ({ claimId, hypothesisId, rating, note }) => {
      // A refetch landing after this would paint the old rating over the optimistic one.
      await queryClient.cancelQueries({ queryKey: key });
      const view = queryClient.getQueryData<AchView>(key);
      const previous = view?.rows[claimId]?.[hypothesisId]?.find((r) => r.raterId === me.id) ?? null;
      const mine: AchRaterRating = { raterId: me.id, raterName: me.name, rating, note: note.trim() };
      if (view) queryClient.setQueryData<AchView>(key, withRating({ view, claimId, hypothesisId, raterId: me.id, rating: mine }));
      return { previous, mine };
    },
    onError: (err, vars, context) => {
      const view = queryClient.getQueryData<AchView>(key);
      const current = view?.rows[vars.claimId]?.[vars.hypothesisId]?.find((r) => r.raterId === me.id);
      // Roll back only if nothing newer was typed into this cell meanwhile.
      if (view && context && current?.rating === context.mine.rating && current.note === context.mine.note) {
        queryClient.setQueryData<AchView>(
          key,
          withRating({ view, claimId: vars.claimId, hypothesisId: vars.hypothesisId, raterId: me.id, rating: context.previous }),
        );
      }
      onError(err.message, vars);
    },
    onSettled: () => {
      // Other raters' ratings come in with a refetch, but only once the queue is empty: refetching between
      // two quick ratings would cost a round trip per keystroke for nothing.
      if (queryClient.isMutating({ mutationKey: achKeys.rate() }) === 1) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
