// docker-compose.yml documents the production topology, and no Docker engine runs here to try it: these checks read
// the file and the Dockerfile against the code they start, so a renamed entry point, a setting the production config
// demands or a folder the processes write cannot drift away from it unnoticed (docs/operations.md).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../bin/config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { engines: { node: string } };
const { api, worker, migrate } = compose.services as Record<'api' | 'worker' | 'migrate', Service>;

/** `${POSTGRES_PASSWORD:?set …}` as the operator would fill it in. */
const filledIn = (environment: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [
      key,
      String(value).replace(/\$\{([A-Z_]+)(:\?[^}]*)?\}/g, (_m, name: string) => (name === 'JWT_SECRET' ? 'x'.repeat(32) : `filled-${name.toLowerCase()}`)),
    ]),
  );

describe('the production topology in docker-compose.yml', () => {
  it.each([
    ['api', api],
    ['worker', worker],
    ['migrate', migrate],
  ])('starts the %s from an entry point that exists', (_name, service) => {
    const entry = service?.command?.at(-1) ?? '';
    expect(entry).toMatch(/^bin\/[a-z-]+\.ts$/);
    expect(existsSync(`${root}${entry}`), entry).toBe(true);
  });

  it.each([
    ['api', api],
    ['worker', worker],
  ])('gives the %s every setting the production configuration demands', (_name, service) => {
    const config = loadConfig(filledIn(service?.environment));
    expect(config.env).toBe('production');
    expect(config.db.url).toBeDefined();
    expect(config.temporal.address).toBe('temporal:7233');
  });

  it('puts the API and the worker on one task queue and one namespace', () => {
    expect(api?.environment?.TEMPORAL_TASK_QUEUE).toBe(worker?.environment?.TEMPORAL_TASK_QUEUE);
    expect(api?.environment?.TEMPORAL_NAMESPACE).toBe(worker?.environment?.TEMPORAL_NAMESPACE);
  });

  it('migrates the schema before any API or worker replica starts, and creates the namespace first', () => {
    for (const service of [api, worker]) {
      expect(service?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(service?.depends_on?.['temporal-namespace']?.condition).toBe('service_completed_successfully');
    }
  });

  it('keeps what the processes write on volumes: the notice spool (worker) and the attachments (API)', () => {
    // The folders under DATA_DIR each process writes: bin/worker.ts's spool and api/server.ts's attachment store.
    expect(worker?.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/app\/\.data\/notices$/)]));
    expect(api?.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/app\/\.data\/attachments$/)]));
    expect(readFileSync(`${root}bin/worker.ts`, 'utf8')).toContain("join(config.dataDir, 'notices'");
    expect(readFileSync(`${root}api/server.ts`, 'utf8')).toContain("'attachments'");
    // Named volumes start from the image's folder, so it must exist there owned by the user the app runs as.
    expect(dockerfile).toMatch(/mkdir -p \/app\/\.data\/notices \/app\/\.data\/attachments && chown -R node:node \/app\/\.data/);
  });

  it('runs the Node major the project requires, and one Temporal release for the server and its schema tools', () => {
    const major = /node:(\d+)-/.exec(dockerfile)?.[1];
    expect(pkg.engines.node).toContain(`>=${major}.`);
    const server = compose.services.temporal?.image?.split(':')[1];
    expect(compose.services['temporal-schema']?.image).toBe(`temporalio/admin-tools:${server}`);
    expect(compose.services['temporal-namespace']?.image).toBe(`temporalio/admin-tools:${server}`);
  });

  it('pins every image it pulls to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) continue; // the application image is built from this checkout
      expect(service.image, name).toMatch(/:[0-9][\w.-]*$/);
    }
  });
});
