// A grouped bar chart drawn as SVG on the server (统计 page): no script and no chart library, so it prints, works
// offline and reads the same in a screen reader — every bar carries its figure as a <title>, and the figures are also
// in the table under the chart. Heights are proportional to the largest value shown; the values arrive as the exact
// strings the API gave (Decimal money, whole counts) and are turned into numbers only to size a bar.
export interface ChartSeries {
  name: string;
  /** The figures as the API gave them, one per category. */
  values: readonly string[];
  /** A link behind each bar (the list of records the figure counts), if any. */
  href?: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 72 };

/** Largest value as a number, at least 1 so an all-zero chart still has an axis. */
const scaleMax = (series: readonly ChartSeries[]) => Math.max(1, ...series.flatMap((s) => s.values.map((v) => Number(v))));

export function BarChart(props: { title: string; categories: readonly string[]; series: readonly ChartSeries[]; testId?: string }) {
  const { categories, series } = props;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = scaleMax(series);
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(2, (band * 0.8) / Math.max(1, series.length));
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const counts = series.every((s) => s.values.every((v) => /^\d+$/.test(v)));
  const ticks = [...new Set([0, 0.5, 1].map((f) => (counts ? Math.round(max * f) : max * f)))];
  // Counts get whole ticks (no “0.50 persons”), money two decimals.
  const tickLabel = (value: number) => (counts ? String(Math.round(value)) : value.toFixed(2));
  return (
    <figure class="chart" data-testid={props.testId}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title} xmlns="http://www.w3.org/2000/svg">
        <title>{props.title}</title>
        {ticks.map((tick) => (
          <g class="tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end">
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => (
          <g class="category" data-category={category}>
            {series.map((s, j) => {
              const raw = s.values[i] ?? '0';
              const value = Number(raw);
              const x = MARGIN.left + i * band + band * 0.1 + j * barWidth;
              const bar = (
                <rect class={`series-${j}`} x={x} y={y(value)} width={barWidth - 1} height={Math.max(0, MARGIN.top + plotHeight - y(value))} data-value={raw}>
                  <title>{`${category} ${s.name}: ${raw}`}</title>
                </rect>
              );
              return s.href ? <a href={s.href}>{bar}</a> : bar;
            })}
            <text x={MARGIN.left + i * band + band / 2} y={HEIGHT - MARGIN.bottom + 16} text-anchor="middle" class="label">
              {category}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {series.map((s, j) => (
          <span class="legend">
            <span class={`swatch series-${j}`} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
