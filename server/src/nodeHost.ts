// The core's host on Node: plain synchronous file-system reads (WIT packages are
// small, and the core reads each file at most once per change).
import * as fs from 'node:fs';
import type { WitHost } from './core/index';

export const nodeHost: WitHost = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  readBinary(path) {
    try {
      return fs.readFileSync(path, 'latin1');
    } catch {
      return undefined;
    }
  },
  readDirectory(path) {
    try {
      return fs.readdirSync(path, { withFileTypes: true }).map((d) => ({
        name: d.name,
        isDirectory: d.isDirectory() || (d.isSymbolicLink() && isDir(`${path}/${d.name}`)),
      }));
    } catch {
      return undefined;
    }
  },
};

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
