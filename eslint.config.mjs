import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

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
