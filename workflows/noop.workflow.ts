/** A workflow that does nothing: the bench starts it the same way as a case, to show the platform's own ceiling. */
export function noop(_input: { caseId: string }): Promise<void> {
  return Promise.resolve();
}
