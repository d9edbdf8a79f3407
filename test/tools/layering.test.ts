// The layering of docs/architecture.md holds because lint refuses every forbidden direction (eslint.layers.js). Each
// case below lints a one-line file placed in a layer and expects exactly the rule that guards that direction to fire —
// and the allowed directions to pass, so a rule that refuses everything would fail here too.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { clockExceptions, clockFiles, layers, wallClock } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin } },
    ...layers,
    { files: clockFiles, ignores: clockExceptions, rules: { 'no-restricted-syntax': ['error', ...wallClock] } },
  ],
});

async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

const imports = '@typescript-eslint/no-restricted-imports';

describe('layering guarded by lint (docs/architecture.md "Layers and folders")', () => {
  it.each([
    ['domain imports nothing of ours', 'domain/contribution/probe.ts', "import { x } from '../../policies/abilities.js';"],
    ['domain does no I/O', 'domain/probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['domain uses no ORM', 'domain/probe.ts', "import { MikroORM } from '@mikro-orm/postgresql';"],
    ['policies do not read the database', 'policies/probe.ts', "import { findCase } from '../db/queries/case.query.js';"],
    ['policies do not call the API', 'policies/probe.ts', "import { problem } from '../api/problem.js';"],
    ['db does not import the API', 'db/queries/probe.ts', "import { problem } from '../../api/problem.js';"],
    ['db does not import workflows', 'db/writers/probe.ts', "import { enrollment } from '../../workflows/index.js';"],
    ['db does not import the application layer', 'db/writers/probe.ts', "import { claimTask } from '../../services/tasks/claim-task.js';"],
    ['services do not import the API', 'services/tasks/probe.ts', "import { problem } from '../../api/problem.js';"],
    ['services do not import activities', 'services/tasks/probe.ts', "import { createActivities } from '../../activities/index.js';"],
    ['activities do not import the API', 'activities/probe.ts', "import { problem } from '../api/problem.js';"],
    ['workflows do not import the database', 'workflows/probe.ts', "import { findCase } from '../db/queries/case.query.js';"],
    ['workflows do not import activity code', 'workflows/probe.ts', "import { createActivities } from '../activities/index.js';"],
    ['workflows do no I/O', 'workflows/probe.ts', "import { readFile } from 'node:fs';"],
    ['routes do not import other routes', 'api/routes/probe.routes.ts', "import { taskRoutes } from './tasks.routes.js';"],
    ['routes do not touch the database', 'api/routes/probe.routes.ts', "import { findCase } from '../../db/queries/case.query.js';"],
    ['routes reach workflows only through commands', 'api/routes/probe.routes.ts', "import { enrollment } from '../../workflows/index.js';"],
  ])('refuses: %s', async (_rule, filePath, code) => {
    expect(await rulesFired(filePath, code)).toEqual([imports]);
  });

  it.each([
    ['a workflow takes activity types', 'workflows/probe.ts', "import type { Activities } from '../activities/index.js';"],
    ['a route takes a DTO type from db/', 'api/routes/probe.routes.ts', "import type { TaskView } from '../../db/queries/task.query.js';"],
    [
      'a command uses db/ and policies/',
      'services/tasks/probe.ts',
      "import { findTask } from '../../db/queries/task.query.js';\nimport { refusalFor } from '../../policies/abilities.js';",
    ],
    ['an activity calls a command', 'activities/probe.ts', "import { runArrearsSweep } from '../services/arrears/run-arrears-sweep.js';"],
    ['the route table mounts the routes', 'api/routes/v1.ts', "import { taskRoutes } from './tasks.routes.js';"],
  ])('allows: %s', async (_rule, filePath, code) => {
    expect(await rulesFired(filePath, code)).toEqual([]);
  });

  it('lets only the business clock read the wall clock; workflow code reads the workflow clock (docs/architecture.md "Time")', async () => {
    expect(await rulesFired('services/tasks/probe.ts', 'export const now = new Date();')).toEqual(['no-restricted-syntax']);
    expect(await rulesFired('activities/probe.ts', 'export const now = Date.now();')).toEqual(['no-restricted-syntax']);
    expect(await rulesFired('api/web/probe.tsx', 'export const now = Date.now();')).toEqual(['no-restricted-syntax']);
    expect(await rulesFired('services/business-clock.ts', 'export const now = () => new Date();')).toEqual([]);
    expect(await rulesFired('workflows/probe.ts', 'export const now = () => Date.now();')).toEqual([]);
    expect(await rulesFired('services/probe.ts', "export const then = new Date('2026-01-01');")).toEqual([]);
  });
});
