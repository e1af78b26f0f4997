// Building and running components: the `wasm-component` task provider and the
// palette commands. extension.ts calls registerTasks() once on activation.
import * as vscode from 'vscode';
import { registerTaskCommands } from './commands';
import { ComponentTaskProvider } from './taskProvider';
import { TASK_TYPE } from './taskDefinition';
import { setExtensionRoot } from './toolSettings';

export function registerTasks(context: vscode.ExtensionContext): void {
  setExtensionRoot(context.extensionPath);
  context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, new ComponentTaskProvider()), ...registerTaskCommands());
}
