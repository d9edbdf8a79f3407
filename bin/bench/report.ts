import type { describeMachine } from './machine.js';

export interface BenchRow {
  figure: string;
  value: string;
  goal: string;
  /** null where the row has no goal of its own (a reference figure). */
  met: boolean | null;
}

/** The machine and one markdown table, ready to paste into README.md. */
export function renderReport(machine: ReturnType<typeof describeMachine>, context: string[], rows: BenchRow[]): string {
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, Node ${machine.node}, ${machine.os}`,
    ...context,
    '',
    '| figure | value | goal | met |',
    '|---|---:|---|:---:|',
    ...rows.map((row) => `| ${row.figure} | ${row.value} | ${row.goal} | ${row.met === null ? '' : row.met ? 'yes' : 'no'} |`),
  ];
  return lines.join('\n');
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
