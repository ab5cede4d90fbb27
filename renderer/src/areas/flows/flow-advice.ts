/**
 * The next thing to try when a flow fails, from the error's code (and, for a few codes,
 * the server's description): what a developer or a support engineer would tell a
 * colleague, with the area of the window where the fix is.
 */
import type { ContractErrorData } from '../../../../shared/contract/wire';
import type { AreaId } from '../../app/areas';
import type { FlowKind } from './flow-plan';

export interface FlowAdvice {
  /** One or two sentences: what to do next. */
  readonly next: string;
  /** Where to do it, when it is another area of the window. */
  readonly action?: { readonly label: string; readonly area: AreaId };
}

export interface AdviceContext {
  readonly flow: FlowKind;
  /** The callback URL the flow used (authorization code). */
  readonly redirectUri?: string;
  /** Whether the app is one of the mock's (its setup is in Apps) rather than credentials loaded for a real region. */
  readonly mockApp: boolean;
}

const APPS = { label: 'Open Apps', area: 'apps' } as const;
const SETTINGS = { label: 'Open Settings', area: 'settings' } as const;
const MOCK_SERVER = { label: 'Open Mock server', area: 'mock-server' } as const;

function mentionsRedirect(error: ContractErrorData): boolean {
  return /redirect/i.test(`${error.message} ${error.oauth?.error_description ?? ''}`);
}

export function flowAdvice(error: ContractErrorData, context: AdviceContext): FlowAdvice {
  const registered = context.redirectUri === undefined ? 'the callback URL the flow uses' : `exactly ${context.redirectUri}`;
  switch (error.code) {
    case 'invalid_client':
      return context.mockApp
        ? { next: 'The authorization server did not accept the app’s credentials. Check the client secret: register the app again in Apps (the mock shows a secret once), or re-enter it in Settings.', action: APPS }
        : { next: 'The authorization server did not accept the app’s credentials. Check the client ID and secret loaded for this target in Settings.', action: SETTINGS };
    case 'invalid_scope':
      return { next: 'The app does not hold that scope. Ask only for scopes the app holds, or register an app with that scope in Apps.', action: APPS };
    case 'access_denied':
      return { next: 'The person declined consent on the authorization page (Deny). Run the flow again and choose Approve.' };
    case 'timeout':
      return {
        next: `No callback reached the Lab in time: the sign-in was abandoned, or the authorization page refused to send the browser back. If that page says the redirect URI is not registered, the callback URL registered with the app must be ${registered}.`,
        action: context.mockApp ? APPS : SETTINGS,
      };
    case 'port_in_use':
      return { next: 'Another program holds the callback port. Choose another callback port in Settings, and register its callback URL with the app.', action: SETTINGS };
    case 'invalid_grant':
      if (mentionsRedirect(error)) return { next: `The redirect URI must match: the callback URL registered must be ${registered}.`, action: APPS };
      if (context.flow === 'client_credentials') return { next: 'The app cannot get a token as its acting user: the user is disabled or deleted. Activate the user on Mock server, or register the app with an active user.', action: MOCK_SERVER };
      return { next: 'The code was refused (expired, used twice, or issued to another client) or the user is not active. Run the flow again from the start.' };
    case 'unauthorized_client':
      return { next: 'The app is registered for the other grant type. Run the grant it was registered for, or register an app for this one in Apps.', action: APPS };
    case 'certificate':
    case 'tls':
      return { next: 'The client certificate was refused, is missing or has expired. Export or renew the certificate in Apps, then run the flow again.', action: APPS };
    case 'invalid_configuration':
    case 'credentials_unavailable':
      return { next: 'The Lab has no usable credentials for this app. Register it in Apps (the Lab keeps the secret for this session), or load its credentials in Settings.', action: context.mockApp ? APPS : SETTINGS };
    case 'state_mismatch':
    case 'issuer_mismatch':
    case 'pkce_failed':
      return { next: 'The answer failed a check the Lab makes to stop forged or replayed callbacks. Run the flow again; if it repeats, read the callback’s exchange below.' };
    case 'flow_in_progress':
      return { next: 'Another authorization-code flow is waiting for its callback. Cancel it, then run this one.' };
    case 'cancelled':
      return { next: 'The flow was cancelled. Run it again when ready.' };
    case 'network':
      return { next: 'The target did not answer. Check that the mock is running on Mock server, or the target’s base URL in Settings.', action: context.mockApp ? MOCK_SERVER : SETTINGS };
    case 'rate_limited':
    case 'server_error':
    case 'temporarily_unavailable':
      return { next: 'The server failed or refused for now. On the mock this is often an injected fault: clear it on Mock server, then run again.', action: MOCK_SERVER };
    case 'browser_failed':
      return { next: 'The browser could not be opened. Open the consent page yourself with the link of the first step.' };
    default:
      return { next: 'Read the server’s answer in the step’s HTTP exchange, then run the flow again.' };
  }
}
