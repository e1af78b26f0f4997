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

/**
 * The latest diagnostics of `uri` once they satisfy `ok`. The next publish is
 * awaited before the latest is looked at, so one that came in the same chunk
 * as the previous (settings arriving right after didOpen) is not missed.
 */
async function diagnosticsWhere(client: LspClient, uri: string, ok: (list: any[]) => boolean): Promise<any[]> {
  for (;;) {
    const next = client.nextDiagnostics(uri);
    const latest = client.diagnostics.get(uri);
    if (latest && ok(latest)) return latest;
    await next;
  }
}

const message = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);

test('changes against the base ref as diagnostics, with the @since quick fix', { timeout: 60_000 }, async () => {
  const repo = editedCopy(path.join(fixtures, 'shop'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  const file = path.join(repo, 'catalog.wit');
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/package example:shop@1\.0\.0;/, 'package example:shop@1.1.0;')
    .replace(/ +@since\(version = 1\.0\.0\)\n +lookup: func[^\n]*\n/, '    find: func(name: string) -> u64;\n');
  fs.writeFileSync(path.join(repo, 'store.wit'), fs.readFileSync(path.join(repo, 'store.wit'), 'utf8').replace('@1.0.0;', '@1.1.0;'));
  const client = new LspClient({
    rootUri: pathToFileURL(repo).href,
    settings: { compatibility: { base: 'HEAD', breakingSeverity: 'error' } },
  });
  try {
    await client.start();
    const uri = client.open(file, text);
    const diagnostics = await diagnosticsWhere(client, uri, (list) => list.some((d) => d.code === 'missing-since'));
    const removed = diagnostics.find((d) => message(d).startsWith('`catalog/lookup` removed since HEAD'));
    assert.ok(removed, diagnostics.map(message).join('\n---\n'));
    assert.equal(removed.severity, 1); // error, as breakingSeverity asks
    assert.equal(removed.range.start.line, 4); // on `interface catalog`, where it was
    assert.match(message(removed), /HEAD had:\n@since\(version = 1\.0\.0\)\n {4}lookup: func\(id: u64\) -> option<item>;/);
    const missing = diagnostics.find((d) => d.code === 'missing-since');
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Add @since(version = 1.1.0)');
    assert.ok(fix, JSON.stringify(actions));
    assert.deepEqual(fix.edit.changes[uri], [
      {
        range: { start: { line: missing.range.start.line, character: 0 }, end: { line: missing.range.start.line, character: 0 } },
        newText: '    @since(version = 1.1.0)\n',
      },
    ]);
  } finally {
    await client.stop();
  }
});

test(
  'wit/comparePackage: the classified diff as Markdown, against a git ref or a folder, linked to both sides',
  { timeout: 60_000 },
  async () => {
    const repo = editedCopy(path.join(fixtures, 'shop'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    const file = path.join(repo, 'catalog.wit');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: string,', 'name: string,\n        price: u32,'));
    const client = new LspClient({ rootUri: pathToFileURL(repo).href });
    try {
      await client.start();
      const uri = client.open(file, fs.readFileSync(file, 'utf8'));
      const { markdown } = await client.request<{ markdown: string }>('wit/comparePackage', { uri, base: { kind: 'ref', ref: 'HEAD' } });
      assert.match(markdown, /^# example:shop@1\.0\.0 \(HEAD\) → example:shop@1\.0\.0 \(working tree\)\n/);
      assert.match(markdown, /\*\*Verdict: fails\*\*: the changes need a major bump; 1\.0\.0 → 1\.0\.0\./);
      const entry =
        /- ~ `catalog\/item` changed: importers \*\*breaking\*\*, exporters \*\*breaking\*\* · \[base: catalog\.wit:7\]\((file:[^)]+)#L7\) · \[now: catalog\.wit:7\]\((file:[^)]+)#L7\)\n {2}- field price added \(u32\)/.exec(
          markdown,
        );
      assert.ok(entry, markdown);
      // The base side's link is a checkout of the ref that still exists; the new side is the working file.
      assert.ok(fs.existsSync(new URL(entry[1])), entry[1]);
      assert.equal(entry[2], uri);
      const folder = await client.request<{ markdown: string }>('wit/comparePackage', {
        uri,
        base: { kind: 'folder', path: path.join(fixtures, 'shop') },
      });
      assert.match(folder.markdown, /`catalog\/item` changed/);
      const bad = await client.request<{ markdown: string }>('wit/comparePackage', { uri, base: { kind: 'ref', ref: 'no-such-ref' } });
      assert.match(bad.markdown, /^Cannot compare: --base no-such-ref: no such commit, branch or tag/);
    } finally {
      await client.stop();
    }
  },
);
