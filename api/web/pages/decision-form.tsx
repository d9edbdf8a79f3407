// The holder's decision on a task: outcomes that need nothing but a comment are buttons of one form (as enrollment's
// approve / reject / return always were); outcomes that need `data` get a form each, grouped when they need the same
// fields (a petition opinion: support / explain / notSupport all state facts, reasons and legal basis).
import { outcomeFormFor, outcomeLabel, type DecisionField } from '../case-types/decision-forms.js';
import type { Lang, Translate } from '../i18n/messages.js';
import { Csrf } from '../layout.js';
import type { Session } from '../web-env.js';

function FieldInput(props: { field: DecisionField; lang: Lang }) {
  const { field, lang } = props;
  const name = `data.${field.name}`;
  const label = field.label[lang];
  if (field.kind === 'textarea') {
    return (
      <label>
        {label}
        <textarea name={name} required rows={3} maxlength={5000}></textarea>
      </label>
    );
  }
  if (field.kind === 'select') {
    return (
      <label>
        {label}
        <select name={name} required>
          {(field.options ?? []).map(([value, optionLabel]) => (
            <option value={value}>{optionLabel[lang]}</option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label>
      {label}
      <input name={name} required type={field.kind} pattern={field.pattern} min={field.kind === 'number' ? 1 : undefined} />
    </label>
  );
}

export function DecisionForms(props: {
  caseType: string;
  reference: string;
  taskId: string;
  step?: string;
  outcomes: string[];
  session: Session;
  t: Translate;
  lang: Lang;
}) {
  const { caseType, reference, taskId, step, outcomes, session, t, lang } = props;
  const labelOf = (outcome: string) => outcomeLabel(caseType, outcome, step)?.[lang] ?? outcome;
  const plain = outcomes.filter((outcome) => !outcomeFormFor(caseType, outcome, step)?.fields?.length);
  const groups = new Map<string, string[]>();
  for (const outcome of outcomes.filter((o) => !plain.includes(o))) {
    const signature = (outcomeFormFor(caseType, outcome, step)?.fields ?? []).map((field) => field.name).join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), outcome]);
  }
  const Hidden = () => (
    <>
      <Csrf session={session} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="caseType" value={caseType} />
    </>
  );
  const Buttons = (p: { of: string[] }) => (
    <div class="buttons">
      {p.of.map((outcome) => (
        <button type="submit" name="outcome" value={outcome} class={['reject', 'notAccept', 'notSupport'].includes(outcome) ? 'danger' : undefined}>
          {labelOf(outcome)}
        </button>
      ))}
    </div>
  );
  const action = `/web/cases/${reference}/decision`;
  return (
    <>
      {plain.length > 0 && (
        <form method="post" action={action} data-testid="decision-form" data-step={step}>
          <Hidden />
          <label>
            {t('decisionComment')}
            <textarea name="comment" rows={3} maxlength={2000}></textarea>
          </label>
          <Buttons of={plain} />
        </form>
      )}
      {[...groups.values()].map((group) => {
        const fields = outcomeFormFor(caseType, group[0] ?? '', step)?.fields ?? [];
        const needsReason = group.some((outcome) => outcomeFormFor(caseType, outcome, step)?.needsReason);
        return (
          <details class="panel" open={plain.length === 0}>
            <summary>{group.map(labelOf).join(' / ')}</summary>
            <form method="post" action={action} data-testid={`decision-form-${group.join('-')}`}>
              <Hidden />
              {fields.map((field) => (
                <FieldInput field={field} lang={lang} />
              ))}
              <label>
                {t('decisionComment')}
                <textarea name="comment" rows={3} maxlength={2000} required={needsReason}></textarea>
              </label>
              <Buttons of={group} />
            </form>
          </details>
        );
      })}
    </>
  );
}
