/** Bytes copied side by side into slabs of this size: a change's hunks are a few hundred bytes. */
const slabSize = 1024 * 1024;

/**
 * Copies of small pieces of large buffers, packed into shared slabs. A piece kept as a view of
 * git's output would keep the whole output alive (a read of full history is 150 MB, most of it
 * commit headers already decoded); copied here, only the pieces stay.
 */
export class ByteArena {
  private slab = Buffer.alloc(0);
  private used = 0;

  /** A copy of bytes [from, to) of `source`. */
  copy(source: Buffer, from: number, to: number): Buffer {
    const length = to - from;
    // A piece of a quarter slab or more has a buffer of its own: a slab never wastes more than that.
    if (length * 4 >= slabSize) return Buffer.from(source.subarray(from, to));
    if (this.used + length > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(slabSize);
      this.used = 0;
    }
    source.copy(this.slab, this.used, from, to);
    const piece = this.slab.subarray(this.used, this.used + length);
    this.used += length;
    return piece;
  }
}
