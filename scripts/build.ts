// The production build, made only when the sources changed (scripts/lib/build-app.ts). npm test makes it while the
// static checks run, so the browser tests' server (scripts/start.ts) finds it ready.
import { buildIfNeeded } from "./lib/build-app";

if (!buildIfNeeded({ label: "build" })) console.log("build: the build in place matches the sources");
