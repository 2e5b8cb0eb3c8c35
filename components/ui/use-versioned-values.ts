"use client";
import { useState } from "react";
import { isConflict } from "@/lib/client/api";

/**
 * State for a form that edits a versioned record (optimistic concurrency): the form owns its copy of
 * the values and the version it read, so a background refetch cannot slip a newer version under the
 * user's edits. After a 409, `conflict` holds the other person's record until the user picks: keep
 * their own values (saved over the newer version next) or take the other one.
 */
export function useVersionedValues<V, C extends { version: number }>({
  initial,
  version: initialVersion,
  reset,
}: {
  initial: V;
  version: number;
  reset: () => void;
}) {
  const [values, setValues] = useState<V>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<C | null>(null);
  const resolve = (next: V | null) => {
    if (!conflict) return;
    if (next) setValues(next);
    setVersion(conflict.version);
    setConflict(null);
    reset();
  };
  /** For a mutation's onError: a 409 carrying `current` opens the conflict. */
  const onSaveError = (err: unknown) => {
    if (isConflict(err)) setConflict(err.body.current as C);
  };
  return { values, setValues, version, conflict, resolve, onSaveError };
}
