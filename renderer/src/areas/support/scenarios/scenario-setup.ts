/**
 * What the failure scenarios set up on the mock, through the contract like any screen:
 * an application of their own (reused when this session registered it, so that its
 * secret is held), the user it acts as, and room for it when the account is full (the
 * limit raised by one, as contacting a Totango representative does, and said so).
 */
import type { MethodInput } from '../../../../../shared/contract/define';
import type { LabContract } from '../../../../../shared/contract/lab-contract';
import type { LabClient } from '../../../contract/lab-client';
import type { ApplicationView, MockUserView } from '../../../stores/workbench-store';
import { rememberLimitBeforeScenarios } from './support-apps';

export type AppSpec = MethodInput<LabContract, 'applications', 'create'> & { readonly name: string };

/** What a scenario tells the person as it goes: each step done, and what it changed beyond the scenario. */
export interface ScenarioLog {
  step(text: string): void;
  /** Something that changes more than the scenario's own app: the application limit raised. */
  notice(text: string): void;
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((value) => b.includes(value));

/** Whether an existing app is the one the spec describes, and the Lab can run it (it holds the secret). */
function matches(app: ApplicationView, spec: AppSpec): boolean {
  return (
    app.secretInLab &&
    app.grantType === spec.grantType &&
    app.region === (spec.region ?? 'us') &&
    app.mutualTls === (spec.mutualTls ?? false) &&
    sameSet(app.scopes, spec.scopes) &&
    sameSet(app.callbackUrls, spec.callbackUrls) &&
    (spec.actingUserId === undefined || app.actingUserId === spec.actingUserId)
  );
}

/**
 * The scenario's app: the one this session registered under the same name when it still
 * fits (unless `fresh`), else a new one. Same-named apps the Lab cannot run (their secret
 * went with an earlier session) are deleted first, so that scenarios never fill the account.
 */
export async function ensureScenarioApp(
  client: LabClient,
  spec: AppSpec,
  log: ScenarioLog,
  options: { fresh?: boolean; /** Told the limit it had when it raised it (for a scenario whose app does not stay). */ onLimitRaised?: (previous: number) => void } = {},
): Promise<ApplicationView> {
  const { applications, limit } = await client.applications.list({});
  const named = applications.filter((app) => app.name === spec.name);
  const reusable = options.fresh === true ? undefined : named.find((app) => matches(app, spec));
  if (reusable !== undefined) {
    log.step(`Reused the app “${reusable.name}” (${reusable.clientId}) registered earlier in this session.`);
    return reusable;
  }
  for (const stale of named) {
    await client.applications.remove({ clientId: stale.clientId });
    log.step(`Deleted an earlier “${stale.name}” (${stale.clientId}).`);
  }
  const others = applications.length - named.length;
  if (others >= limit) {
    const raised = others + 1;
    rememberLimitBeforeScenarios(limit);
    await client.mock.updateSettings({ applicationLimit: raised });
    options.onLimitRaised?.(limit);
    log.notice(
      `The mock account was full (${others} of ${limit} applications, Totango's limit is two). The application limit was raised to ${raised}, as contacting your Totango representative does; “Remove the support apps” below puts it back.`,
    );
  }
  const { application } = await client.applications.create(spec);
  log.step(`Registered the app “${application.name}” (${application.clientId}) on the ${application.region.toUpperCase()} mock.`);
  return application;
}

/** An active user for a client-credentials app to act as: the integration bot when active, else the first active user, else a new one. */
export async function activeActingUser(client: LabClient, log: ScenarioLog): Promise<MockUserView> {
  const { users } = await client.users.list({});
  const active = users.filter((user) => user.status === 'active');
  const chosen = active.find((user) => /integration|bot/i.test(`${user.email} ${user.firstName} ${user.lastName}`)) ?? active[0];
  if (chosen !== undefined) return chosen;
  const created = await client.users.create({ email: 'support.integration@acme-demo.example', firstName: 'Support', lastName: 'Integration', role: 'user' });
  log.step(`Added the active user ${created.email} (${created.id}) to act as.`);
  return created;
}

const SCENARIO_USER = /^support\.acting-user(?:\.(\d+))?@acme-demo\.example$/;

/**
 * The user the "disabled acting user" scenario disables: its own, so that no other app
 * loses its user. Reactivated when an earlier run disabled it; a new one when it was deleted.
 */
export async function scenarioActingUser(client: LabClient, log: ScenarioLog): Promise<MockUserView> {
  const { users } = await client.users.list({});
  const mine = users.filter((user) => SCENARIO_USER.test(user.email));
  const usable = mine.find((user) => user.status !== 'deleted');
  if (usable?.status === 'active') return usable;
  if (usable !== undefined) {
    const reactivated = await client.users.setStatus({ userId: usable.id, status: 'active' });
    log.step(`Reactivated the scenario's acting user ${reactivated.email} (${reactivated.id}).`);
    return reactivated;
  }
  const email = mine.length === 0 ? 'support.acting-user@acme-demo.example' : `support.acting-user.${mine.length + 1}@acme-demo.example`;
  const created = await client.users.create({ email, firstName: 'Support', lastName: 'Acting user', role: 'user' });
  log.step(`Added the user ${created.email} (${created.id}) for the app to act as.`);
  return created;
}
