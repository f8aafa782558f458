// Text from the mentoring files on its way to a terminal. A YAML value can carry escape sequences
// (colours, the window title, clipboard writes through OSC 52), a carriage return that overwrites
// the line before it, or bidirectional overrides that reorder what is read; each is shown as a
// visible `\uXXXX` instead. Line feeds and tabs stay: multi-line output is text too. The form is
// valid inside JSON strings, so JSON output goes through the same door.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character (but line feed and tab) written as a visible `\uXXXX`. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** One value on one line of a listing: line feeds and tabs written as `\uXXXX` too. */
export function escapeLine(text: string): string {
  return escapeControls(text).replace(/[\n\t]/g, visible);
}

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
