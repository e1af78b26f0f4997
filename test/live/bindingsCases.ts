// The worlds the live bindings tests generate, and generation as the user gets
// it: `wit/generateBindings` sent to the bundled server over stdio, the answer
// written to disk by the same function the client's Generate Bindings command
// uses (fileBytes), so what the compilers see is what the extension writes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { GenerateBindingsRequest, type BindingsLanguage, type GeneratedFile } from '../../common/protocol';
import { fileBytes } from '../../client/src/bindings/outputLayout';
import { startServer, type RunningServer } from '../bindings/serverProcess';
import { corpus, wasi02Http, wasi03Http } from '../bindings/paths';

export interface WorldCase {
  /** A short name for test titles and folders. */
  id: string;
  /** The WIT package folder (with its deps/) as the user has it. */
  witDir: string;
  /** The .wit file the request names (any file of the package). */
  file: string;
  world: string;
  /** The world's plain name, the stem of most generated main files. */
  plain: string;
}

/**
 * wit-parser-ui keeps each passing case in a file of its own beside ~80 others,
 * a folder wit-parser (and the server) reads as one package with clashing
 * names. A user's package is a folder holding just that file: a temporary
 * folder with a link to the corpus file (read in place, not copied).
 */
/** The temporary folders singleFilePackage made: the only ones disposeCases removes. */
const madeHere = new Set<string>();

function singleFilePackage(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wit-live-pkg-'));
  madeHere.add(dir);
  fs.symlinkSync(path.join(corpus, 'wit-parser-ui', name), path.join(dir, name));
  return dir;
}

export function worldCases(): WorldCase[] {
  const resources = singleFilePackage('world-top-level-resources.wit');
  return [
    {
      id: 'wasi-0.2-http-proxy',
      witDir: wasi02Http,
      file: path.join(wasi02Http, 'proxy.wit'),
      world: 'wasi:http/proxy@0.2.0-rc-2023-12-05',
      plain: 'proxy',
    },
    {
      id: 'wasi-0.3-http-service',
      witDir: wasi03Http,
      file: path.join(wasi03Http, 'worlds.wit'),
      world: 'wasi:http/service@0.3.0',
      plain: 'service',
    },
    // Resources with methods, borrow<> and own<> handles, one interface both imported and exported.
    {
      id: 'resources-proxy',
      witDir: resources,
      file: path.join(resources, 'world-top-level-resources.wit'),
      world: 'foo:foo/proxy',
      plain: 'proxy',
    },
  ];
}

/**
 * Removes the temporary folders worldCases() made, and nothing else: a path
 * prefix is no test (a clone under /tmp reads the corpus through /tmp/.../shared,
 * and once this removed the corpus's http packages that way).
 */
export function disposeCases(cases: WorldCase[]): void {
  for (const c of cases) {
    if (!madeHere.delete(c.witDir)) continue;
    fs.rmSync(c.witDir, { recursive: true, force: true });
  }
}

export interface Generation {
  files: GeneratedFile[];
  ms: number;
}

/** One server for a test file; its rootUri is the folder of the first case. */
export class BindingsSession {
  private constructor(private readonly server: RunningServer) {}

  static async start(rootDir: string): Promise<BindingsSession> {
    return new BindingsSession(await startServer(URI.file(rootDir).toString()));
  }

  async generate(c: WorldCase, language: BindingsLanguage): Promise<Generation> {
    const start = performance.now();
    const { files } = await this.server.connection.sendRequest(GenerateBindingsRequest, {
      uri: URI.file(c.file).toString(),
      world: c.world,
      language,
    });
    return { files, ms: performance.now() - start };
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

/** Writes the files as the client does into a fresh folder and returns it. */
export function writeBindings(files: GeneratedFile[], label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wit-live-${label}-`));
  for (const f of files) {
    const target = path.join(dir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, fileBytes(f));
  }
  return dir;
}

/** Every file below `dir` (relative, forward slashes), sorted. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}
