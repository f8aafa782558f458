// The program's three charts as data, for the HTML report and the Program Overview alike: sessions
// per month against the cadences, the mentee-driven share over time, the follow-through
// distribution. Each chart is labels and series of numbers, a caption, a one-sentence summary for
// screen readers and a table of the same numbers; webview/charts.ts draws them with Chart.js.
// Takes the report's month and follow-through figures (structurally: shared imports nothing).

export interface ChartFigures {
  months: { month: string; sessions: number; agreed: number; menteeDriven: number | null }[];
  followThrough: { quarters: [number, number, number, number]; none: number };
}

/** `main` is the chart's own colour, `target` what is asked for, `share` a line of shares. */
export type SeriesRole = 'main' | 'target' | 'share';

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  role: SeriesRole;
  values: (number | null)[];
}

export interface ChartSpec {
  caption: string;
  /** What the picture shows, in one sentence: the canvas's accessible name. */
  summary: string;
  /** Counts, or shares from 0 to 1 (shown as percentages). */
  unit: 'count' | 'share';
  /** What the labels are (the head of the table's first column). */
  axis: string;
  labels: string[];
  series: ChartSeries[];
}

export function programCharts(figures: ChartFigures): ChartSpec[] {
  const months = figures.months;
  const labels = months.map((m) => m.month);
  const q = figures.followThrough.quarters;
  return [
    {
      caption: 'Sessions per month against the cadence',
      summary: 'Sessions held per month (bars) and what the cadences ask (line).',
      unit: 'count',
      axis: 'month',
      labels,
      series: [
        { name: 'held', kind: 'bar', role: 'main', values: months.map((m) => m.sessions) },
        { name: 'the cadences ask', kind: 'line', role: 'target', values: months.map((m) => m.agreed) },
      ],
    },
    {
      caption: 'Mentee-driven share over time',
      summary: 'Share of agendas, feedback requests and plan edits made by mentees, per month.',
      unit: 'share',
      axis: 'month',
      labels,
      series: [{ name: 'mentee-driven', kind: 'line', role: 'share', values: months.map((m) => m.menteeDriven) }],
    },
    {
      caption: 'Follow-through distribution',
      summary: 'Number of pairs by the share of their actions done by the deadline.',
      unit: 'count',
      axis: 'follow-through',
      labels: ['<25%', '25–50%', '50–75%', '≥75%', 'none due'],
      series: [{ name: 'pairs', kind: 'bar', role: 'main', values: [...q, figures.followThrough.none] }],
    },
  ];
}

/** A value as the chart's text alternative shows it. */
export function chartValue(spec: ChartSpec, value: number | null): string {
  if (value === null) return '–';
  return spec.unit === 'share' ? `${Math.round(value * 100)}%` : String(Math.round(value * 10) / 10);
}

/** The chart's numbers as a table: a header row, then one row per label. */
export function chartTable(spec: ChartSpec): { head: string[]; rows: string[][] } {
  return {
    head: [spec.axis, ...spec.series.map((s) => s.name)],
    rows: spec.labels.map((label, i) => [label, ...spec.series.map((s) => chartValue(spec, s.values[i] ?? null))]),
  };
}
