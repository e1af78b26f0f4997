// Every WAC snippet, accepted with its defaults where a user would type it, is a document
// that the real `wac parse` accepts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { expandWithDefaults } from '../grammar/snippetExpansion';
import { live } from '../live';
import { repoRoot } from './wacTokenizer';

const run = promisify(execFile);
const snippets: Record<string, { body: string[] }> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/wac.json'), 'utf8'));

test('every WAC snippet expands to a document wac parse accepts', { timeout: 60_000 }, async (t) => {
  const tools = live(t, ['wac']);
  if (!tools) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wac-snippets-'));
  try {
    for (const [name, snippet] of Object.entries(snippets)) {
      const expanded = expandWithDefaults(snippet.body);
      // A package snippet is the document's start; the others follow a package directive.
      const doc = name.startsWith('package') ? `${expanded}\n` : `package example:doc;\n${expanded}\n`;
      const file = path.join(dir, 'doc.wac');
      fs.writeFileSync(file, doc);
      await assert.doesNotReject(
        run(tools.wac, ['parse', file], { env: { ...process.env, RUST_BACKTRACE: '0' } }),
        `snippet "${name}" does not parse:\n${doc}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
