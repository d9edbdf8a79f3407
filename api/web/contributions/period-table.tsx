// One table of owed periods, the same on the bills and the arrears pages: principal, late fee with the days counted
// (社会保险法 art. 86, rules §4), and each period's total, with the workings the API gives; a period a back-payment
// billed also shows that bill's own due date.
import { DataTable, type Column } from '../components/data-table.js';
import type { Lang } from '../i18n/messages.js';
import { contributionWords as w } from './contribution-labels.js';

/** A period as GET /v1/bills and GET /v1/arrears-cases/{id} give it (api/schemas/contribution.schemas.ts `PeriodOut`). */
export interface OwedPeriod {
  period: string;
  dueDate: string;
  /** The own due date of a back-payment billed in the period (无记录补缴), null when none. */
  paymentDueOn?: string | null;
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
  const columns: Column<OwedPeriod>[] = [
    {
      header: w.period[lang],
      cell: (p) => (
        <>
          {p.period} {p.provisional && <span class="badge">{w.provisional[lang]}</span>}
        </>
      ),
    },
    {
      header: w.dueDate[lang],
      cell: (p) => (
        <>
          {p.dueDate}
          {p.paymentDueOn && (
            <>
              {' '}
              <span class="badge" data-testid={`payment-due-${p.period}`}>
                {w.paymentDueOn[lang]} {p.paymentDueOn}
              </span>
            </>
          )}
        </>
      ),
    },
    { header: w.principal[lang], cell: (p) => p.principal, field: 'principal' },
    { header: w.lateFeeDays[lang], cell: (p) => p.lateFeeDays, field: 'lateFeeDays' },
    { header: w.lateFee[lang], cell: (p) => `${p.lateFee}${p.lateFeePaid !== '0.00' ? ` (${w.lateFeePaid[lang]} ${p.lateFeePaid})` : ''}`, field: 'lateFee' },
    { header: w.total[lang], cell: (p) => p.total, field: 'total' },
  ];
  return <DataTable testId={props.testId} columns={columns} rows={props.periods} rowAttributes={(p) => ({ 'data-period': p.period })} />;
}
