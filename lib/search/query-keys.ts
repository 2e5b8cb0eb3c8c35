// TanStack Query keys for search (client side).
export const searchKeys = {
  all: ["search"] as const,
  quick: (q: string) => ["search", "quick", q] as const,
};
