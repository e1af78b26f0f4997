// Asking once for a run task's or launch config's grants: which questions a
// component's imports raise, what is kept once answered, how the variables
// answer reads, and how tasks.json / launch.json entries take the answers.
// On the committed C command (files + environment), the adder (no WASI), and
// reports of a sockets / http component written out as data.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readComponent } from '../../common/component/reader';
import { capabilitiesOf, type CapabilityReport } from '../../common/component/capabilities';
import {
  answeredGrants,
  automaticWasi,
  describeGrants,
  expandEnvRefs,
  grantProblems,
  grantQuestions,
  inFolder,
  keepGrants,
  launchDirs,
  markToAsk,
  parseEnvAnswer,
} from '../../client/src/tasks/grants';
import type { RunPlan } from '../../client/src/tasks/commandLines';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
const reportOf = (rel: string) => capabilitiesOf(readComponent(fs.readFileSync(path.join(fixtures, rel))));
const hello = reportOf('cli/hello.component.wasm');
const adder = reportOf('components/adder.wasm');
const reportFor = (...names: string[]): CapabilityReport => ({
  imports: names.map((name) => ({ name, capability: 'network' as const })),
  flags: [],
  nested: [],
});
const client = reportFor('wasi:sockets/tcp@0.2.3', 'wasi:sockets/ip-name-lookup@0.2.3', 'wasi:http/outgoing-handler@0.2.3');
const plan = (over: Partial<RunPlan>): RunPlan => ({
  runtime: 'wasmtime',
  runtimePath: 'wasmtime',
  mode: 'cli',
  program: 'x.wasm',
  args: [],
  addr: '127.0.0.1:0',
  dirs: [],
  env: {},
  wasi: [],
  ...over,
});

test('a marked task asks for the folder and the variables its component imports, and for nothing it already says', () => {
  assert.deepEqual(grantQuestions(hello, { grants: 'ask' }), ['dirs', 'env']);
  assert.deepEqual(grantQuestions(hello, { grants: 'ask', env: { A: '1' } }), ['dirs']);
  assert.deepEqual(grantQuestions(hello, { grants: 'ask', dirs: [], wasi: ['inherit-env'] }), []);
  // Unmarked: what the user wrote is theirs (checked by grantProblems, never asked about).
  assert.deepEqual(grantQuestions(hello, {}), []);
  // Importing neither: nothing to ask, and the network is not a question.
  assert.deepEqual(grantQuestions(adder, { grants: 'ask' }), []);
  assert.deepEqual(grantQuestions(client, { grants: 'ask' }), []);
});

test('answered: the answers for what it imports, the network for sockets and http, nothing for the rest', () => {
  assert.deepEqual(answeredGrants(hello, { grants: 'ask' }, { dirs: ['data'], env: { A: '${env:A}' } }), {
    dirs: ['data'],
    env: { A: '${env:A}' },
  });
  assert.deepEqual(answeredGrants(hello, { grants: 'ask' }, { dirs: [], env: {} }), { dirs: [], env: {} });
  // An answer for a capability it does not import is not granted.
  assert.deepEqual(answeredGrants(adder, { grants: 'ask' }, { dirs: ['.'], env: { A: '1' } }), {});
  assert.deepEqual(automaticWasi(client), ['inherit-network', 'allow-ip-name-lookup', 'http']);
  assert.deepEqual(answeredGrants(client, { grants: 'ask' }, {}), { wasi: ['inherit-network', 'allow-ip-name-lookup', 'http'] });
  // What the task said stays as it was.
  assert.deepEqual(answeredGrants(client, { wasi: ['inherit-network'], env: { B: '2' } }, {}), {
    wasi: ['inherit-network'],
    env: { B: '2' },
  });
  // And what is kept draws no warning from the checker.
  const kept = answeredGrants(hello, { grants: 'ask' }, { dirs: ['.'], env: { A: '1' } });
  assert.deepEqual(grantProblems(plan({ dirs: kept.dirs, env: kept.env }), hello).warnings, []);
  assert.equal(describeGrants(kept), 'folders .; variables A');
  assert.equal(describeGrants({ dirs: [], env: {} }), 'no folders; no variables');
});

test('the variables answer: NAME=value, NAME passed from this machine as ${env:NAME}, bad names refused', () => {
  assert.deepEqual(parseEnvAnswer(''), {});
  assert.deepEqual(parseEnvAnswer('  RUST_LOG=debug  HOME A=x=y '), { RUST_LOG: 'debug', HOME: '${env:HOME}', A: 'x=y' });
  assert.match(parseEnvAnswer('1X=2') as string, /"1X" is not a variable name/);
  assert.match(parseEnvAnswer('A-B') as string, /"A-B" is not a variable name/);
  assert.deepEqual(expandEnvRefs({ H: '${env:HOME}', M: 'a${env:NOPE}b', K: 'v' }, { HOME: '/home/u' }), { H: '/home/u', M: 'ab', K: 'v' });
  assert.equal(expandEnvRefs(undefined, {}), undefined);
});

test('kept: written into the entry that was run, the marker gone, or added when none is', () => {
  const list = [
    { type: 'shell', label: 'other' },
    { type: 'wasm-component', action: 'run', label: 'run hello', program: 'hello.wasm', grants: 'ask', env: { A: '1' } },
  ];
  const isHello = (e: Record<string, unknown>) => e.label === 'run hello';
  assert.deepEqual(keepGrants(list, isHello, { dirs: ['.'], env: { A: '1' } }, { never: 'used' }), [
    list[0],
    { type: 'wasm-component', action: 'run', label: 'run hello', program: 'hello.wasm', env: { A: '1' }, dirs: ['.'] },
  ]);
  assert.deepEqual(keepGrants([list[0]], isHello, { dirs: [] }, { type: 'wasm-component', label: 'run hello', grants: 'ask' }), [
    list[0],
    { type: 'wasm-component', label: 'run hello', dirs: [] },
  ]);
  // Offered launch configs that leave folders or variables unsaid are marked; one that says both is not.
  assert.deepEqual(markToAsk([{ dirs: ['.'] }, { dirs: [], env: {} }]), [
    { dirs: ['.'], grants: 'ask' },
    { dirs: [], env: {} },
  ]);
});

test('a launch config keeps its folders by ${workspaceFolder}, the guest seeing the relative name; substituted as VS Code would', () => {
  assert.deepEqual(launchDirs(['.', 'data', '/abs/dir', 'a::/b']), [
    '${workspaceFolder}::.',
    '${workspaceFolder}/data::data',
    '/abs/dir',
    'a::/b',
  ]);
  assert.deepEqual(inFolder(launchDirs(['.', 'data']), '/ws'), ['/ws::.', '/ws/data::data']);
  assert.equal(inFolder(undefined, '/ws'), undefined);
});
