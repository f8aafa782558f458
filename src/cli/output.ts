// The CLI's only doors to the terminal: everything printed passes `escapeControls`, so a value
// from a YAML file cannot send escape sequences to whoever reads the output, and `withoutArmor`,
// so no sealed value is ever printed as ciphertext (the core gives none; this is the last guard).
import { withoutArmor } from '../shared/sealed';
import { escapeControls } from '../shared/terminal';

export function print(text: string): void {
  process.stdout.write(escapeControls(withoutArmor(text)));
}

/** Text whose lines end in CR LF (an iCalendar file): the lines through the same door, the CR LFs kept. */
export function printCrlf(text: string): void {
  process.stdout.write(
    text
      .split('\r\n')
      .map((line) => escapeControls(withoutArmor(line)))
      .join('\r\n'),
  );
}

export function printError(text: string): void {
  process.stderr.write(escapeControls(withoutArmor(text)));
}

/**
 * `mentoring log | head -1`: a reader that stops reading is not an error. Writes to its closed
 * pipe (EPIPE) are dropped without a stack trace, and the command still finishes what it started
 * (a share half done would be worse than output nobody reads) and exits with its own code.
 */
export function ignoreClosedReaders(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
