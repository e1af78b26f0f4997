// A cursor over a WebAssembly binary: LEB128 integers, names and vectors, as the
// core and component binary formats encode them. Throws on reading past the end,
// so that a truncated section is reported instead of read as garbage.
export class ByteReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) throw new Error(`unexpected end of data at offset ${this.pos}`);
    return this.bytes[this.pos++];
  }

  peek(): number {
    if (this.pos >= this.end) throw new Error(`unexpected end of data at offset ${this.pos}`);
    return this.bytes[this.pos];
  }

  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new Error(`LEB128 too long at offset ${this.pos}`);
    }
  }

  /** A signed LEB128 of up to 33 bits (value types: negative = primitive, else a type index). */
  s33(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** shift;
    return result;
  }

  /** Skips a signed LEB128 of any width (core constant expressions). */
  skipLeb(): void {
    while (this.byte() & 0x80);
  }

  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.end) throw new Error(`unexpected end of data at offset ${this.pos}`);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  name(): string {
    return decoder.decode(this.bytesOf(this.u32()));
  }

  vec<T>(item: (r: ByteReader) => T): T[] {
    const n = this.u32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(item(this));
    return out;
  }

  /** A reader over the next `length` bytes; this one moves past them. */
  sub(length: number): ByteReader {
    if (this.pos + length > this.end) throw new Error(`section runs past the end at offset ${this.pos}`);
    const r = new ByteReader(this.bytes, this.pos, this.pos + length);
    this.pos += length;
    return r;
  }
}

const decoder = new TextDecoder('utf-8');
