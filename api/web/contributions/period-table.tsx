// One table of owed periods, the same on the bills and the arrears pages: principal, late fee with the days counted
// (社会保险法 art. 86, domain-rules §4), and each period's total, with the workings the API gives.
import type { Lang } from '../i18n/messages.js';
import { contributionWords as w } from './contribution-labels.js';

/** A period as GET /v1/bills and GET /v1/arrears-cases/{id} give it (api/schemas/contribution.schemas.ts `PeriodOut`). */
export interface OwedPeriod {
  period: string;
  dueDate: string;
  principal: string;
  lateFeeDays: number;
  lateFeePaid: string;
  lateFee: string;
  total: string;
  workings: string[];
  provisional?: boolean;
}

export function PeriodTable(props: { periods: OwedPeriod[]; lang: Lang; testId: string }) {
  const { lang } = props;
  return (
    <div class="table-wrap">
      <table data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{w.period[lang]}</th>
            <th scope="col">{w.dueDate[lang]}</th>
            <th scope="col">{w.principal[lang]}</th>
            <th scope="col">{w.lateFeeDays[lang]}</th>
            <th scope="col">{w.lateFee[lang]}</th>
            <th scope="col">{w.total[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {props.periods.map((p) => (
            <tr data-period={p.period}>
              <td>
                {p.period} {p.provisional && <span class="badge">{w.provisional[lang]}</span>}
              </td>
              <td>{p.dueDate}</td>
              <td data-field="principal">{p.principal}</td>
              <td data-field="lateFeeDays">{p.lateFeeDays}</td>
              <td data-field="lateFee">
                {p.lateFee}
                {p.lateFeePaid !== '0.00' && ` (${w.lateFeePaid[lang]} ${p.lateFeePaid})`}
              </td>
              <td data-field="total">{p.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
