// The layer rules of CONTRIBUTING.md are enforced by ESLint (eslint.config.mjs): this lints deliberate
// violations with the project's own configuration and expects them to fail, and the allowed forms to pass.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });
async function ruleIds(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId);
}

describe("import boundaries", () => {
  it("refuses the database client and the generated Prisma client in components and pages", async () => {
    expect(await ruleIds("components/briefs/violation.tsx", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toContain(
      "no-restricted-imports",
    );
    expect(
      await ruleIds(
        "app/cases/violation.tsx",
        'import type { CaseRole } from "@/lib/generated/prisma/enums";\nexport type X = CaseRole;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds("components/cases/allowed.tsx", 'import type { CaseRole } from "@/lib/domain-types";\nexport type X = CaseRole;\n'),
    ).not.toContain("no-restricted-imports");
  }, 60_000);

  it("refuses app/ and components/ in lib/", async () => {
    expect(
      await ruleIds(
        "lib/claims/violation.ts",
        'import { BriefView } from "@/components/briefs/brief-view";\nexport const x = BriefView;\n',
      ),
    ).toContain("no-restricted-imports");
    expect(await ruleIds("lib/claims/violation.ts", 'import { GET } from "@/app/api/cases/route";\nexport const x = GET;\n')).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIds("lib/claims/allowed.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).not.toContain(
      "no-restricted-imports",
    );
  }, 60_000);
});

describe("client seams", () => {
  const mutation =
    'import { useMutation } from "@tanstack/react-query";\nexport const useX = () => useMutation({ mutationFn: async () => 1 });\n';
  it("refuses useMutation outside a use-*.ts hook in components", async () => {
    expect(await ruleIds("components/claims/violation.tsx", mutation)).toContain("no-restricted-syntax");
    expect(await ruleIds("components/claims/use-allowed.ts", mutation)).not.toContain("no-restricted-syntax");
  }, 60_000);

  it("refuses an inline array as a query key", async () => {
    const inline =
      'import { useQuery } from "@tanstack/react-query";\nexport const useX = () => useQuery({ queryKey: ["cases"], queryFn: async () => 1 });\n';
    const factory =
      'import { useQuery } from "@tanstack/react-query";\nimport { caseKeys } from "@/lib/client/query-keys";\nexport const useX = () => useQuery({ queryKey: caseKeys.list(), queryFn: async () => 1 });\n';
    expect(await ruleIds("components/claims/violation.tsx", inline)).toContain("no-restricted-syntax");
    expect(await ruleIds("components/claims/use-violation.ts", inline)).toContain("no-restricted-syntax");
    expect(await ruleIds("components/claims/allowed.tsx", factory)).not.toContain("no-restricted-syntax");
  }, 60_000);
});
