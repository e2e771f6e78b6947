/**
 * An I/O worker that dies: the real one (`CRUCIAL_IO_WORKER` points here), which throws an
 * uncaught error 300 ms after it starts, while a thread of its process is blocked in a call.
 */
import "../../../runtime/client/io-worker";

setTimeout(() => {
  throw new Error("the I/O worker failed on purpose");
}, 300);
