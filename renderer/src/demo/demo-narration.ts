/**
 * What the presenter says at each beat, in plain words: what the client sent, what the
 * server checked, why PKCE, what the token holds. Each beat has its words for when it is
 * reached and, for steps still on their way, for the wait.
 */
import type { FlowKind, PlannedStepName } from '../areas/flows/flow-plan';
import type { ApplicationView, MockUserView } from '../stores/workbench-store';
import type { Beat } from './demo-beats';

export interface Narration {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface NarrationContext {
  readonly grant: FlowKind;
  readonly app: ApplicationView | null;
  readonly how: 'created' | 'reused' | 'replaced' | null;
  readonly users: readonly MockUserView[];
  /** Whether the beat's step (or answer) has arrived. */
  readonly arrived: boolean;
  readonly callbackUrl?: string | undefined;
  /** The authorization URL the flow built, once it has. */
  readonly authorizationUrl?: string | null | undefined;
  readonly apiCall?: { readonly endpoint: string; readonly scope: string; readonly status?: number | undefined } | undefined;
}

const INTRO: Readonly<Record<FlowKind, Narration>> = {
  client_credentials: {
    title: 'Client credentials: machine to machine',
    lines: [
      'A back-end job (a nightly sync, say) calls Totango with no person present. It proves who it is with its own client ID and secret, and gets a token that acts as one Totango user, chosen when the app was registered.',
      'The Lab plays the job; the mock Totango plays Totango. Next registers the demo app.',
    ],
  },
  authorization_code: {
    title: 'Authorization code: on behalf of a person',
    lines: [
      'An app acts for a Totango user. The person signs in at Totango and consents; the app never sees their password. It gets a one-time code through the browser and trades it for a token.',
      'The Lab plays the app; the mock Totango plays Totango. Next registers the demo app.',
    ],
  },
};

function userName(users: readonly MockUserView[], id: string | null): string {
  const user = users.find((candidate) => candidate.id === id);
  return user === undefined ? (id ?? 'no user') : `${user.firstName} ${user.lastName} (${user.email})`;
}

function setupWords(context: NarrationContext): Narration {
  const { app, how } = context;
  if (app === null) return { title: 'Registering the demo app', lines: ['The Lab registers the demo app on the mock, through the same contract the Apps screen uses.'] };
  const scopes = app.scopes.join(', ');
  const what =
    app.grantType === 'client_credentials'
      ? `“${app.name}” is registered for the client-credentials grant, acting as ${userName(context.users, app.actingUserId)}, with the scopes ${scopes}.`
      : `“${app.name}” is registered for the authorization-code grant with the callback URL ${context.callbackUrl ?? app.callbackUrls[0] ?? ''} (the Lab listens there) and the scopes ${scopes}.`;
  const origin =
    how === 'reused'
      ? 'It was registered earlier in this session, so the demo reuses it: Totango allows two apps per account.'
      : how === 'replaced'
        ? 'The earlier demo app’s secret was gone (the Lab keeps secrets for one session), so the demo registered it anew.'
        : 'Totango showed its client secret once; the Lab keeps it for this session, to run the flow.';
  return { title: 'The demo app is registered', lines: [what, origin] };
}

const STEPS: Readonly<Record<FlowKind, Partial<Record<PlannedStepName, Narration & { readonly waiting: string }>>>> = {
  client_credentials: {
    'request-built': {
      title: 'The client builds its token request',
      waiting: 'The Lab is building the token request…',
      lines: ['The job sends one POST to /oauth/token with grant_type=client_credentials. It authenticates with HTTP Basic: its client ID and secret in the Authorization header. No browser, no redirect, no person.'],
    },
    'token-received': {
      title: 'The server checks, then answers with a token',
      waiting: 'Waiting for the authorization server’s answer…',
      lines: [
        'Totango checked the secret against the hash it stored (it never keeps the secret itself), that the app is registered for this grant, that its acting user is still active, and that the scopes asked for are among the app’s.',
        'It answered 200 with a signed JWT access token, marked no-store so that no cache keeps it.',
      ],
    },
  },
  authorization_code: {
    'request-built': {
      title: 'The app builds the authorization URL',
      waiting: 'The Lab is building the authorization URL…',
      lines: [
        'The URL carries client_id, redirect_uri, a random state (to match the answer to this request) and a PKCE code_challenge.',
        'Why PKCE: the Lab keeps a random code_verifier and sends only its SHA-256 hash. Whoever steals the code on its way back cannot use it without the verifier.',
      ],
    },
    'browser-opened': {
      title: 'The consent page opens',
      waiting: 'Opening the consent page…',
      lines: ['The consent page opened in a new browser tab. Switch to it, sign in as a mock user, and press Approve; then come back here.'],
    },
    'callback-received': {
      title: 'The browser comes back with a code',
      waiting: 'Waiting for the approval in the consent tab: sign in there and press Approve.',
      lines: ['Totango redirected the browser to the Lab’s loopback callback with a one-time code, the state and iss (the issuer). The Lab checked that the state is the one it sent and that iss is the server it asked: a forged callback fails here.'],
    },
    'code-exchanged': {
      title: 'The code is exchanged',
      waiting: 'The Lab is exchanging the code…',
      lines: ['The Lab sent the code to /oauth/token with its client secret and the PKCE code_verifier. Totango hashed the verifier and compared it with the challenge of the first step, and checked that the code is fresh, unused, and issued to this client for this callback URL.'],
    },
    'token-received': {
      title: 'The token arrives',
      waiting: 'Waiting for the token…',
      lines: ['Totango answered with the access token: it acts as the person who approved, for the scopes they approved, and the code can never be used again.'],
    },
  },
};

/** The authorization URL's scope parameter, or null when it has none (or cannot be read). */
function scopeOfUrl(url: string): string | null {
  try {
    return new URL(url).searchParams.get('scope');
  } catch {
    return null;
  }
}

/** What the authorization URL says about scope: only what the URL the flow built holds. */
function scopeWords(context: NarrationContext): string {
  const url = context.authorizationUrl;
  if (url === undefined || url === null) return 'When the app asks for fewer scopes than it was registered with, the URL names them in scope.';
  const scope = scopeOfUrl(url);
  if (scope !== null) return `It asks for the scopes ${scope.split(' ').join(', ')} in scope.`;
  return 'It names no scope: the app asks for all it was registered with, so its registered scopes apply.';
}

export function narrate(beat: Beat, context: NarrationContext): Narration {
  switch (beat.kind) {
    case 'intro':
      return INTRO[context.grant];
    case 'setup':
      return setupWords(context);
    case 'step': {
      const words = STEPS[context.grant][beat.step];
      if (words === undefined) return { title: beat.step, lines: [] };
      if (!context.arrived) return { title: words.title, lines: [words.waiting] };
      if (context.grant === 'authorization_code' && beat.step === 'request-built') {
        const [carries = '', ...rest] = words.lines;
        return { title: words.title, lines: [`${carries} ${scopeWords(context)}`, ...rest] };
      }
      return words;
    }
    case 'token':
      return { title: 'What the token holds', lines: ['The token is a JWT: anyone holding it can read it, so it carries no secret, only what the API needs to decide. Its signature, checked against the issuer’s published keys, proves Totango issued it.'] };
    case 'api': {
      const call = context.apiCall;
      if (call === undefined || !context.arrived) return { title: 'The token at work', lines: ['The Lab calls an API with the token…'] };
      return {
        title: 'The token at work',
        lines: [`The Lab called ${call.endpoint} with Authorization: Bearer and the token. The API checked the signature, the expiry, the audience, and that ${call.scope} is covered by the token’s scopes: HTTP ${call.status ?? 'no answer'}.`],
      };
    }
    case 'end':
      return {
        title: context.grant === 'client_credentials' ? 'That is the client-credentials grant' : 'That is the authorization-code grant',
        lines: [
          context.grant === 'client_credentials'
            ? 'One request, one token, no person involved: the app’s own credentials and its acting user decide what it may do.'
            : 'A person consented in their own browser, the app got a one-time code, and PKCE made sure only this app could trade it for a token.',
          'Reset to run it again, or choose the other grant.',
        ],
      };
  }
}
