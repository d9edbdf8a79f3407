// The workflow bundle entry: every workflow type the worker runs, and the messages clients send them.
export { enrollment, resubmitEnrollment, withdrawEnrollment, type EnrollmentInput } from './enrollment.workflow.js';
export { completeTask, getCaseView, type CaseView, type RefusalType } from './messages.js';
export { noop } from './noop.workflow.js';
