// textDocument/hover.
import type { HoverParams } from 'vscode-languageserver/node';
import { answer, type Handler } from './context';
import { forWac } from '../wac/wacServer';
import { wacHover } from '../wac/wacFeatures';

export const hoverHandler: Handler = {
  capabilities: { hoverProvider: true },
  register({ connection, service, settings, wac }) {
    connection.onHover(
      forWac(
        wac,
        wacHover,
        answer(service, (s, { textDocument, position }: HoverParams) =>
          s.hover(textDocument.uri, position, { scheme: settings.value.canonicalAbi.nameScheme }),
        ),
      ),
    );
  },
};
