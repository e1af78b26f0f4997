// Composing the fixture documents with the real tools: the arguments the `wac` task runs
// (wac compose by argument list, deps/ beside the document), the output validates with
// wasm-tools, the greet composition runs under wasmtime printing greeter.c's answer, and
// the composition graph drawn from the output has the instances of the lets, which export
// feeds which import, the open imports and the exports, each tied to its statement.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { wacCompositionGraph } from '../../client/src/wac/wacViewGraph';
import { wacComposeArgs } from '../../client/src/wac/wacTask';
import { live } from '../live';
import { fixtureWorkspace } from './wacLsp';

const run = promisify(execFile);
const env = { ...process.env, RUST_BACKTRACE: '0' };

async function composeFixture(wac: string, dir: string, name: string): Promise<{ output: string; text: string }> {
  const args = wacComposeArgs({ type: 'wac', file: `${name}.wac`, output: `out/${name}.wasm` });
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  await run(wac, args, { cwd: dir, env });
  return { output: path.join(dir, 'out', `${name}.wasm`), text: fs.readFileSync(path.join(dir, `${name}.wac`), 'utf8') };
}

const edgesOf = (g: ReturnType<typeof wacCompositionGraph>['graph']) => {
  const label = new Map(g.nodes.map((n) => [n.id, `${n.kind} ${n.label}`]));
  return g.edges.map((e) => `${label.get(e.from)} -> ${label.get(e.to)}${e.label ? ` "${e.label}"` : ''}`);
};

test('greet.wac composes, validates, runs under wasmtime, and its graph wires greeter into app', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['wac', 'wasm-tools', 'wasmtime']);
  if (!tools) return;
  const dir = fixtureWorkspace();
  try {
    const { output, text } = await composeFixture(tools.wac, dir, 'greet');
    await run(tools['wasm-tools'], ['validate', output]);
    const { stdout } = await run(tools.wasmtime, ['run', output]);
    assert.match(stdout, /Hello, world, from greeter\.c!/);

    const { graph, sources } = wacCompositionGraph(new Uint8Array(fs.readFileSync(output)), text);
    assert.deepEqual(
      graph.nodes.filter((n) => n.kind === 'instance').map((n) => n.label),
      ['greeter', 'app'],
    );
    const edges = edgesOf(graph);
    assert.ok(edges.includes('instance greeter -> instance app "wit-devkit:compose/greet@0.1.0"'), edges.join('\n'));
    assert.ok(edges.includes('instance app -> export wasi:cli/run@0.2.12'), edges.join('\n'));
    const open = graph.nodes.filter((n) => n.open).map((n) => n.label);
    assert.ok(open.length > 0 && open.every((l) => l.startsWith('wasi:')), open.join(', '));
    // Click to source: each instance to its let's name, the export to its statement, an
    // implicit (`...`) import to the let it feeds.
    const at = (label: string) => {
      const node = graph.nodes.find((n) => n.label === label)!;
      const s = sources.get(node.id);
      return s && text.slice(s.start, s.end);
    };
    assert.equal(at('greeter'), 'greeter');
    assert.equal(at('app'), 'app');
    assert.equal(at('wasi:cli/run@0.2.12'), 'app["wasi:cli/run@0.2.12"]');
    assert.equal(at('wasi:cli/stdout@0.2.12'), 'app');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('calculator.wac composes and validates; adder feeds calc, logger stays an open import', { timeout: 120_000 }, async (t) => {
  const tools = live(t, ['wac', 'wasm-tools']);
  if (!tools) return;
  const dir = fixtureWorkspace();
  try {
    const { output, text } = await composeFixture(tools.wac, dir, 'calculator');
    await run(tools['wasm-tools'], ['validate', output]);
    const { stdout: wit } = await run(tools['wasm-tools'], ['component', 'wit', output]);
    assert.match(wit, /import docs:calc\/logger@0\.1\.0;/);
    assert.match(wit, /export docs:calc\/calculate@0\.1\.0;/);
    const { graph } = wacCompositionGraph(new Uint8Array(fs.readFileSync(output)), text);
    assert.deepEqual(edgesOf(graph).sort(), [
      'import docs:calc/logger@0.1.0 -> instance calc "docs:calc/logger@0.1.0"',
      'instance adder -> instance calc "docs:calc/adder@0.1.0"',
      'instance calc -> export docs:calc/calculate@0.1.0',
    ]);
    assert.deepEqual(
      graph.nodes.filter((n) => n.open).map((n) => n.label),
      ['docs:calc/logger@0.1.0'],
    );
    assert.ok(
      graph.nodes.every((n) => n.revealable),
      'every node leads to a statement',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
