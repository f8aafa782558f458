// User text on its way into Markdown (a pull request's description, the review preview). GitHub
// turns more than Markdown syntax into links: bare URLs, `www.` addresses, e-mail addresses,
// `@user` and `@org/team` mentions and `#123` references. Backslash escapes stop Markdown syntax but
// not those (GitHub links them in the rendered text), so each is broken with an invisible
// zero-width space after its trigger; the reader sees the same characters and nobody is notified.
import { escapeControls } from './terminal';

const ZWSP = '\u200b';
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** One line of plain text as Markdown: no emphasis, link, image, HTML, heading, autolink or mention. */
export function markdownText(value: string): string {
  return escapeControls(value.replace(LINE_BREAKS, ' '))
    .replace(/([\\`*_{}[\]()<>#+!|~&])/g, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/([A-Za-z0-9])(:)(?=[^\s])/g, `$1$2${ZWSP}`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/\\#(?=\w)/g, `\\#${ZWSP}`);
}

/**
 * `value` as an inline code span it cannot leave: line breaks become spaces, and the fence is one
 * backtick longer than the longest run of backticks inside (padded with spaces, as CommonMark
 * strips one from each side).
 */
export function markdownCode(value: string): string {
  const flat = escapeControls(value.replace(LINE_BREAKS, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat === '' || flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat === '' ? ' ' : flat}${pad}${fence}`;
}
