// The workbench's one table: a header row of column titles, one row per item, optional attributes per row (the
// data-task-id / data-period / data-path hooks the browser tests and the select-all script use) and per cell
// (`data-field`). Wrapped so a wide table scrolls sideways on a phone instead of breaking the page.
import type { Child } from 'hono/jsx';
import type { Translate } from '../i18n/messages.js';

export interface Column<Row> {
  header: Child;
  cell: (row: Row) => Child;
  /** Becomes the cell's `data-field`. */
  field?: string;
}

type RowAttributes = Record<string, string | undefined>;

export function DataTable<Row>(props: { columns: readonly Column<Row>[]; rows: readonly Row[]; testId?: string; rowAttributes?: (row: Row) => RowAttributes }) {
  const { columns, rows } = props;
  return (
    <div class="table-wrap">
      <table data-testid={props.testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr {...(props.rowAttributes?.(row) ?? {})}>
              {columns.map((column) => (
                <td data-field={column.field}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The link to the next page of a list, when the API gave a cursor. */
export function NextPage(props: { href: string | null; t: Translate }) {
  return props.href ? (
    <p>
      <a href={props.href} rel="next">
        {props.t('nextPage')}
      </a>
    </p>
  ) : null;
}
