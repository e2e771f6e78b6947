import { connect } from "node:net";
import { expect } from "chai";
import { encodeValue } from "../../../runtime/wire/codec";
import { ErrorCode } from "../../../runtime/wire/error-codes";
import { WireError } from "../../../runtime/wire/errors";
import { encodeFrame, FrameReader } from "../../../runtime/wire/frames";
import { PROTOCOL_VERSION, Reply } from "../../../runtime/wire/messages";
import { RawClient, splitAddress } from "./helpers/raw-client";
import { eventually, startTestMember, TestMember } from "./helpers/test-member";

function errorOf(reply: Reply): WireError {
  if (reply.ok) throw new Error(`expected an error reply, got ${String(reply.value)}`);
  return reply.error;
}

describe("dso server: bad input", () => {
  let server: TestMember;
  let client: RawClient;

  before(async () => {
    server = await startTestMember({ maxFrameBytes: 1024 });
  });
  after(() => server.close());
  beforeEach(async () => {
    client = await RawClient.open(server.address);
  });
  afterEach(() => client.close());

  /** The connection (or a fresh one) still serves valid calls. */
  async function stillWorks(on: RawClient = client): Promise<void> {
    expect(await on.value("Counter", "alive", "add", [1], { ctorArgs: [0] })).to.be.a("number");
  }

  it("answers an oversized frame with FRAME_TOO_LARGE and keeps the connection", async () => {
    const reply = await client.call("Counter", "big", "add", ["x".repeat(5000)], { ctorArgs: [0] });

    const [code, , message] = errorOf(reply);
    expect(code).to.equal(ErrorCode.FrameTooLarge);
    expect(message).to.contain("1024");
    await stillWorks();
  });

  it("closes a connection that sends bytes that are not CBOR; others are unaffected", async () => {
    const bad = await RawClient.open(server.address);
    bad.sendRaw(encodeFrame(99, Uint8Array.from([0xff, 0xff])));

    await bad.closed;
    expect(server.logs.some((log) => /not CBOR/.test(String(log.msg)))).to.equal(true);
    await stillWorks(await RawClient.open(server.address));
  });

  it("answers a CBOR value that is not a request with BAD_REQUEST", async () => {
    for (const body of [{ not: "a request" }, ["Counter", 7, "get", []], ["T", "k", "", []], 12]) {
      expect(errorOf(await client.sendBody(encodeValue(body)))[0]).to.equal(ErrorCode.BadRequest);
    }
    await stillWorks();
  });

  it("answers an unknown type with UNKNOWN_TYPE, saying how to register one", async () => {
    const [code, , message] = errorOf(await client.call("Nope", "k", "get", [], { ctorArgs: [] }));

    expect(code).to.equal(ErrorCode.UnknownType);
    expect(message).to.contain("--objects");
    await stillWorks();
  });

  it("answers an unknown method with UNKNOWN_METHOD, pointing at the class's API", async () => {
    const [code, , message] = errorOf(
      await client.call("Counter", "c", "launch", [], { ctorArgs: [0] }),
    );

    expect(code).to.equal(ErrorCode.UnknownMethod);
    expect(message).to.contain("declaration of Counter");
    await stillWorks();
  });

  it("cuts a long unknown name short in the error instead of echoing it whole", async () => {
    const name = "m".repeat(500);
    const [code, , message] = errorOf(
      await client.call("Counter", "c", name, [], { ctorArgs: [0] }),
    );

    expect(code).to.equal(ErrorCode.UnknownMethod);
    expect(message).to.contain("(500 characters)");
    expect(message.length).to.be.below(400);
    await stillWorks();
  });

  it("forbids constructor, __proto__, Object.prototype, getters and monitor helpers", async () => {
    const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "value"];
    for (const name of names) {
      const [code] = errorOf(await client.call("Counter", "c", name, [], { ctorArgs: [0] }));
      expect(code, name).to.equal(ErrorCode.ForbiddenMethod);
    }
    for (const name of ["wait", "notify", "notifyAll"]) {
      const [code] = errorOf(await client.call("Gate", "g", name, [], { ctorArgs: [] }));
      expect(code, name).to.equal(ErrorCode.ForbiddenMethod);
    }
    await stillWorks();
  });

  it("answers wrong arguments with BAD_ARGUMENTS and leaves the object as it was", async () => {
    await client.value("Counter", "args", "add", [5], { ctorArgs: [0] });
    const [code] = errorOf(await client.call("Counter", "args", "add", ["five"]));

    expect(code).to.equal(ErrorCode.BadArguments);
    expect(await client.value("Counter", "args", "get")).to.equal(5);
  });

  it("reports a user error with its name, message and stack", async () => {
    const [code, name, message, stack] = errorOf(
      await client.call("Counter", "c", "fail", ["out of range"], { ctorArgs: [0] }),
    );

    expect([code, name, message]).to.deep.equal([
      ErrorCode.UserError,
      "RangeError",
      "out of range",
    ]);
    expect(stack).to.contain("fail");
    await stillWorks();
  });

  it("does not create an object whose constructor throws", async () => {
    const [code] = errorOf(
      await client.call("Counter", "broken", "get", [], { ctorArgs: ["zero"] }),
    );
    expect(code).to.equal(ErrorCode.BadArguments);

    const [again] = errorOf(await client.call("Counter", "broken", "get"));
    expect(again).to.equal(ErrorCode.NoSuchObject);
  });

  it("answers unknown system methods and malformed system arguments with an error", async () => {
    expect(errorOf(await client.system("reboot", []))[0]).to.equal(ErrorCode.UnknownMethod);
    expect(errorOf(await client.system("delete", [1]))[0]).to.equal(ErrorCode.BadArguments);
    expect(errorOf(await client.system("renew", []))[0]).to.equal(ErrorCode.BadArguments);
    await stillWorks();
  });

  it("refuses an oversized bignum as a bad request, at once, without decoding it", async () => {
    // Tag 2 over a 64 KiB byte string: cbor-x alone would spend seconds on it.
    const body = Buffer.concat([Buffer.from([0xc2, 0x5a, 0, 1, 0, 0]), Buffer.alloc(65536, 0xff)]);
    const big = await startTestMember();
    try {
      const on = await RawClient.open(big.address);
      const [code, , message] = errorOf(await on.sendBody(body));
      expect(code).to.equal(ErrorCode.BadRequest);
      expect(message).to.contain("over the limit of 1024 bytes");
      await stillWorks(on);
      on.close();
    } finally {
      await big.close();
    }
  });

  it("refuses CBOR value sharing (tags 28 and 29), which can stand for huge trees", async () => {
    // [type, key, method, [28(["x"])]]: a shareable value as an argument.
    const request = Buffer.from([
      0x84,
      0x67,
      ...Buffer.from("Counter"),
      0x61,
      0x63,
      0x63,
      ...Buffer.from("add"),
      0x81,
      0xd8,
      0x1c,
      0x81,
      0x61,
      0x78,
    ]);
    const [code, , message] = errorOf(await client.sendBody(request));

    expect(code).to.equal(ErrorCode.BadRequest);
    expect(message).to.contain("value sharing");
    await stillWorks();
  });

  it("takes only a small frame before the hello, and closes on a larger one", async () => {
    const big = await startTestMember();
    try {
      const stranger = await RawClient.connect(big.address);
      const [code, , message] = errorOf(await stranger.sendBody(Buffer.alloc(20_000, 0x61)));
      expect(code).to.equal(ErrorCode.FrameTooLarge);
      expect(message).to.contain("before the hello");
      await stranger.closed;
      await stillWorks(await RawClient.open(big.address));
    } finally {
      await big.close();
    }
  });

  it("answers and frees an object whose method throws what resists description", async () => {
    const options = { ctorArgs: [] };
    for (const method of ["throwBare", "rejectBare", "brokenThen"]) {
      const [code] = errorOf(await client.call("Hostile", "h", method, [], options));
      expect(code, method).to.equal(ErrorCode.UserError);
    }
    // The object was released each time: a call after them is answered.
    expect(await client.value("Hostile", "h", "count", [], options)).to.equal(1);
  });
});

describe("dso server: limits", () => {
  it("closes a connection that says no hello in time, freeing its slot", async () => {
    const server = await startTestMember({ helloDeadlineMs: 200, maxConnections: 1 });
    try {
      const silent = await RawClient.connect(server.address);
      await silent.closed;
      expect(server.logs.some((log) => /no hello in time/.test(String(log.msg)))).to.equal(true);
      // Its slot is free again: the one connection allowed can be made.
      await (
        await RawClient.open(server.address)
      ).value("Counter", "c", "get", [], {
        ctorArgs: [0],
      });
    } finally {
      await server.close();
    }
  });

  it("queues a bounded backlog of replies for a client that sends and does not read", async () => {
    const server = await startTestMember();
    const writer = await RawClient.open(server.address);
    await writer.value("Holder", "big", "put", [new Uint8Array(1024 * 1024)], { ctorArgs: [] });

    // A raw socket that says hello, then asks 300 times for the 1 MB value and reads nothing.
    const [host, port] = splitAddress(server.address);
    const socket = connect(port, host);
    await new Promise((resolve) => socket.once("connect", resolve));
    const frames: number[] = [];
    const reader = new FrameReader({
      frame: (id) => frames.push(id),
      oversized: () => undefined,
      malformed: () => undefined,
    });
    socket.on("data", (chunk: Buffer) => reader.push(chunk));
    socket.write(encodeFrame(1, encodeValue(["$", "", "hello", [PROTOCOL_VERSION, "reader"]])));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.pause();
    const asks = Array.from({ length: 300 }, (_, i) =>
      encodeFrame(i + 2, encodeValue(["Holder", "big", "all", []])),
    );
    const before = process.memoryUsage().arrayBuffers;
    socket.write(Buffer.concat(asks));

    let peak = 0;
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
    }
    // Unbounded, the member would hold about 300 MB of replies here.
    expect(peak).to.be.below(100 * 1024 * 1024);

    socket.resume();
    await eventually(async () => frames.length === 301, 30_000);
    expect(frames.slice(1)).to.deep.equal(asks.map((_, i) => i + 2));
    socket.destroy();
    writer.close();
    await server.close();
  });

  it("answers calls over the in-flight limit of a connection with OVERLOADED", async () => {
    const server = await startTestMember({ maxInFlight: 2 });
    const client = await RawClient.open(server.address);

    const waiting = [1, 2].map(() => client.call("Gate", "g", "pass", [], { ctorArgs: [] }));
    const [code] = errorOf(await client.call("Counter", "c", "get", [], { ctorArgs: [0] }));
    expect(code).to.equal(ErrorCode.Overloaded);

    const other = await RawClient.open(server.address);
    await other.value("Gate", "g", "open");
    expect((await Promise.all(waiting)).map((reply) => reply.ok)).to.deep.equal([true, true]);
    expect(await client.value("Counter", "c", "get", [], { ctorArgs: [0] })).to.equal(0);

    client.close();
    other.close();
    await server.close();
  });

  it("answers the first frame of a connection over the limit with OVERLOADED", async () => {
    const server = await startTestMember({ maxConnections: 1 });
    const first = await RawClient.open(server.address);

    const second = await RawClient.connect(server.address);
    const [code] = errorOf(await second.hello("app"));
    expect(code).to.equal(ErrorCode.Overloaded);
    await second.closed;

    await first.value("Counter", "c", "add", [1], { ctorArgs: [0] });
    first.close();
    await server.close();
  });
});
