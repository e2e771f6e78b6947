import { staleReason } from "../bundling/build-manifest";
import { outputLayout } from "../bundling/paths";
import { loadProject } from "../bundling/project";
import { CliError, Command, usageText } from "../command";
import { FlagSpec, ParsedFlags, parseFlags, renderFlags, stringFlag } from "../flags";
import { splitAddress } from "../run/dso-servers";
import { runServerless } from "../serverless/run-serverless";
import { PROJECT_FLAGS, runBuild } from "./build";

/**
 * `crucial package` and `crucial deploy`: `serverless package` / `serverless deploy` on the
 * serverless.yml that `crucial build` maintains, after a build if the output is stale. Stage
 * and region pass through; the DSO address and token reach serverless.yml through the
 * environment (`${env:CRUCIAL_DSO}`).
 */

const DEPLOY_FLAGS: readonly FlagSpec[] = [
  { name: "stage", value: "NAME", description: "the Serverless stage", defaultText: "dev" },
  {
    name: "region",
    value: "REGION",
    description: "the AWS region",
    defaultText: "serverless.yml's",
  },
  {
    name: "dso",
    value: "ADDRESSES",
    description: "DSO servers host:port,... the functions use",
    defaultText: "CRUCIAL_DSO",
  },
  ...PROJECT_FLAGS,
];

function serverlessCommand(
  word: "package" | "deploy",
  summary: string,
  description: string,
): Command {
  return {
    name: word,
    summary,
    usage: usageText(`crucial ${word} [flags] [-- serverless flags]`, renderFlags(DEPLOY_FLAGS)),
    description,
    async run(argv) {
      const flags = parseFlags(DEPLOY_FLAGS, argv);
      const project = loadProject({
        project: stringFlag(flags, "project"),
        out: stringFlag(flags, "out"),
      });
      const env = deployEnvironment(flags);

      const bundleAwsSdk = flags.values.has("bundle-aws-sdk");
      const stale = staleReason(outputLayout(project.outDir).manifest, project, bundleAwsSdk);
      if (stale !== undefined) {
        console.error(`crucial ${word}: building (${stale})`);
        const built = await runBuild(project, bundleAwsSdk);
        if (!built.ok) return 1;
      }

      const args: string[] = [word];
      for (const name of ["stage", "region"]) {
        const value = stringFlag(flags, name);
        if (value !== undefined) args.push(`--${name}`, value);
      }
      const code = await runServerless(project.root, [...args, ...flags.passthrough], env);
      if (code !== 0)
        console.error(`crucial ${word}: serverless ${word} failed (exit code ${code})`);
      return code;
    },
  };
}

function deployEnvironment(flags: ParsedFlags): Record<string, string> {
  const dso = stringFlag(flags, "dso") ?? process.env.CRUCIAL_DSO;
  if (dso === undefined || dso === "" || dso === "embedded") {
    throw new CliError(
      "the functions need the address of the DSO servers",
      "pass --dso host:port[,host:port...] or set CRUCIAL_DSO; start servers with " +
        "`crucial dso start --host 0.0.0.0 --objects dist/dso/objects.js` on machines the " +
        "functions can reach",
    );
  }
  dso.split(",").forEach(splitAddress);
  return { CRUCIAL_DSO: dso };
}

export const packageCommand = serverlessCommand(
  "package",
  "package the Lambda function with serverless package (no upload)",
  "Builds if the output is stale, then runs `serverless package` in the project folder: the " +
    "CloudFormation template and the function's artifact (dist/lambda/handler.zip) land in " +
    ".serverless/. Needs no AWS account.",
);

export const deployCommand = serverlessCommand(
  "deploy",
  "deploy the Lambda function with serverless deploy",
  "Builds if the output is stale, then runs `serverless deploy` in the project folder with " +
    "the stage and region given. The AWS credentials are the usual ones (AWS_PROFILE, " +
    "environment, ~/.aws). The functions get CRUCIAL_DSO and CRUCIAL_DSO_TOKEN from the " +
    "environment of this command.",
);
