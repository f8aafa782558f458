// What the Program Overview panel is sent: the program report's figures (aggregates, dates,
// statuses and handles, built by core/app/programReport.ts), with each risk's reason in words.
// No vscode import: the privacy test builds the panel's message here.
import type { ProgramReport } from '../../core/app/programReport';
import { riskText } from '../../core/app/reportRender';
import type { DidChangeOverviewNotification, OverviewView } from '../../protocol/overview';

export function overviewView(report: ProgramReport, readOnly: boolean): OverviewView {
  return {
    status: 'ready',
    name: report.name,
    today: report.today,
    readOnly,
    totals: report.totals,
    pairs: report.pairs,
    atRisk: report.atRisk.map((risk) => ({ pair: risk.pair, reasons: risk.reasons.map(riskText) })),
    pending: report.pending,
    unmatchedMentees: report.unmatchedMentees,
    mentors: report.mentors,
    months: report.months,
    followThrough: report.followThrough,
  };
}

export function overviewMessage(report: ProgramReport, readOnly: boolean): DidChangeOverviewNotification {
  return { type: 'didChangeOverview', overview: overviewView(report, readOnly) };
}
