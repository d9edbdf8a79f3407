// After the drill: what the API acknowledged must exist exactly once, and no workflow may be stuck. Every check is a
// count the drill prints; anything but zero in the "lost", "duplicated", "unapplied" and "stuck" rows is a failure.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { SETTLED_STATUS, type Acknowledged } from './chaos-load.js';
import { misappliedRecalculations, PAYROLL_HISTORY } from './recalculation.js';

export interface Reconciliation {
  acknowledgedCases: number;
  acknowledgedDecisions: number;
  /** Acknowledged cases with no case row or no workflow. */
  lost: number;
  /** Groups of rows that stand for the same thing more than once, by what they stand for. */
  duplicated: Record<string, number>;
  /** Decisions answered 200 whose task is not completed with that outcome. */
  unapplied: number;
  /** Pensions of an accepted recalculation run without exactly one difference, or not at its new amount. */
  recalculationsMisapplied: number;
  /** Recalculation runs the API accepted. */
  recalculations: number;
  /**
   * Cases not in their settled status when the system went quiet (and recalculation runs not done), and workflows
   * that failed or were terminated.
   */
  stuck: number;
  failedWorkflows: number;
  /** Payroll lines the bank's return marked paid (the drill's payroll pays the pensions it granted). */
  payrollLinesPaid: number;
  /** Up to ten examples of each finding, for the report. */
  examples: string[];
}

const DUPLICATE_QUERIES: Record<string, string> = {
  // The same hire or the same petition opened as a second case.
  cases: `select case_type || ':' || business_key as key from case_record group by case_type, business_key having count(*) > 1`,
  // Two live tasks for one step of one case.
  tasks: `select case_id || ':' || step as key from task where status in ('open', 'claimed', 'waiting') group by case_id, step having count(*) > 1`,
  // A task decided twice leaves two decision entries (`task.<outcome>`, with the outcome) in the timeline.
  decisions: `select task_id::text as key from timeline_entry where task_id is not null and (detail->>'outcome') is not null group by task_id having count(*) > 1`,
  // One insurance relationship opened twice for the same person.
  insuranceRecords: `select citizen_id || ':' || insurance_type as key from insurance_record where status = 'active' group by citizen_id, insurance_type having count(*) > 1`,
  // The same letter of the same case sent twice.
  notices: `select case_id || ':' || kind as key from notice_outbox group by case_id, kind, recipient_id having count(*) > 1`,
  // Money booked twice for the same thing.
  ledgerEntries: `select dedupe_key as key from ledger_entry group by dedupe_key having count(*) > 1`,
  // A medical expense booked twice to its category's ledger, or granted twice for the payroll.
  medicalLedger: `select case_id as key from medical_ledger group by case_id having count(*) > 1`,
  entitlements: `select case_id || ':' || benefit || ':' || kind as key from benefit_entitlement group by case_id, benefit, kind having count(*) > 1`,
  // The same months of one person applied for twice (back_payment_month holds each month once, by its key).
  // A transfer's fund moved twice: one line per case, side and fund.
  transferLedger: `select case_id || ':' || side || ':' || fund as key from transfer_ledger group by case_id, side, fund having count(*) > 1`,
  // A payroll line sent to the bank, or booked paid, twice.
  disbursements: `select payroll_id || ':' || line_key || ':' || entry as key from disbursement_ledger group by payroll_id, line_key, entry having count(*) > 1`,
  // A retiree's medical account credited twice under one rule and period (the ledger's key is the rule, period and person).
  medicalAccountCredits: `select dedupe_key as key from medical_account_ledger group by dedupe_key having count(*) > 1`,
  // One employer's arrears pursued by two cases at once (the sweep puts every overdue month on the one open case).
  arrearsCases: `select employer_credit_code as key from case_record where case_type = 'arrears' and status <> 'settled' group by employer_credit_code having count(*) > 1`,
  // A pension given two differences by one run (a chunk retried after a kill must find what it wrote).
  pensionDifferences: `select recalculation_id || ':' || entitlement_id as key from pension_difference group by recalculation_id, entitlement_id having count(*) > 1`,
  backPayments: `select citizen_id || ':' || from_month || '..' || to_month as key from back_payment group by citizen_id, from_month, to_month having count(*) > 1`,
  // One matter of the fund supervision investigated by two cases (a retried application must find the case it opened).
  investigations: `select h.subject_key as key from supervision_hit h join case_record c on c.id = h.investigation_case_id group by h.subject_key having count(distinct c.id) > 1`,
};

export async function reconcile(system: { orm: MikroORM; temporal: Client }, acknowledged: Acknowledged): Promise<Reconciliation> {
  const em = system.orm.em.fork();
  const examples: string[] = [];
  const note = (line: string) => {
    if (examples.length < 10) examples.push(line);
  };
  const caseIds = [...acknowledged.cases.keys()];
  const rows = caseIds.length === 0 ? [] : await em.execute<{ id: string; status: string }[]>(`select id, status from case_record where id in (?)`, [caseIds]);
  const statusOf = new Map(rows.map((row) => [row.id, row.status]));

  let lost = 0;
  let stuck = 0;
  let failedWorkflows = 0;
  for (const [caseId, kind] of acknowledged.cases) {
    const status = statusOf.get(caseId);
    let workflowStatus: string | null = null;
    try {
      workflowStatus = (await system.temporal.workflow.getHandle(caseId).describe()).status.name;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    if (status === undefined || workflowStatus === null) {
      lost += 1;
      note(`lost ${kind} ${caseId}: case row ${status ?? 'missing'}, workflow ${workflowStatus ?? 'missing'}`);
      continue;
    }
    if (workflowStatus === 'FAILED' || workflowStatus === 'TERMINATED' || workflowStatus === 'TIMED_OUT') {
      failedWorkflows += 1;
      note(`workflow ${caseId} ${workflowStatus}`);
    }
    if (status !== SETTLED_STATUS[kind]) {
      stuck += 1;
      note(`stuck ${kind} ${caseId} at ${status} (workflow ${workflowStatus})`);
    }
  }

  const duplicated: Record<string, number> = {};
  for (const [name, sql] of Object.entries(DUPLICATE_QUERIES)) {
    const found = await em.execute<{ key: string }[]>(sql);
    duplicated[name] = found.length;
    for (const { key } of found.slice(0, 3)) note(`duplicated ${name}: ${key}`);
  }

  const taskIds = acknowledged.decisions.map((d) => d.taskId);
  const tasks =
    taskIds.length === 0
      ? []
      : await em.execute<{ id: string; status: string; outcome: string | null }[]>(`select id, status, outcome from task where id in (?)`, [taskIds]);
  const taskOf = new Map(tasks.map((task) => [task.id, task]));
  let unapplied = 0;
  for (const decision of acknowledged.decisions) {
    const task = taskOf.get(decision.taskId);
    if (task?.status !== 'completed' || task.outcome !== decision.outcome) {
      unapplied += 1;
      note(`unapplied ${decision.outcome} on ${decision.taskId}: task ${task ? `${task.status}/${task.outcome ?? '-'}` : 'missing'}`);
    }
  }

  let recalculationsMisapplied = 0;
  for (const id of acknowledged.recalculations) {
    const [run] = await em.execute<{ status: string }[]>(`select status from pension_recalculation where id = ?`, [id]);
    const workflowStatus = await system.temporal.workflow
      .getHandle(`pension-recalculation-${id}`)
      .describe()
      .then((d) => d.status.name)
      .catch(() => 'missing');
    if (run === undefined || workflowStatus === 'missing') {
      lost += 1;
      note(`lost recalculation ${id}: row ${run?.status ?? 'missing'}, workflow ${workflowStatus}`);
      continue;
    }
    if (workflowStatus === 'FAILED' || workflowStatus === 'TERMINATED' || workflowStatus === 'TIMED_OUT') failedWorkflows += 1;
    if (run.status !== 'done') {
      stuck += 1;
      note(`stuck recalculation ${id} at ${run.status} (workflow ${workflowStatus})`);
      continue;
    }
    const wrong = await misappliedRecalculations(system.orm, id);
    recalculationsMisapplied += wrong.length;
    for (const line of wrong.slice(0, 3)) note(line);
  }

  const [paidLines] = await em.execute<{ n: string }[]>(`select count(*) as n from payroll_line where status = 'paid' and payroll_id <> ?`, [PAYROLL_HISTORY]);

  return {
    acknowledgedCases: caseIds.length,
    payrollLinesPaid: Number(paidLines?.n ?? 0),
    acknowledgedDecisions: acknowledged.decisions.length,
    lost,
    duplicated,
    unapplied,
    recalculationsMisapplied,
    recalculations: acknowledged.recalculations.length,
    stuck,
    failedWorkflows,
    examples,
  };
}

/** True when nothing acknowledged was lost, duplicated, left unapplied or stuck. */
export function reconciled(result: Reconciliation): boolean {
  return (
    result.lost === 0 &&
    result.unapplied === 0 &&
    result.recalculationsMisapplied === 0 &&
    result.stuck === 0 &&
    result.failedWorkflows === 0 &&
    Object.values(result.duplicated).every((n) => n === 0)
  );
}
