// Before a component build starts: its builder's tool found and new enough
// for what the build asks of it (common/tools/minimums.ts). A task from
// tasks.json whose tool fails the check becomes a task that prints why and
// exits 1, so the terminal says what is wrong instead of the tool failing on
// a flag it does not know; the palette's build command refuses with the same
// message. Nothing is probed in an untrusted workspace (checkedTool).
import * as vscode from 'vscode';
import type { RequirementKey } from '../../../common/tools/minimums';
import type { Builder } from './taskDefinition';
import type { ToolName } from '../../../common/tools/toolLookup';
import { checkedTool, findTool, reportMissingTool, reportToolProblem } from './toolSettings';

/** The minimum each builder's tool is checked against (builders not listed are only looked for). */
export const BUILD_USES: Partial<Record<Builder, RequirementKey>> = {
  'cargo-component': 'cargoComponentBuild',
  'jco-componentize': 'jcoComponentize',
  'componentize-py': 'componentizePyBuild',
};

/** Why the build cannot start, shown to the user; undefined when its tool is fine. */
export async function buildToolProblem(
  builder: Builder,
  tool: ToolName,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<string | undefined> {
  const use = BUILD_USES[builder];
  if (!use) {
    const found = findTool(tool, folder);
    if (found.found) return undefined;
    void reportMissingTool(tool, found.reason, false);
    return `${found.reason}.`;
  }
  const checked = await checkedTool(use, tool, folder);
  if (checked.ok) return undefined;
  void reportToolProblem(checked, false, 'Cannot build');
  return checked.message;
}

/** A pseudoterminal that prints `message` and ends with exit code 1. */
class MessageTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;

  constructor(private readonly message: string) {}

  open(): void {
    this.written.fire(`${this.message}\n`.replace(/\r?\n/g, '\r\n'));
    this.closed.fire(1);
  }

  close(): void {}
}

/** The task as the user named it, running only the message that says why it cannot build. */
export function refusedBuild(task: vscode.Task, message: string): vscode.Task {
  const refused = new vscode.Task(
    task.definition,
    task.scope ?? vscode.TaskScope.Workspace,
    task.name,
    task.source,
    new vscode.CustomExecution(async () => new MessageTerminal(message)),
    [],
  );
  refused.group = vscode.TaskGroup.Build;
  return refused;
}
