// A due date as the pages show it: the Shanghai date (and time, for a task), with "暂定 / provisional" beside it when it
// was counted without the year's holiday calendar (docs/api.md "Regions, pooling and calendars": such a deadline is
// computed on weekends alone and counted again once the year is loaded).
import type { Translate } from '../i18n/messages.js';
import { shanghaiMinute } from '../time-display.js';

export function ProvisionalBadge(props: { provisional: boolean | undefined; t: Translate }) {
  return props.provisional ? (
    <span class="badge" data-testid="provisional" title={props.t('provisionalHint')}>
      {props.t('provisional')}
    </span>
  ) : null;
}

/** A task's due instant (`dueAt`), with its provisional mark. */
export function DueAt(props: { dueAt: string; provisional?: boolean; t: Translate }) {
  return (
    <>
      <time datetime={props.dueAt}>{shanghaiMinute(props.dueAt)}</time>
      {props.provisional && ' '}
      <ProvisionalBadge provisional={props.provisional} t={props.t} />
    </>
  );
}
