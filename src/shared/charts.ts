// Small charts as SVG text, for the self-contained HTML report and the Program Overview: no
// library, no script, no external resource. Colours come from the page's stylesheet through
// class names (`chart-bar`, `chart-line`, `chart-target`, `chart-axis`, `chart-label`), so the
// report picks its palette and the panel VS Code's theme. Labels are escaped as XML text.

export interface ChartPoint {
  label: string;
  value: number | null;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };

/** Bars (for example sessions held per month) with an optional target line (what the cadence asks). */
export function barChartSvg(title: string, bars: ChartPoint[], target?: ChartPoint[], max?: number): string {
  const top = Math.max(1, max ?? 0, ...bars.map((b) => b.value ?? 0), ...(target ?? []).map((t) => t.value ?? 0));
  const plot = plotArea(bars.length);
  const y = (value: number): number => PAD.top + plot.height - (value / top) * plot.height;
  const parts: string[] = [axes(title, top, bars, plot, (v) => String(round1(v)))];
  bars.forEach((bar, i) => {
    if (bar.value === null) return;
    const x = PAD.left + i * plot.step + plot.step * 0.15;
    const h = PAD.top + plot.height - y(bar.value);
    parts.push(
      `<rect class="chart-bar" x="${f(x)}" y="${f(y(bar.value))}" width="${f(plot.step * 0.7)}" height="${f(h)}">` +
        `<title>${xml(`${bar.label}: ${round1(bar.value)}`)}</title></rect>`,
    );
  });
  if (target) parts.push(polyline('chart-target', target, plot, y));
  return svg(title, parts);
}

/** A line of shares from 0 to 1 (for example the mentee-driven share month by month). */
export function shareLineSvg(title: string, points: ChartPoint[]): string {
  const plot = plotArea(points.length);
  const y = (value: number): number => PAD.top + plot.height - value * plot.height;
  const parts = [
    axes(title, 1, points, plot, (v) => `${Math.round(v * 100)}%`),
    polyline('chart-line', points, plot, y),
  ];
  points.forEach((point, i) => {
    if (point.value === null) return;
    parts.push(
      `<circle class="chart-dot" cx="${f(PAD.left + (i + 0.5) * plot.step)}" cy="${f(y(point.value))}" r="3">` +
        `<title>${xml(`${point.label}: ${Math.round(point.value * 100)}%`)}</title></circle>`,
    );
  });
  return svg(title, parts);
}

function plotArea(count: number): { width: number; height: number; step: number } {
  const width = WIDTH - PAD.left - PAD.right;
  return { width, height: HEIGHT - PAD.top - PAD.bottom, step: width / Math.max(1, count) };
}

function axes(
  title: string,
  top: number,
  points: ChartPoint[],
  plot: { width: number; height: number; step: number },
  tick: (value: number) => string,
): string {
  const base = PAD.top + plot.height;
  const parts = [
    `<line class="chart-axis" x1="${PAD.left}" y1="${f(base)}" x2="${f(PAD.left + plot.width)}" y2="${f(base)}"/>`,
    `<line class="chart-axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${f(base)}"/>`,
    `<text class="chart-label" x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${xml(tick(top))}</text>`,
    `<text class="chart-label" x="${PAD.left - 4}" y="${f(base)}" text-anchor="end">${xml(tick(0))}</text>`,
  ];
  // Every label when they fit, else every second or third.
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((point, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text class="chart-label" x="${f(PAD.left + (i + 0.5) * plot.step)}" y="${f(base + 16)}" text-anchor="middle">${xml(point.label)}</text>`,
    );
  });
  return parts.join('');
}

function polyline(cls: string, points: ChartPoint[], plot: { step: number }, y: (value: number) => number): string {
  const coords = points.flatMap((point, i) =>
    point.value === null ? [] : [`${f(PAD.left + (i + 0.5) * plot.step)},${f(y(point.value))}`],
  );
  return coords.length === 0 ? '' : `<polyline class="${cls}" fill="none" points="${coords.join(' ')}"/>`;
}

function svg(title: string, parts: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${xml(title)}">` +
    `<title>${xml(title)}</title>${parts.join('')}</svg>`
  );
}

/** Escapes text for XML and HTML content and attribute values. */
export function xml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function f(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
