// Types for refuse-unsupported-methods.mjs: it has no exports, only the side effect of loading it.
export {};
