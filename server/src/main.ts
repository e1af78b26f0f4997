// Node entry of the WIT language server: `wit-language-server --stdio` (or
// --node-ipc when VS Code starts it). All wiring lives in server.ts.
import { format, inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, type Connection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { nodeHost } from './nodeHost';
import { OneWriteMessageWriter } from './oneWriteMessageWriter';

if (process.argv.includes('--version')) {
  console.log('wit-language-server 0.1.0');
  process.exit(0);
}
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
startServer(connection, nodeHost, __dirname);

/**
 * `--stdio` with our one-write writer. Given a reader and a writer instead of
 * the flag, vscode-languageserver leaves two things to us that it does for
 * `--stdio` itself: exit when the client closes our input (0 after a shutdown
 * request, 1 before, as the protocol says), and keep console output off stdout,
 * where it would corrupt the messages (it goes to the client's log instead).
 */
function stdioConnection(): Connection {
  const made = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new OneWriteMessageWriter(process.stdout));
  let shutdownReceived = false;
  made.onShutdown(() => {
    shutdownReceived = true;
  });
  const exit = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toClientLog = (...args: unknown[]) => made.console.log(format(...args));
  console.log = console.info = console.debug = toClientLog;
  console.dir = (item: unknown) => made.console.log(inspect(item));
  return made;
}
