// The mixed load of the crash drill: employers registering hires (on time, and late ones that a caseworker reviews),
// citizens filing petitions that a caseworker accepts and answers, the agency's counter declaring 离休 cadres' medical
// expenses that a caseworker reviews and a reviewer approves (four eyes, booked to the category's ledger and the payroll),
// recent retirees claiming their pension, prepared by a caseworker and reviewed by a reviewer (computed from their
// history, the entitlement written for the payroll), the employer back-paying months without a record (无记录补缴) with
// the evidence uploaded, reviewed by a caseworker and approved by a reviewer, billed to its ledger; Ningbo employers
// transferring a new employee's pension relationship from Hangzhou (转移接续), each of its three legs decided by the
// staff of its office; employers that declared two past months and paid nothing, whose arrears case (欠费追缴) the
// overdue sweep opens, settled when the caseworker books the payment of the statement's total; the employer's lists of
// retirees for their medical accounts' subsidy (医疗帐户补助金), reviewed by a caseworker, approved by a reviewer and
// booked to the accounts; beside the cases a back-dated pension adjustment of 330203 recalculated by its workflow
// (bin/chaos/recalculation.ts); and once those are done, the month's payroll that pays the pensions granted, approved
// by a second supervisor, its bank files answered as paid — every request through the API, every decision a claim and
// a completion of the real task. What the API acknowledged is written down for reconciliation.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { systemClock } from '../../services/business-clock.js';
import { citizenIdSequence, shanghaiDate } from '../bench/citizen-ids.js';
import { runPool } from '../bench/latency.js';
import { EMPLOYER_330102 } from '../bench/register-hire.js';
import { NINGBO_EMPLOYER, seedMovers } from '../bench/transfer-throughput.bench.js';
import { seedRetirees } from './retirees.js';
import { seedBackPaymentWorkers, seedEarlierParameters } from './back-payment-workers.js';
import { seedArrearsEmployers, type ArrearsEmployer } from './arrears-employers.js';
import { seedSubsidyRetirees } from './subsidy-retirees.js';
import { adjustmentDate, RECALCULATION_REGION, seedRecalculatedPensions } from './recalculation.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import type { RetryingClient } from './retrying-client.js';

export type CaseKind =
  | 'enrollment'
  | 'lateEnrollment'
  | 'petition'
  | 'medicalExpense'
  | 'pensionClaim'
  | 'backPayment'
  | 'transfer'
  | 'arrears'
  | 'accountSubsidy'
  | 'investigation'
  | 'payroll';

/** The labour contract an employer uploads as a back-payment's evidence (a PDF is all the upload checks). */
const CONTRACT_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Where each kind of case ends when every decision the drill makes has been applied. */
export const SETTLED_STATUS: Record<CaseKind, string> = {
  enrollment: 'insured',
  lateEnrollment: 'insured',
  petition: 'opinionIssued',
  medicalExpense: 'approved',
  pensionClaim: 'granted',
  backPayment: 'approved',
  transfer: 'completed',
  arrears: 'settled',
  accountSubsidy: 'approved',
  investigation: 'closed',
  payroll: 'paid',
};

/** The decision the drill takes on each step it meets, and who takes it (a caseworker unless said). */
const DECISIONS: Record<
  string,
  { outcome: string; data?: Record<string, string>; comment?: string; by?: 'reviewer' | 'ningbo' | 'supervisor' | 'supervisor1' }
> = {
  'enrollment:review': { outcome: 'approve' },
  'petition:acceptance': { outcome: 'accept' },
  'petition:handling': { outcome: 'support', data: { facts: '已核实缴费记录', reasons: '缴费满三年', legalBasis: '《失业保险条例》第十七条' } },
  'medicalExpense:review': { outcome: 'approve' },
  // Four eyes: the approval is never the reviewer of the same declaration.
  'medicalExpense:approval': { outcome: 'approve', by: 'reviewer' },
  // A pension below benefit.policy's supervisor threshold: prepared, then reviewed by a second person, then granted.
  'benefit:prepare': { outcome: 'approve' },
  'benefit:review': { outcome: 'approve', by: 'reviewer' },
  // A back-payment of six months with a contract as evidence: reviewed, then approved by a second person, then billed.
  'backPayment:review': { outcome: 'approve' },
  'backPayment:approval': { outcome: 'approve', by: 'reviewer' },
  // 36 months on a contract alone (no legal document): a supervisor approves too, never the approver (graded, §8) …
  'backPayment:supervision': { outcome: 'approve', by: 'supervisor' },
  // … and the control opened an investigation: one supervisor assigns the other, who finds no fraud; the first closes.
  'investigation:assign': { outcome: 'assign', data: { investigatorId: 'sv-chaos-2' }, by: 'supervisor1' },
  'investigation:findings': { outcome: 'noFraud', comment: '演练：劳动合同与工资流水相符，补缴属实', by: 'supervisor' },
  'investigation:close': { outcome: 'approve', by: 'supervisor1' },
  // An account-subsidy list of two retirees: reviewed, then approved by a second person, then booked to their accounts.
  'accountSubsidy:review': { outcome: 'approve' },
  'accountSubsidy:approval': { outcome: 'approve', by: 'reviewer' },
  // A pension transfer Hangzhou → Ningbo: the letter of acceptance and the completion in Ningbo, the transfer-out here.
  'transfer:acceptanceLetter': { outcome: 'approve', comment: '同意', by: 'ningbo' },
  'transfer:transferOut': { outcome: 'approve', comment: '同意' },
  'transfer:completion': { outcome: 'approve', comment: '同意', by: 'ningbo' },
  // The month's payroll of the region: a held line is stopped with its reason; a second supervisor approves (four eyes).
  'payroll:payrollHold': { outcome: 'stop', comment: '演练：暂停发放' },
  'payroll:payrollApproval': { outcome: 'approve', by: 'supervisor' },
};

export interface Acknowledged {
  cases: Map<string, CaseKind>;
  /** Decisions the API answered 200 for: the task, and the outcome it must show. */
  decisions: { taskId: string; caseId: string; outcome: string }[];
  /** Requests refused with a 4xx the drill did not expect (each one is a finding). */
  refusals: string[];
  /** Pension recalculation runs the API accepted (their IDs). */
  recalculations: string[];
}

export interface LoadOptions {
  counts: Record<CaseKind, number>;
  concurrency: number;
  /** How long a case may take to reach its next task while processes are being killed. */
  taskWaitMs: number;
  /** Pensions of 330203 recalculated by one back-dated adjustment while the load runs (none when left out). */
  recalculatedPensions?: number;
  /** Told each time the API acknowledges a case (with the count so far): the drill paces its kills by it. */
  onCaseAcknowledged?: (count: number) => void;
}

export async function runMixedLoad(
  system: { orm: MikroORM; token(claims: { role: string; sub: string; employer?: string; region?: string }): Promise<string> },
  client: RetryingClient,
  options: LoadOptions,
): Promise<Acknowledged> {
  const employer = await system.token({ role: 'employer', sub: 'chaos-agent', employer: EMPLOYER_330102 });
  const caseworker = await system.token({ role: 'caseworker', sub: 'cw-chaos-1', region: '330102' });
  const reviewer = await system.token({ role: 'reviewer', sub: 'rv-chaos-1', region: '330102' });
  const counter = await system.token({ role: 'caseworker', sub: 'cw-chaos-counter', region: '330102' });
  const ningbo = await system.token({ role: 'caseworker', sub: 'cw-chaos-ningbo', region: '330212' });
  const ningboAgent = await system.token({ role: 'employer', sub: 'chaos-agent-ningbo', employer: NINGBO_EMPLOYER });
  const payrollRunner = await system.token({ role: 'supervisor', sub: 'sv-chaos-1', region: '330102' });
  const payrollApprover = await system.token({ role: 'supervisor', sub: 'sv-chaos-2', region: '330102' });
  const nextCitizenId = citizenIdSequence();
  const acknowledged: Acknowledged = { cases: new Map(), decisions: [], refusals: [], recalculations: [] };
  // The payroll runs once the other cases are done, so that it pays the pensions the drill granted.
  const kinds = interleaved({ ...options.counts, payroll: 0 });
  const cadres = await listCadres(options.counts.medicalExpense ?? 0);
  const retirees = await seedRetirees(system.orm, systemClock, options.counts.pensionClaim ?? 0);
  const backPayers = await seedBackPaymentWorkers(system.orm, systemClock, EMPLOYER_330102, options.counts.backPayment ?? 0);
  const longBackPayers = await seedBackPaymentWorkers(system.orm, systemClock, EMPLOYER_330102, options.counts.investigation ?? 0, '330107');
  if (longBackPayers.length > 0) await seedEarlierParameters(system.orm, systemClock);
  /** The back-payments that open the investigations, driven beside them (each is acknowledged as a case too). */
  const sideDrives: Promise<void>[] = [];
  const movers = await seedTransferMovers(options.counts.transfer ?? 0);
  const subsidyRetirees = await seedSubsidyRetirees(system.orm, systemClock, EMPLOYER_330102, 2 * (options.counts.accountSubsidy ?? 0));
  const arrearsCases = await openArrearsCases(await seedArrearsEmployers(system.orm, options.counts.arrears ?? 0));
  /** Arrears cases whose payment the API acknowledged (booked once per key: a retry finds the same payment). */
  const arrearsPaid = new Set<string>();

  const recalculation = runRecalculation(options.recalculatedPensions ?? 0);
  await runPool(kinds.length, options.concurrency, async (index) => {
    const kind = kinds[index] ?? 'enrollment';
    const caseId = await openCase(kind);
    if (caseId === null) return;
    acknowledged.cases.set(caseId, kind);
    options.onCaseAcknowledged?.(acknowledged.cases.size);
    await driveToSettled(caseId, kind);
  });
  await recalculation;
  await Promise.all(sideDrives);
  if ((options.counts.payroll ?? 0) > 0) await runPayroll();
  return acknowledged;

  /**
   * The month's payroll of 330102 (待遇拨付) after the load: the granted pensions (their accounts on file) are gathered,
   * a second supervisor approves, each bank's file is fetched and answered as all paid, and the payroll settles.
   */
  async function runPayroll(): Promise<void> {
    await system.orm.em.fork().execute(
      `insert into beneficiary_account (citizen_id, bank_code, bank_account, holder_name, updated_by, updated_at)
       select e.citizen_id, 'ICBC', '6222' || lpad((row_number() over (order by e.citizen_id))::text, 15, '0'), '退休演练', 'chaos', now()
         from (select distinct citizen_id from benefit_entitlement where region = '330102') e
       on conflict do nothing`,
    );
    const body = { region: '330102', period: monthOf(systemClock.today()) };
    const caseId = accepted(await client.send('POST', '/v1/payrolls', { token: payrollRunner, body }), 'payroll');
    if (caseId === null) return;
    acknowledged.cases.set(caseId, 'payroll');
    options.onCaseAcknowledged?.(acknowledged.cases.size);
    await driveToSettled(caseId, 'payroll');
  }

  /** A payroll that is paying: every bank's file answered as paid, line by line (a repeat of a file changes nothing). */
  async function answerBankFiles(caseId: string): Promise<void> {
    const view = await client.send('GET', `/v1/payrolls/${caseId}`, { token: payrollRunner });
    for (const { bankCode } of (view.body.banks ?? []) as { bankCode: string }[]) {
      const file = await client.send('GET', `/v1/payrolls/${caseId}/bank-file?bank=${bankCode}`, { token: payrollRunner });
      if (file.status !== 200) {
        acknowledged.refusals.push(`bank file ${bankCode}: ${file.status} ${JSON.stringify(file.body)}`);
        continue;
      }
      const [, ...rows] = (typeof file.body.text === 'string' ? file.body.text : '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      const answer = [
        'batchId,lineId,bankAccount,amount,status,reasonCode,reasonText,bankReference',
        ...rows.map((r, i) => `${r[0]},${r[1]},${r[5]},${r[6]},PAID,,,CHAOS${i}`),
      ].join('\r\n');
      const applied = await client.send('POST', `/v1/payrolls/${caseId}/bank-returns`, {
        token: payrollRunner,
        body: `${answer}\r\n`,
        contentType: 'text/csv',
      });
      // A return sent again after an earlier one settled the payroll (the drill's read of `paying` was older than it,
      // or the client's first attempt went through unanswered) is refused 409 by a payroll already paid: nothing lost.
      if (applied.status === 409 && (await client.send('GET', `/v1/payrolls/${caseId}`, { token: payrollRunner })).body.status === 'paid') continue;
      if (applied.status !== 200) acknowledged.refusals.push(`bank return ${bankCode}: ${applied.status} ${JSON.stringify(applied.body)}`);
    }
  }

  /**
   * 待遇重算 beside the cases: an administrator records the adjustment rule of six months ago (a PUT, so a retry
   * records the same), a supervisor starts the recalculation of 330203 (the same change again is the same run), and
   * the drill waits until the run is done.
   */
  async function runRecalculation(pensions: number): Promise<void> {
    if (pensions === 0) return;
    await seedRecalculatedPensions(system.orm, systemClock, pensions);
    const admin = await system.token({ role: 'admin', sub: 'admin-chaos-2', region: RECALCULATION_REGION });
    const supervisor = await system.token({ role: 'supervisor', sub: 'sv-chaos-3', region: RECALCULATION_REGION });
    const effectiveFrom = adjustmentDate(systemClock);
    const rule = { fixedAmount: '50.00', share: '0.02', basis: '演练：养老金调整通知' };
    const recorded = await client.send('PUT', `/v1/regions/${RECALCULATION_REGION}/pension-adjustments/${effectiveFrom}`, { token: admin, body: rule });
    if (recorded.status !== 200) {
      acknowledged.refusals.push(`pension adjustment: ${recorded.status} ${JSON.stringify(recorded.body)}`);
      return;
    }
    const body = { region: RECALCULATION_REGION, cause: 'adjustment', effectiveFrom };
    const started = await client.send('POST', '/v1/pension-recalculations', { token: supervisor, body });
    if (started.status !== 202 && started.status !== 200) {
      acknowledged.refusals.push(`pension recalculation: ${started.status} ${JSON.stringify(started.body)}`);
      return;
    }
    const id = String(started.body.id);
    acknowledged.recalculations.push(id);
    const deadline = Date.now() + options.taskWaitMs;
    while (Date.now() < deadline) {
      const run = await client.send('GET', `/v1/pension-recalculations/${id}`, { token: supervisor });
      if (run.body.status === 'done') return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /**
   * 欠费追缴: each employer declares two past months (each declaration under its own Idempotency-Key, so a retry returns
   * the first) and pays nothing; once all have declared, a supervisor runs the overdue sweep, which opens one arrears
   * case per employer (running it again does no harm). The cases are the sweep's acknowledgement: an employer left
   * without one is counted lost.
   */
  async function openArrearsCases(employers: ArrearsEmployer[]): Promise<string[]> {
    if (employers.length === 0) return [];
    const thisMonth = monthOf(systemClock.today());
    for (const { creditCode, employee } of employers) {
      const token = await system.token({ role: 'employer', sub: `chaos-arrears-${creditCode.slice(-6)}`, employer: creditCode });
      for (const period of [addPeriods(thisMonth, -3), addPeriods(thisMonth, -2)]) {
        const body = { period, lines: [{ citizenId: employee, name: '欠费演练', monthlyWage: '10000.00', insuranceTypes: ['pension'] }] };
        const declared = await client.send('POST', '/v1/declarations', { token, body, idempotencyKey: `chaos-declare-${creditCode}-${period}` });
        if (declared.status !== 201 && declared.status !== 200)
          acknowledged.refusals.push(`declaration ${creditCode} ${period}: ${declared.status} ${JSON.stringify(declared.body)}`);
      }
    }
    const sweep = await client.send('POST', '/v1/arrears-sweeps', { token: payrollRunner, body: { asOf: systemClock.today() } });
    if (sweep.status !== 200) {
      acknowledged.refusals.push(`arrears sweep: ${sweep.status} ${JSON.stringify(sweep.body)}`);
      return [];
    }
    // A sweep retried after the API died answers only what it opened itself: the case rows tell all of them.
    const rows = await system.orm.em
      .fork()
      .execute<{ id: string; employer: string }[]>(
        `select id, employer_credit_code as employer from case_record where case_type = 'arrears' and employer_credit_code in (?)`,
        [employers.map((e) => e.creditCode)],
      );
    for (const { creditCode } of employers) {
      if (!rows.some((row) => row.employer === creditCode)) acknowledged.cases.set(`arrears-of-${creditCode}`, 'arrears');
    }
    return rows.map((row) => row.id);
  }

  /**
   * An arrears case under its order to pay: the caseworker reads today's statement and books a payment of its total
   * (到账登记, under a key of the case, so a retry books it once); the payment wakes the case, which settles.
   */
  async function payArrears(caseId: string): Promise<void> {
    const statement = await client.send('GET', `/v1/arrears-cases/${caseId}`, { token: caseworker });
    if (statement.status !== 200) {
      acknowledged.refusals.push(`arrears statement ${caseId}: ${statement.status} ${JSON.stringify(statement.body)}`);
      arrearsPaid.add(caseId);
      return;
    }
    const [row] = await system.orm.em.fork().execute<{ employer: string }[]>(`select employer_credit_code as employer from case_record where id = ?`, [caseId]);
    const body = { employerCreditCode: row?.employer, amount: statement.body.total, paidOn: statement.body.asOf };
    const paid = await client.send('POST', '/v1/payments', { token: caseworker, body, idempotencyKey: `chaos-pay-${caseId}` });
    if (paid.status !== 201 && paid.status !== 200) acknowledged.refusals.push(`arrears payment ${caseId}: ${paid.status} ${JSON.stringify(paid.body)}`);
    arrearsPaid.add(caseId);
  }

  /** The 离休 cadres the declarations are for, on the eligibility list first (the organisation department's file). */
  async function listCadres(count: number): Promise<string[]> {
    if (count === 0) return [];
    const ids = Array.from({ length: count }, () => nextCitizenId());
    const admin = await system.token({ role: 'admin', sub: 'admin-chaos-1', region: '330102' });
    const file = ['身份证号,姓名,类别,依据文件', ...ids.map((id) => `${id},离休干部,离休,浙组干〔1985〕12号`)].join('\n');
    const imported = await client.send('POST', '/v1/eligibility-lists/imports', { token: admin, body: file, contentType: 'text/csv' });
    if (imported.status !== 200) acknowledged.refusals.push(`eligibility list: ${imported.status} ${JSON.stringify(imported.body)}`);
    return ids;
  }

  /** People insured in Hangzhou last year and in Ningbo now, whose pension relationship moves with them (转移接续). */
  async function seedTransferMovers(count: number): Promise<string[]> {
    const next = citizenIdSequence('330205');
    const people = Array.from({ length: count }, () => next());
    await seedMovers(system, people);
    return people;
  }

  async function openCase(kind: CaseKind): Promise<string | null> {
    if (kind === 'arrears') return arrearsCases.pop() ?? null;
    if (kind === 'accountSubsidy') {
      const persons = subsidyRetirees.splice(0, 2).map((citizenId) => ({ citizenId, bases: { localAveragePension: '3500.00' } }));
      if (persons.length === 0) return null;
      // This month's credits of two retirees, declared by their employer under one key: a retry returns the same case.
      const body = { ruleId: 'retiree-account-credit', period: monthOf(systemClock.today()), region: '330102', persons };
      return accepted(await client.send('POST', '/v1/account-subsidy-declarations', { token: employer, body, idempotencyKey: `chaos-${randomUUID()}` }), kind);
    }
    if (kind === 'medicalExpense') {
      const citizenId = cadres.pop();
      if (citizenId === undefined) return null;
      const today = shanghaiDate(0, systemClock);
      const body = {
        category: 'lixiu',
        citizenId,
        region: '330102',
        hospital: { code: 'H330102001', name: '浙江省人民医院' },
        serviceFrom: shanghaiDate(-5, systemClock),
        serviceTo: shanghaiDate(-2, systemClock),
        invoices: [{ invoiceNo: `CH${randomUUID().slice(0, 12)}`, issuedOn: today, items: [{ description: '住院床位费', amount: '480.50' }] }],
      };
      // Declared at the agency's counter (the cadres' employer has no record of them here); a retry sends the same
      // invoices, which find the same case.
      return accepted(await client.send('POST', '/v1/medical-expense-declarations', { token: counter, body }), kind);
    }
    if (kind === 'pensionClaim') {
      const retiree = retirees.pop();
      if (retiree === undefined) return null;
      const token = await system.token({ role: 'citizen', sub: retiree.citizenId });
      // The claim's business key is the person and benefit: a retry finds the claim it opened.
      const body = { type: 'pension', citizenId: retiree.citizenId, region: '330102', retirementDate: retiree.retirementDate };
      return accepted(await client.send('POST', '/v1/benefit-claims', { token, body }), kind);
    }
    if (kind === 'transfer') {
      const citizenId = movers.pop();
      if (citizenId === undefined) return null;
      // The transfer's business key is the person and insurance: a retry finds the case it opened.
      const body = { citizenId, insurance: 'pension', fromRegion: '330102', toRegion: '330212' };
      return accepted(await client.send('POST', '/v1/transfers', { token: ningboAgent, body }), kind);
    }
    if (kind === 'investigation') return openInvestigation();
    if (kind === 'backPayment') {
      const citizenId = backPayers.pop();
      if (citizenId === undefined) return null;
      return backPay(citizenId, 6, ['pension', 'medical', 'unemployment'], `chaos-${randomUUID()}`);
    }
    const citizenId = nextCitizenId();
    if (kind === 'petition') {
      const token = await system.token({ role: 'citizen', sub: citizenId });
      const body = {
        channel: 'online',
        region: '330102',
        request: `补发失业保险金 ${citizenId}`,
        facts: '离职后仅发放两个月',
        reasons: '缴费满三年应领取十二个月',
      };
      return accepted(await client.send('POST', '/v1/petitions', { token, body, idempotencyKey: `chaos-${randomUUID()}` }), kind);
    }
    // A hire 60 days ago is registered late (社会保险法 art. 58) and goes to review; today's hire is on time.
    const hireDate = shanghaiDate(kind === 'lateEnrollment' ? -60 : 0, systemClock);
    const body = {
      person: { citizenId, name: kind === 'lateEnrollment' ? '迟登记' : '按时登记' },
      employerCreditCode: EMPLOYER_330102,
      hireDate,
      insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
      monthlyWage: '8000.00',
      region: '330102',
    };
    return accepted(await client.send('POST', '/v1/enrollments', { token: employer, body }), kind);
  }

  /**
   * 基金监管: a back-payment of 36 months on a labour contract alone (no legal document before it) is flagged by the
   * control in the application's own transaction, which opens the investigation case (rules §8). The back-payment is
   * acknowledged and driven as a case of its own; the investigation is the case the hit names.
   */
  async function openInvestigation(): Promise<string | null> {
    const citizenId = longBackPayers.pop();
    if (citizenId === undefined) return null;
    const backPayment = await backPay(citizenId, 36, ['pension'], `chaos-long-${citizenId}`);
    if (backPayment === null) return null;
    acknowledged.cases.set(backPayment, 'backPayment');
    sideDrives.push(driveToSettled(backPayment, 'backPayment'));
    const [hit] = await system.orm.em
      .fork()
      .execute<{ id: string | null }[]>(
        `select investigation_case_id as id from supervision_hit where source_case_id = ? and investigation_case_id is not null`,
        [backPayment],
      );
    if (!hit?.id) {
      acknowledged.refusals.push(`back-payment ${backPayment} of 36 months opened no investigation`);
      return null;
    }
    return hit.id;
  }

  /**
   * 无记录补缴 of the `months` before this one on a labour contract: the evidence first (a retried upload stores the
   * same file under its hash), then the application under `idempotencyKey`.
   */
  async function backPay(citizenId: string, months: number, insuranceTypes: string[], idempotencyKey: string): Promise<string | null> {
    const form = new FormData();
    form.append('file', new Blob([CONTRACT_PDF], { type: 'application/pdf' }), 'contract.pdf');
    const uploaded = await client.send('POST', '/v1/attachments', { token: employer, body: form });
    if (uploaded.status !== 201) return accepted(uploaded, 'backPayment');
    const thisMonth = monthOf(systemClock.today());
    const body = {
      citizenId,
      from: addPeriods(thisMonth, -months),
      to: addPeriods(thisMonth, -1),
      monthlyWage: '8000.00',
      insuranceTypes,
      evidence: [{ attachmentId: String(uploaded.body.attachmentId), kind: 'contract' }],
    };
    return accepted(await client.send('POST', '/v1/back-payments', { token: employer, body, idempotencyKey }), 'backPayment');
  }

  function accepted(answer: { status: number; body: Record<string, unknown> }, kind: CaseKind): string | null {
    if (answer.status === 202 || answer.status === 201 || answer.status === 200) return String(answer.body.caseId);
    acknowledged.refusals.push(`${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return null;
  }

  /** Takes every decision the case asks for until it reaches its settled status (or the wait runs out). */
  async function driveToSettled(caseId: string, kind: CaseKind): Promise<void> {
    const deadline = Date.now() + options.taskWaitMs;
    while (Date.now() < deadline) {
      const [state] = await system.orm.em.fork().execute<{ status: string; task_id: string | null; step: string | null; case_type: string }[]>(
        `select c.status, c.case_type, t.id as task_id, t.step from case_record c
             left join task t on t.case_id = c.id and t.status in ('open', 'claimed')
            where c.id = ? limit 1`,
        [caseId],
      );
      if (state?.status === SETTLED_STATUS[kind]) return;
      if (kind === 'payroll' && state?.status === 'paying' && !state.task_id) {
        await answerBankFiles(caseId);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (kind === 'arrears' && state?.status === 'ordered' && !state.task_id && !arrearsPaid.has(caseId)) {
        await payArrears(caseId);
        continue;
      }
      const decision = state?.task_id && state.step ? DECISIONS[`${state.case_type}:${state.step}`] : undefined;
      if (state?.task_id && decision) {
        const decider = decision.by === undefined ? caseworker : { reviewer, ningbo, supervisor: payrollApprover, supervisor1: payrollRunner }[decision.by];
        const claimed = await client.send('POST', `/v1/tasks/${state.task_id}/claim`, { token: decider });
        // 409 on a retried claim that already went through is fine: the task is ours, the completion decides.
        if (claimed.status !== 200 && claimed.status !== 409)
          acknowledged.refusals.push(`claim ${state.task_id}: ${claimed.status} ${JSON.stringify(claimed.body)}`);
        const done = await client.send('POST', `/v1/tasks/${state.task_id}/complete`, {
          token: decider,
          body: { outcome: decision.outcome, comment: decision.comment ?? '', data: decision.data ?? {} },
        });
        if (done.status === 200) acknowledged.decisions.push({ taskId: state.task_id, caseId, outcome: decision.outcome });
        else if (done.status !== 409) {
          acknowledged.refusals.push(`complete ${state.task_id}: ${done.status} ${JSON.stringify(done.body)}`);
          await new Promise((r) => setTimeout(r, 500)); // a refusal that persists is reported, not hammered
        }
        continue;
      }
      if (state?.task_id && state.step) {
        acknowledged.refusals.push(`${caseId}: no drill decision for step ${state.case_type}:${state.step}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** One of each kind in turn while it lasts, so every kind is in flight whenever a process dies. */
function interleaved(counts: Record<CaseKind, number>): CaseKind[] {
  const left = { ...counts };
  const order: CaseKind[] = [];
  for (let added = true; added;) {
    added = false;
    for (const kind of Object.keys(left) as CaseKind[]) {
      if (left[kind] > 0) {
        order.push(kind);
        left[kind] -= 1;
        added = true;
      }
    }
  }
  return order;
}
