// The layering of docs/architecture.md as lint rules: which folder may import which. eslint.config.js applies them to
// the tree; test/tools/layering.test.ts proves each forbidden direction fails lint. Type-only imports are allowed
// where a layer needs another's types but never its code.
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);
const infrastructure = ['@mikro-orm/*', 'pg', 'hono', 'hono/*', '@hono/*', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'];

const folder = (name) => [`**/${name}/**`, `../${name}/*`, `../../${name}/*`, `../../../${name}/*`];
const ours = (names, message, allowTypeImports = false) => ({ group: names.flatMap(folder), message, allowTypeImports });

/** The wall clock: only services/business-clock.ts reads it; workflow code reads the (deterministic) workflow clock. */
export const wallClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take "now" from the business clock (services/business-clock.ts).' },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take "now" from the business clock (services/business-clock.ts).',
  },
];

const restrict = (files, paths, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

const deterministic = nodeBuiltins.map((name) => ({ name, message: 'domain/ and workflows/ must stay I/O-free and deterministic.' }));

export const layers = [
  restrict(['domain/**/*.ts'], deterministic, [
    { group: infrastructure, message: 'domain/ is pure: infrastructure belongs in db/, services/, activities/ or api/.' },
    ours(['policies', 'services', 'db', 'api', 'workflows', 'activities'], 'domain/ depends on nothing of ours.'),
  ]),
  restrict(
    ['policies/**/*.ts'],
    [],
    [
      { group: infrastructure, message: 'policies/ decide from data: no I/O.' },
      ours(['services', 'db', 'api', 'workflows', 'activities'], 'policies/ import domain/ only.'),
    ],
  ),
  restrict(['workflows/**/*.ts'], deterministic, [
    { group: infrastructure, message: 'Workflow code is deterministic: infrastructure belongs in activities/.' },
    ours(['db', 'api', 'services', 'activities'], 'workflows/ take only types from outside domain/ and policies/.', true),
  ]),
  restrict(
    ['db/**/*.ts'],
    [],
    [ours(['api', 'services', 'workflows', 'activities'], 'db/ is below the application layer: it imports domain/ and policies/ only.')],
  ),
  restrict(['services/**/*.ts'], [], [ours(['api', 'activities'], 'services/ is below the API and the activities: they call it, not the other way round.')]),
  restrict(['activities/**/*.ts'], [], [ours(['api'], 'activities/ never reach into the HTTP layer.')]),
  restrict(
    ['api/routes/**/*.ts'],
    [],
    [
      { group: ['./*.routes.js', '**/routes/*.routes.js'], message: 'Routes never import other routes: shared code belongs in services/ or api/presenters.' },
      ours(['db'], 'Routes parse, call a command in services/ and present: no database access.', true),
      ours(['activities', 'workflows'], 'Routes reach workflows only through the commands in services/.', true),
    ],
    ['api/routes/v1.ts'],
  ), // the route table mounts the routes; it is the one module that imports them
];

/** Where reading the wall clock is a rule violation (bin/ and test/ time their own work). */
export const clockFiles = ['domain/**/*.ts', 'policies/**/*.ts', 'services/**/*.ts', 'db/**/*.ts', 'activities/**/*.ts', 'api/**/*.ts', 'api/**/*.tsx'];
/** The one module that reads it, and token expiry (a security timestamp, not business time). */
export const clockExceptions = ['services/business-clock.ts', 'api/auth/**/*.ts'];
