/**
 * The customer failures support sees most, each set up on the mock in one click through
 * the contract, with what to do next to see the failure as the customer does.
 */
import type { AreaId } from '../../../app/areas';
import type { LabClient } from '../../../contract/lab-client';
import { activeActingUser, ensureScenarioApp, scenarioActingUser, type ScenarioLog } from './scenario-setup';

export interface NextStep {
  /** Which screen, which button, and what the failure looks like there. */
  readonly text: string;
  readonly button: string;
  /** The screen the button opens; absent when the button sends the failing request itself. */
  readonly area?: AreaId;
}

export interface ScenarioOutcome {
  /** The state the mock and the Lab are left in. */
  readonly result: string;
  readonly next: NextStep;
  /** The redirect-URI scenario: the authorization request to send with the Lab's own callback. */
  readonly redirectProbe?: { readonly clientId: string; readonly labCallback: string; readonly registered: string };
}

export interface ScenarioContext {
  /** The callback port of the Settings (null: ephemeral). */
  readonly callbackPort: number | null;
}

export interface Scenario {
  readonly id: 'disabled-user' | 'expired-certificate' | 'missing-scope' | 'wrong-region' | 'redirect-mismatch' | 'deleted-app';
  readonly title: string;
  /** What the customer reports. */
  readonly symptom: string;
  run(client: LabClient, context: ScenarioContext, log: ScenarioLog): Promise<ScenarioOutcome>;
}

/** The port the redirect scenario registers when the Settings leave it ephemeral. */
export const FALLBACK_CALLBACK_PORT = 8765;

const RUN_DIAGNOSTICS = { area: 'diagnostics', button: 'Open Diagnostics' } as const;
const RUN_FLOWS = { area: 'flows', button: 'Open Flows' } as const;

async function load(client: LabClient, clientId: string, log: ScenarioLog): Promise<void> {
  const target = await client.targets.useApplication({ clientId });
  log.step(`Loaded its credentials in the Lab and selected ${target.label}.`);
}

async function token(client: LabClient, log: ScenarioLog, why: string): Promise<void> {
  const outcome = await client.flows.clientCredentials({});
  log.step(`Got a token with the client-credentials grant (${outcome.token.scopes.join(' ')}): ${why}.`);
}

export const SCENARIOS: readonly Scenario[] = Object.freeze([
  {
    id: 'disabled-user',
    title: 'Disabled acting user',
    symptom: 'A client-credentials integration stopped getting tokens, and its tokens stopped working.',
    async run(client, _context, log) {
      const user = await scenarioActingUser(client, log);
      const app = await ensureScenarioApp(client, { name: 'Support · disabled acting user', region: 'us', grantType: 'client_credentials', actingUserId: user.id, scopes: ['account:read', 'touchpoint:all'] }, log);
      await load(client, app.clientId, log);
      await token(client, log, 'it works while the user is active');
      await client.users.setStatus({ userId: user.id, status: 'disabled' });
      log.step(`Disabled the acting user ${user.email} (${user.id}).`);
      return {
        result: `“${app.name}” acts as ${user.email}, who is now disabled: the mock refuses the app a token (invalid_grant), and the token it got before is refused by the APIs (401 invalid_token).`,
        next: { ...RUN_FLOWS, text: `Open Flows, choose “${app.name}” and press Run the flow: the token request fails with invalid_grant, naming the disabled acting user. Diagnostics › Run all endpoints shows the earlier token refused.` },
      };
    },
  },
  {
    id: 'expired-certificate',
    title: 'Expired certificate',
    symptom: 'A mutual-TLS integration gets no token any more: its client certificate expired.',
    async run(client, _context, log) {
      const user = await activeActingUser(client, log);
      const app = await ensureScenarioApp(client, { name: 'Support · expired certificate', region: 'us', grantType: 'client_credentials', actingUserId: user.id, scopes: ['account:read'], mutualTls: true }, log);
      await load(client, app.clientId, log);
      await client.applications.expireCertificate({ clientId: app.clientId });
      log.step(`Expired the app's client certificate on the mock.`);
      return {
        result: `“${app.name}” uses mutual TLS, and the mock now treats its certificate as expired: the token endpoint refuses it.`,
        next: { ...RUN_FLOWS, text: `Open Flows, choose “${app.name}” and press Run the flow: the token request fails, saying the client certificate expired. Renewing it in Apps ends the failure.` },
      };
    },
  },
  {
    id: 'missing-scope',
    title: 'Missing scope',
    symptom: 'The token works for some endpoints and others answer 403 insufficient_scope.',
    async run(client, _context, log) {
      const user = await activeActingUser(client, log);
      const app = await ensureScenarioApp(client, { name: 'Support · missing scope', region: 'us', grantType: 'client_credentials', actingUserId: user.id, scopes: ['account:read'] }, log);
      await load(client, app.clientId, log);
      await token(client, log, 'it holds account:read only');
      return {
        result: `The current token holds account:read only: every endpoint needing another scope is refused with 403 insufficient_scope.`,
        next: { ...RUN_DIAGNOSTICS, text: 'Open Diagnostics and press Run all endpoints: the account reads pass, every other row fails and names the scope to add.' },
      };
    },
  },
  {
    id: 'wrong-region',
    title: 'Wrong region',
    symptom: 'A token from the EU region is sent to the US API (or the other way round) and is refused.',
    async run(client, _context, log) {
      const user = await activeActingUser(client, log);
      const app = await ensureScenarioApp(client, { name: 'Support · EU app', region: 'eu', grantType: 'client_credentials', actingUserId: user.id, scopes: ['account:read', 'touchpoint:all'] }, log);
      await load(client, app.clientId, log);
      await token(client, log, 'issued by the EU mock');
      const us = await client.targets.select({ targetKey: 'mock:us' });
      log.step(`Selected ${us.label}: calls now go to the US API with the EU token.`);
      return {
        result: 'The current token was issued by the EU mock, and the selected target is the US mock: the US API does not accept tokens of another issuer (401 invalid_token).',
        next: { ...RUN_DIAGNOSTICS, text: 'Open Diagnostics and press Run all endpoints: every row fails with 401, and the cause says the token is from the wrong region.' },
      };
    },
  },
  {
    id: 'redirect-mismatch',
    title: 'Redirect URI mismatch',
    symptom: 'The sign-in page says the redirect URI is not registered, and the integration never gets its code.',
    async run(client, context, log) {
      const port = context.callbackPort ?? FALLBACK_CALLBACK_PORT;
      const registered = `http://localhost:${port}/callback`;
      const labCallback = `http://127.0.0.1:${port}/callback`;
      const app = await ensureScenarioApp(client, { name: 'Support · redirect URI mismatch', region: 'us', grantType: 'authorization_code', callbackUrls: [registered], scopes: ['account:read'] }, log);
      await load(client, app.clientId, log);
      return {
        result: `“${app.name}” registers ${registered}, while the Lab receives the browser at ${labCallback}. The mock, like Totango, compares redirect URIs exactly and never redirects to one that is not registered.`,
        next: { button: 'Send the authorization request', text: `Send the authorization request with the Lab's callback: the sign-in page opens in a new tab and refuses it, naming ${labCallback}. The fix is to register that exact URL in Apps › Callback URLs.` },
        redirectProbe: { clientId: app.clientId, labCallback, registered },
      };
    },
  },
  {
    id: 'deleted-app',
    title: 'Deleted app',
    symptom: 'Calls that worked yesterday answer 401: someone deleted the OAuth application.',
    async run(client, _context, log) {
      let limitBefore: number | undefined;
      const user = await activeActingUser(client, log);
      const app = await ensureScenarioApp(client, { name: 'Support · deleted app', region: 'us', grantType: 'client_credentials', actingUserId: user.id, scopes: ['account:read', 'touchpoint:all'] }, log, {
        fresh: true,
        onLimitRaised: (previous) => (limitBefore = previous),
      });
      await load(client, app.clientId, log);
      await token(client, log, 'it works while the app exists');
      await client.applications.remove({ clientId: app.clientId });
      log.step(`Deleted the app “${app.name}” (${app.clientId}): every token it was issued is revoked.`);
      if (limitBefore !== undefined) {
        await client.mock.updateSettings({ applicationLimit: limitBefore });
        log.step(`Put the application limit back to ${limitBefore}: the app it made room for is gone.`);
      }
      return {
        result: `The current token belongs to “${app.name}”, which no longer exists: the APIs refuse it (401 invalid_token), and its client ID gets no new token (invalid_client).`,
        next: { ...RUN_DIAGNOSTICS, text: 'Open Diagnostics and press Run all endpoints: every row fails with 401 invalid_token, the token of a deleted app.' },
      };
    },
  },
]);
