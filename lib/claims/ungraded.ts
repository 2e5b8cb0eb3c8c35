// Alone in its module so the document list can show it without the scales behind ./reliability.ts.

/** What an ungraded claim or document shows instead of a letter: it has no graded source, which is not F. */
export const UNGRADED = "no source: ungraded";
