/**
 * The first `max` UTF-16 units of `text`, never ending on half a character: a cut between the two halves of a
 * surrogate pair (an emoji, many CJK extension characters) keeps the whole pair out. Half a pair is stored as
 * U+FFFD in a text column and is refused in JSON by PostgreSQL, so an audit event carrying it fails the save.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
