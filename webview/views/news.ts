// "What's new": what the other side of the selected pair changed since I last looked, in words,
// from the mentoring branch and from its remote when that is ahead (then Pull). Fetch asks the
// remote; "Mark as seen" starts the list afresh.
import { html, nothing, type TemplateResult } from 'lit';
import type { ExchangeView, NewsView } from '../../src/protocol/exchange';
import type { PairView } from '../../src/protocol/sidebar';
import type { Ui } from '../ui';
import { button, formatDate, icon, loading, outcome, section } from './common';

const FETCH_KEY = 'fetch';

export function newsSection(ui: Ui, pair: PairView, view: ExchangeView | undefined): TemplateResult | typeof nothing {
  if (view && view.status !== 'loading' && view.status !== 'ready') return nothing;
  const news = view?.news?.pair === pair.id ? view.news : undefined;
  const count = news?.entries.length ?? 0;
  return section(ui, 'news', "What's new", html`<div data-testid="news">${body(ui, pair, view, news)}</div>`, {
    decorations: count > 0 ? html`<vscode-badge variant="counter">${count}</vscode-badge>` : undefined,
  });
}

function body(ui: Ui, pair: PairView, view: ExchangeView | undefined, news: NewsView | undefined): TemplateResult {
  if (!view || view.status === 'loading') return loading("Reading what's new…");
  if (!news)
    return html`<p class="hint">${view.newsMessage ?? "What's new is read when the relationship is yours."}</p>`;
  const other = news.other || (pair.role === 'mentee' ? pair.mentor : pair.mentee);
  return html`${behind(ui, news)}
    ${
      news.entries.length === 0
        ? html`<p class="hint">Nothing new from ${other} since you last looked.</p>`
        : html`<ul class="news" role="list">
            ${news.entries.map(
              (entry) =>
                html`<li class="news-item" data-testid="news-item">
                  ${icon(entry.icon)}
                  <span class="news-text">
                    <span>${entry.text}</span>
                    <span class="meta">
                      <span>${formatDate(entry.date)}</span>
                      ${entry.remoteOnly ? html`<span class="tag">not pulled yet</span>` : nothing}
                    </span>
                  </span>
                </li>`,
            )}
          </ul>`
    }
    <div class="buttons">
      ${
        news.entries.length > 0
          ? button('Mark as seen', () => ui.send({ type: 'markNewsSeen', pairId: news.pair }), {
              icon: 'check-all',
              secondary: true,
              testId: 'news-seen',
            })
          : nothing
      }
      ${
        news.canFetch
          ? button('Fetch', () => void ui.run(FETCH_KEY, { type: 'fetchMentoring' }), {
              icon: 'cloud-download',
              secondary: true,
              busy: ui.isBusy(FETCH_KEY),
              testId: 'fetch',
            })
          : nothing
      }
    </div>
    ${outcome(ui, FETCH_KEY)}`;
}

/** The remote has commits my mentoring branch lacks: say how many, and offer the git extension's Pull. */
function behind(ui: Ui, news: NewsView): TemplateResult | typeof nothing {
  if (news.behindRemote <= 0) return nothing;
  const where = news.remoteBranch ? html` on <code>${news.remoteBranch}</code>` : nothing;
  return html`<div class="notice info" role="status">
    ${icon('cloud-download')}
    <div>
      <p><strong>${news.behindRemote} new on the remote</strong>${where}.</p>
      ${
        news.onBranch
          ? nothing
          : html`<p class="hint">You are on another branch: pull on ${news.branch ?? 'the mentoring branch'}.</p>`
      }
      <div class="buttons">
        ${button('Pull', () => ui.send({ type: 'pullMentoring' }), { icon: 'repo-pull', testId: 'pull' })}
      </div>
    </div>
  </div>`;
}
