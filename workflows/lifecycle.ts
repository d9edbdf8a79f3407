import { initialTransition, transition, type AnyStateMachine, type EventFromLogic, type ExecutableActionsFrom, type InputFrom } from 'xstate';

/** The machine's own snapshot type (what `resolveState` gives), with its context, value and `can`. */
type SnapshotFrom<M extends AnyStateMachine> = ReturnType<M['resolveState']>;

/**
 * A case's lifecycle inside its workflow (docs/architecture.md "Case = workflow"): the XState snapshot moved only by the pure
 * `initialTransition` / `transition`, the effects the transitions ask for queued for the workflow to run as
 * activities, and a version that grows with every event (the read model never takes an older one). The state value
 * is the status everyone sees; `can(event)` is what the case page may offer.
 */
export class Lifecycle<M extends AnyStateMachine, Effect> {
  private current: SnapshotFrom<M>;
  private readonly queue: Effect[] = [];
  version: number;

  private constructor(
    private readonly machine: M,
    private readonly toEffects: (actions: ExecutableActionsFrom<M>[]) => Effect[],
    snapshot: SnapshotFrom<M>,
    actions: ExecutableActionsFrom<M>[],
    version: number,
  ) {
    this.current = snapshot;
    this.queue.push(...toEffects(actions));
    this.version = version;
  }

  static start<M extends AnyStateMachine, Effect>(machine: M, toEffects: (actions: ExecutableActionsFrom<M>[]) => Effect[], input: InputFrom<M>) {
    const [snapshot, actions] = initialTransition(machine, input);
    return new Lifecycle<M, Effect>(machine, toEffects, snapshot as SnapshotFrom<M>, actions, 1);
  }

  /** A lifecycle carried over by continue-as-new: the state and context it had, no effects re-run. */
  static resume<M extends AnyStateMachine, Effect>(
    machine: M,
    toEffects: (actions: ExecutableActionsFrom<M>[]) => Effect[],
    carried: { value: string; context: unknown; version: number },
  ) {
    const snapshot = machine.resolveState({ value: carried.value, context: carried.context }) as SnapshotFrom<M>;
    return new Lifecycle<M, Effect>(machine, toEffects, snapshot, [], carried.version);
  }

  send(event: EventFromLogic<M>): void {
    // xstate's own SnapshotFrom is what `transition` takes; ours adds the machine's context and value types.
    const [next, actions] = transition(this.machine, this.current as Parameters<typeof transition<M>>[1], event);
    this.current = next as SnapshotFrom<M>;
    this.queue.push(...this.toEffects(actions));
    this.version += 1;
  }

  get snapshot(): SnapshotFrom<M> {
    return this.current;
  }

  get context(): SnapshotFrom<M>['context'] {
    return this.current.context as SnapshotFrom<M>['context'];
  }

  /** The status everyone sees. A call, not a field, so TypeScript does not narrow it across awaits. */
  status(): string {
    return String(this.current.value);
  }

  closed(): boolean {
    return this.current.status === 'done';
  }

  can(event: EventFromLogic<M>): boolean {
    return this.current.can(event);
  }

  matches(state: string): boolean {
    return this.status() === state;
  }

  /** The next effect a transition asked for, in order; undefined when none is left. */
  nextEffect(): Effect | undefined {
    return this.queue.shift();
  }

  hasEffects(): boolean {
    return this.queue.length > 0;
  }
}
