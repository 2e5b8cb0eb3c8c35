// Which of the case's entities a quote names: the claim panel suggests tagging them. Pure, shared by the
// panel and its unit test. A name or alias matches as a whole word (so "Iran" is not found in
// "Iranian"), ignoring case and accents' composed/decomposed forms.

export type TaggableEntity = { id: string; name: string; aliases: string[] };

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The entities named (by name or alias) in `quote`, in the order they first appear; names shorter than 2 characters are ignored. */
export function entitiesNamedIn<E extends TaggableEntity>(quote: string, entities: readonly E[]): E[] {
  const text = norm(quote);
  const found: { entity: E; at: number }[] = [];
  for (const entity of entities) {
    let first = -1;
    for (const label of [entity.name, ...entity.aliases]) {
      const l = norm(label.trim());
      if (l.length < 2) continue;
      const m = new RegExp(`(?<![\\p{L}\\p{N}])${escape(l)}(?![\\p{L}\\p{N}])`, "u").exec(text);
      if (m && (first < 0 || m.index < first)) first = m.index;
    }
    if (first >= 0) found.push({ entity, at: first });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.entity);
}
