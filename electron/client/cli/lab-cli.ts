/**
 * `npm run lab -- diagnose|token|call|flow …`: the client engine's services, headless.
 * Exit status: 0 when all went well, 1 when something failed (an endpoint failing,
 * mismatching or erring in `diagnose`, a refused token, a non-2xx call), 2 for a usage
 * error. See `lab-help.ts` for the options.
 *
 * @see https://no-color.org (NO_COLOR, honoured by matrix-table.ts)
 */
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import type { ConfirmEndpoint } from '../diagnostics/write-policy';
import { explainResponse } from '../diagnostics/failure-causes';
import { isLabError } from '../flows/lab-error';
import { parseLabArgs, UsageError } from './lab-args';
import { runCall, runDiagnose, runFlow, runToken, type CliIo } from './lab-commands';
import { labHelp } from './lab-help';
import { useColor } from './matrix-table';
import { forgetCredentials } from './stored-credentials';

export interface CliEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  /** Asks about each write against a real region; default: a terminal prompt when stdin is one, else no. */
  readonly confirm?: ConfirmEndpoint;
}

export async function runLabCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const err = (text: string) => void environment.stderr.write(text);
  let command;
  try {
    command = parseLabArgs(argv, environment.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`lab: ${error.message}\nrun "npm run lab -- help" for the options\n`);
    return 2;
  }
  if (command.command === 'help') {
    environment.stdout.write(labHelp());
    return 0;
  }
  if (command.command === 'forget') {
    try {
      await forgetCredentials(command.target, command.store, (line) => err(`${line}\n`));
      return 0;
    } catch (error) {
      err(failureText(error));
      return 1;
    }
  }
  if (command.credentials.clientSecret !== undefined && environment.env['TOTANGO_CLIENT_SECRET'] === undefined) {
    err('lab: note: a secret on the command line lands in shell history; prefer TOTANGO_CLIENT_SECRET\n');
  }
  const io: CliIo = {
    out: (text) => void environment.stdout.write(text),
    err,
    color: useColor(command.color, environment.stdout, environment.env),
    ...(environment.confirm === undefined ? {} : { confirm: environment.confirm }),
  };
  try {
    switch (command.command) {
      case 'diagnose':
        return await runDiagnose(command, io);
      case 'token':
        return await runToken(command, io);
      case 'call':
        return await runCall(command, io);
      case 'flow':
        return await runFlow(command, io);
    }
  } catch (error) {
    err(failureText(error));
    return 1;
  }
}

/**
 * A failure in words: the error's message and code, and, for an OAuth error, its cause
 * and what to do. A LabError's OAuth body comes from the authorization server (a flow
 * or a token request), never from an API call, which `call` and `diagnose` explain.
 */
export function failureText(error: unknown): string {
  if (!isLabError(error)) return `lab: ${error instanceof Error ? error.message : String(error)}\n`;
  const cause = error.oauth === undefined ? undefined : explainResponse({ status: error.status ?? 400, headers: {}, body: error.oauth }, Date.now(), 'authorization_server');
  return `lab: ${error.message} (${error.code})\n${cause === undefined ? '' : `cause: ${cause.summary}; ${cause.action}\n`}`;
}

/** Asks on the terminal, one endpoint at a time; undefined when stdin is not a terminal (writes are then skipped). */
export function terminalConfirm(): ConfirmEndpoint | undefined {
  if (process.stdin.isTTY !== true) return undefined;
  return async (endpoint) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await prompt.question(`run ${endpoint.method} ${endpoint.path} (${endpoint.effect}s data) on the real tenant? [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      prompt.close();
    }
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const confirm = terminalConfirm();
  process.exitCode = await runLabCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, ...(confirm === undefined ? {} : { confirm }) });
}
