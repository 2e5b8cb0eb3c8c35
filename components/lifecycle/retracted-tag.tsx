// Alone in its module so a list that marks retracted rows (the case page's documents) does not load the banner.

/** A small marker for a retracted row in a list shown with retracted items. */
export function RetractedTag({ reason }: { reason?: string | null }) {
  return (
    <span
      data-testid="retracted-tag"
      title={reason ? `Retracted: ${reason}` : "Retracted"}
      className="ml-2 inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-red-900"
    >
      Retracted
    </span>
  );
}
