// Interface evolution: what changed between two versions of a WIT package and
// whom it breaks. Pure: it reads two analyses the core made and their files'
// syntax; where the two sides come from (folders, a git ref) is the caller's.
import type { Analysis } from '../model';
import type { WitDocument } from '../document';
import { packageSurface } from './surface';
import { compareSurfaces } from './compare';
import { judge } from './verdict';
import type { EvolutionReport } from './types';

export type { Change, EvolutionReport, Verdict, SurfaceItem, Side } from './types';
export { SurfaceError } from './surface';
export { comparisonMarkdown } from './markdown';
export {
  compatibilityDiagnostics,
  sinceGateEdit,
  sinceGateActions,
  COMPATIBILITY_CODE,
  MISSING_SINCE_CODE,
  type CompatibilityOptions,
} from './editorDiagnostics';

/**
 * Compares the root packages of two analyses (made with the same features).
 * `document` is only needed for analyses that do not keep their files' ASTs.
 */
export function comparePackages(
  oldAnalysis: Analysis,
  newAnalysis: Analysis,
  document?: (uri: string) => WitDocument | undefined,
): EvolutionReport {
  const oldS = packageSurface(oldAnalysis, document);
  const newS = packageSurface(newAnalysis, document);
  const changes = compareSurfaces(oldS, newS);
  return {
    oldPackage: oldS.version ? `${oldS.name}@${oldS.version}` : oldS.name,
    newPackage: newS.version ? `${newS.name}@${newS.version}` : newS.name,
    newLocation: newS.location,
    newItems: newS.items,
    changes,
    verdict: judge(changes, oldS, newS),
  };
}
