// Where the history recorders write: new files beside the old ones, never over them. A history recorded from a
// running case's workflow code is what production will replay; overwriting it would hide a break (replay.test.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { temporal } from '@temporalio/proto';

export const historiesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

/**
 * The generation of the recordings being made (`--generation 2026-12`): it names the files, so recordings of
 * today's code stand beside those of earlier code. Required: a recorder never guesses a name it might reuse.
 */
export function generationFromArgs(argv: readonly string[] = process.argv): string {
  const at = argv.indexOf('--generation');
  const generation = at >= 0 ? argv[at + 1] : undefined;
  if (!generation || !/^[\w.-]{2,32}$/.test(generation)) {
    throw new Error('pass --generation <label> (e.g. 2026-12): recordings are added under a new name, never over old ones');
  }
  return generation;
}

/** Writes `<type>-<scenario>.<generation>[.run-n].json`; refuses if that file exists. Returns the path. */
export function writeNewHistory(name: string, generation: string, history: temporal.api.history.v1.IHistory, run = 1): string {
  mkdirSync(historiesDir, { recursive: true });
  const file = `${historiesDir}${name}.${generation}${run === 1 ? '' : `.run-${run}`}.json`;
  if (existsSync(file)) throw new Error(`${file} exists: recorded histories are never overwritten — use a new --generation`);
  writeFileSync(file, `${historyToJSON(history)}\n`, { flag: 'wx' });
  return file;
}
