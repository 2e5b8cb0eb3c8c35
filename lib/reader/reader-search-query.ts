// The reader's ?q= (the search a hit came from). Anything that is not a plausible search is ignored,
// never an error: the link is shareable and may have been mangled, and the document must still open.
import { z } from "zod";
import { MAX_QUERY_CHARS } from "@/lib/search/schemas";

const ReaderQuerySchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_QUERY_CHARS)
  // Control characters (NUL included) are never typed into the search box.
  .refine((q) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(q));

/** The query to highlight, or null when `raw` is absent, repeated, blank, too long or not text. */
export function readerSearchQuery(raw: unknown): string | null {
  const parsed = ReaderQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
