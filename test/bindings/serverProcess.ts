// The bundled language server (dist/server.js) started over stdio, as any
// editor starts it; rebuilt first when its sources are newer than the bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths';

const serverJs = path.join(repoRoot, 'dist', 'server.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const built = fs.existsSync(serverJs) ? fs.statSync(serverJs).mtimeMs : 0;
  if (built < newestSource(path.join(repoRoot, 'server', 'src'))) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }
}

export interface RunningServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(rootUri: string): Promise<RunningServer> {
  ensureBuilt();
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
