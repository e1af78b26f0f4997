// The snapshot format of bytecodealliance/vscode-wit's grammar tests: each source line
// (prefixed `>`) is followed by one `#` line per token, carets under the token's columns
// and its scopes. Whitespace-only tokens and the root `source.wit` scope are left out:
// they are the same everywhere and would only bury the scopes that matter.
import type { Token } from './textmateTokenizer';

export function renderSnapshot(source: string, lines: Token[][]): string {
  const sourceLines = source.split(/\r?\n/);
  const out: string[] = [];
  sourceLines.forEach((line, i) => {
    out.push(`>${line}`);
    for (const token of lines[i] ?? []) {
      if (token.text.trim() === '') continue;
      const scopes = token.scopes.filter((s) => s !== 'source.wit').join(' ');
      out.push(`#${' '.repeat(token.start)}${'^'.repeat(token.end - token.start)} ${scopes || '(no scope)'}`);
    }
  });
  return out.join('\n') + '\n';
}
