/** Case titles are at most 200 characters (lib/cases/schemas.ts). */
const TITLE_MAX = 200;
const MARK = / \(imported \d{4}-\d{2}-\d{2}\)$/;

/**
 * The title of a case made by an import: the original's title marked with the day of the import, so the
 * copy and the original are never confused in a list ("Albania (imported 2026-12-04)"). A title that
 * already carries a mark (a copy of a copy) keeps one, the newest; a long title is shortened to fit.
 */
export function importedTitle(title: string, at: Date = new Date()): string {
  const mark = ` (imported ${at.toISOString().slice(0, 10)})`;
  const base = title.trim().replace(MARK, "") || "Untitled";
  return base.length + mark.length <= TITLE_MAX ? base + mark : `${base.slice(0, TITLE_MAX - mark.length - 1).trimEnd()}…${mark}`;
}

/** The title without an import mark: what an export → import round trip must keep. */
export function withoutImportMark(title: string): string {
  return title.replace(MARK, "");
}
