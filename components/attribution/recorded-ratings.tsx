import { ACH_RATINGS } from "@/lib/standards/scales";

type Person = { name: string; email: string };
export type RecordedRatingRow = { hypothesisKey: string; claimKey: string; rating: string; note: string; rater: Person; at: string };
export type RecordedDissentRow = { targetType: string; targetKey: string; body: string; author: Person; at: string };

const ratingLabel = (code: string) => ACH_RATINGS.find((r) => r.code === code)?.label ?? code;

/**
 * What the workspace an imported case came from recorded against this question: its raters' ACH ratings and
 * dissent (recorded_history, lib/stix/list-recorded-history.ts). Read-only and apart from the matrix: those
 * people have no account here, so none of it is a rating of this workspace or counts in its scores.
 */
export function RecordedRatings({
  hypotheses,
  claims,
  ratings,
  dissent,
}: {
  hypotheses: { id: string; title: string }[];
  claims: { id: string; statement: string }[];
  ratings: RecordedRatingRow[];
  dissent: RecordedDissentRow[];
}) {
  const hypothesisTitle = new Map(hypotheses.map((h) => [h.id, h.title]));
  const claimStatement = new Map(claims.map((c) => [c.id, c.statement]));
  const mine = ratings.filter((r) => hypothesisTitle.has(r.hypothesisKey) && claimStatement.has(r.claimKey));
  const objections = dissent.filter((d) => d.targetType === "hypothesis" && hypothesisTitle.has(d.targetKey));
  if (!mine.length && !objections.length) return null;
  return (
    <section aria-labelledby="recorded-ratings" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="recorded-ratings" className="font-semibold">
        Recorded by the workspace this case came from
      </h3>
      <p className="text-sm text-slate-700">
        This case was imported. These ratings and objections were made by people of the exporting workspace; they are kept as a read-only
        record and are not counted in the matrix above, which holds this team&apos;s own ratings.
      </p>
      {mine.length > 0 && (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Recorded ACH ratings ({mine.length})</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Hypothesis
                </th>
                <th scope="col" className="py-1 pr-3">
                  Claim
                </th>
                <th scope="col" className="py-1 pr-3">
                  Rating
                </th>
                <th scope="col" className="py-1 pr-3">
                  Rated by
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.map((r, i) => (
                <tr key={`${r.hypothesisKey}|${r.claimKey}|${r.rater.email}|${i}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">{hypothesisTitle.get(r.hypothesisKey)}</td>
                  <td className="py-1 pr-3">
                    {claimStatement.get(r.claimKey)}
                    {r.note && <span className="block text-xs text-slate-600">Note: {r.note}</span>}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {r.rating} – {ratingLabel(r.rating)}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {r.rater.name}, {r.at.slice(0, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {objections.length > 0 && (
        <ul aria-label="Recorded dissent" className="space-y-1 text-sm">
          {objections.map((d, i) => (
            <li key={`${d.targetKey}|${i}`}>
              <span className="font-medium">Dissent on {hypothesisTitle.get(d.targetKey)}</span> by {d.author.name}, {d.at.slice(0, 10)}:{" "}
              {d.body}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
