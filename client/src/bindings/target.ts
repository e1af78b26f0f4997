// What a bindings command acts on: the .wit file or folder it was invoked on
// (explorer, editor title) or the active WIT editor; then the world and the
// language, asked only when there is a choice.
import * as vscode from 'vscode';
import { BINDINGS_LANGUAGES, ListWorldsRequest, type BindingsLanguage } from '../../../common/protocol';
import { LANGUAGES, isBindingsLanguage } from '../../../common/bindingsLanguages';
import type { WitLanguageClient } from '../client';
import { showGenerationError } from './errors';
import { currentWitEditor } from '../witEditor';

/** Options a caller (a test, a keybinding) may pass to skip the pickers. */
export interface BindingsArgs {
  world?: string;
  language?: BindingsLanguage;
}

/** A .wit file standing for the package: the resource itself, or the first .wit file of a folder. */
export async function witFileOf(resource: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const target = resource ?? activeWitUri();
  if (!target) return undefined;
  if (target.path.endsWith('.wit')) return target;
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) {
      const entries = await vscode.workspace.fs.readDirectory(target);
      const wit = entries
        .filter(([n, t]) => t & vscode.FileType.File && n.endsWith('.wit'))
        .map(([n]) => n)
        .sort()[0];
      return wit ? vscode.Uri.joinPath(target, wit) : undefined;
    }
  } catch {
    // Not a readable file or folder.
  }
  return undefined;
}

function activeWitUri(): vscode.Uri | undefined {
  // With the focus in the walkthrough or a graph: the WIT editor beside it.
  const doc = vscode.window.activeTextEditor?.document ?? currentWitEditor()?.document;
  if (doc?.languageId === 'wit') return doc.uri;
  // From a preview, act on the WIT it shows.
  const source = doc && new URLSearchParams(doc.uri.query).get('source');
  return source ? vscode.Uri.parse(source) : undefined;
}

/** The world: given, the package's only one, or picked. Undefined = cancelled; '' = let the generator decide. */
export async function pickWorld(client: WitLanguageClient, file: vscode.Uri, given?: string): Promise<string | undefined> {
  if (given) return given;
  const worlds = await client.sendRequest(ListWorldsRequest, { uri: file.toString() });
  if (worlds.length === 0) return '';
  if (worlds.length === 1) return worlds[0].name;
  const picked = await vscode.window.showQuickPick(
    worlds.map((w) => ({ label: w.name, description: vscode.workspace.asRelativePath(vscode.Uri.parse(w.uri)) })),
    { title: 'WIT: world to generate bindings for', placeHolder: 'World' },
  );
  return picked?.label;
}

export async function pickLanguage(given?: string, remembered?: string): Promise<BindingsLanguage | undefined> {
  if (isBindingsLanguage(given)) return given;
  const items = BINDINGS_LANGUAGES.map((id) => ({ label: LANGUAGES[id].label, id }));
  if (isBindingsLanguage(remembered)) items.sort((a, b) => Number(b.id === remembered) - Number(a.id === remembered));
  const picked = await vscode.window.showQuickPick(items, { title: 'WIT: bindings language', placeHolder: 'Language' });
  return picked?.id;
}

export interface BindingsTarget {
  file: vscode.Uri;
  world: string;
  language: BindingsLanguage;
}

/**
 * What a bindings command acts on: the file, the world and the language (asked
 * only when there is a choice; the language is remembered under `rememberKey`).
 * Undefined when the user cancels or the choice is refused (a CLI generator in
 * an untrusted workspace); errors listing worlds are shown, not thrown.
 */
export async function chooseTarget(
  client: WitLanguageClient,
  state: vscode.Memento,
  resource: unknown,
  args: BindingsArgs,
  opts: { noFileMessage: string; rememberKey: string; defaultLanguage?: BindingsLanguage },
): Promise<BindingsTarget | undefined> {
  const file = await witFileOf(resource instanceof vscode.Uri ? resource : undefined);
  if (!file) {
    void vscode.window.showInformationMessage(opts.noFileMessage);
    return undefined;
  }
  let world: string | undefined;
  try {
    world = await pickWorld(client, file, args.world);
  } catch (e) {
    void showGenerationError(e);
    return undefined;
  }
  if (world === undefined) return undefined;
  const language = await pickLanguage(args.language, state.get<string>(opts.rememberKey) ?? opts.defaultLanguage);
  if (!language) return undefined;
  await state.update(opts.rememberKey, language);
  if (LANGUAGES[language].generator !== 'jco' && !vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(`${LANGUAGES[language].label} runs a program from your machine; trust this workspace first.`);
    return undefined;
  }
  return { file, world, language };
}
