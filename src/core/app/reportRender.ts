// `mentoring report` in each format: text for terminals, JSON for tools, Markdown for a pull
// request or wiki, and one self-contained HTML page that a scheduled CI job publishes: its style,
// the chart numbers and the chart script (Chart.js) inline, allowed by their hashes in the page's
// CSP, and nothing fetched. All of them print the same figures.
import { createHash } from 'node:crypto';
import { chartTable, programCharts, type ChartSpec } from '../../shared/programCharts';
import type { Ratio } from '../../shared/ratio';
import type { PairRow, ProgramReport, RiskReason } from '../program/model';
import { md } from '../review/render';
import { reportChartScript } from './reportAssets';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'html'];

export function renderReport(report: ProgramReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return reportMarkdown(report);
    case 'html':
      return reportHtml(report);
    case 'text':
      return reportText(report);
  }
}

/** One reason a pair is at risk, in words. */
export function riskText(reason: RiskReason): string {
  switch (reason.kind) {
    case 'no-session':
      return `no session for ${reason.days} days (twice the cadence is ${reason.limit})`;
    case 'agendas-never-ahead':
      return `none of ${reason.days} agendas committed before the session`;
    case 'feedback-waiting':
      return `a feedback request waiting ${reason.days} days (limit ${reason.limit})`;
    case 'proposal-pending':
      return `proposed ${reason.days} days ago and not decided (limit ${reason.limit})`;
  }
}

export function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

function fractionText(value: Ratio): string {
  return value.total === 0 ? '-' : `${value.part}/${value.total} (${percent(value.share)})`;
}

/** The table's columns, shared by every format: a header and a cell per pair. */
const COLUMNS: { head: string; cell: (row: PairRow) => string }[] = [
  { head: 'pair', cell: (row) => row.pair },
  { head: 'status', cell: (row) => row.status ?? '?' },
  {
    head: 'days since / cadence',
    cell: (row) => `${row.daysSinceLastSession ?? '-'} / ${row.cadenceDays ?? '-'}`,
  },
  { head: 'held / agreed', cell: (row) => `${row.sessionsHeld} / ${row.sessionsAgreed ?? '-'}` },
  { head: 'agendas ahead', cell: (row) => percent(row.agendasAhead.share) },
  { head: 'follow-through', cell: (row) => percent(row.followThrough.share) },
  {
    head: 'mentee-driven',
    cell: (row) => `${percent(row.menteeDriven.share)}${row.menteeDrivenTrend ? ` ${row.menteeDrivenTrend}` : ''}`,
  },
  {
    head: 'open feedback',
    cell: (row) => (row.openFeedback === 0 ? '0' : `${row.openFeedback} (${row.oldestFeedbackDays}d)`),
  },
  { head: 'next session', cell: (row) => row.nextSession ?? 'not agreed' },
];

function title(report: ProgramReport): string {
  return report.name === null ? 'Mentoring program' : `Mentoring program: ${printable(report.name)}`;
}

function subtitle(report: ProgramReport): string {
  const head = report.head ? ` at ${report.head.slice(0, 7)}` : '';
  const shallow = report.shallow ? ' (shallow clone: early history missing)' : '';
  return `Figures on ${report.today}${head}${shallow}. Aggregates and dates only.`;
}

function totalsLines(report: ProgramReport): string[] {
  const t = report.totals;
  const statuses = Object.entries(t.byStatus)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  return [
    `pairs: ${t.pairs}${statuses ? ` (${statuses})` : ''}`,
    `sessions held: ${t.sessionsHeld} of ${t.sessionsAgreed} agreed`,
    `agendas committed ahead: ${fractionText(t.agendasAhead)}`,
    `follow-through: ${fractionText(t.followThrough)}`,
    `mentee-driven: ${fractionText(t.menteeDriven)}`,
    `open feedback: ${t.openFeedback}${t.oldestFeedbackDays === null ? '' : ` (oldest ${t.oldestFeedbackDays} days)`}`,
    `next session agreed: ${fractionText(t.nextSessionAgreed)} of active pairs`,
    `median days since last session: ${t.medianDaysSinceLastSession ?? '-'}`,
  ];
}

function listLines(report: ProgramReport): { head: string; lines: string[] }[] {
  return [
    {
      head: 'At risk',
      lines: report.atRisk.map((risk) => `${risk.pair}: ${risk.reasons.map(riskText).join('; ')}`),
    },
    {
      head: 'Proposals waiting',
      lines: report.pending.map(
        (p) => `${p.pair}: proposed by ${p.from ?? 'unknown'}${p.since ? ` on ${p.since} (${p.ageDays} days)` : ''}`,
      ),
    },
    {
      head: 'Mentees without a mentor',
      lines: report.unmatchedMentees.map((m) => `${m.handle}${m.proposed ? ' (a proposal is waiting)' : ''}`),
    },
    {
      head: "Mentors' capacity",
      lines: report.mentors.map(
        (m) =>
          `${m.handle}: ${m.capacity === null ? 'no capacity given' : `capacity ${m.capacity}`}, ${m.active} active, ${m.pending} pending` +
          `${m.remaining === null ? '' : `, ${m.remaining} left`}${m.paused ? ' (paused)' : ''}`,
      ),
    },
  ];
}

function reportText(report: ProgramReport): string {
  const out = [title(report), subtitle(report), '', ...totalsLines(report).map((line) => `  ${line}`), ''];
  const cells = report.pairs.map((row) => COLUMNS.map((column) => column.cell(row)));
  const widths = COLUMNS.map((column, i) => Math.max(column.head.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  out.push('Pairs');
  if (report.pairs.length === 0) out.push('  none committed yet');
  else out.push(`  ${line(COLUMNS.map((c) => c.head))}`, ...cells.map((c) => `  ${line(c)}`));
  for (const list of listLines(report)) {
    out.push('', list.head, ...(list.lines.length === 0 ? ['  none'] : list.lines.map((l) => `  ${l}`)));
  }
  out.push('', 'Month by month: sessions held / agreed, mentee-driven');
  for (const month of report.months)
    out.push(`  ${month.month}  ${month.sessions} / ${month.agreed}  ${percent(month.menteeDriven)}`);
  const q = report.followThrough.quarters;
  out.push(
    '',
    `Follow-through of pairs: under 25% ${q[0]}, 25-50% ${q[1]}, 50-75% ${q[2]}, 75% and over ${q[3]}, nothing due yet ${report.followThrough.none}`,
  );
  return out.join('\n') + '\n';
}

function reportMarkdown(report: ProgramReport): string {
  const out = [`# ${md(title(report))}`, '', md(subtitle(report)), '', ...totalsLines(report).map((l) => `- ${md(l)}`)];
  out.push('', '## Pairs', '');
  if (report.pairs.length === 0) out.push('None committed yet.');
  else {
    out.push(`| ${COLUMNS.map((c) => c.head).join(' | ')} |`, `|${COLUMNS.map(() => ' --- |').join('')}`);
    for (const row of report.pairs) out.push(`| ${COLUMNS.map((c) => md(c.cell(row))).join(' | ')} |`);
  }
  for (const list of listLines(report)) {
    out.push(
      '',
      `## ${md(list.head)}`,
      '',
      ...(list.lines.length === 0 ? ['None.'] : list.lines.map((l) => `- ${md(l)}`)),
    );
  }
  out.push(
    '',
    '## Month by month',
    '',
    '| month | sessions held | agreed | mentee-driven |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const m of report.months) out.push(`| ${m.month} | ${m.sessions} | ${m.agreed} | ${percent(m.menteeDriven)} |`);
  return out.join('\n') + '\n';
}

const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0;
  --bar: #0969da; --target: #bc4c00; --accent: #1a7f37; --risk: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1;
  --line: #3d444d; --bar: #4493f8; --target: #f0883e; --accent: #3fb950; --risk: #f85149; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.muted { color: var(--muted); } ul.totals { columns: 2; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
figure { margin: 0; min-width: 0; } figcaption { font-weight: 600; }
.chart-box { position: relative; height: 15rem; } summary { cursor: pointer; color: var(--muted); }
table.numbers { width: auto; } table.numbers td { text-align: right; } table.numbers th[scope=row] { font-weight: normal; }
.risk { color: var(--risk); }
`;

function reportHtml(report: ProgramReport): string {
  const h = escapeHtml;
  const specs = programCharts(report);
  // The data block is not run; `<` is escaped so no label can close it.
  const data = JSON.stringify(specs).replace(/</g, '\\u003c');
  const script = reportChartScript().replace(/<\/(script)/gi, '<\\/$1');
  const table =
    report.pairs.length === 0
      ? '<p>None committed yet.</p>'
      : `<table><thead><tr>${COLUMNS.map((c) => `<th scope="col">${h(c.head)}</th>`).join('')}</tr></thead><tbody>` +
        report.pairs.map((row) => `<tr>${COLUMNS.map((c) => `<td>${h(c.cell(row))}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>';
  const lists = listLines(report)
    .map(
      (list) =>
        `<h2>${h(list.head)}</h2>` +
        (list.lines.length === 0
          ? '<p class="muted">None.</p>'
          : `<ul${list.head === 'At risk' ? ' class="risk"' : ''}>${list.lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${sha256(HTML_STYLE)}'; script-src '${sha256(script)}'">
<title>${h(title(report))}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<h1>${h(title(report))}</h1>
<p class="muted">${h(subtitle(report))}</p>
<ul class="totals">${totalsLines(report)
    .map((l) => `<li>${h(l)}</li>`)
    .join('')}</ul>
<div class="charts">${specs.map(figure).join('')}</div>
<h2>Pairs</h2>
${table}
${lists}
<script type="application/json" id="chart-data">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** A chart's caption, its canvas (named by its summary) and its numbers as a table. */
function figure(spec: ChartSpec, index: number): string {
  const h = escapeHtml;
  const table = chartTable(spec);
  return (
    `<figure><figcaption>${h(spec.caption)}</figcaption>` +
    `<div class="chart-box"><canvas data-chart="${index}" role="img" aria-label="${h(spec.summary)}"></canvas></div>` +
    `<details><summary>The numbers</summary><table class="numbers"><thead><tr>` +
    table.head.map((c) => `<th scope="col">${h(c)}</th>`).join('') +
    '</tr></thead><tbody>' +
    table.rows
      .map(
        ([label, ...cells]) =>
          `<tr><th scope="row">${h(label)}</th>${cells.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table></details></figure>'
  );
}

/** A CSP source allowing exactly this inline script or style. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A name from program.yaml as one line with no control characters. */
function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
