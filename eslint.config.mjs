import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const INLINE_KEY = {
  selector: "Property[key.name=/^(queryKey|mutationKey)$/] > ArrayExpression",
  message: "Take the key from a factory in lib/client/query-keys.ts (add one there if it is missing).",
};
const INLINE_MUTATION = {
  selector: "CallExpression[callee.name='useMutation']",
  message: "Put the mutation in a use-<verb>-<noun>.ts hook beside the component (e.g. components/claims/use-update-claim.ts).",
};
const config = [
  ...next,
  ...ts,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layer boundaries (CONTRIBUTING.md): pages and components reach data through lib services, never the
  // database client; lib/ is the domain and never imports the UI. tests/unit/import-boundaries.test.ts
  // shows a violation fails.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/generated/**", "**/lib/generated/**"],
              message:
                "app/ and components/ never touch the database client: call a lib service, and take enum types from @/lib/domain-types.",
            },
          ],
        },
      ],
    },
  },
  // Client seams (STYLE.md §12): a query key comes from a factory in lib/client/query-keys.ts, never an inline
  // array, and a mutation lives in a use-<verb>-<noun>.ts hook beside its feature. Two blocks because a later
  // block's no-restricted-syntax replaces an earlier one's: hooks get the key rule, everything else both.
  // tests/unit/import-boundaries.test.ts shows a violation fails.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", INLINE_KEY] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["components/**/use-*.ts"],
    rules: { "no-restricted-syntax": ["error", INLINE_KEY, INLINE_MUTATION] },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/app/**", "@/components/**"], message: "lib/ is the domain: it never imports app/ or components/." }],
        },
      ],
    },
  },
];
export default config;
