// `wit/generateBindings`: bindings of a world, generated from the package as the
// editor holds it. Errors carry a `kind` the client acts on (show the WIT
// errors, offer to set a tool's path, or show the generator's message).
import { ResponseError, LSPErrorCodes } from 'vscode-languageserver/node';
import { GenerateBindingsRequest } from '../../../common/protocol';
import { uriToPath, type WitLanguageService } from '../core/index';
import { generateBindings } from '../bindings/generateBindings';
import { isBindingsLanguage } from '../../../common/bindingsLanguages';
import { WitErrorsError } from '../bindings/witErrors';
import { ToolMissingError } from '../bindings/externalGenerator';
import type { Handler } from './context';

export const generateBindingsHandler: Handler = {
  capabilities: {},
  register({ connection, service, settings }) {
    connection.onRequest(GenerateBindingsRequest, async ({ uri, world, language }) => {
      if (!isBindingsLanguage(language)) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown bindings language: ${String(language)}`);
      }
      const s = await service;
      const chosen = world ?? onlyWorld(s, uri);
      try {
        const files = await generateBindings(
          {
            textOf: (file) => s.sourceText(file),
            openFiles: () => s.openDocumentUris().map(uriToPath),
            diagnostics: (u) => s.diagnostics(u),
          },
          { file: uriToPath(uri), language, world: chosen, tools: settings.value.tools },
        );
        return { files };
      } catch (e) {
        throw asResponseError(e);
      }
    });
  },
};

function asResponseError(e: unknown): ResponseError<unknown> {
  if (e instanceof WitErrorsError) {
    const diagnostics = e.errors.map(({ uri, diagnostic }) => ({ uri, range: diagnostic.range, message: diagnostic.message }));
    return new ResponseError(LSPErrorCodes.RequestFailed, e.message, { kind: 'witErrors', diagnostics });
  }
  if (e instanceof ToolMissingError) {
    return new ResponseError(LSPErrorCodes.RequestFailed, e.message, { kind: 'toolMissing', setting: e.setting });
  }
  return new ResponseError(LSPErrorCodes.RequestFailed, e instanceof Error ? e.message : String(e), { kind: 'generator' });
}

/** The world to use when none was named: the package's only one, else the generator decides. */
function onlyWorld(s: WitLanguageService, uri: string): string | undefined {
  const worlds = s.listWorlds(uri);
  if (worlds.length > 1) {
    throw new ResponseError(
      LSPErrorCodes.RequestFailed,
      `The package has ${worlds.length} worlds; name one of: ${worlds.map((w) => w.name).join(', ')}`,
    );
  }
  return worlds[0]?.name;
}
