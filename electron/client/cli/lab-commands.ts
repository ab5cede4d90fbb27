/**
 * The commands of the command line, each the same service the window uses, run
 * headless: diagnose, token, call, flow. Each writes to the given streams and returns
 * its exit status. No secret is ever written: tokens appear decoded or shortened.
 *
 * @see ../diagnostics/diagnose.ts, ../calls/api-caller.ts, ../flows/ (the services they run)
 */
import { readFile } from 'node:fs/promises';
import { callEndpoint } from '../calls/api-caller';
import type { CatalogueRequest } from '../calls/catalogue-request';
import { exampleRequest } from '../calls/example-requests';
import { diagnose } from '../diagnostics/diagnose';
import { explainResponse } from '../diagnostics/failure-causes';
import type { ConfirmEndpoint } from '../diagnostics/write-policy';
import { runAuthorizationCodeFlow } from '../flows/authorization-code-flow';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { isLabError, LabError } from '../flows/lab-error';
import { Timeline } from '../recorder/timeline';
import { writeCliBundle } from './cli-bundle';
import { runSecrets, writeRecording } from './cli-recording';
import type { LabCommand } from './lab-args';
import { obtainAccessToken, openLabSession, type LabSession } from './lab-session';
import { matrixExitCode, renderMatrix } from './matrix-table';
import { scopeReviewFor, scopeReviewText } from './scope-review-text';
import { describeToken } from './token-text';
import { forgetCredentials, recallCredentials, rememberCredentials } from './stored-credentials';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly confirm?: ConfirmEndpoint;
}

type Command<K extends LabCommand['command']> = Extract<LabCommand, { command: K }>;

/**
 * Opens the session (forgetting, recalling or remembering stored credentials as asked),
 * runs, closes; then writes the HAR and curl commands asked for, failed runs included:
 * they are the ones worth replaying.
 */
async function withSession<T>(command: Exclude<LabCommand, { command: 'help' | 'forget' }>, io: CliIo, timeline: Timeline, run: (session: LabSession) => Promise<T>): Promise<T> {
  const say = (line: string) => io.err(`${line}\n`);
  let session: LabSession | undefined;
  try {
    if (command.store.forget) await forgetCredentials(command.target, command.store, say);
    const storedCredentials = await recallCredentials(command.target, command.credentials, command.store, say);
    session = await openLabSession(command.target, command.credentials, timeline.sink, storedCredentials === undefined ? {} : { storedCredentials });
    // After the session opened: the certificate loaded, so nothing unusable is stored.
    if (command.store.remember && session.credentials !== undefined) await rememberCredentials(command.target, session.credentials, command.store, say);
    return await run(session);
  } finally {
    await session?.close();
    await writeRecording(command.recording, timeline.list(), runSecrets(command.credentials), io.err);
  }
}

export async function runDiagnose(command: Command<'diagnose'>, io: CliIo): Promise<number> {
  const timeline = new Timeline();
  return withSession(command, io, timeline, async (session) => {
    const token = await obtainAccessToken(session, command.credentials, timeline.sink);
    const matrix = await diagnose({
      target: { kind: session.kind, apiBaseUrl: session.apiBaseUrl },
      accessToken: token.accessToken,
      grantedScopes: token.scopes,
      sink: timeline.sink,
      concurrency: command.concurrency,
      ...(session.dispatcher === undefined ? {} : { dispatcher: session.dispatcher }),
      ...(command.allowWrites ? { confirm: () => true } : io.confirm === undefined ? {} : { confirm: io.confirm }),
      ...(command.endpointIds === undefined ? {} : { endpointIds: command.endpointIds }),
    });
    const review = scopeReviewFor(token.scopes, command.neededEndpointIds);
    io.out(command.json ? `${JSON.stringify(review === undefined ? matrix : { ...matrix, leastPrivilege: review }, null, 2)}\n` : renderMatrix(matrix, io.color));
    if (!command.json) io.out(scopeReviewText(token.scopes, command.neededEndpointIds));
    if (command.bundleFile !== undefined) {
      await writeCliBundle(command.bundleFile, session, command.credentials, token, timeline.list(), matrix);
      io.err(`repro bundle written to ${command.bundleFile} (no secret in it)\n`);
    }
    return matrixExitCode(matrix);
  });
}

export async function runToken(command: Command<'token'>, io: CliIo): Promise<number> {
  const timeline = new Timeline();
  return withSession(command, io, timeline, async (session) => {
    const token = await obtainAccessToken(session, command.credentials, timeline.sink);
    io.out(await describeToken(token.accessToken, token.result, session, timeline.sink, command.json));
    return 0;
  });
}

export async function runCall(command: Command<'call'>, io: CliIo): Promise<number> {
  const timeline = new Timeline();
  return withSession(command, io, timeline, async (session) => {
    const token = await obtainAccessToken(session, command.credentials, timeline.sink);
    const result = await callEndpoint(await buildCallRequest(command), {
      baseUrl: session.apiBaseUrl,
      accessToken: token.accessToken,
      sink: timeline.sink,
      ...(session.dispatcher === undefined ? {} : { dispatcher: session.dispatcher }),
    });
    const response = result.response;
    if (command.json) io.out(`${JSON.stringify({ method: result.method, url: result.url, durationMs: result.durationMs, status: response?.status, headers: response?.headers, body: response?.body, failure: result.failure }, null, 2)}\n`);
    if (response === undefined) {
      if (!command.json) io.err(`${result.method} ${result.url}: ${result.failure?.summary ?? 'no response'}; ${result.failure?.action ?? ''}\n`);
      return 1;
    }
    if (!command.json) {
      io.out(`${result.method} ${result.url}\n${response.status} ${response.statusText} in ${result.durationMs} ms\n`);
      for (const [name, value] of Object.entries(response.headers)) io.out(`${name}: ${value}\n`);
      io.out(`\n${typeof response.body === 'string' || response.body === undefined ? (response.body ?? '') : JSON.stringify(response.body, null, 2)}\n`);
    }
    const cause = explainResponse({ status: response.status, headers: response.headers, body: response.body });
    if (cause !== undefined) io.err(`${cause.summary}: ${cause.action}\n`);
    return response.status < 300 ? 0 : 1;
  });
}

/** The endpoint's example with the command line's parameters, query and body put in. */
export async function buildCallRequest(command: Command<'call'>): Promise<CatalogueRequest> {
  const example = exampleRequest(command.endpointId);
  const text = command.bodyFile === undefined ? undefined : await readFile(command.bodyFile, 'utf8');
  let body = example.body;
  if (text !== undefined) {
    if (example.body?.kind === 'form') {
      body = { kind: 'form', fields: { query: text.trim() } };
    } else {
      try {
        body = { kind: 'json', json: JSON.parse(text) as unknown };
      } catch (error) {
        throw new Error(`the body file "${command.bodyFile}" is not valid JSON`, { cause: error });
      }
    }
  }
  return { ...example, pathParams: { ...example.pathParams, ...command.params }, query: { ...example.query, ...command.query }, ...(body === undefined ? {} : { body }) };
}

export async function runFlow(command: Command<'flow'>, io: CliIo): Promise<number> {
  const timeline = new Timeline();
  return withSession(command, io, timeline, async (session) => {
    if (session.credentials === undefined) throw new Error('the flow needs "--client-id" (or TOTANGO_CLIENT_ID)');
    const scopes = command.credentials.scope?.split(' ').filter((s) => s !== '') ?? [];
    const onStep = (step: { step: string; explanation: string }) => io.err(`[${step.step}] ${asFlags(step.explanation)}\n`);
    const common = { target: session.target, credentials: session.credentials, sink: timeline.sink, onStep, scopes };
    const result =
      command.grant === 'client-credentials'
        ? await runClientCredentialsFlow(common)
        : await runAuthorizationCodeFlow({
            ...common,
            redirectPort: command.redirectPort,
            timeoutMs: command.timeoutSeconds * 1000,
            opener: async (url) => io.out(`open this URL in a browser to sign in and consent:\n${url}\n`),
          }).catch((error: unknown) => {
            if (isLabError(error) && error.code === 'port_in_use') throw new LabError('port_in_use', asFlags(error.message), { cause: error });
            throw error;
          });
    io.out(await describeToken(result.accessToken, result, session, timeline.sink, command.json));
    return 0;
  });
}

/** The flow names its option as the window knows it ("redirectPort"); here it is a flag. */
function asFlags(text: string): string {
  return text.replace(/"redirectPort"/g, '"--redirect-port"');
}
