// A DAP session with a real lldb-dap as VS Code holds one: the requests in
// VS Code's order, and waits for events that say which event came (never a
// sleep) and fail with the messages seen so far when one does not come.
import * as assert from 'node:assert/strict';
import { dapClient, type DapMessage } from '../live/dapClient';

export interface StackFrame {
  id: number;
  name: string;
  line: number;
  source?: { name?: string; path?: string };
}
export interface Variable {
  name: string;
  value: string;
  type?: string;
}

export function dapSession(adapter: string, timeoutMs = 60_000) {
  const dap = dapClient(adapter);
  const transcript = () =>
    dap.messages
      .map((m) => `${m.type} ${m.command ?? m.event ?? ''} ${JSON.stringify(m.body ?? m.message ?? '').slice(0, 200)}`)
      .join('\n');

  /** The first message matching after position `from` of the transcript (events come in order). */
  const after = (from: number, what: string, match: (m: DapMessage) => boolean) =>
    new Promise<DapMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; seen:\n${transcript()}`)), timeoutMs);
      void dap
        .waitFor((m) => dap.messages.indexOf(m) >= from && match(m))
        .then((m) => {
          clearTimeout(timer);
          resolve(m);
        });
    });

  /** Sends a request and waits for its response, which must succeed. */
  const ok = async (command: string, args: unknown): Promise<DapMessage> => {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no response to ${command}; seen:\n${transcript()}`)), timeoutMs).unref(),
    );
    const response = await Promise.race([dap.request(command, args), timer]);
    assert.equal(response.success, true, `${command} failed: ${response.message}\n${transcript()}`);
    return response;
  };

  /** Runs `action` and waits for the `stopped` event it causes. */
  const stopAfter = async (action: () => Promise<unknown>): Promise<Record<string, unknown>> => {
    const from = dap.messages.length;
    const stopped = after(from, 'stopped event', (m) => m.event === 'stopped' || m.event === 'exited');
    await action();
    const m = await stopped;
    assert.equal(m.event, 'stopped', `the program ended instead of stopping:\n${transcript()}`);
    return m.body ?? {};
  };

  const frames = async (threadId: unknown, levels = 20): Promise<StackFrame[]> =>
    ((await ok('stackTrace', { threadId, startFrame: 0, levels })).body?.stackFrames ?? []) as StackFrame[];

  /** The Locals scope's variables of a frame, by name. */
  const locals = async (frameId: number): Promise<Record<string, Variable>> => {
    const scopes = ((await ok('scopes', { frameId })).body?.scopes ?? []) as Array<{ name: string; variablesReference: number }>;
    const scope = scopes.find((s) => s.name === 'Locals');
    assert.ok(scope, `no Locals scope: ${JSON.stringify(scopes)}`);
    const vars = ((await ok('variables', { variablesReference: scope.variablesReference })).body?.variables ?? []) as Variable[];
    return Object.fromEntries(vars.map((v) => [v.name, v]));
  };

  /** Output the debuggee wrote (not lldb's console echo). */
  const programOutput = () =>
    dap.messages
      .filter((m) => m.event === 'output' && m.body?.category !== 'console')
      .map((m) => String(m.body?.output))
      .join('');

  /**
   * Ends the session: `disconnect` (terminating the debuggee), then the adapter
   * is stopped and so is the debuggee, by the pid its `process` event gave,
   * if either is still there. lldb-vscode-16 now and then leaves a disconnect
   * unanswered while stopped (2 sessions of ~25 here): VS Code then stops the
   * adapter after a wait; a test must not hang on it, nor leave a wasmtime behind.
   */
  const close = async (): Promise<void> => {
    let answered = false;
    if (dap.child.exitCode === null && dap.child.signalCode === null) {
      const disconnect = dap.request('disconnect', { terminateDebuggee: true }).then(() => {
        answered = true;
      });
      await Promise.race([disconnect, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    }
    dap.child.kill();
    // Only a debuggee known to be alive: an exited one's pid may be another process's by now.
    const pid = dap.messages.find((m) => m.event === 'process')?.body?.systemProcessId;
    if (!answered && typeof pid === 'number' && !dap.messages.some((m) => m.event === 'exited')) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };

  return { dap, ok, after, stopAfter, frames, locals, programOutput, transcript, close };
}
