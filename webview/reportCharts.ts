// The HTML report's script (`mentoring report --format html`), inlined in the page with the chart
// numbers beside it as a JSON data block: draws each chart on its canvas, again on a change of
// colour scheme. Without scripts the captions and the tables of numbers are still there.
import type { ChartSpec } from '../src/shared/programCharts';
import { drawCharts, onThemeChange } from './charts';

const data = document.getElementById('chart-data')?.textContent;
if (data) {
  const specs = JSON.parse(data) as ChartSpec[];
  const draw = (): void => drawCharts(document, specs);
  draw();
  onThemeChange(draw);
}
