// A Go component built by the `wasm-component` build task in a real VS Code,
// as a user does: builder "go" runs its steps (wit-bindgen-go, go build,
// wasm-tools embed + new) in the task's terminal; the component it writes runs
// with `WIT: Run Component` (runtime wasmtime) and prints its greeting and
// arguments; the broken Go fixture's compile error lands in Problems on
// main.go, line 17, column 6, through the task's `$wasm-component-go` matcher.
// The fixtures are copied into the workspace (langs/), so the build runs in a
// subfolder: go prints paths relative to it, which VS Code resolves against
// the workspace folder unless told otherwise, so the broken task names the
// folder in its matcher's fileLocation (VS Code's own override, `base`).
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { liveMocha } from '../../live';
import { EXTENSION_ID, repoPath, waitFor, workspaceUri } from '../helpers';
import { runTaskNamed, writeTasks } from '../tasksHelpers';

interface RunResult {
  exitCode: number;
  output: string;
}
const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

describe('language builds: a Go component by its wasm-component task', function () {
  this.timeout(10 * 60_000);
  const langs = () => workspaceUri('langs').fsPath;
  const built = () => path.join(langs(), 'go', 'hello.wasm');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    mkdirSync(langs(), { recursive: true });
    for (const part of ['wit', 'go', 'broken/go'])
      cpSync(repoPath('test/fixtures/langs', part), path.join(langs(), part), { recursive: true });
    // The build's processes inherit the extension host's environment, whose
    // PATH VS Code's server takes from the login shell: the toolchain's bin
    // goes first (as scripts/toolchainEnv.mjs does for the other runners), and
    // Go's downloads and compiled packages come from the toolchain's caches.
    const cache = process.env.WIT_DEVKIT_CACHE ?? path.join(homedir(), '.cache/wit-devkit');
    const bin = path.join(cache, 'bin');
    if (!(process.env.PATH ?? '').split(path.delimiter).includes(bin))
      process.env.PATH = [bin, process.env.PATH].filter(Boolean).join(path.delimiter);
    const go = path.join(cache, 'toolchain/go');
    process.env.GOMODCACHE = path.join(go, 'mod');
    process.env.GOCACHE = path.join(go, 'cache');
    const common = { type: 'wasm-component', action: 'build', builder: 'go', wit: '../wit', world: 'hello' };
    writeTasks([
      { ...common, label: 'build Go fixture', cwd: 'langs/go', output: 'hello.wasm' },
      {
        ...common,
        label: 'build broken Go',
        cwd: 'langs/broken/go',
        wit: '../../wit',
        problemMatcher: { base: '$wasm-component-go', fileLocation: ['relative', '${workspaceFolder}/langs/broken/go'] },
      },
    ]);
  });

  // The copied WIT must not reach the suites that run after this one.
  after(() => rmSync(langs(), { recursive: true, force: true }));

  it('builds the Go fixture in the task terminal and runs it', async function () {
    liveMocha(this, ['go', 'wit-bindgen-go', 'wasm-tools', 'wasmtime']);
    const task = await waitFor('the Go build task to be listed', async () =>
      (await vscode.tasks.fetchTasks({ type: 'wasm-component' })).find((t) => t.name === 'build Go fixture'),
    );
    assert.ok(task.execution instanceof vscode.CustomExecution, 'a go build runs its steps in a terminal of its own');
    assert.equal(task.group?.id, vscode.TaskGroup.Build.id);
    assert.equal(await runTaskNamed('build Go fixture'), 0);
    assert.ok(existsSync(built()), `${built()} was not written`);
    assert.deepEqual([...readFileSync(built()).subarray(0, 8)], COMPONENT_HEADER);
    // Runtime wasmtime, the default. Under jco a full-suite run once printed nothing
    // of the Go guest's output and exited 0 (not reproduced alone; open finding).
    const result = await vscode.commands.executeCommand<RunResult>('wit.runComponent', built(), {
      runtime: 'wasmtime',
      args: ['from vscode', '$(x)'],
    });
    assert.ok(result, 'WIT: Run Component returned nothing');
    assert.equal(result.exitCode, 0, result.output);
    assert.match(result.output, /hello from go from vscode \$\(x\)\n/);
  });

  it("puts the Go compiler's error in Problems at main.go:17:6", async function () {
    liveMocha(this, ['go', 'wit-bindgen-go', 'wasm-tools', 'jco']);
    assert.notEqual(await runTaskNamed('build broken Go'), 0);
    const uri = vscode.Uri.file(path.join(langs(), 'broken', 'go', 'main.go'));
    const diagnostics = await waitFor(
      "go's error in Problems",
      () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length > 0 ? d : undefined;
      },
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.match(diagnostics[0].message, /undefined: undefinedName/);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, 16);
    assert.equal(diagnostics[0].range.start.character, 5);
  });
});
