// Employers, actors and ledger reads shared by the contribution command tests (real PostgreSQL).
import type { Actor } from '../../../policies/abilities.js';
import { creditCode } from '../../support/factories.js';
import type { TestSystem } from '../../support/system.js';

/** 2 400.00 a month: one employee on 10 000.00, pension only (16 % + 8 %). */
export const pensionLine = (citizenId: string, name = '张三') => ({ citizenId, name, monthlyWage: '10000.00', insuranceTypes: ['pension' as const] });

export const caseworker: Actor = { id: 'cw-svc-1', role: 'caseworker', region: '330102' };
export const supervisor: Actor = { id: 'sv-svc-1', role: 'supervisor', region: '330102' };
export const admin: Actor = { id: 'adm-svc-1', role: 'admin', region: '330102' };

/** A new active employer in 330102 (work-injury class 2) and its agent. */
export async function newEmployer(system: TestSystem): Promise<{ code: string; agent: Actor }> {
  const code = creditCode('330102');
  await system.orm.em.fork().execute(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
     values (?, '测试用人单位', '330102', 'active', 'H6210', 2, 'test', now())`,
    [code],
  );
  return { code, agent: { id: `agent-${code.slice(-6)}`, role: 'employer', employer: code } };
}

export async function countRows(system: TestSystem, table: 'declaration' | 'bill' | 'ledger_entry' | 'payment', employer: string): Promise<number> {
  const [row] = await system.orm.em.fork().execute<{ n: string }[]>(`select count(*)::text as n from ${table} where employer_credit_code = ?`, [employer]);
  return Number(row!.n);
}

export async function ledgerOf(
  system: TestSystem,
  employer: string,
): Promise<{ period: string | null; type: string; amount: string; caseId: string | null }[]> {
  const rows = await system.orm.em
    .fork()
    .execute<{ period: string | null; entry_type: string; amount: string; case_id: string | null }[]>(
      'select period, entry_type, amount::text as amount, case_id from ledger_entry where employer_credit_code = ? order by id',
      [employer],
    );
  return rows.map((r) => ({ period: r.period, type: r.entry_type, amount: r.amount, caseId: r.case_id }));
}
