// The registry actions of `wasm-component` tasks, decided without VS Code:
// what a tasks.json publish / push / pull entry may say, the exact wkg
// argument lists they run (no shell: a name with spaces or `;` stays one
// argument), the defaults the commands propose (the package a WIT folder
// declares, the OCI reference wkg's config maps it to), what is kept in
// tasks.json (never a credential), and the failure sentences. The same plans
// run against a real registry in test/live/registryTasks.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  isOciReference,
  parsePackageSpec,
  parseRegistryTask,
  referenceHost,
  registryPlan,
  registryTaskLabel,
  type RegistryTask,
} from '../../client/src/tasks/registryTask';
import { parseTaskDefinition, taskLabel } from '../../client/src/tasks/taskDefinition';
import {
  defaultPackageSpec,
  defaultPush,
  insecureFor,
  offeredPublishTasks,
  rememberedPublish,
  taskEntry,
} from '../../client/src/tasks/registryOffers';
import { ociReferenceFor, usesPlainHttp } from '../../client/src/packages/wkgToml';
import {
  actionSentence,
  componentTarget,
  declaredPackageSpec,
  isBuiltComponent,
  registryOfTask,
  runRegistryTask,
} from '../../client/src/packages/registryRun';
import { describeFailure } from '../../client/src/packages/failures';

const task = (raw: Record<string, unknown>): RegistryTask => {
  const t = parseRegistryTask(raw);
  if (typeof t === 'string') throw new Error(t);
  return t;
};

const CONFIG = [
  '[namespace_registries]',
  'devkit = { registry = "127.0.0.1:5000", metadata = { preferredProtocol = "oci", "oci" = { registry = "127.0.0.1:5000", namespacePrefix = "" } } }',
  'acme = { registry = "acme.dev", metadata = { preferredProtocol = "oci", "oci" = { registry = "ghcr.io", namespacePrefix = "acme-org/" } } }',
  'plain = "plain.example"',
  '',
  '[registry."127.0.0.1:5000".oci]',
  'protocol = "http"',
  '',
].join('\n');

test('a publish task names a WIT folder or a built .wasm, and the package as namespace:name@version', () => {
  assert.deepEqual(parseTaskDefinition({ type: 'wasm-component', action: 'publish', wit: 'wit' }), {
    action: 'publish',
    wit: 'wit',
    file: undefined,
    package: undefined,
    registry: undefined,
    cwd: undefined,
  });
  assert.match(parseRegistryTask({ action: 'publish' }) as string, /either "wit".*or "file"/);
  assert.match(parseRegistryTask({ action: 'publish', wit: 'wit', file: 'a.wasm' }) as string, /not both/);
  // wkg publishes a release: the override needs its version.
  assert.match(parseRegistryTask({ action: 'publish', file: 'a.wasm', package: 'devkit:adder' }) as string, /namespace:name@version/);
  assert.match(parseRegistryTask({ action: 'publish', file: 'a.wasm', package: 'Devkit:Adder@1' }) as string, /namespace:name@version/);
  assert.deepEqual(parsePackageSpec('devkit:adder@0.1.0-rc.1'), {
    namespace: 'devkit',
    name: 'adder',
    version: '0.1.0-rc.1',
    key: 'devkit:adder',
  });
  assert.equal(
    taskLabel(task({ action: 'publish', file: 'out/adder.wasm', package: 'devkit:adder@0.1.0' })),
    'publish adder.wasm as devkit:adder@0.1.0',
  );
  assert.equal(registryTaskLabel(task({ action: 'publish', wit: 'pkg/wit/' })), 'publish pkg/wit/');
});

test('push and pull tasks need an OCI reference (or, to pull, a package) and an output', () => {
  assert.match(parseRegistryTask({ action: 'push', file: 'a.wasm' }) as string, /"reference"/);
  assert.match(parseRegistryTask({ action: 'push', file: 'a.wasm', reference: 'not a ref; rm -rf /' }) as string, /OCI reference/);
  assert.match(parseRegistryTask({ action: 'pull', reference: '127.0.0.1:5000/devkit/adder:0.1.0' }) as string, /"output"/);
  assert.match(parseRegistryTask({ action: 'pull', output: 'a.wasm' }) as string, /either "reference".*or "package"/);
  assert.ok(isOciReference('ghcr.io/acme-org/acme/shapes:1.2.3'));
  assert.ok(isOciReference(`127.0.0.1:5000/devkit/adder@sha256:${'a'.repeat(64)}`));
  assert.equal(referenceHost('127.0.0.1:5000/devkit/adder:0.1.0'), '127.0.0.1:5000');
  assert.equal(referenceHost('library/hello:1'), 'docker.io');
  assert.equal(registryTaskLabel(task({ action: 'pull', package: 'devkit:adder@0.1.0', output: 'x.wasm' })), 'pull devkit:adder@0.1.0');
});

test('the wkg command lines, exactly: a WIT folder or package binary goes to wkg publish, a built component is pushed where wkg publish would put it', () => {
  const wkg = '/opt/wkg';
  const plan = registryPlan(task({ action: 'publish', wit: 'my wit;x', registry: 'reg.example' }), wkg, { witSpec: 'devkit:shapes@0.1.0' });
  assert.ok(typeof plan !== 'string');
  assert.deepEqual(
    plan.steps.map((s) => [s.line.command, ...s.line.args]),
    [[wkg, 'publish', 'my wit;x', '--registry', 'reg.example']],
  );
  assert.equal(plan.subject, 'devkit:shapes@0.1.0');

  // A WIT package binary (wkg build's output) names itself.
  const binary = registryPlan(task({ action: 'publish', file: 'devkit:shapes@0.1.0.wasm' }), wkg, { fileIsComponent: false });
  assert.ok(typeof binary !== 'string');
  assert.deepEqual(binary.steps[0].line.args, ['publish', 'devkit:shapes@0.1.0.wasm']);

  // A built component: pushed to the reference wkg's convention gives its package, with the version annotation.
  const named = task({ action: 'publish', file: 'out/adder.wasm', package: 'devkit:adder@0.1.0' });
  const component = registryPlan(named, wkg, {
    fileIsComponent: true,
    componentTarget: componentTarget('devkit:adder@0.1.0', undefined, CONFIG),
  });
  assert.ok(typeof component !== 'string');
  assert.deepEqual(component.steps[0].line.args, [
    'oci',
    'push',
    '--insecure',
    '127.0.0.1:5000',
    '--annotation',
    'org.opencontainers.image.version=0.1.0',
    '127.0.0.1:5000/devkit/adder:0.1.0',
    'out/adder.wasm',
  ]);
  assert.equal(component.reference, '127.0.0.1:5000/devkit/adder:0.1.0');
  assert.deepEqual(componentTarget('devkit:adder@0.1.0', 'ghcr.io', CONFIG), { reference: 'ghcr.io/devkit/adder:0.1.0', insecure: false });
  // Without a package, or with no registry to send it to, the task says what it needs.
  assert.match(
    registryPlan(task({ action: 'publish', file: 'out/adder.wasm' }), wkg, { fileIsComponent: true }) as string,
    /^a built component carries no package name or version .* needs "package": "namespace:name@version"/,
  );
  assert.match(
    registryPlan(task({ action: 'publish', file: 'a.wasm', package: 'nobody:a@1.0.0' }), wkg, { fileIsComponent: true }) as string,
    /^wkg's config names no registry for nobody: packages/,
  );

  const push = registryPlan(
    task({
      action: 'push',
      file: 'a b.wasm',
      reference: '127.0.0.1:5000/devkit/adder:0.1.0',
      insecure: true,
      annotations: { 'org.opencontainers.image.description': 'adds' },
    }),
    wkg,
  );
  assert.ok(typeof push !== 'string');
  assert.deepEqual(push.steps[0].line.args, [
    'oci',
    'push',
    '--insecure',
    '127.0.0.1:5000',
    '--annotation',
    'org.opencontainers.image.description=adds',
    '127.0.0.1:5000/devkit/adder:0.1.0',
    'a b.wasm',
  ]);

  const pull = registryPlan(task({ action: 'pull', reference: 'ghcr.io/acme/x:1.0.0', output: 'x.wasm' }), wkg);
  assert.ok(typeof pull !== 'string');
  assert.deepEqual(pull.steps[0].line.args, ['oci', 'pull', 'ghcr.io/acme/x:1.0.0', '-o', 'x.wasm']);
  const get = registryPlan(task({ action: 'pull', package: 'devkit:adder@0.1.0', output: 'got.wasm' }), wkg);
  assert.ok(typeof get !== 'string');
  // wkg get needs a folder part in -o.
  assert.deepEqual(get.steps[0].line.args, ['get', 'devkit:adder@0.1.0', '--overwrite', '-o', './got.wasm']);
});

test("the OCI reference wkg's convention gives a package, and plain http where the config says so", () => {
  const devkit = parsePackageSpec('devkit:adder@0.1.0')!;
  assert.equal(ociReferenceFor(devkit, CONFIG), '127.0.0.1:5000/devkit/adder:0.1.0');
  assert.equal(ociReferenceFor(parsePackageSpec('acme:shapes@1.2.3')!, CONFIG), 'ghcr.io/acme-org/acme/shapes:1.2.3');
  assert.equal(ociReferenceFor(parsePackageSpec('plain:x@1.0.0')!, CONFIG), 'plain.example/plain/x:1.0.0');
  assert.equal(ociReferenceFor(parsePackageSpec('nobody:x@1.0.0')!, CONFIG), undefined);
  assert.ok(usesPlainHttp('127.0.0.1:5000', CONFIG));
  assert.ok(!usesPlainHttp('ghcr.io', CONFIG));
  assert.deepEqual(defaultPush('adder.wasm', 'devkit:adder@0.1.0', CONFIG), {
    file: 'adder.wasm',
    reference: '127.0.0.1:5000/devkit/adder:0.1.0',
    insecure: true,
  });
  assert.ok(insecureFor('localhost:5000/a/b:1.0.0', undefined));
  assert.ok(!insecureFor('ghcr.io/a/b:1.0.0', CONFIG));
});

test('what the messages name: the registry from the task, the reference or wkg config', () => {
  const publish = task({ action: 'publish', file: 'a.wasm', package: 'devkit:adder@0.1.0' });
  assert.equal(registryOfTask(publish, CONFIG), '127.0.0.1:5000');
  assert.equal(registryOfTask(task({ ...publish, registry: 'other.example' }), CONFIG), 'other.example');
  const plan = registryPlan(publish, 'wkg');
  assert.ok(typeof plan !== 'string');
  assert.equal(actionSentence(publish, plan, '127.0.0.1:5000'), 'Publishing devkit:adder@0.1.0 to registry 127.0.0.1:5000');
  const push = task({ action: 'push', file: 'out/adder.wasm', reference: 'ghcr.io/acme/adder:1.0.0' });
  const pushPlan = registryPlan(push, 'wkg');
  assert.ok(typeof pushPlan !== 'string');
  assert.equal(registryOfTask(push, CONFIG), 'ghcr.io');
  assert.equal(actionSentence(push, pushPlan, 'ghcr.io'), 'Pushing adder.wasm to ghcr.io/acme/adder:1.0.0');
});

test('publish failures: a component without a package, a version already there, a timeout that published nothing', () => {
  const ctx = {
    action: 'Publishing out/adder.wasm to registry 127.0.0.1:5000',
    registry: '127.0.0.1:5000',
    tool: 'wkg',
    unchanged: 'nothing was published',
  };
  const noPackage = describeFailure(
    {
      code: 1,
      stdout: '',
      stderr:
        'Error: malformed component: component package version not found in the Wasm binary\n\nThe Wasm file was built without a version',
    },
    ctx,
  );
  assert.equal(noPackage.kind, 'no-package');
  assert.match(
    noPackage.message,
    /^Publishing out\/adder\.wasm to registry 127\.0\.0\.1:5000 failed: a built component carries no package name/,
  );
  assert.equal(describeFailure({ code: 1, stdout: '', stderr: 'Error: version 0.1.0 already exists' }, ctx).kind, 'already-published');
  const timedOut = describeFailure({ code: null, stdout: '', stderr: '', timedOut: true }, { ...ctx, timeoutSeconds: 3 });
  assert.equal(
    timedOut.message,
    'Publishing out/adder.wasm to registry 127.0.0.1:5000 failed: timed out after 3 s waiting for registry 127.0.0.1:5000; nothing was published',
  );
});

test('a missing wkg is said, naming what was being done', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wit-devkit-registry-unit-'));
  try {
    const result = await runRegistryTask(task({ action: 'publish', file: 'a.wasm', package: 'devkit:a@1.0.0' }), path.join(dir, 'no-wkg'), {
      root: dir,
      configText: CONFIG,
    });
    assert.equal(result.ok, false);
    assert.equal(result.failure?.kind, 'missing-tool');
    assert.match(result.message, /^Publishing devkit:a@1\.0\.0 to registry 127\.0\.0\.1:5000 failed: wkg could not be started/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offered publishes: each WIT folder that declares a versioned package; the default name of a component', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wit-devkit-registry-offers-'));
  try {
    mkdirSync(path.join(root, 'wit', 'deps', 'dep'), { recursive: true });
    mkdirSync(path.join(root, 'draft'));
    writeFileSync(path.join(root, 'wit', 'a.wit'), '// the package\npackage devkit:shapes@0.1.0;\n\ninterface t {}\n');
    writeFileSync(path.join(root, 'wit', 'deps', 'dep', 'd.wit'), 'package devkit:dep@1.0.0;\n');
    writeFileSync(path.join(root, 'draft', 'd.wit'), 'package devkit:draft;\n');
    assert.deepEqual(offeredPublishTasks(root), [{ action: 'publish', wit: 'wit' }]);
    assert.equal(declaredPackageSpec(path.join(root, 'draft')), undefined);
    assert.equal(defaultPackageSpec(root), 'devkit:shapes@0.1.0');
    // A component's default name: the WIT package nearest to it first.
    mkdirSync(path.join(root, 'zz', 'adder', 'wit'), { recursive: true });
    writeFileSync(path.join(root, 'zz', 'adder', 'wit', 'adder.wit'), 'package devkit:adder@0.2.0;\n');
    mkdirSync(path.join(root, 'zz', 'adder', 'out'));
    assert.equal(defaultPackageSpec(root, path.join(root, 'zz', 'adder', 'out')), 'devkit:adder@0.2.0');
    assert.equal(defaultPackageSpec(root, path.join(root, 'draft')), 'devkit:shapes@0.1.0');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('what a command keeps in tasks.json: the definition and a label, found again next time; no credentials', () => {
  const def = task({ action: 'publish', file: 'out/adder.wasm', package: 'devkit:adder@0.1.0' });
  const entry = taskEntry(def, 'wkg: publish adder.wasm as devkit:adder@0.1.0');
  assert.deepEqual(entry, {
    type: 'wasm-component',
    action: 'publish',
    file: 'out/adder.wasm',
    package: 'devkit:adder@0.1.0',
    label: 'wkg: publish adder.wasm as devkit:adder@0.1.0',
    problemMatcher: [],
  });
  assert.equal(rememberedPublish([{ type: 'wac', file: 'out/adder.wasm' }, entry], { file: 'out/adder.wasm' }), entry);
  assert.equal(rememberedPublish([entry], { wit: 'wit' }), undefined);
  // The task reads nothing secret: fields it does not know are ignored.
  const withSecret = parseRegistryTask({ action: 'push', file: 'a.wasm', reference: 'ghcr.io/a/b:1.0.0', password: 'hunter2' });
  assert.ok(typeof withSecret !== 'string' && !JSON.stringify(withSecret).includes('hunter2'));
});

test('a built component is told from a WIT package binary by its core code', () => {
  assert.ok(isBuiltComponent(readFileSync(path.resolve(__dirname, '..', 'fixtures', 'components', 'adder.wasm'))));
  // A core module, or not WebAssembly at all: not a component (wkg publish then says what it is).
  assert.ok(!isBuiltComponent(Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])));
  assert.ok(!isBuiltComponent(Buffer.from('not wasm')));
});
