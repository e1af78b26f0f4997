// Whether a tool the extension is about to start can do what it is started
// for: found, answering `--version`, at least the version MINIMUMS needs,
// and (for uses that need one) listing the subcommand in its --help. The
// answer is either the path to start or the message to show.
// In an untrusted workspace nothing is started, not even `--version`: a
// probe runs the very program a workspace could have chosen.
// No `vscode` import: the client's tasks and the server's bindings share it.
import { MINIMUMS, TOOLS, type RequirementKey, type ToolId } from './minimums';
import { commandText, failedMessage, lacksSubcommandMessage, missingMessage, tooOldMessage, type WhereLooked } from './messages';
import { toolProbe, type ToolProbe } from './probe';
import { compareVersions, parseVersion, type Version } from './versions';

/** Where the lookup found the tool, or where it looked in vain. */
export type Located = { path: string } | { missing: WhereLooked };

export type ToolProblem = 'untrusted' | 'missing' | 'tooOld' | 'failed' | 'lacksSubcommand';

export type ToolCheck =
  { ok: true; path: string; version?: Version } | { ok: false; problem: ToolProblem; tool: ToolId; message: string; setting?: string };

export interface CheckOptions {
  /** False in an untrusted workspace: then nothing is started and the check says why. */
  trusted: boolean;
  /** A subcommand the use needs, looked for in `<tool> --help` (wit-bindgen's `cpp`, componentize-py's `bindings`). */
  subcommand?: string;
  probe?: ToolProbe;
}

export function untrustedMessage(tool: ToolId): string {
  return `${TOOLS[tool].name} was not started: WIT DevKit starts no program for an untrusted workspace, not even to ask its version. Trust the workspace to use it.`;
}

/** The subcommands a clap-style `--help` lists under `Commands:` (clap 4) or `SUBCOMMANDS:` (clap 3). */
export function helpSubcommands(help: string): string[] | undefined {
  const lines = help.split(/\r?\n/);
  const start = lines.findIndex((l) => /^(Commands|SUBCOMMANDS|Subcommands):\s*$/.test(l.trim()));
  if (start < 0) return undefined;
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const m = /^\s{1,8}([a-z][\w-]*)(?:,\s*[\w-]+)*\s/.exec(`${line} `);
    if (m) names.push(m[1]);
  }
  return names.filter((n) => n !== 'help');
}

export async function checkTool(key: RequirementKey, located: Located, opts: CheckOptions): Promise<ToolCheck> {
  const req = MINIMUMS[key];
  const tool: ToolId = req.tool;
  const setting = TOOLS[tool].setting;
  const problem = (kind: ToolProblem, message: string): ToolCheck => ({ ok: false, problem: kind, tool, message, setting });
  if (!opts.trusted) return problem('untrusted', untrustedMessage(tool));
  if ('missing' in located) return problem('missing', missingMessage(tool, located.missing));
  const probe = opts.probe ?? toolProbe;
  const answer = await probe.version(tool, located.path);
  if (answer.kind === 'failed') {
    // `cargo component` on a cargo without cargo-component: the subcommand is what is missing.
    if (tool === 'cargoComponent' && /no such (sub)?command/i.test(answer.run.stderr)) {
      return problem(
        'missing',
        `cargo-component is not installed: cargo at ${located.path} has no "component" subcommand. Install it (${TOOLS.cargoComponent.install}).`,
      );
    }
    return problem('failed', failedMessage(tool, located.path, commandText(tool, answer.args), answer.run, answer.timeoutMs));
  }
  const version = answer.kind === 'version' ? answer.version : undefined;
  const min = parseVersion(req.min);
  if (version && min && compareVersions(version, min) < 0) return problem('tooOld', tooOldMessage(key, version, located.path));
  if (opts.subcommand) {
    const help = await probe.help(located.path);
    if (help.kind === 'failed')
      return problem('failed', failedMessage(tool, located.path, commandText(tool, help.args), help.run, help.timeoutMs));
    // A help without a command list cannot say: the run itself then tells.
    const has = help.kind === 'help' ? helpSubcommands(help.text) : undefined;
    if (has && !has.includes(opts.subcommand)) {
      return problem('lacksSubcommand', lacksSubcommandMessage(tool, located.path, version, opts.subcommand, has));
    }
  }
  return { ok: true, path: located.path, version };
}

/** The folders a PATH search looks in, in order (empty entries are never searched: they mean the current folder). */
export function searchedFolders(
  pathEnv: string | undefined,
  platform: NodeJS.Platform = process.platform,
  before: readonly string[] = [],
  after: readonly string[] = [],
): string[] {
  const sep = platform === 'win32' ? ';' : ':';
  return [...before, ...(pathEnv ?? '').split(sep).filter(Boolean), ...after];
}
