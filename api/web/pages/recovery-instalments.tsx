// The follow-up of an instalment agreement on the recovery page (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed
// instalments"): each instalment as GET /v1/overpayment-recoveries/{id} answers it (paid, missed, …), the chases with
// what was done, and for the counter the form that decides an open chase (POST …/chase: a contact, or legal action).
import { DataTable } from '../components/data-table.js';
import type { Lang } from '../i18n/messages.js';
import { Csrf } from '../layout.js';
import { shanghaiMinute } from '../time-display.js';
import type { Session } from '../web-env.js';
import { wordOf } from './payroll-labels.js';
import { chaseStatusLabels, chaseWords as w, instalmentStateLabels } from './recovery-labels.js';
import type { Recovery } from './recoveries.page.js';

/** The instalments, the chases and (for `counter`) the chase form of an open recovery under an agreement. */
export function InstalmentFollowUp(props: { r: Recovery; session: Session; lang: Lang; counter: boolean }) {
  const { r, session, lang } = props;
  const plan = r.instalmentPlan;
  if (plan === null && r.chases.length === 0) return <></>;
  const open = r.chases.find((c) => c.status === 'open');
  return (
    <section aria-labelledby="instalment-standing">
      <h2 id="instalment-standing">{w.standing[lang]}</h2>
      {plan && (
        <>
          <dl class="facts">
            <dt>{w.collected[lang]}</dt>
            <dd data-testid="plan-collected">{plan.collected}</dd>
            {plan.missed.length > 0 && (
              <>
                <dt>{w.missed[lang]}</dt>
                <dd data-testid="plan-missed">{plan.missed.join('、')}</dd>
              </>
            )}
            {plan.chase && (
              <>
                <dt>{w.toChase[lang]}</dt>
                <dd>{plan.chase}</dd>
              </>
            )}
          </dl>
          <DataTable
            testId="instalments"
            rows={plan.instalments}
            rowAttributes={(i) => ({ 'data-month': i.month, 'data-state': i.state })}
            columns={[
              { header: w.number[lang], cell: (i) => String(i.number) },
              { header: w.month[lang], cell: (i) => i.month, field: 'month' },
              { header: w.instalmentAmount[lang], cell: (i) => i.amount, field: 'amount' },
              { header: w.covered[lang], cell: (i) => i.covered, field: 'covered' },
              { header: w.state[lang], cell: (i) => wordOf(instalmentStateLabels, i.state, lang), field: 'state' },
            ]}
          />
        </>
      )}
      {r.legalAction && (
        <p data-testid="legal-action">
          {w.legalAction[lang]}：{r.legalAction.note}（{r.legalAction.by}，{shanghaiMinute(r.legalAction.at)}）
        </p>
      )}
      {r.chases.length > 0 && (
        <>
          <h3>{w.chases[lang]}</h3>
          <DataTable
            testId="chases"
            rows={r.chases}
            rowAttributes={(c) => ({ 'data-status': c.status })}
            columns={[
              { header: w.missedMonth[lang], cell: (c) => c.missedMonth, field: 'missedMonth' },
              { header: w.openedAt[lang], cell: (c) => shanghaiMinute(c.openedAt) },
              { header: w.state[lang], cell: (c) => wordOf(chaseStatusLabels, c.status, lang), field: 'status' },
              { header: w.note[lang], cell: (c) => c.note ?? '', field: 'note' },
              { header: w.decidedBy[lang], cell: (c) => c.decidedBy ?? '' },
            ]}
          />
        </>
      )}
      {props.counter && r.status === 'open' && r.legalAction === null && (
        <form method="post" action={`/web/recoveries/${encodeURIComponent(r.id)}/chase`} data-testid="chase">
          <h3>{w.decide[lang]}</h3>
          <p>{w.decideRule[lang]}</p>
          <Csrf session={session} />
          <label>
            {w.outcome[lang]}
            <select name="outcome">
              {open && <option value="contacted">{wordOf(chaseStatusLabels, 'contacted', lang)}</option>}
              <option value="legalAction">{wordOf(chaseStatusLabels, 'legalAction', lang)}</option>
            </select>
          </label>
          <label>
            {w.chaseNote[lang]}
            <input name="note" required maxlength={500} />
          </label>
          <button type="submit">{w.submit[lang]}</button>
        </form>
      )}
    </section>
  );
}
