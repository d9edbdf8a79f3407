// Locates schemathesis, the property-based API tester that `npm test` runs against the running system
// (test/api/openapi-contract.e2e.test.ts). It is a PyPI package, so like the Temporal binaries it is installed by
// setup into a virtualenv of its own under `.tools/`, pinned, instead of being expected on the machine.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { toolsDir } from './temporal-binaries.js';

/** The pinned release; the next older one is tried when the pinned wheel does not install. */
export const SCHEMATHESIS_VERSIONS = ['4.32.5', '4.32.4'] as const;

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Path of the `schemathesis` command: `$SCHEMATHESIS_PATH`, else `<tools>/schemathesis/bin/schemathesis`, installing
 * `schemathesis==4.32.5` from PyPI into that virtualenv when it is missing (its own venv: its dependencies stay out of
 * the Temporal binaries' one). Throws with what it tried when the install fails.
 */
export function schemathesisPath(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['SCHEMATHESIS_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (!isExecutable(explicit)) throw new Error(`SCHEMATHESIS_PATH=${explicit} is not an executable file`);
    return resolve(explicit);
  }
  const venv = join(toolsDir(env), 'schemathesis');
  const command = join(venv, 'bin', 'schemathesis');
  if (isExecutable(command) && installedVersion(venv) === SCHEMATHESIS_VERSIONS[0]) return command;

  const pip = join(venv, 'bin', 'pip');
  if (!isExecutable(pip)) {
    const made = spawnSync('python3', ['-m', 'venv', venv], { env, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not create the virtualenv ${venv}: ${made.stderr || String(made.error)}`);
  }
  const failures: string[] = [];
  for (const version of SCHEMATHESIS_VERSIONS) {
    process.stderr.write(`[tools] installing schemathesis==${version} into ${venv}\n`);
    const result = spawnSync(pip, ['install', '--disable-pip-version-check', `schemathesis==${version}`], { env, encoding: 'utf8' });
    if (result.status === 0 && isExecutable(command)) return command;
    failures.push(`  schemathesis==${version}: ${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-4).join(' | ')}`);
  }
  throw new Error(`Could not install schemathesis with ${pip}:\n${failures.join('\n')}\nInstall it yourself and set SCHEMATHESIS_PATH.`);
}

function installedVersion(venv: string): string | undefined {
  const result = spawnSync(join(venv, 'bin', 'python'), ['-c', 'import importlib.metadata as m; print(m.version("schemathesis"))'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
