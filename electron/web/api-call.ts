/**
 * `POST /api/call`: a JSON body `{ service, method, input }` handed to the dispatcher,
 * whose `WireResult` comes back with status 200, failure or not. Only what stops the
 * call from reaching the dispatcher gets another status: a body that is not JSON (415,
 * 400) or is too large (413: a repro bundle to import is the largest input, 20 MiB).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import secureJson from 'secure-json-parse';
import type { Dispatcher } from '../../shared/contract/dispatch';
import { sendJson, sendRefusal } from './http-replies';

export const MAX_CALL_BYTES = 25 * 1024 * 1024;

export interface ApiCallOptions {
  readonly dispatcher: Dispatcher;
  readonly maxBytes?: number;
}

export async function answerApiCall(request: IncomingMessage, response: ServerResponse, options: ApiCallOptions): Promise<void> {
  const maxBytes = options.maxBytes ?? MAX_CALL_BYTES;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    request.resume();
    return sendRefusal(response, true, 415, 'invalid_input', 'a call is a JSON body: "content-type" must be application/json');
  }
  const body = await readBody(request, maxBytes);
  if (body === 'too large') {
    // Stop reading what is left; the connection closes once the answer is out.
    response.once('finish', () => request.socket.destroy());
    return sendRefusal(response, true, 413, 'invalid_input', `the call is larger than ${maxBytes / (1024 * 1024)} MiB`, { connection: 'close' });
  }
  if (body === 'aborted') return void response.destroy();
  let call: unknown;
  try {
    call = secureJson.parse(body.toString('utf8'), { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return sendRefusal(response, true, 400, 'invalid_input', 'the body is not valid JSON');
  }
  sendJson(response, 200, await options.dispatcher.dispatch(withInput(call), { transport: 'http' }));
}

/** JSON cannot carry `undefined`: a call sent with no input arrives without the key, which IPC would have kept. */
function withInput(call: unknown): unknown {
  if (typeof call !== 'object' || call === null || Array.isArray(call) || Object.hasOwn(call, 'input')) return call;
  return { ...call, input: undefined };
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | 'too large' | 'aborted'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve('too large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'aborted') => {
      request.removeAllListeners('data');
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        return finish('too large');
      }
      chunks.push(chunk);
    });
    request.once('end', () => finish(Buffer.concat(chunks)));
    request.once('aborted', () => finish('aborted'));
    request.once('error', () => finish('aborted'));
  });
}
