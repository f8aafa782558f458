// The program's three charts, for the HTML report and the Program Overview alike: sessions per
// month against the cadences, the mentee-driven share over time, the follow-through distribution.
// Takes the report's month and follow-through figures (structurally: shared imports nothing).
import { barChartSvg, shareLineSvg } from './charts';

export interface ChartFigures {
  months: { month: string; sessions: number; agreed: number; menteeDriven: number | null }[];
  followThrough: { quarters: [number, number, number, number]; none: number };
}

export interface ProgramChart {
  caption: string;
  svg: string;
}

export function programCharts(figures: ChartFigures): ProgramChart[] {
  const months = figures.months;
  const q = figures.followThrough.quarters;
  return [
    {
      caption: 'Sessions per month against the cadence',
      svg: barChartSvg(
        'Sessions held per month (bars) and what the cadences ask (dashed)',
        months.map((m) => ({ label: m.month.slice(2), value: m.sessions })),
        months.map((m) => ({ label: m.month.slice(2), value: m.agreed })),
      ),
    },
    {
      caption: 'Mentee-driven share over time',
      svg: shareLineSvg(
        'Share of agendas, feedback requests and plan edits made by mentees, per month',
        months.map((m) => ({ label: m.month.slice(2), value: m.menteeDriven })),
      ),
    },
    {
      caption: 'Follow-through distribution',
      svg: barChartSvg('Pairs by follow-through', [
        { label: '<25%', value: q[0] },
        { label: '25-50%', value: q[1] },
        { label: '50-75%', value: q[2] },
        { label: '75%+', value: q[3] },
        { label: 'none due', value: figures.followThrough.none },
      ]),
    },
  ];
}
