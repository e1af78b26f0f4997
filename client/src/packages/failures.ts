// Turns what wkg / wit-deps printed when they failed into one clear sentence:
// the package, the registry and what failed (unreachable, not found,
// unauthorized, timed out, a malformed manifest, broken WIT). Credentials are
// cut out of anything shown or logged.
// No `vscode` import: unit-tested in test/packages/.

export type FailureKind =
  | 'timeout'
  | 'cancelled'
  | 'unreachable'
  | 'not-found'
  | 'unauthorized'
  | 'bad-manifest'
  | 'bad-wit'
  | 'missing-tool'
  | 'no-package'
  | 'already-published'
  | 'other';

export interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
  cancelled?: boolean;
  /** The tool could not be started (ENOENT and the like). */
  spawnError?: string;
}

export interface Failure {
  kind: FailureKind;
  /** The sentence to show. */
  message: string;
  /** Redacted output, for the log. */
  detail: string;
}

/** Removes credentials: `user:pass@` in URLs, bearer/basic tokens, password/token/auth values. */
export function redact(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1***@')
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 ***')
    .replace(/\b(authorization)\s*[:=]\s*[^\r\n]+/gi, '$1: ***')
    .replace(
      /\b(password|passwd|token|secret|auth|WKG_OCI_PASSWORD|WKG_REGISTRY_[A-Z0-9_]+_AUTH_[A-Z]+)(\s*[=:]\s*)("[^"]*"|'[^']*'|\{[^}]*\}|\S+)/gi,
      '$1$2***',
    )
    .replace(/(\s-p\s+)\S+/g, '$1***');
}

/** The registry host an error names (`url (http://host/v2/...)`), if any. */
export function registryInOutput(output: string): string | undefined {
  const m = /\bhttps?:\/\/(?:[^/\s@]+@)?([^/\s)]+)/.exec(output);
  return m?.[1];
}

function classify(out: RunOutcome, text: string): FailureKind {
  if (out.cancelled) return 'cancelled';
  if (out.timedOut) return 'timeout';
  if (out.spawnError) return 'missing-tool';
  // wkg publish of a built component without --package (a component has no package name of its own).
  if (/component package version not found|version is required when manually overriding/i.test(text)) return 'no-package';
  if (/already exists|already published|VersionAlreadyExists/i.test(text)) return 'already-published';
  if (/invalid manifest at|TOML parse error|failed to parse (?:manifest|lock)|invalid lock ?file/i.test(text)) return 'bad-manifest';
  if (/\b401\b|unauthori[sz]ed|\b403\b|forbidden|denied|authentication (?:required|failed|failure)|invalid credentials/i.test(text))
    return 'unauthorized';
  if (
    /connection refused|tcp connect error|dns error|failed to lookup address|error sending request|connection reset|network is unreachable|no route to host|timed out/i.test(
      text,
    )
  )
    return 'unreachable';
  if (
    /was not found in (?:component )?registry|manifest unknown|name unknown|\b404\b|no (?:matching )?versions? (?:found|matching)|not found in the registry/i.test(
      text,
    )
  )
    return 'not-found';
  if (/failed to (?:merge|parse|resolve) package|expected .* found|known packages:|failed to resolve/i.test(text)) return 'bad-wit';
  return 'other';
}

/** The most telling line: the last `Caused by` entry, else the first error line. */
export function rootCause(text: string): string {
  // RUST_BACKTRACE=1 appends a stack trace: it is never the cause.
  const all = text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const trace = all.findIndex((l) => /^Stack backtrace:?$/.test(l));
  const lines = (trace >= 0 ? all.slice(0, trace) : all).filter(Boolean);
  const caused = lines.findIndex((l) => /^Caused by:?$/.test(l));
  if (caused >= 0) {
    const chain = lines.slice(caused + 1);
    // anyhow numbers the causes when there are several; a cause may go on over
    // more lines (wit-parser's `known packages:` list): those are joined to it.
    const numbered: string[] = [];
    for (const l of chain) {
      const m = /^\d+:\s*(.*)$/.exec(l);
      if (m) numbered.push(m[1]);
      else if (numbered.length) numbered[numbered.length - 1] += numbered[numbered.length - 1].endsWith(':') ? ` ${l}` : `, ${l}`;
    }
    if (numbered.length) return numbered[numbered.length - 1];
    if (chain.length) return chain[chain.length - 1];
  }
  return lines.find((l) => /^error\b/i.test(l))?.replace(/^error:?\s*/i, '') ?? lines[0] ?? '';
}

export interface FailureContext {
  /** What was being done: "Fetching the WIT dependencies of wit/". */
  action: string;
  /** The package the user is after, when one (`ns:pkg@ver`). */
  packageSpec?: string;
  /** The registry the config names for it, when known. */
  registry?: string;
  tool: string;
  timeoutSeconds?: number;
  /** What a failure leaves as it was, said after a timeout or cancel (default: deps/). */
  unchanged?: string;
}

/** One sentence naming the package, the registry and what failed, and the redacted output. */
export function describeFailure(out: RunOutcome, ctx: FailureContext): Failure {
  const text = redact(`${out.stderr}\n${out.stdout}`);
  const kind = classify(out, text);
  const registry = registryInOutput(text) ?? ctx.registry;
  // wit-deps fetches tarballs by URL: the host is named as such, not as a registry.
  const where = ctx.tool === 'wit-deps' ? (registry ?? 'the server') : registry ? `registry ${registry}` : 'the registry';
  const pkg = ctx.packageSpec ? ` for ${ctx.packageSpec}` : '';
  const cause = rootCause(text);
  const unchanged = ctx.unchanged ?? 'nothing in deps/ was changed';
  const what: Record<FailureKind, string> = {
    cancelled: `cancelled; ${unchanged}`,
    timeout: `timed out after ${ctx.timeoutSeconds ?? '?'} s waiting for ${where}; ${unchanged}`,
    'missing-tool': `${ctx.tool} could not be started (${out.spawnError}); install it or set its path in settings`,
    unreachable: `${where} is unreachable: ${cause}`,
    'not-found': `the package was not found in ${where}: ${cause}`,
    unauthorized: `${where} refused the request as unauthorized: ${cause} (credentials come from wkg's config, docker's config.json or WKG_REGISTRY_*_AUTH_BEARER)`,
    'bad-manifest': `a manifest or lock file is malformed: ${cause}`,
    'bad-wit': `the WIT does not resolve: ${cause}`,
    'no-package': `a built component carries no package name or version: give the task "package": "namespace:name@version" (${cause})`,
    'already-published': `this version is already in ${where}; publish a new version: ${cause}`,
    other: `${ctx.tool} exited with ${out.code}: ${cause}`,
  };
  return { kind, message: `${ctx.action}${pkg} failed: ${what[kind]}`, detail: text.trim() };
}
