/**
 * Framing: every message is `[u32 length][u32 id][CBOR body]`, big-endian, where `length` counts
 * the id and the body. The id sits outside the CBOR so that the I/O worker can match replies to
 * callers and forward bodies between threads without decoding them, and so that a receiver can
 * answer an oversized frame by id without buffering it.
 */
export const FRAME_HEADER_BYTES = 8;

/** Default upper bound of one frame, in bytes (header excluded). */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function encodeFrame(id: number, body: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.byteLength);
  frame.writeUInt32BE(body.byteLength + 4, 0);
  frame.writeUInt32BE(id >>> 0, 4);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}

export interface FrameSink {
  /** A whole frame arrived. `body` is only valid during the call unless copied. */
  frame(id: number, body: Uint8Array): void;
  /** A frame announced `bytes` body bytes, over the limit; they are being skipped. */
  oversized(id: number, bytes: number): void;
  /** The stream cannot be framed any more; the connection should close. */
  malformed(reason: string): void;
}

/**
 * Cuts a byte stream into frames. Oversized frames are skipped as they stream past instead of
 * being buffered, so a hostile length field costs the receiver no memory.
 */
export class FrameReader {
  /** Bytes received and not yet framed, in arrival order; joined only once a frame is whole. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The size, header included, of the incomplete frame at the head; 0 while its header is. */
  private needed = 0;
  private skipRemaining = 0;

  constructor(
    private readonly sink: FrameSink,
    private maxFrameBytes = DEFAULT_MAX_FRAME_BYTES,
  ) {}

  /** Changes the largest body accepted from the next frame on. */
  limitFrames(maxFrameBytes: number): void {
    this.maxFrameBytes = maxFrameBytes;
  }

  push(chunk: Buffer): void {
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, chunk.length);
      this.skipRemaining -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return;
    }

    // A large frame arrives in many chunks: joining them at every chunk would cost the square of
    // its size (a cheap way for a peer to burn the receiver's CPU), so wait until it is whole.
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.needed > 0 && this.buffered < this.needed) return;
    const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    this.needed = 0;

    let offset = 0;
    while (data.length - offset >= FRAME_HEADER_BYTES) {
      const length = data.readUInt32BE(offset);
      const id = data.readUInt32BE(offset + 4);
      const bodyBytes = length - 4;

      if (length < 4) {
        this.sink.malformed(`frame length ${length} is below the 4 bytes of its id`);
        return;
      }

      if (bodyBytes > this.maxFrameBytes) {
        const available = data.length - offset - FRAME_HEADER_BYTES;
        if (available >= bodyBytes) {
          offset += FRAME_HEADER_BYTES + bodyBytes;
        } else {
          this.skipRemaining = bodyBytes - available;
          offset = data.length;
        }
        this.sink.oversized(id, bodyBytes);
        continue;
      }

      if (data.length - offset - FRAME_HEADER_BYTES < bodyBytes) {
        this.needed = FRAME_HEADER_BYTES + bodyBytes;
        break;
      }
      const start = offset + FRAME_HEADER_BYTES;
      this.sink.frame(id, data.subarray(start, start + bodyBytes));
      offset = start + bodyBytes;
    }

    if (offset < data.length) {
      // A private copy: `data` may be a chunk whose memory the socket reuses.
      const rest = Buffer.from(data.subarray(offset));
      this.chunks = [rest];
      this.buffered = rest.length;
    }
  }
}
