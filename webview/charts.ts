// Draws the program's charts (src/shared/programCharts.ts) with Chart.js on canvases, for the
// Program Overview panel and the HTML report alike. Chart.js draws on a canvas and sizes it through
// the CSSOM (element.style), never with a style attribute, <style> element or eval, so it runs under
// the strict CSP of both pages. Colours and font are read with getComputedStyle: VS Code's
// --vscode-* variables in the panel, the report's own palette (--fg, --bar ...) elsewhere; the
// charts are drawn again when the theme changes.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { chartValue, type ChartSpec, type SeriesRole } from '../src/shared/programCharts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);
Chart.register(Legend, Tooltip);

export interface ChartTheme {
  text: string;
  grid: string;
  colours: Record<SeriesRole, string>;
  font: string;
  fontSize: number;
}

/** Each colour: the VS Code variable, then the report's, then a default readable on light and dark. */
const VARIABLES: Record<'text' | 'grid' | SeriesRole, [string, string, string]> = {
  text: ['--vscode-descriptionForeground', '--muted', '#777777'],
  grid: ['--vscode-charts-lines', '--line', 'rgba(128, 128, 128, 0.4)'],
  main: ['--vscode-charts-blue', '--bar', '#3794ff'],
  target: ['--vscode-charts-orange', '--target', '#d18616'],
  share: ['--vscode-charts-green', '--accent', '#388a34'],
};

export function readTheme(element: Element = document.body): ChartTheme {
  const style = getComputedStyle(element);
  const pick = ([vscode, report, fallback]: [string, string, string]): string =>
    style.getPropertyValue(vscode).trim() || style.getPropertyValue(report).trim() || fallback;
  return {
    text: pick(VARIABLES.text),
    grid: pick(VARIABLES.grid),
    colours: {
      main: opaque(pick(VARIABLES.main)),
      target: opaque(pick(VARIABLES.target)),
      share: opaque(pick(VARIABLES.share)),
    },
    font: style.getPropertyValue('--vscode-font-family').trim() || style.fontFamily || 'sans-serif',
    fontSize: parseFloat(style.getPropertyValue('--vscode-font-size')) || parseFloat(style.fontSize) || 13,
  };
}

/**
 * The colour without its transparency: some themes give a chart colour at half opacity (VS Code's
 * charts.orange follows the minimap's find-match colour), which leaves a thin dashed line faint.
 */
function opaque(colour: string): string {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) return colour;
  probe.fillStyle = colour;
  const rgba = /^rgba\((\d+), (\d+), (\d+), [\d.]+\)$/.exec(String(probe.fillStyle));
  return rgba ? `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})` : String(probe.fillStyle);
}

const drawn = new Map<HTMLCanvasElement, { chart: Chart; key: string }>();

/**
 * Draws `specs[i]` on each `canvas[data-chart="i"]` under `root`, with the page's theme read now.
 * A chart whose numbers and theme are unchanged is left alone; charts of removed canvases are freed.
 */
export function drawCharts(root: ParentNode, specs: ChartSpec[]): void {
  for (const [canvas, entry] of drawn)
    if (!canvas.isConnected) {
      entry.chart.destroy();
      drawn.delete(canvas);
    }
  const theme = readTheme();
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const spec = specs[Number(canvas.dataset.chart)];
    if (!spec) continue;
    const key = JSON.stringify([spec, theme]);
    const old = drawn.get(canvas);
    if (old?.key === key) continue;
    old?.chart.destroy();
    drawn.set(canvas, { chart: drawChart(canvas, spec, theme), key });
  }
}

/** Calls `redraw` when the theme changes: VS Code swaps the body's class and the root's variables. */
export function onThemeChange(redraw: () => void): void {
  const observer = new MutationObserver(() => redraw());
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)'])
    window.matchMedia(query).addEventListener('change', () => redraw());
}

function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, theme: ChartTheme): Chart {
  const font = { family: theme.font, size: theme.fontSize };
  const ticks = { color: theme.text, font };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => {
        const colour = theme.colours[series.role];
        return series.kind === 'bar'
          ? {
              type: 'bar' as const,
              label: series.name,
              data: series.values,
              backgroundColor: colour,
              pointStyle: 'rect' as const,
              order: 1,
            }
          : {
              type: 'line' as const,
              label: series.name,
              data: series.values,
              borderColor: colour,
              backgroundColor: colour,
              borderWidth: 2,
              borderDash: series.role === 'target' ? [6, 4] : [],
              pointRadius: series.role === 'target' ? 0 : 3,
              pointStyle: series.role === 'target' ? ('line' as const) : ('circle' as const),
              // A point at the top (100%) is drawn whole, not cut at the plot's edge.
              clip: false as const,
              order: 0,
            };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          // A few categories are all labelled; months are thinned out when they would overlap.
          ticks: { ...ticks, maxRotation: 0, autoSkip: spec.labels.length > 6, autoSkipPadding: 8 },
          grid: { display: false },
          border: { color: theme.grid },
        },
        y: {
          beginAtZero: true,
          ...(spec.unit === 'share' ? { max: 1 } : {}),
          ticks: {
            ...ticks,
            ...(spec.unit === 'count' ? { precision: 0 } : {}),
            callback: (value) => chartValue(spec, Number(value)),
          },
          grid: { color: theme.grid },
          border: { color: theme.grid },
        },
      },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          labels: {
            color: theme.text,
            font,
            usePointStyle: true,
            pointStyleWidth: 18,
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${chartValue(spec, item.parsed.y)}` },
        },
      },
    },
  });
}
