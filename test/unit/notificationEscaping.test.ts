// Notifications show values from the repository (names, titles, branch names, paths, git's own
// messages): every text that is not written out in the source passes `shownText` (the CLI's door,
// `escapeControls`, and no Markdown link) on its way to showInformationMessage, showWarningMessage
// or showErrorMessage.
// Read from the extension's source with the TypeScript parser, so a new notification cannot forget it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { shownText } from '../../src/extension/workbench/shownText';

const EXTENSION = join(__dirname, '../../src/extension');
const NOTIFY = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Text fixed in the source (literals, joined or chosen between), or escaped on the way. */
function safe(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isParenthesizedExpression(node)) return safe(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return safe(node.left) && safe(node.right);
  if (ts.isConditionalExpression(node)) return safe(node.whenTrue) && safe(node.whenFalse);
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'shownText';
}

function unescaped(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      NOTIFY.has(node.expression.name.text) &&
      node.arguments.length > 0 &&
      !safe(node.arguments[0])
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${relative(EXTENSION, file)}:${line}: ${node.arguments[0].getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('notification texts', () => {
  it('pass shownText unless written out in the source', () => {
    const files = sources(EXTENSION);
    assert.ok(files.length > 20, 'the extension sources are there');
    assert.deepEqual(files.flatMap(unescaped), []);
  });

  it('shownText leaves no link the workbench would render, and no control character', () => {
    // The form notifications turn into links (VS Code's linkedText): [label](command:…|https://…|file:…).
    const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
    for (const hostile of [
      '[Open](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
      'see [docs](https://evil.example "title") now',
      '[a](file:///etc/passwd) and [b](command:x)',
    ]) {
      assert.match(hostile, LINK);
      const shown = shownText(hostile);
      assert.doesNotMatch(shown, LINK, shown);
      assert.equal(shown.replace(/\u200b/g, ''), hostile, 'the words read the same');
    }
    assert.equal(shownText('bell\u0007'), 'bell\\u0007');
  });
});
