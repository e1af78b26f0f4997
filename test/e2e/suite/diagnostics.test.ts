// Diagnostics as the user sees them: they appear for a broken file, vanish when
// it is fixed, and follow the wit.diagnostics.enable setting without a restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWit, replaceText, waitForDiagnostics, whenServerRunning } from '../helpers';

const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;

describe('diagnostics', () => {
  before(() => whenServerRunning());

  it('appear for a broken file and vanish when it is fixed', async () => {
    const { document: doc } = await openWit('broken/broken.wit');
    const errors = await waitForDiagnostics(doc.uri, 'an error', (d) => d.some(isError));
    // broken.wit: `add: func(a: u32, b: u32) -> ;` is on line 4 (index 3).
    assert.ok(
      errors.some((d) => isError(d) && d.range.start.line === 3),
      `errors: ${JSON.stringify(errors.map((d) => [d.range.start.line, d.message]))}`,
    );

    await replaceText(doc, doc.getText().replace('-> ;', '-> u32;'));
    await waitForDiagnostics(doc.uri, 'none once fixed', (d) => d.length === 0);
  });

  it('follow wit.diagnostics.enable live', async () => {
    const { document: doc } = await openWit('broken/crash.wit');
    await waitForDiagnostics(doc.uri, 'an error', (d) => d.some(isError));
    const wit = vscode.workspace.getConfiguration('wit');
    try {
      await wit.update('diagnostics.enable', false, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(doc.uri, 'none while disabled', (d) => d.length === 0);
    } finally {
      await wit.update('diagnostics.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, 'back once enabled', (d) => d.some(isError));
  });
});
