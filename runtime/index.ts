/**
 * The public API of Crucial for TypeScript: what user programs import from "crucial".
 */
import "./client/io-worker-host";

export * from "./library-types";
export { Monitor } from "./monitor";
export { synchronized } from "./synchronized";
export { Shared, SharedFieldOptions } from "./shared-decorator";
export { createShared, attachShared, SharedClass, SharedOptions } from "./shared-class";
export { deleteShared, dsoStatus, closeDso } from "./admin";
export { SharedProxy, BlockingMethods, AsyncMethods } from "./client/proxy-types";
export { isSharedProxy, proxyRef } from "./client/proxy";
export { registerTaskClass, registerValueClass, registerLiftedTask } from "./tasks/registry";
export { __crucial } from "./transform-hooks";
export {
  DsoError,
  TimeoutError,
  BrokenBarrierError,
  IllegalStateError,
  BadArgumentsError,
  RemoteError,
} from "./wire/errors";
export { ErrorCode } from "./wire/error-codes";
export { registerTaskFunction } from "./tasks/registry";
export { LiftedClosure } from "./tasks/lifted-closure";
export { TaskSerializationError } from "./tasks/travel-error";
export { CloudThread, CloudThreadOptions } from "./executor/cloud-thread";
export { ServerlessExecutorService } from "./executor/executor-service";
export { shutdownCloudThreads } from "./executor/backend-factory";
export { Future } from "./executor/future";
export { ExecutorOptions, BackendKind } from "./executor/executor-options";
export { TaskLike, IterationBody } from "./executor/prepare-task";
export { Progress, ProgressListener, BatchOptions } from "./executor/progress";
export { partitionRange, IndexRange } from "./executor/partition";
export {
  CloudThreadError,
  InvocationError,
  WorkerCrashError,
  InvocationTimeoutError,
  PayloadTooLargeError,
  CancellationError,
  RejectedExecutionError,
  IllegalThreadStateError,
} from "./executor/errors";
export { currentTaskContext, TaskContext } from "./tasks/task-runner";
