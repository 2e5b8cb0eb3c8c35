// jsdom for tests that need a DOM (it ships no type declarations): narrowed to what the tests use.
// @ts-expect-error -- no declarations in the package
import * as jsdomModule from "jsdom";

type JsdomCtor = new (
  html: string,
  options?: { runScripts?: "outside-only" },
) => { window: { document: Document; DOMParser: typeof DOMParser; close(): void } };
export const { JSDOM } = jsdomModule as unknown as { JSDOM: JsdomCtor };
