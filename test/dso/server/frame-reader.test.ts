import { expect } from "chai";
import { encodeFrame, FrameReader, FrameSink } from "../../../runtime/wire/frames";

/** Everything a reader told its sink, in order. */
function recorder(): { sink: FrameSink; seen: string[] } {
  const seen: string[] = [];
  const sink: FrameSink = {
    frame: (id, body) => seen.push(`frame ${id} ${Buffer.from(body).toString()}`),
    oversized: (id, bytes) => seen.push(`oversized ${id} ${bytes}`),
    malformed: (reason) => seen.push(`malformed ${reason}`),
  };
  return { sink, seen };
}

/** `bytes` cut into chunks of `size` bytes. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

describe("dso server: frame reader", () => {
  const stream = Buffer.concat([
    encodeFrame(1, Buffer.from("one")),
    encodeFrame(2, Buffer.from("x".repeat(5000))),
    encodeFrame(3, Buffer.from("three")),
  ]);
  const expected = ["frame 1 one", `frame 2 ${"x".repeat(5000)}`, "frame 3 three"];

  for (const size of [1, 7, 4096, stream.length]) {
    it(`cuts the same frames from chunks of ${size} bytes`, () => {
      const { sink, seen } = recorder();
      const reader = new FrameReader(sink);
      for (const chunk of chunked(stream, size)) reader.push(Buffer.from(chunk));
      expect(seen).to.deep.equal(expected);
    });
  }

  it("skips an oversized frame as it streams past, then reads the next one", () => {
    const { sink, seen } = recorder();
    const reader = new FrameReader(sink, 100);
    const big = encodeFrame(9, Buffer.alloc(1000, 1));
    const after = encodeFrame(10, Buffer.from("after"));
    for (const chunk of chunked(Buffer.concat([big, after]), 64)) reader.push(Buffer.from(chunk));
    expect(seen).to.deep.equal(["oversized 9 1000", "frame 10 after"]);
  });

  it("keeps a partial frame's bytes when the socket reuses its chunk", () => {
    const { sink, seen } = recorder();
    const reader = new FrameReader(sink);
    const frame = encodeFrame(4, Buffer.from("reused"));
    const chunk = Buffer.from(frame.subarray(0, 10));
    reader.push(chunk);
    chunk.fill(0);
    reader.push(Buffer.from(frame.subarray(10)));
    expect(seen).to.deep.equal(["frame 4 reused"]);
  });
});
