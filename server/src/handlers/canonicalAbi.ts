// `wit/canonicalAbi`: the canonical ABI of the function or type at a position
// (core signatures and names, or size, alignment and flat values); null elsewhere.
import { CanonicalAbiRequest } from '../../../common/protocol';
import { answer, type Handler } from './context';

export const canonicalAbiHandler: Handler = {
  capabilities: {},
  register({ connection, service, settings }) {
    connection.onRequest(
      CanonicalAbiRequest,
      answer(service, (s, { textDocument, position, scheme }) =>
        s.canonicalAbi(textDocument.uri, position, { scheme: scheme ?? settings.value.canonicalAbi.nameScheme }),
      ),
    );
  },
};
