// A minimal Debug Adapter Protocol client over a child's stdio
// (Content-Length framing), enough to drive lldb-dap the way VS Code does:
// send requests, wait for their responses and for events, keep every message.
import { spawn } from 'node:child_process';

export interface DapMessage {
  seq: number;
  type: string;
  command?: string;
  event?: string;
  success?: boolean;
  message?: string;
  body?: Record<string, unknown>;
}

/** Starts the adapter and talks DAP to it over its stdin/stdout. */
export function dapClient(command: string) {
  const child = spawn(command, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  let seq = 0;
  const messages: DapMessage[] = [];
  const waiters: Array<{ match: (m: DapMessage) => boolean; resolve: (m: DapMessage) => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as DapMessage;
      buffer = buffer.subarray(headerEnd + 4 + length);
      messages.push(message);
      for (const w of waiters.filter((x) => x.match(message))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  const waitFor = (match: (m: DapMessage) => boolean) => {
    const seen = messages.find(match);
    return seen ? Promise.resolve(seen) : new Promise<DapMessage>((resolve) => waiters.push({ match, resolve }));
  };
  const request = (cmd: string, args: unknown) => {
    const body = JSON.stringify({ seq: ++seq, type: 'request', command: cmd, arguments: args });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const mine = seq;
    return waitFor((m) => m.type === 'response' && (m as { request_seq?: number } & DapMessage).request_seq === mine);
  };
  return { child, messages, request, waitFor };
}
