// Node entry of the WIT language server: `wit-language-server --stdio` (or
// --node-ipc when VS Code starts it). All wiring lives in server.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { nodeHost } from './nodeHost';

if (process.argv.includes('--version')) {
  console.log('wit-language-server 0.1.0');
  process.exit(0);
}
const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodeHost, __dirname);
