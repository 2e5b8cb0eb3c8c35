"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { tokenKeys } from "@/lib/client/query-keys";
import type { TokenRow } from "./api-token-manager";

export type CreatedToken = { token: string; apiToken: TokenRow };

/** Create a token; the answer holds the secret, shown once. The token list refreshes. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<CreatedToken>("/api/tokens", { method: "POST", json: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}

export function useRevokeApiToken({ tokenId }: { tokenId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/tokens/${tokenId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}
