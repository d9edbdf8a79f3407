// The filter row above a list: a GET form (so a filtered list is a link one can keep or share) with labelled fields
// and one submit button, and the selects every list offers the same way — case type, status, step — with the words
// of case-types/case-type-labels.ts, so nobody has to type a machine name.
import type { Child } from 'hono/jsx';
import { caseWords, knownCaseTypes } from '../case-types/case-type-labels.js';
import type { Lang, Translate } from '../i18n/messages.js';

export function FilterBar(props: { action: string; t: Translate; submitLabel?: string; testId?: string; children?: Child }) {
  return (
    <form method="get" action={props.action} class="filters" data-testid={props.testId}>
      {props.children}
      <button type="submit">{props.submitLabel ?? props.t('filter')}</button>
    </form>
  );
}

export function CaseTypeSelect(props: { name: string; value: string; t: Translate; lang: Lang }) {
  const words = caseWords(props.lang);
  return (
    <label>
      {props.t('caseType')}
      <select name={props.name}>
        <option value="">{props.t('any')}</option>
        {knownCaseTypes.map((type) => (
          <option value={type} selected={type === props.value}>
            {words.type(type)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A select of the named values of every case type (statuses or steps), one group per type; the API filters on the
 * value alone. A value in the URL that no type names (an older link) stays selectable as itself.
 */
function GroupedSelect(props: { name: string; value: string; label: string; anyLabel: string; lang: Lang; of: 'statuses' | 'steps' }) {
  const words = caseWords(props.lang);
  const groups = knownCaseTypes
    .map((type) => [type, props.of === 'statuses' ? words.statuses(type) : words.steps(type)] as const)
    .filter(([, list]) => list.length > 0);
  const known = groups.some(([, list]) => list.some(([value]) => value === props.value));
  let chosen = false;
  const isChosen = (value: string) => {
    if (chosen || value !== props.value) return false;
    chosen = true;
    return true;
  };
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.value && !known && (
          <option value={props.value} selected>
            {props.value}
          </option>
        )}
        {groups.map(([type, list]) => (
          <optgroup label={words.type(type)}>
            {list.map(([value, label]) => (
              <option value={value} selected={isChosen(value)}>
                {label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export const StatusSelect = (props: { name: string; value: string; t: Translate; lang: Lang }) => (
  <GroupedSelect name={props.name} value={props.value} label={props.t('status')} anyLabel={props.t('anyStatus')} lang={props.lang} of="statuses" />
);

export const StepSelect = (props: { name: string; value: string; t: Translate; lang: Lang }) => (
  <GroupedSelect name={props.name} value={props.value} label={props.t('step')} anyLabel={props.t('anyStep')} lang={props.lang} of="steps" />
);
