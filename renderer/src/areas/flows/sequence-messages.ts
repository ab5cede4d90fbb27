/**
 * Who talks to whom in each grant (the browser, the Lab, the authorization server, the
 * API), message by message, and which messages a flow's progress lights up. The sequence
 * diagram draws these; its text list reads them out.
 */
import type { FlowKind, FlowProgress, PlannedStepName } from './flow-plan';

export type Participant = 'browser' | 'lab' | 'as' | 'api';

export const PARTICIPANTS: readonly { readonly id: Participant; readonly label: string }[] = Object.freeze([
  { id: 'browser', label: 'Browser' },
  { id: 'lab', label: 'Lab' },
  { id: 'as', label: 'Authorization server' },
  { id: 'api', label: 'API' },
]);

export function participantLabel(id: Participant): string {
  return PARTICIPANTS.find((participant) => participant.id === id)?.label ?? id;
}

export interface SequenceMessage {
  readonly id: string;
  readonly from: Participant;
  readonly to: Participant;
  readonly label: string;
  /** The flow step that makes this message happen; `api` for the optional call with the token. */
  readonly step: PlannedStepName | 'api-request' | 'api-response';
}

const AUTHORIZATION_CODE: readonly SequenceMessage[] = [
  { id: 'open-authorize-url', from: 'lab', to: 'browser', label: 'open the authorization URL', step: 'browser-opened' },
  { id: 'authorize', from: 'browser', to: 'as', label: 'GET /oauth/authorize: sign in, consent', step: 'browser-opened' },
  { id: 'redirect-with-code', from: 'as', to: 'browser', label: 'redirect with the code and state', step: 'callback-received' },
  { id: 'callback', from: 'browser', to: 'lab', label: 'GET /callback?code=…&state=…', step: 'callback-received' },
  { id: 'token-request', from: 'lab', to: 'as', label: 'POST /oauth/token: code + PKCE verifier', step: 'code-exchanged' },
  { id: 'token', from: 'as', to: 'lab', label: 'access token', step: 'token-received' },
];

const CLIENT_CREDENTIALS: readonly SequenceMessage[] = [
  { id: 'token-request', from: 'lab', to: 'as', label: 'POST /oauth/token: client credentials', step: 'request-built' },
  { id: 'token', from: 'as', to: 'lab', label: 'access token', step: 'token-received' },
];

const API_CALL: readonly SequenceMessage[] = [
  { id: 'api-request', from: 'lab', to: 'api', label: 'API call with the Bearer token', step: 'api-request' },
  { id: 'api-response', from: 'api', to: 'lab', label: 'the API’s answer', step: 'api-response' },
];

export function sequenceMessages(flow: FlowKind): readonly SequenceMessage[] {
  return [...(flow === 'authorization_code' ? AUTHORIZATION_CODE : CLIENT_CREDENTIALS), ...API_CALL];
}

/** done: happened; current: the latest step's; failed: where the flow stopped; pending: not yet. */
export type MessageState = 'pending' | 'done' | 'current' | 'failed';

/** The optional call with the token, as far as it went. */
export type ApiCallProgress =
  | { readonly state: 'none' }
  | { readonly state: 'sending'; readonly label: string }
  | { readonly state: 'answered'; readonly label: string; readonly status?: number; readonly ok: boolean };

export interface LitMessage extends SequenceMessage {
  readonly state: MessageState;
}

/** Each message with its state: lit as the steps it belongs to are reported. */
export function litMessages(flow: FlowKind, progress: FlowProgress, api: ApiCallProgress = { state: 'none' }): readonly LitMessage[] {
  const stateOf = new Map(progress.items.map((item) => [item.name as string, item.state]));
  const lastDone = [...progress.items].reverse().find((item) => item.state === 'done')?.name;
  const apiStarted = api.state !== 'none';
  return sequenceMessages(flow).map((message): LitMessage => {
    if (message.step === 'api-request' || message.step === 'api-response') {
      const label = api.state === 'none' ? message.label : message.step === 'api-request' ? api.label : api.state === 'answered' && api.status !== undefined ? `HTTP ${api.status}` : message.label;
      let state: MessageState = 'pending';
      if (message.step === 'api-request' && apiStarted) state = api.state === 'sending' ? 'current' : 'done';
      if (message.step === 'api-response' && api.state === 'answered') state = api.ok ? 'current' : 'failed';
      return { ...message, label, state };
    }
    const stepState = stateOf.get(message.step);
    let state: MessageState = 'pending';
    if (stepState === 'failed') state = 'failed';
    else if (stepState === 'done') state = message.step === lastDone && !apiStarted && progress.failedAt === undefined ? 'current' : 'done';
    return { ...message, state };
  });
}
