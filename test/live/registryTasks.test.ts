// The `wasm-component` publish, push and pull tasks against a real OCI
// registry on 127.0.0.1 (`distribution`, test/live/registryServer.ts), run by
// the extension's own code (client/src/tasks/registryTask.ts builds the wkg
// command lines, client/src/packages/registryRun.ts runs them, as the task's
// terminal does): a WIT folder is published and fetched into a fresh
// workspace, where its types resolve and hover; a built component is published
// (it names no package of its own, so the task names it; wkg publish cannot take
// it even with --package, so it goes by wkg oci push where wkg publish would put
// it: registryTask.ts) and pulled back byte-identical by package (wkg get) and by
// OCI reference; a push likewise; a missing package, an unreachable registry and
// a cancel come back as the sentence the user reads.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { live } from '../live';
import { startRegistry, wkgConfigFor, type RunningRegistry } from './registryServer';
import { parseRegistryTask, type RegistryTask } from '../../client/src/tasks/registryTask';
import { runRegistryTask, type RegistryRunResult } from '../../client/src/packages/registryRun';
import { fetchDependencies, planFetch, runTool } from '../../client/src/packages/fetchDeps';
import { serviceOver } from '../core/helpers';
import { nodeHost } from '../../server/src/nodeHost';
import { pathToUri } from '../../server/src/core/workspace';
import { freePort } from '../freePort';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'packages');
const adder = path.resolve(__dirname, '..', 'fixtures', 'components', 'adder.wasm');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function task(raw: Record<string, unknown>): RegistryTask {
  const t = parseRegistryTask(raw);
  if (typeof t === 'string') throw new Error(t);
  return t;
}

/** Runs a task as its terminal does, in `root`, against `reg` (its wkg config, cache and HOME). */
async function run(
  wkg: string,
  reg: RunningRegistry,
  root: string,
  raw: Record<string, unknown>,
  config = reg.wkgConfig,
): Promise<RegistryRunResult> {
  const result = await runRegistryTask(task(raw), wkg, {
    root,
    env: { ...reg.env, WKG_CONFIG_FILE: config },
    configText: readFileSync(config, 'utf8'),
    timeoutMs: 60_000,
  });
  console.log(`${String(raw.action)}: ${result.message}`);
  return result;
}

function okOrExplain(result: RegistryRunResult, reg: RunningRegistry): void {
  assert.ok(result.ok, `${result.message}\n${result.output}\nregistry:\n${reg.output()}`);
}

/** Runs `body` with wkg and a fresh loopback registry (namespace devkit) and a scratch folder, both gone after it. */
async function withRegistry(
  t: Parameters<typeof live>[0],
  body: (tools: { wkg: string; registry: string }, reg: RunningRegistry, dir: string) => Promise<void>,
): Promise<void> {
  const tools = live(t, ['wkg', 'registry']);
  if (!tools) return;
  const reg = await startRegistry(tools.registry, 'devkit');
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-registry-tasks-'));
  try {
    await body(tools, reg, dir);
  } finally {
    await reg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

test(
  'a WIT folder published by its publish task is fetched into a fresh workspace: its types resolve and hover',
  { timeout: 180_000 },
  async (t) => {
    await withRegistry(t, async (tools, reg, dir) => {
      const pub = path.join(dir, 'shapes');
      cpSync(path.join(fixtures, 'shapes'), pub, { recursive: true });
      const published = await run(tools.wkg, reg, pub, { action: 'publish', wit: 'wit' });
      okOrExplain(published, reg);
      assert.equal(published.message, `Published devkit:shapes@0.1.0 to registry ${reg.host}.`);
      // wkg publish built the package binary in a temporary file of its own; beside wit/ only the
      // (empty) wkg.lock it keeps for a project (it refuses to publish when that lock would change).
      assert.deepEqual(readdirSync(pub).sort(), ['wit', 'wkg.lock']);

      // The same version again: the registry keeps the first, and the user is told why.
      const again = await run(tools.wkg, reg, pub, { action: 'publish', wit: 'wit' });
      assert.equal(again.ok, false);
      assert.ok(again.message.startsWith(`Publishing devkit:shapes@0.1.0 to registry ${reg.host} failed: `), again.message);
      assert.equal(again.failure?.kind, 'already-published', again.failure?.detail);

      // A fresh consumer: wkg fetch (the extension's fetch) brings it, the language service resolves it.
      const app = path.join(dir, 'app');
      cpSync(path.join(fixtures, 'app'), app, { recursive: true });
      const fetched = await fetchDependencies(planFetch(path.join(app, 'wit')), tools.wkg, { env: reg.env, timeoutMs: 60_000 });
      assert.equal(fetched.outcome.code, 0, fetched.outcome.stderr);
      const appWit = path.join(app, 'wit', 'app.wit');
      const uri = pathToUri(appWit);
      const text = readFileSync(appWit, 'utf8');
      const svc = await serviceOver(nodeHost);
      svc.openDocument(uri, text, 1);
      assert.deepEqual(
        [...svc.diagnostics(uri).values()].flat().map((d) => `${d.code}: ${d.message}`),
        [],
      );
      const hover = JSON.stringify(svc.hover(uri, svc.document(uri)!.positionAt(text.indexOf('at: point') + 'at: '.length))?.contents);
      assert.match(hover, /record point/, hover);
      assert.match(hover, /A point on the plane/, hover);
    });
  },
);

test(
  'a built component published by its task (named devkit:adder@0.1.0) comes back byte-identical by package and by OCI reference; the file itself is untouched',
  { timeout: 180_000 },
  async (t) => {
    await withRegistry(t, async (tools, reg, dir) => {
      cpSync(adder, path.join(dir, 'adder.wasm'));
      const before = sha(path.join(dir, 'adder.wasm'));

      // Why the task does not hand a component to wkg publish: wkg 0.16.1 refuses it, --package or not.
      for (const args of [
        ['publish', 'adder.wasm'],
        ['publish', 'adder.wasm', '--package', 'devkit:adder@0.1.0'],
      ]) {
        const refused = await runTool(tools.wkg, args, { cwd: dir, env: reg.env, timeoutMs: 60_000 });
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /component package version not found in the Wasm binary/);
      }
      // Without a package the task says what it needs.
      const unnamed = await run(tools.wkg, reg, dir, { action: 'publish', file: 'adder.wasm' });
      assert.equal(unnamed.ok, false);
      assert.match(unnamed.message, /^a built component carries no package name or version .* needs "package": "namespace:name@version"/);

      const published = await run(tools.wkg, reg, dir, { action: 'publish', file: 'adder.wasm', package: 'devkit:adder@0.1.0' });
      okOrExplain(published, reg);
      assert.equal(published.message, `Published devkit:adder@0.1.0 to registry ${reg.host} (${reg.host}/devkit/adder:0.1.0).`);
      assert.equal(sha(path.join(dir, 'adder.wasm')), before, 'publishing changed the file');

      const got = await run(tools.wkg, reg, dir, { action: 'pull', package: 'devkit:adder@0.1.0', output: 'got.wasm' });
      okOrExplain(got, reg);
      assert.equal(sha(path.join(dir, 'got.wasm')), before, 'wkg get gave other bytes');
      // Pulled again: the task overwrites its output.
      okOrExplain(await run(tools.wkg, reg, dir, { action: 'pull', package: 'devkit:adder@0.1.0', output: 'got.wasm' }), reg);

      const pulled = await run(tools.wkg, reg, dir, {
        action: 'pull',
        reference: `${reg.host}/devkit/adder:0.1.0`,
        insecure: true,
        output: 'pulled.wasm',
      });
      okOrExplain(pulled, reg);
      assert.equal(sha(path.join(dir, 'pulled.wasm')), before, 'wkg oci pull gave other bytes');
    });
  },
);

test('a component pushed by its push task comes back byte-identical by its OCI reference', { timeout: 120_000 }, async (t) => {
  await withRegistry(t, async (tools, reg, dir) => {
    cpSync(adder, path.join(dir, 'adder.wasm'));
    const reference = `${reg.host}/devkit/calc:1.0.0`;
    const pushed = await run(tools.wkg, reg, dir, {
      action: 'push',
      file: 'adder.wasm',
      reference,
      insecure: true,
      annotations: { 'org.opencontainers.image.description': 'adds two numbers' },
    });
    okOrExplain(pushed, reg);
    assert.equal(pushed.message, `Pushed adder.wasm to ${reference}.`);
    assert.match(pushed.output, /digest: sha256:[0-9a-f]{64}/);
    okOrExplain(await run(tools.wkg, reg, dir, { action: 'pull', reference, insecure: true, output: 'back.wasm' }), reg);
    assert.equal(sha(path.join(dir, 'back.wasm')), sha(adder));
  });
});

test(
  'a package the registry does not have, a registry nothing answers on, one that wants credentials, a cancel: the sentence names the package and the registry, and no file is written',
  { timeout: 120_000 },
  async (t) => {
    await withRegistry(t, async (tools, reg, dir) => {
      const missing = await run(tools.wkg, reg, dir, { action: 'pull', package: 'devkit:nothere@0.1.0', output: 'x.wasm' });
      assert.equal(missing.ok, false);
      assert.equal(missing.failure?.kind, 'not-found', missing.failure?.detail);
      assert.ok(
        missing.message.startsWith(
          `Pulling devkit:nothere@0.1.0 from registry ${reg.host} failed: the package was not found in registry ${reg.host}`,
        ),
        missing.message,
      );
      const missingRef = await run(tools.wkg, reg, dir, {
        action: 'pull',
        reference: `${reg.host}/devkit/nothere:0.1.0`,
        insecure: true,
        output: 'y.wasm',
      });
      assert.equal(missingRef.failure?.kind, 'not-found', missingRef.failure?.detail);
      assert.ok(
        missingRef.message.startsWith(`Pulling ${reg.host}/devkit/nothere:0.1.0 failed: the package was not found in registry ${reg.host}`),
        missingRef.message,
      );

      // Unreachable: wkg's config sends devkit: to a loopback port nothing listens on.
      const down = `127.0.0.1:${await freePort()}`;
      const downConfig = path.join(dir, 'down.toml');
      writeFileSync(downConfig, wkgConfigFor('devkit', down));
      cpSync(adder, path.join(dir, 'adder.wasm'));
      const unreachable = await run(
        tools.wkg,
        reg,
        dir,
        { action: 'publish', file: 'adder.wasm', package: 'devkit:adder@0.1.0' },
        downConfig,
      );
      assert.equal(unreachable.failure?.kind, 'unreachable', unreachable.failure?.detail);
      assert.ok(
        unreachable.message.startsWith(`Publishing devkit:adder@0.1.0 to registry ${down} failed: registry ${down} is unreachable: `),
        unreachable.message,
      );

      // Unauthorized: the registry's `silly` auth refuses a request without credentials.
      const locked = await startRegistry(tools.registry, 'devkit', 20_000, { auth: true });
      try {
        const refused = await run(tools.wkg, locked, dir, { action: 'pull', package: 'devkit:adder@0.1.0', output: 'u.wasm' });
        assert.equal(refused.failure?.kind, 'unauthorized', refused.failure?.detail);
        assert.ok(
          refused.message.startsWith(
            `Pulling devkit:adder@0.1.0 from registry ${locked.host} failed: registry ${locked.host} refused the request as unauthorized`,
          ),
          refused.message,
        );
      } finally {
        await locked.stop();
      }

      // A registry that accepts and never answers: Cancel (the progress notification's) stops wkg.
      const sockets: Socket[] = [];
      const silent = createServer((s) => void sockets.push(s));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const slow = `127.0.0.1:${(silent.address() as { port: number }).port}`;
        const slowConfig = path.join(dir, 'slow.toml');
        writeFileSync(slowConfig, wkgConfigFor('devkit', slow));
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 1500);
        const started = Date.now();
        const cancelled = await runRegistryTask(task({ action: 'pull', package: 'devkit:adder@0.1.0', output: 'z.wasm' }), tools.wkg, {
          root: dir,
          env: { ...reg.env, WKG_CONFIG_FILE: slowConfig },
          configText: readFileSync(slowConfig, 'utf8'),
          timeoutMs: 60_000,
          signal: controller.signal,
        });
        console.log(`cancelled: ${cancelled.message}`);
        assert.ok(Date.now() - started < 15_000);
        assert.equal(cancelled.failure?.kind, 'cancelled');
        assert.equal(
          cancelled.message,
          `Pulling devkit:adder@0.1.0 from registry ${slow} failed: cancelled; the output file was not written`,
        );
      } finally {
        for (const s of sockets) s.destroy();
        silent.close();
      }
      assert.deepEqual(readdirSync(dir).sort(), ['adder.wasm', 'down.toml', 'slow.toml']);
      assert.ok(!existsSync(path.join(dir, 'x.wasm')));
    });
  },
);
