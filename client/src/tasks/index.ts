// Building and running components: the `wasm-component` task provider and the
// palette commands. extension.ts calls registerTasks() once on activation.
import * as vscode from 'vscode';
import { registerTaskCommands } from './commands';
import { ComponentTaskProvider } from './taskProvider';
import { TASK_TYPE } from './taskDefinition';
import { setExtensionRoot } from './toolSettings';
import { onDidFinishRun, type RunResult } from './runTerminal';
import { grantPromptState } from './grantPrompt';

/** The last runs' results (wit.internal.runResults: extension-host tests read a tasks.json run's output). */
const recentRuns: RunResult[] = [];

export function registerTasks(context: vscode.ExtensionContext): void {
  setExtensionRoot(context.extensionPath);
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, new ComponentTaskProvider()),
    ...registerTaskCommands(),
    onDidFinishRun((r) => {
      recentRuns.push(r);
      recentRuns.splice(0, recentRuns.length - 10);
    }),
    vscode.commands.registerCommand('wit.internal.runResults', () => [...recentRuns]),
    vscode.commands.registerCommand('wit.internal.grantPrompt', grantPromptState),
  );
}
