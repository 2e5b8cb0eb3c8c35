import "server-only";
import { ConflictError } from "@/lib/errors";

/** Any model delegate (`tx.claim`, `tx.case`, …): only its updateMany is used. */
type VersionedModel<D> = {
  updateMany(args: {
    where: { id: string; version: number };
    data: D & { version: { increment: number } };
  }): PromiseLike<{ count: number }>;
};

/**
 * Optimistic concurrency, the one recipe: the version check and the write are one statement
 * (`updateMany` where id and version still match, bumping the version), so two parallel saves cannot
 * both pass. A count of 0 means someone saved first: a ConflictError (409) carrying `current`, the
 * record as the caller read it, so the form can show the colleague's values and keep what was typed.
 * Run it inside the use case's transaction, after reading `current` and before writing the audit row.
 */
export async function versionedUpdate<D extends object>(
  model: VersionedModel<D>,
  { id, version, data, conflict }: { id: string; version: number; data: D; conflict: { message: string; current: unknown } },
): Promise<void> {
  const { count } = await model.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError(conflict.message, { current: conflict.current });
}
