// The pair's health card: figures only (numbers and dates, never private text), from the git
// log and the files as they are; in Restricted Mode only what the files alone can tell.
import { html, nothing, type TemplateResult } from 'lit';
import type { HealthView, HistoryView, RatioView } from '../../src/protocol/history';
import type { PairView } from '../../src/protocol/sidebar';
import type { HistoryState } from '../history';
import type { Ui } from '../ui';
import { formatDate, icon, relativeDay, section } from './common';

const TREND_MONTHS = 6;

export function healthSection(ui: Ui, pair: PairView, history: HistoryState): TemplateResult {
  const view = ui.isOpen('health', true) ? history.forPair(ui, pair.id) : undefined;
  const health = view?.health;
  return section(ui, 'health', 'Health', healthBody(ui, view, health), {
    description: health && !health.fromHistory ? 'from the files only' : '',
  });
}

function healthBody(ui: Ui, view: HistoryView | undefined, h: HealthView | undefined): TemplateResult {
  if (!h)
    return view?.status === 'error' || view?.status === 'unavailable'
      ? html`<p class="hint">${view.message}</p>`
      : html`<p class="history-loading">
          <vscode-progress-ring aria-label="Computing the figures"></vscode-progress-ring>
          <span class="hint">Reading the history…</span>
        </p>`;
  const today = ui.state?.today ?? '';
  const goals = h.goals;
  const goalParts = [
    `${goals.done} done`,
    `${goals.inProgress} in progress`,
    `${goals.planned} planned`,
    ...(goals.dropped > 0 ? [`${goals.dropped} dropped`] : []),
  ];
  return html`<dl class="health" data-testid="health-card">
      ${figure(
        'last',
        'calendar',
        'Last session',
        h.lastSession ? `${relativeDay(h.lastSession, today)} · ${formatDate(h.lastSession)}` : 'none yet',
      )}
      ${figure(
        'sessions',
        'history',
        'Sessions held',
        h.sessions.expected !== null
          ? `${h.sessions.held} of ${h.sessions.expected} expected · every ${h.sessions.cadenceDays} days`
          : `${h.sessions.held}${h.sessions.cadenceDays === null ? ' · no cadence agreed' : ''}`,
      )}
      ${ratioFigure('agendas', 'notebook', 'Agendas ahead', h.agendasBeforeSession, 'committed before the session')}
      ${ratioFigure('follow', 'tasklist', 'Follow-through', h.followThrough, 'actions done by their deadline (due date, else the next session)')}
      ${ratioFigure('drives', 'person', 'Mentee drives', h.menteeDrives, 'agendas, requests and plan edits by the mentee')}
      ${h.trend.length > 0 ? trend(h.trend) : nothing}
      ${figure(
        'feedback',
        'comment',
        'Open feedback',
        h.openFeedback.count === 0
          ? 'none'
          : `${h.openFeedback.count} · oldest ${h.openFeedback.oldestDays} ${h.openFeedback.oldestDays === 1 ? 'day' : 'days'}`,
      )}
      ${figure('goals', 'target', 'Goals', goalParts.join(' · '))}
      ${ratioFigure('benchmarks', 'milestone', 'Benchmarks', h.benchmarks, 'benchmarks reached')}
      ${figure(
        'next',
        'calendar',
        'Next session',
        h.nextSession.agreed && h.nextSession.date
          ? `agreed · ${formatDate(h.nextSession.date)}`
          : h.nextSession.date
            ? `not agreed · agenda for ${formatDate(h.nextSession.date)}`
            : 'not agreed',
        h.nextSession.agreed ? 'ok' : 'warn',
      )}
    </dl>
    ${
      !h.fromHistory
        ? html`<p class="hint">Agendas ahead, follow-through and who drives come from the git history.</p>`
        : nothing
    }`;
}

function figure(id: string, iconName: string, label: string, value: string, tone = ''): TemplateResult {
  return html`<div class="figure" data-testid=${`health-${id}`}>
    <dt>${icon(iconName)}<span>${label}</span></dt>
    <dd class=${tone}>${value}</dd>
  </div>`;
}

function ratioFigure(id: string, iconName: string, label: string, r: RatioView | null, what: string): TemplateResult {
  if (!r) return figure(id, iconName, label, 'needs the git history');
  if (r.total === 0) return figure(id, iconName, label, 'nothing to count yet');
  return html`<div class="figure" data-testid=${`health-${id}`} title=${`${r.part} of ${r.total} ${what}`}>
    <dt>${icon(iconName)}<span>${label}</span></dt>
    <dd>
      <span>${r.part} of ${r.total} · ${percent(r.share)}</span>
      <progress
        class="progress"
        max=${r.total}
        value=${r.part}
        aria-label=${`${label}: ${r.part} of ${r.total}`}
      ></progress>
    </dd>
  </div>`;
}

/** The mentee's share by month as small bars (CSS only): the handover from mentor to mentee. */
function trend(months: HealthView['trend']): TemplateResult {
  const shown = months.slice(-TREND_MONTHS);
  return html`<div class="figure trend-row" data-testid="health-trend">
    <dt><span class="trend-caption">by month</span></dt>
    <dd>
      <div class="trend" role="list" aria-label="Mentee share by month">
        ${shown.map(
          (m) =>
            html`<span
              class="trend-month"
              role="listitem"
              title=${`${m.month}: ${m.mentee} of ${m.total} by the mentee`}
            >
              <span class="trend-bar"><span class=${`trend-fill h-${Math.round((m.share ?? 0) * 10)}`}></span></span>
              <span class="trend-label">${monthShort(m.month)}</span>
              <span class="trend-value">${percent(m.share)}</span>
            </span>`,
        )}
      </div>
    </dd>
  </div>`;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

function monthShort(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
}
