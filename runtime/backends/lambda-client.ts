import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** The part of Lambda's Invoke API the backend uses. */
export interface InvokeInput {
  FunctionName: string;
  InvocationType: "RequestResponse";
  Payload: Uint8Array;
}

export interface InvokeOutput {
  StatusCode?: number;
  FunctionError?: string;
  Payload?: Uint8Array;
}

/** What the backend needs of a Lambda client; tests hand in their own. */
export interface LambdaInvoker {
  invoke(input: InvokeInput, signal: AbortSignal): Promise<InvokeOutput>;
}

export interface LambdaClientSettings {
  region: string;
  endpoint?: string;
  /** Sockets per host: below the concurrency limit, invocations would queue in the HTTP agent. */
  maxSockets: number;
}

/** The subset of `@aws-sdk/client-lambda` used here, typed locally (the SDK loads lazily). */
interface LambdaSdk {
  LambdaClient: new (config: Record<string, unknown>) => {
    send(command: unknown, options: { abortSignal: AbortSignal }): Promise<InvokeOutput>;
  };
  InvokeCommand: new (input: InvokeInput) => unknown;
}

const SDK_PACKAGE = "@aws-sdk/client-lambda";

/**
 * A Lambda client on AWS SDK v3. The SDK is loaded on first use, so programs that run on the
 * local backend do not need it installed, and a function that starts no cloud threads of its
 * own never loads it.
 */
export function sdkLambdaInvoker(settings: LambdaClientSettings): LambdaInvoker {
  const sdk = loadSdk();
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets };
  const config: Record<string, unknown> = {
    region: settings.region,
    // Throttling is retried by the backend, with its own budget and backoff; retries inside the
    // SDK would hide it and multiply with ours.
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
    },
  };
  if (settings.endpoint !== undefined) {
    config.endpoint = settings.endpoint;
    // An emulator accepts any credentials; without some the SDK refuses to sign the request.
    if (!process.env.AWS_ACCESS_KEY_ID) {
      config.credentials = { accessKeyId: "emulator", secretAccessKey: "emulator" };
    }
  }
  const client = new sdk.LambdaClient(config);
  return {
    invoke: (input, signal) => client.send(new sdk.InvokeCommand(input), { abortSignal: signal }),
  };
}

/**
 * Replaced by a literal in every bundle `crucial build` makes: `true` with --bundle-aws-sdk, so
 * that the static require below puts the SDK into the bundle; `false` otherwise, so that the
 * bundler drops that branch and the SDK is looked up when first used. Undeclared in the
 * unbundled runtime.
 */
declare const CRUCIAL_BUNDLE_AWS_SDK: boolean | undefined;

function loadSdk(): LambdaSdk {
  if (typeof CRUCIAL_BUNDLE_AWS_SDK !== "undefined" && CRUCIAL_BUNDLE_AWS_SDK) {
    return require("@aws-sdk/client-lambda") as LambdaSdk;
  }
  try {
    return require(SDK_PACKAGE) as LambdaSdk;
  } catch (error) {
    throw new Error(
      `crucial: the lambda backend needs ${SDK_PACKAGE}; install it with ` +
        `\`npm install ${SDK_PACKAGE}\` (${(error as Error).message})`,
    );
  }
}
