// The CLI's only doors to the terminal: everything printed passes `escapeControls`, so a value
// from a YAML file cannot send escape sequences to whoever reads the output, and `withoutArmor`,
// so no sealed value is ever printed as ciphertext (the core gives none; this is the last guard).
import { withoutArmor } from '../shared/sealed';
import { escapeControls } from '../shared/terminal';

export function print(text: string): void {
  process.stdout.write(escapeControls(withoutArmor(text)));
}

export function printError(text: string): void {
  process.stderr.write(escapeControls(withoutArmor(text)));
}
