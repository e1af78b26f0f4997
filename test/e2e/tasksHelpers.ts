// What the extension-host suites that run `wasm-component` tasks share: writing
// the workspace's tasks.json and running a task by its label to its exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

/** Writes .vscode/tasks.json in the (fresh, copied) workspace. */
export function writeTasks(tasks: object[]): void {
  const file = workspaceUri('.vscode/tasks.json').fsPath;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ version: '2.0.0', tasks }, null, 2));
}

/** Runs the tasks.json task with this label; resolves with the exit code VS Code reports for it. */
export async function runTaskNamed(label: string): Promise<number | undefined> {
  const task = await waitFor(`the task "${label}" to be listed`, async () =>
    (await vscode.tasks.fetchTasks({ type: 'wasm-component' })).find((t) => t.name === label),
  );
  const ended = new Promise<number | undefined>((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name === label) {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}
