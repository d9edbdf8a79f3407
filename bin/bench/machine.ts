import { cpus, totalmem, platform, release } from 'node:os';

/** What the figures were measured on, printed above the table so two runs can be compared fairly. */
export function describeMachine(): { cpu: string; cores: number; memory: string; node: string; os: string } {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
