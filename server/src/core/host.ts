// Everything the core needs from the outside world, passed in so that the same
// core runs in the language server, in tests and in other hosts.
export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface WitHost {
  /** The text of a file, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** The entries of a directory, or undefined when it is not one. */
  readDirectory(path: string): DirEntry[] | undefined;
  /** A binary file's bytes, one char per byte (latin1); optional for hosts without binaries. */
  readBinary?(path: string): string | undefined;
}
