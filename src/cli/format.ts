// How problems are printed: `path:line:col: message` for people, JSON for tools, and
// GitHub Actions workflow commands so pull requests get annotations.
import type { Problem } from '../core/folder/model';

export type ProblemFormat = 'text' | 'json' | 'github';

export function formatProblems(problems: Problem[], format: ProblemFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(problems, null, 2) + '\n';
    case 'github':
      return problems.map(githubAnnotation).join('');
    case 'text':
      return problems
        .map((p) => `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`)
        .join('');
  }
}

function githubAnnotation(problem: Problem): string {
  const level = problem.severity === 'warning' ? 'warning' : 'error';
  const file = escapeProperty(problem.file);
  return `::${level} file=${file},line=${problem.line},col=${problem.col}::${escapeData(problem.message)}\n`;
}

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
