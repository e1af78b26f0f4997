// When the server dies, the client restarts it and the user's diagnostics come back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWit, serverInfo, waitFor, waitForDiagnostics, whenServerRunning } from '../helpers';

describe('server restart', () => {
  it('restarts the server after it is killed, and diagnostics come back', async () => {
    const { document: doc } = await openWit('broken/crash.wit');
    const before = await whenServerRunning();
    await waitForDiagnostics(doc.uri, 'an error', (d) => d.length > 0);

    // The client drops the dead server's diagnostics; note that it did, so that
    // the ones seen at the end are known to come from the new server.
    let cleared = false;
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (vscode.languages.getDiagnostics(doc.uri).length === 0) cleared = true;
    });
    try {
      process.kill(before.pid!, 'SIGKILL');
      const after = await whenServerRunning(before.pid);
      assert.notEqual(after.pid, before.pid);
      await waitForDiagnostics(doc.uri, 'errors again from the new server', (d) => d.length > 0);
      assert.ok(cleared, "the dead server's diagnostics were never cleared");
    } finally {
      listener.dispose();
    }
  });

  it('stops restarting a server that keeps dying; WIT: Restart Language Server brings it back', async () => {
    const { document: doc } = await openWit('broken/crash.wit');
    // A manual restart forgets earlier crashes: the count starts here.
    await vscode.commands.executeCommand('wit.restartServer');
    let current = await whenServerRunning();
    // Four crashes within three minutes are restarted...
    for (let crash = 1; crash <= 4; crash++) {
      process.kill(current.pid!, 'SIGKILL');
      current = await whenServerRunning(current.pid);
    }
    // ...the fifth is not: the server stays down, and says so.
    process.kill(current.pid!, 'SIGKILL');
    await waitFor('the client to give up', async () => ((await serverInfo()).state === 'crashed' ? true : undefined));
    assert.equal((await serverInfo()).pid, undefined);

    await vscode.commands.executeCommand('wit.restartServer');
    await whenServerRunning(current.pid);
    await waitForDiagnostics(doc.uri, 'errors from the restarted server', (d) => d.length > 0);
  });
});
