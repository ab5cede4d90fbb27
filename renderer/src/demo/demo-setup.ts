/**
 * Demo mode sets itself up on the mock: one app per grant, registered through the
 * contract like any other, or reused when this session registered it already. The mock
 * account holds two apps (Totango's limit); when it is full, demo mode says so and
 * offers to raise the limit rather than delete someone's app.
 */
import { ContractError } from '../../../shared/contract/wire';
import type { LabClient } from '../contract/lab-client';
import { loopbackCallbacks } from '../areas/flows/flow-sources';
import type { FlowKind } from '../areas/flows/flow-plan';
import type { ApplicationView, MockUserView } from '../stores/workbench-store';

export const DEMO_APP_NAMES: Readonly<Record<FlowKind, string>> = Object.freeze({
  client_credentials: 'Demo · client credentials',
  authorization_code: 'Demo · authorization code',
});

export const DEMO_SCOPES: Readonly<Record<FlowKind, readonly string[]>> = Object.freeze({
  client_credentials: ['account:read', 'touchpoint:all'],
  authorization_code: ['account:read', 'user:read'],
});

export type DemoSetup =
  | { readonly kind: 'ready'; readonly app: ApplicationView; readonly how: 'created' | 'reused' | 'replaced' }
  | { readonly kind: 'limit'; readonly count: number; readonly limit: number };

/** The user a client-credentials demo app acts as: the integration bot when active, else the first active user (one is added if none is). */
async function actingUser(client: LabClient): Promise<MockUserView> {
  const { users } = await client.users.list({});
  const active = users.filter((user) => user.status === 'active');
  const chosen = active.find((user) => /integration|bot/i.test(`${user.email} ${user.firstName} ${user.lastName}`)) ?? active[0];
  return chosen ?? client.users.create({ email: 'demo.bot@acme-demo.example', firstName: 'Demo', lastName: 'Bot', role: 'user' });
}

/** A loopback port for a new authorization-code demo app: the preference, else one picked at random (registered with the app, then reused). */
function demoCallbackPort(preferredPort: number | null): number {
  return preferredPort ?? 20_000 + Math.floor(Math.random() * 40_000);
}

function usable(app: ApplicationView, grant: FlowKind): boolean {
  return app.secretInLab && (grant === 'client_credentials' || loopbackCallbacks(app).length > 0);
}

export async function ensureDemoApp(client: LabClient, grant: FlowKind, preferredPort: number | null): Promise<DemoSetup> {
  const name = DEMO_APP_NAMES[grant];
  const { applications, limit } = await client.applications.list({});
  const mine = applications.filter((app) => app.name === name && app.region === 'us' && app.grantType === grant);
  const reusable = mine.find((app) => usable(app, grant));
  if (reusable !== undefined) {
    await client.targets.useApplication({ clientId: reusable.clientId });
    return { kind: 'ready', app: reusable, how: 'reused' };
  }
  // Demo apps of an earlier session: the Lab no longer holds their secret, so they cannot run.
  for (const stale of mine) await client.applications.remove({ clientId: stale.clientId });
  const count = applications.length - mine.length;
  if (count >= limit) return { kind: 'limit', count, limit };
  try {
    const user = grant === 'client_credentials' ? await actingUser(client) : undefined;
    const { application } = await client.applications.create({
      name,
      region: 'us',
      grantType: grant,
      scopes: [...DEMO_SCOPES[grant]],
      accessTokenTtlSeconds: 86_400,
      mutualTls: false,
      ...(user === undefined ? { callbackUrls: [`http://127.0.0.1:${demoCallbackPort(preferredPort)}/callback`] } : { actingUserId: user.id }),
    });
    await client.targets.useApplication({ clientId: application.clientId });
    return { kind: 'ready', app: application, how: mine.length > 0 ? 'replaced' : 'created' };
  } catch (error) {
    if (error instanceof ContractError && error.code === 'application_limit_reached') return { kind: 'limit', count, limit };
    throw error;
  }
}

/** What "contact your Totango representative" does: one more application allowed. */
export async function raiseApplicationLimit(client: LabClient, limit: number): Promise<void> {
  await client.mock.updateSettings({ applicationLimit: limit + 1 });
}
