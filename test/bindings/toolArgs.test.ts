// The exact command lines handed to wit-bindgen and componentize-py, and what
// the user is told when the tool is missing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { witBindgenArgs, componentizePyArgs, missingToolMessage, WIT_BINDGEN, COMPONENTIZE_PY } from '../../server/src/bindings/toolArgs';
import { argsFor, fileEntry, generateExternal, ToolMissingError, toolFor } from '../../server/src/bindings/externalGenerator';
import { lookupTool } from '../../common/tools/toolLookup';
import { LANGUAGES } from '../../common/bindingsLanguages';
import { BINDINGS_LANGUAGES } from '../../common/protocol';

const input = { witDir: '/tmp/snap/wit', world: 'wasi:http/proxy@0.2.0', outDir: '/tmp/snap/out dir' };

test('wit-bindgen: `<lang> [options it requires] --out-dir OUT --world WORLD WIT` for each of its languages', () => {
  // wit-bindgen 0.63 refuses Rust without --generate-all (or a --with per interface) and C# without --runtime.
  const expected: Record<string, string[]> = {
    rust: ['rust', '--generate-all'],
    c: ['c'],
    cpp: ['cpp'],
    csharp: ['csharp', '--runtime', 'native-aot'],
    go: ['go'],
    moonbit: ['moonbit'],
    markdown: ['markdown'],
  };
  for (const [language, head] of Object.entries(expected)) {
    assert.deepEqual(
      witBindgenArgs(language as keyof typeof LANGUAGES, input),
      [...head, '--out-dir', '/tmp/snap/out dir', '--world', 'wasi:http/proxy@0.2.0', '/tmp/snap/wit'],
      language,
    );
  }
});

test('wit-bindgen without a world leaves the choice to the tool (single-world packages)', () => {
  assert.deepEqual(witBindgenArgs('c', { witDir: '/w', outDir: '/o' }), ['c', '--out-dir', '/o', '/w']);
});

test('componentize-py: `-d WIT -w WORLD bindings OUT`', () => {
  assert.deepEqual(componentizePyArgs(input), ['-d', '/tmp/snap/wit', '-w', 'wasi:http/proxy@0.2.0', 'bindings', '/tmp/snap/out dir']);
  assert.deepEqual(argsFor({ language: 'python', ...input }), componentizePyArgs(input));
});

test('every language has one generator, and the CLI ones pick the right tool', () => {
  for (const language of BINDINGS_LANGUAGES) {
    const { generator } = LANGUAGES[language];
    if (generator === 'jco') assert.ok(language.startsWith('typescript-'));
    else assert.equal(toolFor(language), generator === 'componentize-py' ? COMPONENTIZE_PY : WIT_BINDGEN, language);
  }
  assert.throws(() => witBindgenArgs('typescript-host', input), /does not generate/);
});

test('a missing tool is named with the command that installs it', () => {
  assert.equal(
    missingToolMessage(WIT_BINDGEN),
    'wit-bindgen not found. Install it with: cargo install wit-bindgen-cli (or set wit.tools.witBindgen to its path)',
  );
  assert.equal(
    missingToolMessage(COMPONENTIZE_PY),
    'componentize-py not found. Install it with: pip install componentize-py (or set wit.tools.componentizePy to its path)',
  );
});

test('lookupTool for wit-bindgen: the setting wins; else PATH in order; empty PATH entries are skipped', () => {
  const exists = new Set(['/opt/a/wit-bindgen', '/usr/bin/wit-bindgen', '/custom/wb']);
  const isExecutable = (f: string) => exists.has(f);
  const at = (r: ReturnType<typeof lookupTool>) => (r.found ? r.path : undefined);
  assert.equal(at(lookupTool({ tool: 'witBindgen', pathEnv: ':/opt/a:/usr/bin', platform: 'linux', isExecutable })), '/opt/a/wit-bindgen');
  assert.equal(
    at(lookupTool({ tool: 'witBindgen', configured: '/custom/wb', pathEnv: '/opt/a', platform: 'linux', isExecutable })),
    '/custom/wb',
  );
  assert.equal(
    at(lookupTool({ tool: 'witBindgen', configured: '/nope/wb', pathEnv: '/opt/a', platform: 'linux', isExecutable })),
    undefined,
  );
  assert.equal(at(lookupTool({ tool: 'witBindgen', pathEnv: '/bin', platform: 'linux', isExecutable })), undefined);
  assert.equal(
    at(
      lookupTool({
        tool: 'witBindgen',
        pathEnv: 'C:\\tools',
        pathExt: '.EXE',
        platform: 'win32',
        isExecutable: (f) => f === 'C:\\tools\\wit-bindgen.EXE',
      }),
    ),
    'C:\\tools\\wit-bindgen.EXE',
  );
});

test('generateExternal refuses plainly when the tool is missing, and runs nothing', async () => {
  const saved = process.env.PATH;
  process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-'));
  try {
    await assert.rejects(
      generateExternal({ language: 'rust', witDir: '/w', outDir: '/o' }, {}),
      (e: unknown) => e instanceof ToolMissingError && /cargo install wit-bindgen-cli/.test(e.message),
    );
    await assert.rejects(
      generateExternal({ language: 'python', witDir: '/w', outDir: '/o' }, { componentizePy: '/does/not/exist' }),
      (e: unknown) => e instanceof ToolMissingError && /pip install componentize-py/.test(e.message),
    );
  } finally {
    process.env.PATH = saved;
  }
});

test('generated files: text as text, binary outputs (C component type objects) as marked base64', () => {
  assert.deepEqual(fileEntry('w.h', Buffer.from('#include <stdint.h>\n')), { path: 'w.h', text: '#include <stdint.h>\n' });
  const object = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  assert.deepEqual(fileEntry('w_component_type.o', object), {
    path: 'w_component_type.o',
    text: object.toString('base64'),
    encoding: 'base64',
  });
  assert.equal(fileEntry('latin1.txt', Buffer.from([0xe9, 0x74, 0xe9])).encoding, 'base64');
  // A byte-order mark is part of the file: dropping it would make the written file differ from the tool's.
  assert.equal(fileEntry('bom.cs', Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text, '\ufeffA');
});
