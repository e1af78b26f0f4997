// The committed component fixtures (rebuilt by test/fixtures/components/build.sh).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readComponent } from '../../common/component/reader';
import type { ComponentInfo } from '../../common/component/model';

export const componentsDir = join(__dirname, '..', 'fixtures', 'components');

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(join(componentsDir, `${name}.wasm`));
}

export function readFixture(name: string): ComponentInfo {
  return readComponent(fixtureBytes(name));
}
