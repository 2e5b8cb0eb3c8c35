import type { Retraction } from "./use-retract";

/** A retracted item's page says so first and plainly: when, by whom and why. */
export function RetractedBanner({ kind, retraction }: { kind: string; retraction: Retraction | null }) {
  if (!retraction) return null;
  return (
    <div role="alert" data-testid="retracted-banner" className="rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3 text-red-950">
      <p className="font-semibold">
        This {kind} was retracted on {retraction.at.slice(0, 10)}
        {retraction.by ? ` by ${retraction.by}` : ""}.
      </p>
      <p className="mt-1 text-sm">Reason: {retraction.reason}</p>
      <p className="mt-1 text-xs">
        It is kept for the record but is no longer evidence: it is hidden from lists, search and the ACH matrix unless retracted items are
        shown.
      </p>
    </div>
  );
}

export { RetractedTag } from "./retracted-tag";
