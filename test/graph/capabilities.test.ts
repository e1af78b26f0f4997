// Capabilities of a built component: its imports grouped by what they reach,
// judged against what `wasm-tools component wit` shows the component
// importing, and the wasmtime flags generated for it run the component with
// what it needs (and without them it is denied).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { readComponent } from '../../common/component/reader';
import { capabilitiesOf, capabilityOf, wasmtimeFlags } from '../../common/component/capabilities';
import { capabilitiesMarkdown, capabilitySummary } from '../../common/component/capabilitiesText';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
/** Every committed component: C commands, library components, and composed ones (components/composed.wasm). */
function committedComponents(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        e.name.endsWith('.wasm') &&
        fs
          .readFileSync(p)
          .subarray(4, 8)
          .equals(Buffer.from([0x0d, 0x00, 0x01, 0x00]))
      )
        out.push(p);
    }
  };
  walk(fixtures);
  return out.sort();
}

test('each WASI interface reaches one capability; non-WASI imports are other', () => {
  const cases: Array<[string, string]> = [
    ['wasi:filesystem/types@0.2.3', 'filesystem'],
    ['wasi:filesystem/preopens@0.3.0', 'filesystem'],
    ['wasi:sockets/tcp@0.2.0', 'network'],
    ['wasi:http/outgoing-handler@0.2.0', 'network'],
    ['wasi:http/client@0.3.0', 'network'],
    ['wasi:cli/environment@0.2.12', 'environment'],
    ['wasi:cli/exit@0.2.0', 'exit'],
    ['wasi:cli/stdout@0.2.0', 'stdio'],
    ['wasi:cli/terminal-stdin@0.2.0', 'stdio'],
    ['wasi:io/streams@0.2.0', 'stdio'],
    ['wasi:clocks/monotonic-clock@0.2.0', 'clocks'],
    ['wasi:random/insecure-seed@0.3.0', 'random'],
    ['docs:calc/adder@0.1.0', 'other'],
    ['greet', 'other'],
    ['wasi:keyvalue/store@0.2.0', 'other'],
  ];
  assert.deepEqual(
    cases.map(([n]) => [n, capabilityOf(n)]),
    cases,
  );
});

test('flags grant what the imports reach and nothing else', () => {
  const of = (...names: string[]) => wasmtimeFlags(names.map((name) => ({ name, capability: capabilityOf(name) })));
  assert.deepEqual(of('wasi:clocks/wall-clock@0.2.0', 'wasi:random/random@0.2.0', 'wasi:cli/stdout@0.2.0'), []);
  assert.deepEqual(of('wasi:filesystem/types@0.2.0'), ['--dir', '.']);
  assert.deepEqual(of('wasi:sockets/tcp@0.2.0', 'wasi:sockets/ip-name-lookup@0.2.0'), [
    '-S',
    'inherit-network',
    '-S',
    'allow-ip-name-lookup',
  ]);
  assert.deepEqual(of('wasi:http/outgoing-handler@0.2.0'), ['-S', 'http']);
  assert.deepEqual(of('wasi:cli/environment@0.3.0'), ['-S', 'inherit-env', '-S', 'p3', '-W', 'component-model-async']);
});

/** The names a `world root { ... }` printed by `wasm-tools component wit` imports. */
function witImports(text: string): string[] {
  const world = /^world root \{\n([\s\S]*?)^\}/m.exec(text)?.[1] ?? '';
  return [...world.matchAll(/^ {2}import ([^:;\s]+(?::[^/;\s]+\/[^;\s]+)?)[;:]/gm)].map((m) => m[1]);
}

test('the imports of every committed component are those wasm-tools shows it importing', (t) => {
  const tools = live(t, ['wasm-tools']);
  if (!tools) return;
  const files = committedComponents();
  assert.ok(files.length >= 8, `the fixtures are there (${files.length})`);
  const wrong: string[] = [];
  let compared = 0;
  for (const file of files) {
    const theirs = witImports(execFileSync(tools['wasm-tools'], ['component', 'wit', file], { encoding: 'utf8', timeout: 60_000 }));
    compared += theirs.length;
    const ours = capabilitiesOf(readComponent(fs.readFileSync(file))).imports.map((i) => i.name);
    if (JSON.stringify([...ours].sort()) !== JSON.stringify([...theirs].sort()))
      wrong.push(`${path.relative(fixtures, file)}: ours ${ours.join(', ')}; wasm-tools ${theirs.join(', ')}`);
  }
  console.log(`capabilities: ${files.length} components, ${compared} imports compared with wasm-tools component wit`);
  assert.ok(compared > 30, 'the comparison saw the imports');
  assert.deepEqual(wrong, []);
});

test('the C command runs under wasmtime with only the generated flags: its file and variable are granted, and denied without them', (t) => {
  const tools = live(t, ['wasmtime']);
  if (!tools) return;
  const component = path.join(fixtures, 'cli', 'hello.component.wasm');
  const report = capabilitiesOf(readComponent(fs.readFileSync(component)));
  assert.deepEqual(report.flags, ['--dir', '.', '-S', 'inherit-env']);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-devkit-caps-'));
  try {
    fs.writeFileSync(path.join(cwd, 'note.txt'), 'granted\n');
    const env = { ...process.env, WIT_FIXTURE_NAME: 'caps', WIT_FIXTURE_READ: 'note.txt' };
    const run = (flags: string[]) =>
      spawnSync(tools.wasmtime, ['run', ...flags, component], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    const granted = run(report.flags);
    assert.equal(granted.status, 0, granted.stderr);
    assert.match(granted.stdout, /WIT_FIXTURE_NAME=caps/);
    assert.match(granted.stdout, /read note\.txt: granted/);
    // Without the flags the component still runs (it imports the interfaces) but reaches neither.
    const denied = run([]);
    assert.equal(denied.status, 0, denied.stderr);
    assert.match(denied.stdout, /WIT_FIXTURE_NAME=\(unset\)/);
    assert.doesNotMatch(denied.stdout, /read note\.txt: granted/);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test("the page and the viewer's notes say what a component reaches, with the flags", () => {
  const report = capabilitiesOf(readComponent(fs.readFileSync(path.join(fixtures, 'compose', 'app.wasm'))));
  const page = capabilitiesMarkdown('app.wasm', report);
  assert.match(page, /^## filesystem\n\nfiles and folders the host preopens\.\n\n- `wasi:filesystem\/types@0\.2\.12`/m);
  assert.match(page, /`wasmtime run --dir \. -S inherit-env app\.wasm`/);
  assert.match(page, /composing it with a component that exports them/);
  assert.ok(
    capabilitySummary(report).includes(
      'Reaches other (not WASI: a host or another component must provide it): wit-devkit:compose/greet@0.1.0',
    ),
  );
  assert.deepEqual(capabilitySummary({ imports: [], flags: [], nested: [] }), ['Reaches nothing outside itself: it imports nothing.']);
});
