// The case's ATT&CK view as an ATT&CK Navigator layer (layer format 4.5, enterprise-attack), which the Navigator
// opens as is: a score per technique (its number of claims) and a comment naming the claims.
import type { CaseAttackView } from "./get-case-attack";

export type NavigatorLayer = {
  name: string;
  versions: { attack: string; navigator: string; layer: string };
  domain: "enterprise-attack";
  description: string;
  techniques: { techniqueID: string; tactic: string; score: number; comment: string; enabled: boolean; showSubtechniques: boolean }[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  hideDisabled: boolean;
};

const MAX_COMMENT_CLAIMS = 20;

export function navigatorLayer(view: CaseAttackView, { caseTitle, exportedAt }: { caseTitle: string; exportedAt: Date }): NavigatorLayer {
  const statement = new Map(view.claims.map((c) => [c.id, c]));
  const techniques: NavigatorLayer["techniques"] = [];
  let max = 1;
  for (const tactic of view.tactics) {
    for (const parent of tactic.techniques) {
      for (const cell of [parent, ...parent.subtechniques]) {
        const ids = cell.claimIds;
        const score = cell === parent ? parent.claimCount : cell.claimIds.length;
        if (score === 0) continue;
        max = Math.max(max, score);
        const lines = ids.slice(0, MAX_COMMENT_CLAIMS).map((id) => {
          const c = statement.get(id);
          return c ? `[credibility ${c.credibility}] ${c.statement}` : id;
        });
        if (ids.length > MAX_COMMENT_CLAIMS) lines.push(`… and ${ids.length - MAX_COMMENT_CLAIMS} more`);
        techniques.push({
          techniqueID: cell.id,
          tactic: tactic.shortname,
          score,
          comment: lines.length ? lines.join("\n") : "Tagged on claims of its sub-techniques.",
          enabled: true,
          showSubtechniques: parent.subtechniques.length > 0,
        });
      }
    }
  }
  return {
    name: `${caseTitle}: observed behaviour`.slice(0, 200),
    versions: { attack: view.attackVersion.split(".")[0], navigator: "5.1.0", layer: "4.5" },
    domain: "enterprise-attack",
    description: `Techniques tagged on the case's claims (rejected and retracted claims left out); score = number of claims. Exported ${exportedAt.toISOString()}.`,
    techniques,
    gradient: { colors: ["#ffe5e5", "#e60d0d"], minValue: 0, maxValue: max },
    legendItems: [],
    metadata: [{ name: "exported_from", value: "Casefile" }],
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    hideDisabled: false,
  };
}
