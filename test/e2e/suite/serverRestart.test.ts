// When the server dies, the client restarts it and the user's diagnostics come back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWit, waitForDiagnostics, whenServerRunning } from '../helpers';

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
});
