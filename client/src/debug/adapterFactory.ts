// Starts the debug adapter for a resolved `wasm-component` session: the
// user's lldb-dap (or lldb-vscode), found during resolution and recorded in
// `debuggerPath`, started as an executable with an argument list. (Runtime jco
// sessions never get here: they were turned into Node launches.) Refused in
// an untrusted workspace, as resolution is: a launch config must not start a
// program there, whichever way the session was started.
import * as vscode from 'vscode';
import { UNTRUSTED_MESSAGE } from '../tasks/toolSettings';

export class ComponentDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    if (!vscode.workspace.isTrusted) throw new Error(UNTRUSTED_MESSAGE);
    const debuggerPath = session.configuration.debuggerPath;
    if (typeof debuggerPath !== 'string' || debuggerPath === '') {
      throw new Error('No lldb-dap was resolved for this session: set wit.tools.lldbDap or "debuggerPath" in the launch config.');
    }
    return new vscode.DebugAdapterExecutable(debuggerPath, []);
  }
}
