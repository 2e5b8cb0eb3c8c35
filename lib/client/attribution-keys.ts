// Kept only for components/cases/presence-indicator.tsx (another change is under way there); every key lives in
// query-keys.ts. Delete this file once that import points at "@/lib/client/query-keys".
export { presenceKeys } from "./query-keys";
