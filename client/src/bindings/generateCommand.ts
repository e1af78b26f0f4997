// `WIT: Generate Bindings…`: pick the world and language, generate through the
// server (from the package as the editor holds it), write the files to the
// output folder and open the main one. Runs one at a time: a second request
// waits for the first.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GenerateBindingsRequest, type BindingsLanguage } from '../../../common/protocol';
import { LANGUAGES } from '../../../common/bindingsLanguages';
import type { WitLanguageClient } from '../client';
import { outDirFor, mainFile, fileBytes } from './outputLayout';
import { SerialQueue } from './requestQueue';
import { chooseTarget, type BindingsArgs } from './target';
import { showGenerationError } from './errors';

const LAST_LANGUAGE = 'wit.bindings.lastLanguage';

export interface GenerationResult {
  outDir: vscode.Uri;
  files: vscode.Uri[];
  opened?: vscode.Uri;
}

/** The output folder for `file`'s package, from `wit.bindings.outDir` or the language's default. */
export function outDirUri(file: vscode.Uri, language: BindingsLanguage): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('wit.bindings', file).get<string>('outDir');
  const dir = outDirFor(language, setting);
  const packageDir = vscode.Uri.joinPath(file, '..');
  return path.isAbsolute(dir) ? vscode.Uri.file(dir) : vscode.Uri.joinPath(packageDir, dir);
}

export function registerGenerateCommand(client: WitLanguageClient, state: vscode.Memento): vscode.Disposable {
  const queue = new SerialQueue();
  return vscode.commands.registerCommand('wit.generateBindings', async (resource?: unknown, second?: unknown, third?: unknown) => {
    const args = [second, third, resource].find(isArgs) ?? {};
    const target = await chooseTarget(client, state, resource, args, {
      noFileMessage: 'Open a .wit file (or pick a folder with .wit files) to generate bindings.',
      rememberKey: LAST_LANGUAGE,
    });
    if (!target) return undefined;
    const { file, world, language } = target;
    if (queue.size > 0) void vscode.window.setStatusBarMessage('WIT: bindings generation queued behind the running one', 3000);
    return queue.run(() => generate(client, file, world || undefined, language));
  });
}

function isArgs(v: unknown): v is BindingsArgs {
  return !!v && typeof v === 'object' && !(v instanceof vscode.Uri) && !Array.isArray(v) && ('language' in v || 'world' in v);
}

async function generate(
  client: WitLanguageClient,
  file: vscode.Uri,
  world: string | undefined,
  language: BindingsLanguage,
): Promise<GenerationResult | undefined> {
  const outDir = outDirUri(file, language);
  const title = `Generating ${LANGUAGES[language].label} bindings${world ? ` for ${world}` : ''}…`;
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async () => {
      const { files } = await client.sendRequest(GenerateBindingsRequest, { uri: file.toString(), world, language, outDir: outDir.fsPath });
      const written: vscode.Uri[] = [];
      for (const f of files) {
        const target = vscode.Uri.joinPath(outDir, ...f.path.split('/'));
        await vscode.workspace.fs.writeFile(target, fileBytes(f));
        written.push(target);
      }
      return { files, written };
    });
    const main = mainFile(result.files, language, world);
    const opened = main ? vscode.Uri.joinPath(outDir, ...main.path.split('/')) : undefined;
    if (opened) await vscode.window.showTextDocument(opened, { preview: false });
    void vscode.window.setStatusBarMessage(
      `WIT: ${result.files.length} file(s) written to ${vscode.workspace.asRelativePath(outDir)}`,
      5000,
    );
    return { outDir, files: result.written, opened };
  } catch (e) {
    void showGenerationError(e);
    return undefined;
  }
}
