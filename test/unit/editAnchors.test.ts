// Edits through YAML anchors and aliases are refused with the project's own error, which says
// why and where; the text is left exactly as it was.
import { strict as assert } from 'node:assert';
import { appendItem, EditError, removeItem, setValue } from '../../src/core/edit';
import { setNotes, setThanks } from '../../src/core/edit';

const SESSION = `date: 2026-11-20
prepared_by: ana
objectives: &goals
  - Review the design
notes: &n |
  Went well.
thanks: *n
follow_ups:
  - text: Read the RFC
    owner: ana
    done: false
x-copy: *goals
`;

function refused(edit: () => string, pattern: RegExp, line: number): void {
  assert.throws(edit, (error: unknown) => {
    assert.ok(error instanceof EditError, `not an EditError: ${String(error)}`);
    assert.match(error.message, pattern);
    assert.match(error.message, /nothing was changed/);
    assert.equal(error.line, line, error.message);
    return true;
  });
}

describe('edits through YAML anchors and aliases', () => {
  it('refuses to change an anchored value: its aliases would change with it', () => {
    refused(() => setNotes(SESSION, 'Changed.'), /notes is anchored \(&n\), so its aliases \(\*n\) would change/, 5);
    refused(() => setValue(SESSION, ['notes'], undefined), /notes is anchored/, 5);
  });

  it('refuses to change a value that is an alias: it has no text of its own', () => {
    refused(() => setThanks(SESSION, 'Thanks!'), /thanks is an alias \(\*n\)/, 7);
    refused(() => setValue(SESSION, ['x-copy', 0], 'x'), /x-copy is an alias \(\*goals\)/, 12);
  });

  it('refuses to add to, change or remove from a list that is anchored and used', () => {
    refused(() => appendItem(SESSION, ['objectives'], 'More'), /objectives is anchored \(&goals\)/, 3);
    refused(() => setValue(SESSION, ['objectives', 0], 'Other'), /objectives is anchored/, 3);
    refused(() => removeItem(SESSION, ['objectives'], 0), /objectives is anchored/, 3);
  });

  it('refuses to remove a list item that is anchored and used elsewhere', () => {
    const text = `items:\n  - &first one\n  - two\ncopy: *first\n`;
    refused(() => removeItem(text, ['items'], 0), /items\[0\] is anchored \(&first\)/, 2);
  });

  it('edits what no alias shares: other keys, and under an anchor nobody uses', () => {
    assert.match(setValue(SESSION, ['follow_ups', 0, 'done'], true), /done: true/);
    const unused = `notes: &n |\n  Went well.\nthanks: ''\n`;
    assert.equal(setNotes(unused, 'Changed.'), `notes: &n |-\n  Changed.\nthanks: ''\n`);
  });
});
