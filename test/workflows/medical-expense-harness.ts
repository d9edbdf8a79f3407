// Drives the medical-expense-declaration workflow on a time-skipping test environment with recording fakes. Shared by
// the workflow test and the recorder (medical-expense-record-histories.ts), which drive the same scenarios.
import { randomUUID } from 'node:crypto';
import { Client, type WorkflowHandle, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { validateMedicalExpense } from '../../domain/declarations/medical-expense.js';
import { getCaseView, medicalExpenseDeclaration, type MedicalExpenseInput } from '../../workflows/index.js';
import { citizenId } from '../support/factories.js';
import type { FakeActivities } from '../support/fake-activities.js';
import { decide } from './benefit-claim-harness.js';
import { decideSettled, until } from './enrollment-harness.js';

export type DeclarationHandle = WorkflowHandleWithFirstExecutionRunId<typeof medicalExpenseDeclaration>;
/** Any declaration's handle (medical expenses, account subsidy): the review steps are the same. */
type ReviewedHandle = Pick<WorkflowHandle, 'query' | 'executeUpdate'>;

/** A 离休 cadre's hospital stay declared today: two invoices, 1 280.50 + 312.40 = 1 592.90 (rules §5.6). */
export function medicalExpenseInput(declaredOn: string): MedicalExpenseInput {
  const person = citizenId({ birthDate: '1930-04-12' });
  const declaration = {
    declarationId: `medicalExpense-${randomUUID()}`,
    category: 'lixiu' as const,
    citizenId: person,
    hospital: { code: 'H330102001', name: '浙江省人民医院' },
    serviceFrom: declaredOn,
    serviceTo: declaredOn,
    declaredOn,
    invoices: [
      {
        invoiceNo: `INV-${randomUUID().slice(0, 8)}`,
        issuedOn: declaredOn,
        items: [
          { description: '住院床位费', amount: '480.50' },
          { description: '检查费', amount: '800.00' },
        ],
      },
      { invoiceNo: `INV-${randomUUID().slice(0, 8)}`, issuedOn: declaredOn, items: [{ description: '药品费', amount: '312.40' }] },
    ],
  };
  const result = validateMedicalExpense(declaration, {
    eligibility: new Map([[person, new Set(['lixiu' as const])]]),
    hospitals: new Set(),
    knownInvoices: new Map(),
    policy: { reimbursementShare: { lixiu: '1', erYi: '1' }, requireKnownHospital: false },
  });
  if (!result.accepted) throw new Error(`fixture refused: ${JSON.stringify(result.refusals)}`);
  return {
    caseId: declaration.declarationId,
    reference: 'YL2026000001',
    region: '330102',
    declaration,
    assessment: { ledger: result.ledger, invoices: result.invoices, total: result.total, reimbursable: result.reimbursable, workings: result.workings },
    declaredBy: { id: 'agent-1', role: 'employer' },
    employerCreditCode: null,
    attachmentIds: [],
    calendar: CN_CALENDAR_YEARS,
  };
}

/** Runs one declaration on a task queue of its own; the worker stops when `scenario` returns. */
export async function withDeclaration<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  fakes: FakeActivities,
  scenario: (handle: DeclarationHandle, input: MedicalExpenseInput) => Promise<T>,
): Promise<T> {
  const taskQueue = `medical-expense-test-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fakes.activities });
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const input = medicalExpenseInput(shanghaiDateOf(await env.currentTimeMs()));
  return worker.runUntil(async () => {
    const handle = await client.workflow.start(medicalExpenseDeclaration, { taskQueue, workflowId: input.caseId, args: [input] });
    return scenario(handle, input);
  });
}

/** The id of the task open while the declaration is in `status`. */
export const declarationTaskIn = (handle: ReviewedHandle, status: string) =>
  until(async () => {
    const view = await handle.query(getCaseView);
    return view.status === status && view.openTaskId ? view.openTaskId : undefined;
  }, `a task in ${status}`);

/** Completes the task open in `status` and waits until the case has settled. */
export async function decideDeclaration(handle: ReviewedHandle, status: string, outcome: string, actorId: string, comment = ''): Promise<string> {
  const taskId = await declarationTaskIn(handle, status);
  await decideSettled(handle, decide(taskId, outcome, actorId, {}, comment));
  return taskId;
}

/**
 * The review paths every declaration type records (its recorder adds the histories; replay.test.ts requires them):
 * approved through both steps, and returned by the approver then rejected by the caseworker with `reasons`.
 */
export const reviewScenarios = (reasons: { returned: string; rejected: string }) => [
  {
    name: 'reviewed-approved-booked',
    drive: async (handle: ReviewedHandle & { result(): Promise<unknown> }) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'approve', 'rv-1');
      return handle.result();
    },
  },
  {
    name: 'returned-rejected',
    drive: async (handle: ReviewedHandle & { result(): Promise<unknown> }) => {
      await decideDeclaration(handle, 'reviewing', 'approve', 'cw-1');
      await decideDeclaration(handle, 'approving', 'return', 'rv-1', reasons.returned);
      await decideDeclaration(handle, 'reviewing', 'reject', 'cw-1', reasons.rejected);
      return handle.result();
    },
  },
];
