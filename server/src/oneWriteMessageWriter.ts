// The `--stdio` transport's writer: each LSP message leaves in one write.
// vscode-jsonrpc's stream writer writes the header and the body separately, so
// every message costs two writes on a pipe and wakes the client twice (the
// client reads a header, then waits again for its body); on a keystroke that is
// one diagnostics message. The framing is the same: `Content-Length` counts the
// UTF-8 bytes of the JSON body, as the protocol's default content type says.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const json = JSON.stringify(msg);
    const length = Buffer.byteLength(json, 'utf8');
    const header = `Content-Length: ${length}\r\n\r\n`;
    const framed = Buffer.allocUnsafe(header.length + length);
    framed.write(header, 0, 'ascii');
    framed.write(json, header.length, 'utf8');
    return new Promise((resolve, reject) => {
      this.out.write(framed, (error) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
