// Types of eslint.layers.js, for test/tools/layering.test.ts.
import type { Linter } from 'eslint';

export const layers: Linter.Config[];
export const wallClock: { selector: string; message: string }[];
export const clockFiles: string[];
export const clockExceptions: string[];
