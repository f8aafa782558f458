// `mentoring health [pair]`: relationship health figures from the git log, per pair and for the program.
import { join } from 'node:path';
import {
  historyHealth,
  programHealth,
  summaryHealth,
  type PairHealth,
  type ProgramHealth,
} from '../../core/health/figures';
import { localToday } from '../../core/app/today';
import { readHistory, readPairSummaries } from '../../core/history';
import { readYamlText, parseYaml } from '../../core/folder/yamlText';
import { checkPath, UnsafePathError } from '../../core/fs';
import { checkPairArgument, CliError, resolveContext, type GlobalOptions } from '../context';
import { print } from '../output';
import type { Ratio } from '../../shared/ratio';

export async function healthCommand(
  pairId: string | undefined,
  options: GlobalOptions & { json?: boolean },
): Promise<void> {
  const out: string[] = [];
  await healthInto(out, pairId, options);
  print(out.join(''));
}

async function healthInto(
  out: string[],
  pairId: string | undefined,
  options: GlobalOptions & { json?: boolean },
): Promise<void> {
  if (pairId !== undefined) checkPairArgument(pairId);
  const context = await resolveContext(options);
  if (checkPath(context.root, join(context.root, context.folder)) === 'missing') {
    throw new CliError(`no mentoring folder at ${context.folder}/ (run \`mentoring init\`)`);
  }
  const today = localToday();
  const defaultCadenceDays = programCadence(context.root, context.folder);
  // All pairs from the health summary (kept under .git/mentoring); one pair from its own log.
  const history =
    pairId === undefined
      ? await readPairSummaries(context.root, { folder: context.folder })
      : await readHistory(context.root, { folder: context.folder, pair: pairId });
  const { pairs } =
    'events' in history
      ? historyHealth(history, today, { defaultCadenceDays })
      : summaryHealth(history, today, { defaultCadenceDays });
  const shown = pairId === undefined ? pairs : pairs.filter((pair) => pair.pair === pairId);
  if (pairId !== undefined && shown.length === 0)
    throw new CliError(`no pair "${pairId}" committed in ${context.folder}/pairs/`);
  const program = programHealth(pairs);
  const head = history.head?.slice(0, 7) ?? 'no commits';
  if (options.json) {
    const body =
      pairId === undefined
        ? { today, head: history.head ?? null, pairs: shown, program }
        : { today, head: history.head ?? null, pair: shown[0] };
    out.push(JSON.stringify(body, null, 2) + '\n');
    return;
  }
  out.push(
    `Health on ${today}, from the committed files at ${head}${history.shallow ? ' (shallow clone: early history missing)' : ''}\n\n`,
  );
  if (pairId !== undefined) {
    out.push(pairDetail(shown[0]));
    return;
  }
  if (pairs.length === 0) out.push('No pairs committed yet.\n');
  for (const pair of pairs) out.push(pairLine(pair));
  out.push(`\n${programText(program)}`);
}

function pairDetail(h: PairHealth): string {
  const lines = [
    `${h.pair}  ${h.status ?? 'no plan'}`,
    row('last session', h.lastSession ? `${h.lastSession} (${h.daysSinceLastSession} days ago)` : 'none yet'),
    row(
      'sessions held',
      h.sessions.expected !== null
        ? `${h.sessions.held} of ${h.sessions.expected} expected (every ${h.sessions.cadenceDays} days)`
        : `${h.sessions.held}${h.sessions.cadenceDays === null ? ' (no cadence agreed)' : ''}`,
    ),
    row('agendas in advance', ratioText(h.agendasBeforeSession, 'committed before their session')),
    row('follow-through', ratioText(h.followThrough, 'actions done by their deadline')),
    row(
      'mentee drives',
      `${ratioText(h.menteeDrives.overall)}: agendas ${frac(h.menteeDrives.agendas)}, feedback requests ${frac(h.menteeDrives.feedback)}, plan edits ${frac(h.menteeDrives.planEdits)}`,
    ),
    row('  by month', h.menteeDrives.trend.map((m) => `${m.month} ${percent(m.share)}`).join('  ') || '-'),
    row(
      'open feedback',
      h.openFeedback.count === 0 ? 'none' : `${h.openFeedback.count} (oldest ${h.openFeedback.oldestDays} days)`,
    ),
    row(
      'goals',
      `${h.goals.done} done, ${h.goals.inProgress} in progress, ${h.goals.planned} planned, ${h.goals.dropped} dropped; benchmarks ${frac(h.benchmarks)} reached`,
    ),
    row(
      'next session',
      h.nextSession.agreed
        ? `agreed: ${h.nextSession.date}`
        : `not agreed${h.nextSession.date ? ` (agenda for ${h.nextSession.date})` : ''}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

function pairLine(h: PairHealth): string {
  const last = h.daysSinceLastSession === null ? 'no session yet' : `last session ${h.daysSinceLastSession}d ago`;
  const held =
    h.sessions.expected !== null ? `held ${h.sessions.held}/${h.sessions.expected}` : `held ${h.sessions.held}`;
  const parts = [
    last,
    held,
    `agendas ahead ${percent(h.agendasBeforeSession.share)}`,
    `follow-through ${percent(h.followThrough.share)}`,
    `mentee drives ${percent(h.menteeDrives.overall.share)}`,
    `open feedback ${h.openFeedback.count}`,
    h.nextSession.agreed ? `next ${h.nextSession.date}` : 'no next session agreed',
  ];
  return `${h.pair.padEnd(24)} ${(h.status ?? '?').padEnd(10)} ${parts.join(', ')}\n`;
}

function programText(p: ProgramHealth): string {
  const statuses = Object.entries(p.byStatus)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  return (
    [
      `Program (aggregates only): ${p.pairs} pair(s)${statuses ? `: ${statuses}` : ''}`,
      row('sessions held', `${p.sessions.held} of ${p.sessions.expected} expected`),
      row('agendas in advance', ratioText(p.agendasBeforeSession)),
      row('follow-through', ratioText(p.followThrough)),
      row('mentee drives', ratioText(p.menteeDrives)),
      row('  by month', p.trend.map((m) => `${m.month} ${percent(m.share)}`).join('  ') || '-'),
      row(
        'open feedback',
        p.openFeedback.count === 0 ? 'none' : `${p.openFeedback.count} (oldest ${p.openFeedback.oldestDays} days)`,
      ),
      row(
        'goals',
        `${p.goals.done} done of ${p.goals.total - p.goals.dropped}; benchmarks ${frac(p.benchmarks)} reached`,
      ),
      row('next session agreed', `${frac(p.nextSessionAgreed)} active pairs`),
      row('median days since', p.medianDaysSinceLastSession === null ? '-' : String(p.medianDaysSinceLastSession)),
    ].join('\n') + '\n'
  );
}

/** The program's default cadence, if program.yaml sets one (a broken file just means no default). */
function programCadence(root: string, folder: string): number | undefined {
  try {
    const parsed = parseYaml(readYamlText(root, join(root, folder, 'program.yaml')));
    const cadence = (parsed.data as { defaults?: { cadence_days?: unknown } } | undefined)?.defaults?.cadence_days;
    return typeof cadence === 'number' && cadence > 0 ? cadence : undefined;
  } catch (error) {
    // A link or a FIFO in its place is said, not taken for a broken file; the figures go on without it.
    if (error instanceof UnsafePathError) process.stderr.write(`warning: ${error.message}\n`);
    return undefined;
  }
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(20)} ${value}`;
}

function frac(r: Ratio): string {
  return `${r.part}/${r.total}`;
}

function ratioText(r: Ratio, what = ''): string {
  return `${r.part} of ${r.total}${what ? ` ${what}` : ''}${r.share === null ? '' : ` (${percent(r.share)})`}`;
}

function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}
