// Debugging a component's C source in a real VS Code, the way a user does it:
// the C fixture (test/fixtures/debug/debug.c) is built with -g -O0 inside the
// workspace, launch.json names a `wasm-component` config with runtime wasmtime,
// a breakpoint is set in debug.c and the session is started from launch.json.
// The extension finds wasmtime and lldb-dap itself. Every wait is on an event
// (the adapter's messages, the focused stack frame, the session ending).
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { liveMocha } from '../../live';
import { buildDebugFixture } from '../../debug/debugFixture';
import { EXTENSION_ID, waitFor, workspaceUri } from '../helpers';

interface DapMessage {
  type?: string;
  command?: string;
  event?: string;
  success?: boolean;
  body?: Record<string, unknown>;
}
interface Frame {
  id: number;
  name: string;
  line: number;
  source?: { path?: string };
}

const CONFIG_NAME = 'e2e: debug the C fixture (wasmtime)';

describe('debugging a component: a breakpoint in C source under wasmtime', function () {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  after(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The suites after this one share the workspace: a C source and a launch.json
    // left here would change what they detect.
    rmSync(workspaceUri('debug-c').fsPath, { recursive: true, force: true });
    rmSync(workspaceUri('.vscode/launch.json').fsPath, { force: true });
  });

  it('F5 from launch.json: the breakpoint binds and hits, the editor shows its line, the stack names the C functions, a local has its value, continue runs to exit code 0', async function () {
    const tools = liveMocha(this, ['wasmtime', 'lldb-dap', 'clang-16', 'jco']);
    const folder = vscode.workspace.workspaceFolders![0];
    const dir = workspaceUri('debug-c').fsPath;
    mkdirSync(dir, { recursive: true });
    const fixture = buildDebugFixture(dir, { clang: tools['clang-16'], jco: tools.jco });
    const launchJson = workspaceUri('.vscode/launch.json').fsPath;
    mkdirSync(path.dirname(launchJson), { recursive: true });
    writeFileSync(
      launchJson,
      JSON.stringify(
        {
          version: '0.2.0',
          configurations: [
            {
              type: 'wasm-component',
              request: 'launch',
              name: CONFIG_NAME,
              program: '${workspaceFolder}/debug-c/debug.wasm',
              args: ['from launch.json'],
              runtime: 'wasmtime',
            },
          ],
        },
        null,
        2,
      ),
    );
    await waitFor(
      'launch.json to be read',
      () =>
        (vscode.workspace.getConfiguration('launch', folder.uri).get<Array<{ name?: string }>>('configurations') ?? []).some(
          (c) => c.name === CONFIG_NAME,
        ) || undefined,
      { event: vscode.workspace.onDidChangeConfiguration, timeoutMs: 30_000 },
    );

    const messages: DapMessage[] = [];
    const changed = new vscode.EventEmitter<void>();
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('wasm-component', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (m: DapMessage) => {
          messages.push(m);
          changed.fire();
        },
      }),
    });
    const line = fixture.lines['add-return'];
    const source = vscode.Uri.file(fixture.source);
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(source, new vscode.Position(line - 1, 0)))]);
    try {
      const started = Date.now();
      assert.ok(await vscode.debug.startDebugging(folder, CONFIG_NAME), 'the session did not start');
      const stopped = await waitFor(
        'the stop at the breakpoint',
        () => messages.find((m) => m.event === 'stopped' || m.event === 'exited'),
        { event: changed.event, timeoutMs: 90_000 },
      );
      assert.equal(stopped.event, 'stopped', JSON.stringify(messages.slice(-5)));
      assert.equal(stopped.body?.reason, 'breakpoint');
      console.log(`F5 to stopped at the breakpoint: ${Date.now() - started} ms`);
      // Bound when set (not pending): setBreakpoints' answer says verified, on the line asked.
      const set = messages.find((m) => m.command === 'setBreakpoints' && JSON.stringify(m.body).includes('debug.c'));
      assert.deepEqual(
        (set?.body?.breakpoints as Array<{ verified: boolean; line: number }>).map((b) => [b.verified, b.line]),
        [[true, line]],
      );

      // The Call Stack view focuses the top frame, and the editor shows the stopped line.
      const item = await waitFor(
        'the focused stack frame',
        () => {
          const active = vscode.debug.activeStackItem;
          return active instanceof vscode.DebugStackFrame ? active : undefined;
        },
        { event: vscode.debug.onDidChangeActiveStackItem, timeoutMs: 30_000 },
      );
      const editor = await waitFor(
        'the editor on the stopped line',
        () => {
          const e = vscode.window.activeTextEditor;
          return e?.document.uri.fsPath === fixture.source && e.selection.active.line === line - 1 ? e : undefined;
        },
        { event: vscode.window.onDidChangeTextEditorSelection, timeoutMs: 30_000 },
      );
      assert.match(editor.document.lineAt(line - 1).text, /return sum;/);

      // What the Call Stack and Variables views ask the adapter for that frame.
      const session = item.session;
      const frames = (await session.customRequest('stackTrace', { threadId: item.threadId, startFrame: 0, levels: 5 }))
        .stackFrames as Frame[];
      // (In a remote window, code-server's, VS Code hands source paths back as vscode-remote:// URIs.)
      const framePath = (f: Frame) => f.source?.path && vscode.Uri.parse(f.source.path).path;
      assert.deepEqual([frames[0].name, frames[0].line, framePath(frames[0])], ['add', line, fixture.source]);
      assert.match(frames[1].name, /main/);
      assert.equal(frames[1].line, fixture.lines['main-call']);
      const scopes = (await session.customRequest('scopes', { frameId: item.frameId })).scopes as Array<{
        name: string;
        variablesReference: number;
      }>;
      const locals = scopes.find((s) => s.name === 'Locals');
      assert.ok(locals, JSON.stringify(scopes));
      const vars = (await session.customRequest('variables', { variablesReference: locals.variablesReference })).variables as Array<{
        name: string;
        value: string;
      }>;
      assert.deepEqual(
        ['a', 'b', 'sum'].map((n) => vars.find((v) => v.name === n)?.value),
        ['40', '2', '42'],
      );

      const ended = new Promise<void>((resolve) => {
        const sub = vscode.debug.onDidTerminateDebugSession((s) => {
          if (s.id === session.id) {
            sub.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('workbench.action.debug.continue');
      const exited = await waitFor('the exit code', () => messages.find((m) => m.event === 'exited'), {
        event: changed.event,
        timeoutMs: 60_000,
      });
      assert.equal(exited.body?.exitCode, 0);
      await ended;
      const output = messages
        .filter((m) => m.event === 'output')
        .map((m) => String(m.body?.output))
        .join('');
      assert.match(output, /answer=42 args=1\r?\narg\[1\]=from launch\.json/);
      // The Debug Console's last word: lldb's line with the exit status (the launch's exitCommands).
      assert.match(output, /Process \d+ exited with status = 0 \(0x00000000\)/);
    } finally {
      tracker.dispose();
      changed.dispose();
    }
  });
});
