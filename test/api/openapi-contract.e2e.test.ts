// The OpenAPI document is the truth (issue 15, point 1): schemathesis fuzzes every operation of the running system —
// API and worker on the run's PostgreSQL and Temporal — with a token per role, and the run must end with no server
// error, no status the document does not declare, no schema-valid request refused with 400 and no answer that breaks
// its own schema. Bounded (examples per operation, a fixed seed) so it takes a few minutes on two cores.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemathesisPath } from '../../bin/tools/schemathesis.js';
import type { TokenRequest } from '../../api/auth/tokens.js';
import { roles, type Role } from '../../policies/abilities.js';
import { startSystem, type TestSystem } from '../support/system.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'content_type_conformance',
  'unsupported_method',
];
const MAX_EXAMPLES = Number(process.env['SCHEMATHESIS_MAX_EXAMPLES'] ?? 5);

/** One identity per role, scoped where the demonstration data lives (Hangzhou, Shangcheng district 330102). */
const identities: Record<Role, TokenRequest> = {
  citizen: { sub: '330102199003071230', role: 'citizen' },
  employer: { sub: 'agent-1', role: 'employer', employer: '91330102MA2H00014Y' },
  caseworker: { sub: 'cw-001', role: 'caseworker', region: '330102' },
  reviewer: { sub: 'rv-001', role: 'reviewer', region: '330102' },
  supervisor: { sub: 'sv-001', role: 'supervisor', region: '330100' },
  auditor: { sub: 'au-001', role: 'auditor', region: '330000' },
  admin: { sub: 'ad-001', role: 'admin', region: '330100' },
};

type Run = { code: number | null; output: string };

function runSchemathesis(url: string, tokens: Record<string, string>, reportDir: string): Promise<Run> {
  const args = [
    '--config-file',
    join(here, 'contract', 'schemathesis.toml'),
    'run',
    `${url}/openapi.json`,
    '--checks',
    CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(MAX_EXAMPLES),
    '--seed',
    '20261201',
    // One worker: the roles take turns request by request, so a seed replays the same requests as the same roles.
    '--workers',
    '1',
    '--no-shrink',
    '--request-timeout',
    '30',
    '--report',
    'junit,ndjson',
    '--report-dir',
    reportDir,
  ];
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the API under test runs in this process and must keep answering.
    const child = spawn(schemathesisPath(), args, {
      env: {
        ...process.env,
        SIS_ROLE_TOKENS: JSON.stringify(tokens),
        SCHEMATHESIS_HOOKS: 'hooks',
        PYTHONPATH: join(here, 'contract'),
        NO_COLOR: '1',
        COLUMNS: '160',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** The run's closing figures, as schemathesis prints them ("Test cases: 812 generated, …"). */
function summaryOf(output: string): string {
  const start = output.lastIndexOf('SUMMARY');
  return start < 0 ? output.slice(-3000) : output.slice(start);
}

describe('OpenAPI is the truth: schemathesis against the running system (issue 15 point 1)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // A database of its own: the generated requests must meet only what this run made, never a case of an earlier
    // file whose workflow waits on that file's stopped worker (it would rightly answer 503, and fail the run).
    system = await startSystem({ ownDatabase: true });
  });
  afterAll(async () => {
    await system.close();
  });

  it('finds no server error, undeclared status, refused schema-valid request or response-schema violation, for every role', async () => {
    const tokens = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await system.token(identities[role])] as const)));
    const reportDir = join('test-results', 'schemathesis');
    mkdirSync(reportDir, { recursive: true });
    const started = Date.now();
    const run = await runSchemathesis(system.url, tokens, reportDir);
    const summary = summaryOf(run.output);
    console.log(`schemathesis ${CHECKS.join(', ')}; roles ${roles.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s\n${summary}`);
    expect(run.code, run.output.slice(-20_000)).toBe(0);
    expect(summary).toMatch(/\d+ generated/);
  }, 600_000);

  it('answers an undeclared method on a known path with 405, problem+json and Allow', async () => {
    const token = await system.token(identities.caseworker);
    const res = await system.call('DELETE', '/v1/cases/EN2026000001', { token });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    const unknown = await system.call('DELETE', '/v1/no-such-thing', { token });
    expect(unknown.status).toBe(404);
  });

  it('declares the answers of the shared layers on every operation (401, 400, 413, 415, 429)', async () => {
    const { body: doc } = await system.call('GET', '/openapi.json');
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] }>>,
    )
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(40);
    for (const { name, op } of operations) {
      const statuses = Object.keys(op.responses);
      // The public routes (the guide, the certificate check) declare `security: []`: no 401, but still rate-limited.
      const secured = op.security === undefined || op.security.length > 0;
      expect(statuses, name).toEqual(expect.arrayContaining(secured ? ['401', '429'] : ['429']));
      if (op.requestBody !== undefined) expect(statuses, name).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });
});
