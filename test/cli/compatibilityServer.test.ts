// wit.compatibility.base over LSP (the bundled server, dist/server.js): with a
// git ref set, changes against it appear as diagnostics on the open package,
// breaking ones at the severity the setting asks, and a missing @since has a
// quick fix.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../server/lspClient';
import { editedCopy, fixtures, removeTemps } from './helpers';

after(removeTemps);

const message = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);

test('changes against the base ref as diagnostics, with the @since quick fix', { timeout: 60_000 }, async () => {
  const repo = editedCopy(path.join(fixtures, 'shop'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  const file = path.join(repo, 'catalog.wit');
  const text = fs.readFileSync(file, 'utf8')
    .replace(/package example:shop@1\.0\.0;/, 'package example:shop@1.1.0;')
    .replace(/ +@since\(version = 1\.0\.0\)\n +lookup: func[^\n]*\n/, '    find: func(name: string) -> u64;\n');
  fs.writeFileSync(path.join(repo, 'store.wit'), fs.readFileSync(path.join(repo, 'store.wit'), 'utf8').replace('@1.0.0;', '@1.1.0;'));
  const client = new LspClient({ rootUri: pathToFileURL(repo).href, settings: { compatibility: { base: 'HEAD', breakingSeverity: 'error' } } });
  try {
    await client.start();
    const uri = client.open(file, text);
    let diagnostics: any[] = [];
    while (!diagnostics.some((d) => d.code === 'missing-since')) diagnostics = await client.nextDiagnostics(uri);
    const removed = diagnostics.find((d) => message(d).startsWith('`catalog/lookup` removed since HEAD'));
    assert.ok(removed, diagnostics.map(message).join('\n---\n'));
    assert.equal(removed.severity, 1); // error, as breakingSeverity asks
    assert.equal(removed.range.start.line, 4); // on `interface catalog`, where it was
    assert.match(message(removed), /HEAD had:\n@since\(version = 1\.0\.0\)\n {4}lookup: func\(id: u64\) -> option<item>;/);
    const missing = diagnostics.find((d) => d.code === 'missing-since');
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: missing.range, context: { diagnostics: [missing], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Add @since(version = 1.1.0)');
    assert.ok(fix, JSON.stringify(actions));
    assert.deepEqual(fix.edit.changes[uri], [{ range: { start: { line: missing.range.start.line, character: 0 }, end: { line: missing.range.start.line, character: 0 } }, newText: '    @since(version = 1.1.0)\n' }]);
  } finally {
    await client.stop();
  }
});
