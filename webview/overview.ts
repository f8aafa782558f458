// The Program Overview panel: the program report's figures as a sortable, filterable table of
// every pair, the pairs at risk with the reasons, mentees without a mentor, mentors' places and
// three charts. Everything shown is text (lit escapes it); the charts are drawn from numbers by
// Chart.js (webview/charts.ts) in the theme's colours, each with a caption, an accessible name and
// its numbers in a table.
import { html, nothing, render, type TemplateResult } from 'lit';
import type { DidChangeOverviewNotification, OverviewCommand, OverviewView, PairRow } from '../src/protocol/overview';
import { chartTable, programCharts, type ChartSpec } from '../src/shared/programCharts';
import { drawCharts, onThemeChange } from './charts';

interface VsCodeApi {
  postMessage(message: OverviewCommand): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let view: OverviewView | undefined;
let filter = '';
let sort: { column: number; descending: boolean } = { column: 0, descending: false };

const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);
const dash = (value: number | string | null): string => (value === null ? '–' : String(value));

interface Column {
  head: string;
  cell: (row: PairRow) => string;
  /** What the column sorts by; null sorts last. */
  key: (row: PairRow) => number | string | null;
}

const COLUMNS: Column[] = [
  { head: 'Pair', cell: (r) => r.pair, key: (r) => r.pair },
  { head: 'Status', cell: (r) => r.status ?? '?', key: (r) => r.status },
  {
    head: 'Days since last / cadence',
    cell: (r) => `${dash(r.daysSinceLastSession)} / ${dash(r.cadenceDays)}`,
    key: (r) => r.daysSinceLastSession,
  },
  { head: 'Held / agreed', cell: (r) => `${r.sessionsHeld} / ${dash(r.sessionsAgreed)}`, key: (r) => r.sessionsHeld },
  { head: 'Agendas ahead', cell: (r) => percent(r.agendasAhead.share), key: (r) => r.agendasAhead.share },
  { head: 'Follow-through', cell: (r) => percent(r.followThrough.share), key: (r) => r.followThrough.share },
  {
    head: 'Mentee-driven',
    cell: (r) => `${percent(r.menteeDriven.share)}${r.menteeDrivenTrend ? ` (${r.menteeDrivenTrend})` : ''}`,
    key: (r) => r.menteeDriven.share,
  },
  {
    head: 'Open feedback (oldest)',
    cell: (r) => (r.openFeedback === 0 ? '0' : `${r.openFeedback} (${dash(r.oldestFeedbackDays)} d)`),
    key: (r) => r.openFeedback,
  },
  { head: 'Next session', cell: (r) => r.nextSession ?? '–', key: (r) => r.nextSession },
];

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as DidChangeOverviewNotification;
  if (typeof message !== 'object' || message === null || message.type !== 'didChangeOverview') return;
  view = message.overview;
  draw();
});
vscode.postMessage({ type: 'overviewReady' });
draw();
onThemeChange(() => draw());

function draw(): void {
  render(page(), app);
  if (view?.status === 'ready') drawCharts(app, programCharts(view));
}

function page(): TemplateResult {
  if (!view) return html`<p class="muted">Loading the program's figures…</p>`;
  if (view.status === 'error') return html`<p class="error" role="alert">${view.message}</p>`;
  const t = view.totals;
  return html`
    <header>
      <h1>${view.name ?? 'Program'} — overview</h1>
      <p class="muted">
        Figures for ${view.today}: aggregates and dates only.${view.readOnly ? ' Read-only.' : ''}
        <button class="link" @click=${() => vscode.postMessage({ type: 'overviewRefresh' })}>Refresh</button>
      </p>
    </header>
    ${
      t
        ? html`<ul class="totals">
            <li><strong>${t.pairs}</strong> pairs</li>
            <li><strong>${t.sessionsHeld}</strong> sessions held of ${t.sessionsAgreed} agreed</li>
            <li><strong>${percent(t.agendasAhead.share)}</strong> agendas ahead</li>
            <li><strong>${percent(t.followThrough.share)}</strong> follow-through</li>
            <li><strong>${percent(t.menteeDriven.share)}</strong> mentee-driven</li>
            <li><strong>${t.openFeedback}</strong> open feedback requests</li>
          </ul>`
        : nothing
    }
    <section class="charts" aria-label="Charts">${programCharts(view).map(figure)}</section>
    <section aria-labelledby="pairs-head">
      <h2 id="pairs-head">Pairs</h2>
      <label class="filter"
        >Filter
        <input
          type="search"
          .value=${filter}
          placeholder="pair, person or status"
          @input=${(e: Event) => ((filter = (e.target as HTMLInputElement).value), draw())}
      /></label>
      ${pairsTable(view.pairs)}
    </section>
    <div class="lists">
      ${list(
        'At risk',
        view.atRisk.map((r) => `${r.pair}: ${r.reasons.join('; ')}`),
        'risk',
      )}
      ${list(
        'Mentees without a mentor',
        view.unmatchedMentees.map((m) => (m.proposed ? `${m.handle} (proposal waiting)` : m.handle)),
      )}
      ${list(
        "Mentors' capacity",
        view.mentors.map(
          (m) =>
            `${m.handle}: ${m.active} active, ${m.pending} proposed, ` +
            (m.remaining === null ? 'no capacity set' : `${m.remaining} of ${m.capacity} left`) +
            (m.paused ? ' (paused)' : ''),
        ),
      )}
      ${list(
        'Proposals waiting',
        view.pending.map((p) => `${p.pair}${p.since ? ` since ${p.since}` : ''}${p.from ? ` (from ${p.from})` : ''}`),
      )}
    </div>
  `;
}

function pairsTable(all: PairRow[]): TemplateResult {
  const needle = filter.trim().toLowerCase();
  const rows = all.filter(
    (r) => !needle || [r.pair, r.mentee, r.mentor, r.status ?? ''].some((s) => s.toLowerCase().includes(needle)),
  );
  const column = COLUMNS[sort.column];
  rows.sort((a, b) => compare(column.key(a), column.key(b), sort.descending) || a.pair.localeCompare(b.pair));
  return html`<table class="pairs">
      <thead>
        <tr>
          ${COLUMNS.map(
            (c, i) =>
              html`<th
                scope="col"
                aria-sort=${i === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button @click=${() => sortBy(i)}>
                  ${c.head}${i === sort.column ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              ${COLUMNS.map((c) => html`<td>${c.cell(r)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="muted" aria-live="polite">${rows.length} of ${all.length} pairs shown.</p>`;
}

function sortBy(column: number): void {
  sort = { column, descending: sort.column === column ? !sort.descending : false };
  draw();
}

/** Nulls last either way; numbers as numbers, text by locale. */
function compare(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}

function list(head: string, lines: string[], cls = ''): TemplateResult {
  return html`<section class="list ${cls}">
    <h2>${head}</h2>
    ${
      lines.length === 0
        ? html`<p class="muted">None.</p>`
        : html`<ul>
            ${lines.map((line) => html`<li>${line}</li>`)}
          </ul>`
    }
  </section>`;
}

/** A chart's place: its caption, the canvas Chart.js draws on (named by the summary) and its numbers. */
function figure(spec: ChartSpec, index: number): TemplateResult {
  const table = chartTable(spec);
  return html`<figure>
    <figcaption>${spec.caption}</figcaption>
    <div class="chart-box"><canvas data-chart=${index} role="img" aria-label=${spec.summary}></canvas></div>
    <details>
      <summary>The numbers</summary>
      <table class="numbers">
        <thead>
          <tr>
            ${table.head.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            ([label, ...cells]) =>
              html`<tr>
                <th scope="row">${label}</th>
                ${cells.map((c) => html`<td>${c}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
