"use client";
// Clearing a cell back to "not rated": like rating, the grid (and the scores) change before the server
// answers, and a refused or failed clear puts the rating back and says so. It shares the rating queue, so
// "C" then Delete then "N" reach the server in the order they were typed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { achKeys } from "@/lib/client/query-keys";
import { withRating, type AchRaterRating, type AchView } from "./ach-view";
import { rateScope } from "./use-rate-cell";

export type ClearRatingVars = { claimId: string; hypothesisId: string };
type Context = { previous: AchRaterRating | null };

export function useClearRating({
  caseId,
  questionId,
  me,
  onError,
}: {
  caseId: string;
  questionId: string;
  me: { id: string };
  onError: (message: string, vars: ClearRatingVars) => void;
}) {
  const queryClient = useQueryClient();
  const key = achKeys.matrix(caseId, questionId);
  return useMutation<unknown, Error, ClearRatingVars, Context>({
    mutationKey: achKeys.rate(),
    scope: rateScope(questionId),
    mutationFn: ({ claimId, hypothesisId }) => api(`/api/hypotheses/${hypothesisId}/ratings/${claimId}`, { method: "DELETE" }),
    onMutate: async ({ claimId, hypothesisId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const view = queryClient.getQueryData<AchView>(key);
      const previous = view?.rows[claimId]?.[hypothesisId]?.find((r) => r.raterId === me.id) ?? null;
      if (view) queryClient.setQueryData<AchView>(key, withRating({ view, claimId, hypothesisId, raterId: me.id, rating: null }));
      return { previous };
    },
    onError: (err, vars, context) => {
      const view = queryClient.getQueryData<AchView>(key);
      const current = view?.rows[vars.claimId]?.[vars.hypothesisId]?.find((r) => r.raterId === me.id);
      // Put the rating back only if the cell is still empty: a rating typed meanwhile wins.
      if (view && context?.previous && !current) {
        queryClient.setQueryData<AchView>(
          key,
          withRating({ view, claimId: vars.claimId, hypothesisId: vars.hypothesisId, raterId: me.id, rating: context.previous }),
        );
      }
      onError(err.message, vars);
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: achKeys.rate() }) === 1) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
