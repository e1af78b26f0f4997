// `wit/listWorlds` and `wit/generateBindings`: the worlds of a file's package,
// and bindings of one of them generated from the package as the editor holds it.
import { ResponseError, LSPErrorCodes } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { ListWorldsRequest, GenerateBindingsRequest, type WorldInfo } from '../protocol';
import type { WitLanguageService } from '../core/index';
import { uriToPath } from '../core/workspace';
import { generateBindings } from '../bindings/generateBindings';
import { isBindingsLanguage } from '../bindings/languages';
import { WitErrorsError } from '../bindings/witErrors';
import { ToolMissingError, type ToolSettings } from '../bindings/externalGenerator';
import type { Handler } from './context';

export const bindingsHandler: Handler = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(ListWorldsRequest, async ({ uri }) => listWorlds(await service, uri));

    connection.onRequest(GenerateBindingsRequest, async ({ uri, world, language }) => {
      if (!isBindingsLanguage(language)) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown bindings language: ${String(language)}`);
      }
      const s = await service;
      const chosen = world ?? onlyWorld(s, uri);
      try {
        const files = await generateBindings(
          {
            textOf: (file) => s.workspace.documentAtPath(file)?.text,
            openFiles: () => s.openDocumentUris().map(uriToPath),
            diagnostics: (u) => s.diagnostics(u),
          },
          { file: uriToPath(uri), language, world: chosen, tools: await toolSettings(connection) },
        );
        return { files };
      } catch (e) {
        if (e instanceof WitErrorsError) {
          const diagnostics = e.errors.map(({ uri: u, diagnostic }) => ({ uri: u, range: diagnostic.range, message: diagnostic.message }));
          throw new ResponseError(LSPErrorCodes.RequestFailed, e.message, { kind: 'witErrors', diagnostics });
        }
        if (e instanceof ToolMissingError) {
          throw new ResponseError(LSPErrorCodes.RequestFailed, e.message, { kind: 'toolMissing', setting: e.setting });
        }
        throw new ResponseError(LSPErrorCodes.RequestFailed, e instanceof Error ? e.message : String(e), { kind: 'generator' });
      }
    });
  },
};

/** The worlds of the package that holds `uri` (the root package when no package claims it). */
export function listWorlds(s: WitLanguageService, uri: string): WorldInfo[] {
  const packages = s.analysis(uri).packages;
  const pkg = packages.find((p) => p.uris.includes(uri)) ?? packages.find((p) => !p.isDependency);
  if (!pkg) return [];
  return pkg.worlds.map((w) => ({
    name: w.qualified,
    package: pkg.name,
    uri: w.symbol?.uri ?? pkg.uris[0] ?? uri,
    range: w.symbol?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  }));
}

/** The world to use when none was named: the package's only one, else the generator decides. */
function onlyWorld(s: WitLanguageService, uri: string): string | undefined {
  const worlds = listWorlds(s, uri);
  if (worlds.length > 1) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `The package has ${worlds.length} worlds; name one of: ${worlds.map((w) => w.name).join(', ')}`);
  }
  return worlds[0]?.name;
}

/** `wit.tools.*`, asked of the client per request so that a changed path applies at once. */
async function toolSettings(connection: Connection): Promise<ToolSettings> {
  try {
    const tools = (await connection.workspace.getConfiguration('wit.tools')) as Record<string, unknown> | null;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return { witBindgen: str(tools?.witBindgen), componentizePy: str(tools?.componentizePy) };
  } catch {
    // A client without workspace/configuration: tools come from PATH.
    return {};
  }
}
