// The one page every webview of the extension starts from: a strict CSP (nothing but our own
// styles, fonts and images; scripts only with this page's nonce), its stylesheets and its script.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  title: string;
  /** Files in `dist/`: stylesheets in order, then the script. */
  styles: string[];
  script: string;
}

export function webviewHtml(webview: vscode.Webview, dist: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64');
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(dist, file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // The codicon stylesheet keeps the id vscode-elements looks for.
  const styles = page.styles
    .map((file) =>
      file === 'codicon.css'
        ? `<link rel="stylesheet" href="${uri(file)}" id="vscode-codicon-stylesheet">`
        : `<link rel="stylesheet" href="${uri(file)}">`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${page.title}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${uri(page.script)}"></script>
</body>
</html>`;
}
