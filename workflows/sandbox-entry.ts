// The worker's bundle entry. The sandbox evaluates a workflow's modules once per workflow run, with module state of
// its own (that is what keeps runs apart). Through workflows/index.ts every run evaluated every case type's modules,
// machines included: about 2.3 MiB of heap per cached run and most of a new run's start-up time. Here each type loads
// its own module on first call, so a run evaluates only its own case type. `webpackMode: "eager"` keeps every
// module in the one bundle file (no chunks to fetch), evaluated only when imported. The one `await` adds no command:
// recorded histories replay unchanged (test/workflows/replay.test.ts), and the handlers are still registered within
// the run's first activation. Clients keep importing workflows/index.ts; test/workflows/sandbox-entry.test.ts checks
// that both name the same workflow types.

type Workflow = (...args: never[]) => Promise<unknown>;

/** The workflow `name` of the module `load` imports, loaded on the run's first call. */
function lazy<M extends Record<K, Workflow>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  const run = async (...args: Parameters<M[K]>) => (await load())[name](...args);
  return run as unknown as M[K];
}

export const enrollment = lazy(() => import(/* webpackMode: "eager" */ './enrollment.workflow.js'), 'enrollment');
export const noop = lazy(() => import(/* webpackMode: "eager" */ './noop.workflow.js'), 'noop');
export const bareUpdate = lazy(() => import(/* webpackMode: "eager" */ './noop.workflow.js'), 'bareUpdate');
export const petition = lazy(() => import(/* webpackMode: "eager" */ './petition.workflow.js'), 'petition');
export const arrears = lazy(() => import(/* webpackMode: "eager" */ './arrears.workflow.js'), 'arrears');
export const arrearsSweep = lazy(() => import(/* webpackMode: "eager" */ './arrears.workflow.js'), 'arrearsSweep');
export const transfer = lazy(() => import(/* webpackMode: "eager" */ './transfer.workflow.js'), 'transfer');
export const benefitClaim = lazy(() => import(/* webpackMode: "eager" */ './benefit-claim.workflow.js'), 'benefitClaim');
export const medicalExpenseDeclaration = lazy(() => import(/* webpackMode: "eager" */ './medical-expense.workflow.js'), 'medicalExpenseDeclaration');
export const accountSubsidyDeclaration = lazy(() => import(/* webpackMode: "eager" */ './account-subsidy.workflow.js'), 'accountSubsidyDeclaration');
export const payroll = lazy(() => import(/* webpackMode: "eager" */ './payroll.workflow.js'), 'payroll');
export const investigation = lazy(() => import(/* webpackMode: "eager" */ './investigation.workflow.js'), 'investigation');
export const supervisionSweep = lazy(() => import(/* webpackMode: "eager" */ './supervision-sweep.workflow.js'), 'supervisionSweep');
export const verificationSweep = lazy(() => import(/* webpackMode: "eager" */ './verification-sweep.workflow.js'), 'verificationSweep');
export const missedInstalmentSweep = lazy(() => import(/* webpackMode: "eager" */ './missed-instalment-sweep.workflow.js'), 'missedInstalmentSweep');
export const pensionRecalculation = lazy(() => import(/* webpackMode: "eager" */ './pension-recalculation.workflow.js'), 'pensionRecalculation');
export const backPayment = lazy(() => import(/* webpackMode: "eager" */ './back-payment.workflow.js'), 'backPayment');
