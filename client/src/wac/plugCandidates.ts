// `WIT: Plug Components`, the pure part: which components' exports satisfy which imports
// of a socket (plug fit), with plug fit's explanation for those that do not fit, and the
// `wac plug` command line. No `vscode` import: unit-tested under Node.
import { componentSide, plugFit } from '../../../common/component/plugFit';
import type { ComponentInfo } from '../../../common/component/model';

export interface PlugCandidate {
  name: string;
  /** The socket's imports its exports satisfy. */
  satisfies: string[];
  /** Why it does not satisfy the imports it comes close to (plug fit's words). */
  reasons: string[];
}

/** The candidates, those that satisfy something first (most imports first), then the rest. */
export function plugCandidates(
  socket: ComponentInfo,
  socketName: string,
  candidates: { name: string; info: ComponentInfo }[],
): PlugCandidate[] {
  const consumer = componentSide(socket, 'imports', socketName);
  const result = candidates.map(({ name, info }) => {
    const fit = plugFit(consumer, componentSide(info, 'exports', name));
    return {
      name,
      satisfies: fit.matches.filter((m) => m.status === 'satisfied').map((m) => m.import),
      reasons: fit.matches.filter((m) => m.status === 'near-miss').map((m) => `${m.import}: ${m.reasons.join('; ')}`),
    };
  });
  return result.sort((a, b) => b.satisfies.length - a.satisfies.length || a.name.localeCompare(b.name));
}

/** `wac plug <socket> --plug <p>... -o <output>`. */
export function wacPlugArgs(socket: string, plugs: string[], output: string): string[] {
  return ['plug', socket, ...plugs.flatMap((p) => ['--plug', p]), '-o', output];
}
