"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const crucial_1 = require("crucial");
const estimator_1 = require("./estimator");
const threads = Array.from({ length: 4 }, () => new crucial_1.CloudThread(new estimator_1.PiEstimator(1000)));
for (const thread of threads)
    thread.start();
const executor = new crucial_1.ServerlessExecutorService();
executor.invokeAll([new estimator_1.Batch(), new estimator_1.Batch()]);
new crucial_1.CloudThread(new LegacyJob()).start();
