// Small pieces shared by the launchers of PostgreSQL and the Temporal dev server: following a child's output line by
// line, waiting for it to exit, and dealing with a server a crashed earlier run left behind.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Calls `onLine` for every complete non-blank line of the child's stdout and stderr. */
export function followOutput(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) followLines(stream, onLine);
  }
}

function followLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim() !== '') onLine(line);
  });
}

/** Resolves once the child has exited (immediately if it already has); never rejects. */
export async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/** Sends `signal`, then SIGKILL if the child is still running after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = waitForExit(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The last `size` lines seen, for error messages that show why a server did not start. */
export function tailBuffer(size: number) {
  const lines: string[] = [];
  return {
    push(line: string) {
      lines.push(line);
      if (lines.length > size) lines.shift();
    },
    text: () => (lines.length === 0 ? '(no output)' : lines.join('\n')),
  };
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we are not root)
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process, or '' when it cannot be read. */
export function processCommand(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Stops a process we did not spawn (an orphan of a crashed run): `signal`, then SIGKILL after `graceMs`. */
export async function stopPid(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (processIsAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // A SIGKILLed process can linger as a zombie where PID 1 does not reap; it no longer holds ports or files.
  const zombieDeadline = Date.now() + 5_000;
  while (processIsAlive(pid) && Date.now() < zombieDeadline) await new Promise((r) => setTimeout(r, 100));
}
