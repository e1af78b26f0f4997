// Packages through a real OCI registry on 127.0.0.1 (the `distribution`
// registry, test/live/registryServer.ts): a WIT package is built and published
// with wkg, fetched into a fresh workspace by the extension's fetch
// (client/src/packages/fetchDeps.ts: a temporary copy, then moved in), and its
// types resolve and hover through the language service; a built component is
// pushed and pulled back byte-identical; and the failures (not found,
// unreachable, unauthorized, timeout) come back as one sentence naming the
// registry and the package, with deps/ untouched.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { startRegistry, wkgConfigFor, type RunningRegistry } from './registryServer';
import { fetchDependencies, planFetch, runTool } from '../../client/src/packages/fetchDeps';
import { describeFailure } from '../../client/src/packages/failures';
import { packageRefOf } from '../../client/src/packages/packageRef';
import { addOverride, registryFor } from '../../client/src/packages/wkgToml';
import { checkWkgLock, checkWkgToml } from '../../client/src/packages/manifests';
import { resolutionMarkdown, resolvePackage } from '../../client/src/packages/resolution';
import { serviceOver } from '../core/helpers';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';
import { freePort } from '../freePort';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'packages');
const adder = path.resolve(__dirname, '..', 'fixtures', 'components', 'adder.wasm');

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'wit-devkit-registry-test-'));
}

async function wkg(bin: string, reg: RunningRegistry, cwd: string, args: string[]) {
  const out = await runTool(bin, args, { cwd, env: reg.env, timeoutMs: 60_000 });
  assert.equal(out.code, 0, `wkg ${args.join(' ')} failed:\n${out.stderr}\n${out.stdout}\nregistry:\n${reg.output()}`);
  return out;
}

/** Builds and publishes test/fixtures/packages/shapes to `reg`. */
async function publishShapes(bin: string, reg: RunningRegistry, dir: string): Promise<void> {
  const pub = path.join(dir, 'shapes');
  cpSync(path.join(fixtures, 'shapes'), pub, { recursive: true });
  await wkg(bin, reg, pub, ['build']);
  const built = readdirSync(pub).find((f) => f.endsWith('.wasm'));
  assert.equal(built, 'devkit:shapes@0.1.0.wasm');
  const out = await wkg(bin, reg, pub, ['publish', built]);
  assert.match(out.stdout + out.stderr, /Published devkit:shapes@0\.1\.0/);
}

function withService(fn: (svc: Awaited<ReturnType<typeof serviceOver>>) => Promise<void>) {
  return serviceOver(nodeHost).then(fn);
}

test(
  'a WIT package published to the registry is fetched into a fresh workspace: the unknown-package error clears, its types resolve and hover',
  { timeout: 180_000 },
  async (t) => {
    const tools = live(t, ['wkg', 'registry']);
    if (!tools) return;
    const reg = await startRegistry(tools.registry, 'devkit');
    const dir = scratch();
    try {
      await publishShapes(tools.wkg, reg, dir);
      // The consumer, fresh: nothing fetched yet.
      const app = path.join(dir, 'app');
      cpSync(path.join(fixtures, 'app'), app, { recursive: true });
      const appWit = path.join(app, 'wit', 'app.wit');
      const uri = pathToUri(appWit);
      const text = readFileSync(appWit, 'utf8');

      await withService(async (svc) => {
        svc.openDocument(uri, text, 1);
        const before = svc.diagnostics(uri).get(uri) ?? [];
        const missing = before.filter((d) => d.code === 'unknown-package');
        assert.ok(missing.length >= 1, JSON.stringify(before));
        // What the quick fix reads off the diagnostic: the package and its version.
        const doc = svc.document(uri)!;
        const message = missing[0].message;
        const ref = packageRefOf(
          doc.text.slice(doc.offsetAt(missing[0].range.start), doc.offsetAt(missing[0].range.end)),
          typeof message === 'string' ? message : message.value,
        );
        if (!ref) throw new Error(`no package read off ${JSON.stringify(missing[0])}`);
        assert.deepEqual({ key: ref.key, spec: ref.spec }, { key: 'devkit:shapes', spec: 'devkit:shapes@0.1.0' });
        assert.equal(registryFor(ref, readFileSync(reg.wkgConfig, 'utf8')), reg.host);

        // "Add devkit:shapes@0.1.0 to wkg.toml": wkg accepts the entry it writes.
        const added = addOverride('', ref);
        assert.equal(added.kind, 'added');
        if (added.kind === 'added') writeFileSync(path.join(app, 'wkg.toml'), added.text);

        // "Fetch WIT dependencies": wkg fetch in a temporary copy, then moved in.
        const plan = planFetch(path.join(app, 'wit'));
        assert.equal(plan.tool, 'wkg');
        const result = await fetchDependencies(plan, tools.wkg, { env: reg.env, timeoutMs: 60_000 });
        assert.equal(result.outcome.code, 0, result.outcome.stderr);
        const fetched = path.join(app, 'wit', 'deps', 'devkit-shapes-0.1.0', 'package.wit');
        assert.ok(existsSync(fetched), `not fetched: ${readdirSync(path.join(app, 'wit')).join(', ')}`);
        assert.deepEqual(result.updated.sort(), [path.join(app, 'wit', 'deps'), path.join(app, 'wkg.lock')].sort());
        const lock = readFileSync(path.join(app, 'wkg.lock'), 'utf8');
        assert.match(lock, /name = "devkit:shapes"/);
        assert.ok(lock.includes(`registry = "${reg.host}"`), lock);
        // The lock wkg wrote and the wkg.toml the quick fix wrote pass our manifest checks.
        assert.deepEqual(checkWkgLock(lock), []);
        assert.deepEqual(checkWkgToml(readFileSync(path.join(app, 'wkg.toml'), 'utf8')), []);
        // The hover of the reference: the version, the deps/ folder, the lock entry and its registry.
        const resolution = resolvePackage(path.join(app, 'wit'), ref, registryFor(ref, readFileSync(reg.wkgConfig, 'utf8')));
        assert.deepEqual(resolution.deps, { path: 'wit/deps/devkit-shapes-0.1.0/', version: '0.1.0' });
        assert.equal(resolution.lock?.registry, reg.host);
        const resolved = resolutionMarkdown(resolution);
        assert.ok(
          resolved.startsWith(
            `**devkit:shapes** resolved to \`0.1.0\`\n- from \`wit/deps/devkit-shapes-0.1.0/\`\n- locked in \`wkg.lock\` at \`0.1.0\` from registry \`${reg.host}\` (\`sha256:`,
          ),
          resolved,
        );
        // Nothing of the temporary copy is left beside the project.
        assert.deepEqual(
          readdirSync(dir).filter((f) => f.startsWith('.wit-devkit-fetch-')),
          [],
        );

        // What the server's deps/ watcher does: report the new files; the errors clear by themselves.
        svc.fileChanged(pathToUri(fetched));
        const after = [...svc.diagnostics(uri).values()].flat();
        assert.deepEqual(
          after.map((d) => `${d.code}: ${d.message}`),
          [],
        );
        const at = doc.positionAt(text.indexOf('at: point') + 'at: '.length);
        const hover = svc.hover(uri, at);
        const shown = JSON.stringify(hover?.contents);
        assert.match(shown, /record point/, shown);
        assert.match(shown, /A point on the plane/, shown);
      });
    } finally {
      await reg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'a built component pushed to the registry with wkg oci push comes back byte-identical (wkg oci pull, and wkg get by its package name)',
  { timeout: 120_000 },
  async (t) => {
    const tools = live(t, ['wkg', 'registry']);
    if (!tools) return;
    const reg = await startRegistry(tools.registry, 'devkit');
    const dir = scratch();
    try {
      const ref = `${reg.host}/devkit/adder:0.1.0`;
      const pushed = await wkg(tools.wkg, reg, dir, ['oci', 'push', '--insecure', reg.host, ref, adder]);
      assert.match(pushed.stdout, /digest: sha256:[0-9a-f]{64}/);
      await wkg(tools.wkg, reg, dir, ['oci', 'pull', '--insecure', reg.host, ref, '-o', path.join(dir, 'pulled.wasm')]);
      assert.ok(readFileSync(path.join(dir, 'pulled.wasm')).equals(readFileSync(adder)), 'wkg oci pull gave different bytes');

      // The same artifact as the package devkit:adder@0.1.0 (wkg maps ns:pkg@v to ns/pkg:v in OCI).
      await wkg(tools.wkg, reg, dir, ['get', 'devkit:adder@0.1.0', '-o', path.join(dir, 'got.wasm')]);
      assert.ok(readFileSync(path.join(dir, 'got.wasm')).equals(readFileSync(adder)), 'wkg get gave different bytes');
    } finally {
      await reg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

/** A fresh consumer of `spec`'s package with a deps/ that must survive a failed fetch. */
function consumer(dir: string, name: string, importPath: string): { app: string; keep: string } {
  const app = path.join(dir, name);
  mkdirSync(path.join(app, 'wit', 'deps', 'old'), { recursive: true });
  writeFileSync(path.join(app, 'wit', 'app.wit'), `package devkit:${name};\n\nworld app {\n  import ${importPath};\n}\n`);
  const keep = path.join(app, 'wit', 'deps', 'old', 'kept.wit');
  writeFileSync(keep, 'package devkit:old;\n\ninterface kept {}\n');
  return { app, keep };
}

function depsUntouched(app: string, keep: string): void {
  assert.deepEqual(readdirSync(path.join(app, 'wit', 'deps')), ['old']);
  assert.equal(readFileSync(keep, 'utf8'), 'package devkit:old;\n\ninterface kept {}\n');
  assert.ok(!existsSync(path.join(app, 'wkg.lock')), 'a lock was written by a failed fetch');
}

test(
  'a failed fetch names the registry, the package and what failed, and leaves deps/ as it was: not found, malformed manifest, WIT that does not resolve, unreachable, unauthorized, timeout',
  { timeout: 180_000 },
  async (t) => {
    const tools = live(t, ['wkg', 'registry']);
    if (!tools) return;
    const reg = await startRegistry(tools.registry, 'devkit');
    const dir = scratch();
    const sockets: Socket[] = [];
    const silent = createServer((s) => {
      sockets.push(s);
    });
    try {
      const attempt = async (name: string, env: NodeJS.ProcessEnv, registry: string, timeoutMs = 60_000) => {
        const { app, keep } = consumer(dir, name, 'devkit:nothere/types@0.1.0');
        const result = await fetchDependencies(planFetch(path.join(app, 'wit')), tools.wkg, { env, timeoutMs });
        depsUntouched(app, keep);
        assert.deepEqual(result.updated, []);
        const failure = describeFailure(result.outcome, {
          action: 'Fetching the WIT dependencies of wit/',
          packageSpec: 'devkit:nothere@0.1.0',
          registry,
          tool: 'wkg',
          timeoutSeconds: timeoutMs / 1000,
        });
        console.log(`${name}: ${failure.message}`);
        return failure;
      };

      // 404: the registry answers, the package is not there.
      const notFound = await attempt('notfound', reg.env, reg.host);
      assert.equal(notFound.kind, 'not-found', notFound.detail);
      assert.ok(notFound.message.includes(reg.host) && notFound.message.includes('devkit:nothere@0.1.0'), notFound.message);

      // A malformed wkg.toml: wkg refuses it at the line our own check marks.
      {
        const { app, keep } = consumer(dir, 'badmanifest', 'devkit:nothere/types@0.1.0');
        const manifest = '[overrides]\n"devkit:nothere" = { bogus = 1 }\n';
        writeFileSync(path.join(app, 'wkg.toml'), manifest);
        const result = await fetchDependencies(planFetch(path.join(app, 'wit')), tools.wkg, { env: reg.env, timeoutMs: 60_000 });
        depsUntouched(app, keep);
        const failure = describeFailure(result.outcome, {
          action: 'Fetching the WIT dependencies of wit/',
          packageSpec: 'devkit:nothere@0.1.0',
          registry: reg.host,
          tool: 'wkg',
        });
        console.log(`badmanifest: ${failure.message}`);
        assert.equal(failure.kind, 'bad-manifest', failure.detail);
        const at = /TOML parse error at line (\d+), column (\d+)/.exec(failure.detail);
        assert.ok(at, failure.detail);
        // Our check marks the same line, its range covering the column wkg points at.
        const ours = checkWkgToml(manifest);
        assert.ok(
          ours.length > 0 && ours.every((p) => p.line + 1 === Number(at[1]) && p.start < Number(at[2]) && Number(at[2]) <= p.end),
          JSON.stringify(ours),
        );
      }

      // WIT that does not resolve (the import names a version the package does not have).
      {
        const { app, keep } = consumer(dir, 'badwit', 'devkit:shapes/types');
        await publishShapes(tools.wkg, reg, path.join(dir, 'pub'));
        writeFileSync(path.join(app, 'wkg.toml'), '[overrides]\n"devkit:shapes" = { version = "=0.1.0" }\n');
        const result = await fetchDependencies(planFetch(path.join(app, 'wit')), tools.wkg, { env: reg.env, timeoutMs: 60_000 });
        assert.deepEqual(readdirSync(path.join(app, 'wit', 'deps')), ['old']);
        assert.equal(readFileSync(keep, 'utf8'), 'package devkit:old;\n\ninterface kept {}\n');
        const failure = describeFailure(result.outcome, {
          action: 'Fetching the WIT dependencies of wit/',
          packageSpec: 'devkit:shapes',
          registry: reg.host,
          tool: 'wkg',
        });
        console.log(`badwit: ${failure.message}`);
        assert.equal(failure.kind, 'bad-wit', failure.detail);
        assert.match(failure.message, /package 'devkit:shapes' not found\. known packages: .*devkit:shapes@0\.1\.0/, failure.message);
      }

      // Unreachable: the config names a loopback port nothing listens on.
      const down = `127.0.0.1:${await freePort()}`;
      const downConfig = path.join(dir, 'down.toml');
      writeFileSync(downConfig, wkgConfigFor('devkit', down));
      const unreachable = await attempt('unreachable', { ...reg.env, WKG_CONFIG_FILE: downConfig }, down);
      assert.equal(unreachable.kind, 'unreachable', unreachable.detail);
      assert.ok(unreachable.message.includes(down) && /unreachable/.test(unreachable.message), unreachable.message);

      // Unauthorized: the same registry with its `silly` auth on, which refuses requests without credentials.
      const locked = await startRegistry(tools.registry, 'devkit', 20_000, { auth: true });
      try {
        const refused = await attempt('unauthorized', locked.env, locked.host);
        assert.equal(refused.kind, 'unauthorized', refused.detail);
        assert.ok(refused.message.includes(locked.host) && refused.message.includes('devkit:nothere@0.1.0'), refused.message);
      } finally {
        await locked.stop();
      }

      // Slow: a loopback port that accepts and never answers; our timeout stops wkg.
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const slow = `127.0.0.1:${(silent.address() as { port: number }).port}`;
      const slowConfig = path.join(dir, 'slow.toml');
      writeFileSync(slowConfig, wkgConfigFor('devkit', slow));
      const started = Date.now();
      const timedOut = await attempt('slow', { ...reg.env, WKG_CONFIG_FILE: slowConfig }, slow, 3000);
      assert.ok(Date.now() - started < 20_000);
      assert.equal(timedOut.kind, 'timeout', timedOut.detail);
      assert.ok(timedOut.message.includes(slow) && timedOut.message.includes('timed out after 3 s'), timedOut.message);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
      await reg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
