import { CloudThread, ServerlessExecutorService } from "crucial";
import { Batch, PiEstimator } from "./estimator";

const threads = Array.from({ length: 4 }, () => new CloudThread(new PiEstimator(1000)));
for (const thread of threads) thread.start();

const executor = new ServerlessExecutorService();
executor.invokeAll([new Batch(), new Batch()]);
new CloudThread(new LegacyJob()).start();
