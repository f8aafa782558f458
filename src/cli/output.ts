// The CLI's only doors to the terminal: everything printed passes `escapeControls`, so a value
// from a YAML file cannot send escape sequences to whoever reads the output.
import { escapeControls } from '../shared/terminal';

export function print(text: string): void {
  process.stdout.write(escapeControls(text));
}

export function printError(text: string): void {
  process.stderr.write(escapeControls(text));
}
