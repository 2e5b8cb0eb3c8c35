import "server-only";
import { db } from "@/lib/db";
import { containment, shingles, DEFAULT_NEAR_DUPLICATE_THRESHOLD } from "@/lib/claims/independence";

/** A document already in the case that a new capture copies: exactly, by text, or nearly. */
export type DuplicateHint = { id: string; title: string; sameBytes: boolean; match: "bytes" | "text" | "near"; similarity: number };

// Bounds the work of one capture: the most recent documents of the case, each compared on its first
// 200,000 characters (a wire story is at the top of a republication, not in its 900th kB).
const MAX_COMPARED = 300;
const PREFIX_CHARS = 200_000;
const MIN_SHINGLES = 3;

/**
 * Documents of the case that the new text copies: the same bytes or text (by hash), or a near-copy by
 * shingle containment |A∩B| / min(|A|,|B|) ≥ 0.5, so a wire story inside a longer article is caught.
 */
export async function findNearDuplicates({
  caseId,
  text,
  sha256,
  textSha256,
}: {
  caseId: string;
  text: string;
  sha256: string;
  textSha256: string;
}): Promise<DuplicateHint[]> {
  const rows = await db.$queryRaw<{ id: string; title: string; sha256: string; text_sha256: string; prefix: string }[]>`
    SELECT id, title, sha256, text_sha256, left(text, ${PREFIX_CHARS}) AS prefix
    FROM documents WHERE case_id = ${caseId}::uuid
    ORDER BY created_at DESC LIMIT ${MAX_COMPARED}`;
  const mine = shingles(text.slice(0, PREFIX_CHARS));
  const hints: DuplicateHint[] = [];
  for (const r of rows) {
    if (r.sha256 === sha256 || r.text_sha256 === textSha256) {
      hints.push({
        id: r.id,
        title: r.title,
        sameBytes: r.sha256 === sha256,
        match: r.sha256 === sha256 ? "bytes" : "text",
        similarity: 1,
      });
      continue;
    }
    const theirs = shingles(r.prefix);
    // A few words in common are not a copy: both texts must have some length before one "contains" the other.
    if (Math.min(mine.size, theirs.size) < MIN_SHINGLES) continue;
    const similarity = containment(mine, theirs);
    if (similarity >= DEFAULT_NEAR_DUPLICATE_THRESHOLD)
      hints.push({ id: r.id, title: r.title, sameBytes: false, match: "near", similarity: Math.round(similarity * 100) / 100 });
  }
  return hints.sort((a, b) => b.similarity - a.similarity);
}
