/**
 * What a flow can run with: the mock applications whose client secret the Lab holds (it
 * registered them this session), and the credentials loaded for a target (a real
 * region's app, entered in Settings). Each names the target the flow goes to.
 */
import type { TargetView } from '../../contract/lab-client';
import type { ApplicationView } from '../../stores/workbench-store';
import type { FlowKind } from './flow-plan';

export interface FlowSource {
  /** `app:<client id>` or `target:<target key>`. */
  readonly value: string;
  readonly label: string;
  readonly clientId: string;
  readonly targetKey: string;
  readonly targetLabel: string;
  /** The mock application, when the flow runs one (its grant, scopes and callback URLs). */
  readonly app?: ApplicationView;
  /** Load the mock application onto its target before the flow (`targets.useApplication`). */
  readonly useApplication: boolean;
}

const GRANT_SHORT: Readonly<Record<FlowKind, string>> = { authorization_code: 'authorization code', client_credentials: 'client credentials' };

function mockTargetLabel(targets: readonly TargetView[], key: string): string {
  return targets.find((target) => target.key === key)?.label ?? `Local mock (${key.slice('mock:'.length).toUpperCase()})`;
}

/** A loaded credential's label; on a mock, one whose app is not on the mock any more says it was deleted. */
function sourceLabel(target: TargetView, clientId: string, app: ApplicationView | undefined): string {
  if (app !== undefined) return `${app.name} · ${GRANT_SHORT[app.grantType]} (loaded credentials)`;
  return target.kind === 'mock' ? `Deleted app (loaded credentials) · ${clientId}` : `Loaded credentials · ${clientId}`;
}

export function flowSources(applications: readonly ApplicationView[], targets: readonly TargetView[]): FlowSource[] {
  const held = applications.filter((app) => app.secretInLab);
  const sources: FlowSource[] = held.map((app) => {
    const targetKey = `mock:${app.region}`;
    return { value: `app:${app.clientId}`, label: `${app.name} · ${GRANT_SHORT[app.grantType]}`, clientId: app.clientId, targetKey, targetLabel: mockTargetLabel(targets, targetKey), app, useApplication: true };
  });
  for (const target of targets) {
    const credentials = target.credentials;
    if (credentials === null || (!credentials.hasClientSecret && credentials.certificate === null)) continue;
    if (held.some((app) => app.clientId === credentials.clientId && `mock:${app.region}` === target.key)) continue;
    const app = target.kind === 'mock' ? applications.find((candidate) => candidate.clientId === credentials.clientId) : undefined;
    sources.push({
      value: `target:${target.key}`,
      label: sourceLabel(target, credentials.clientId, app),
      clientId: credentials.clientId,
      targetKey: target.key,
      targetLabel: target.label,
      ...(app === undefined ? {} : { app }),
      useApplication: false,
    });
  }
  return sources;
}

/** The sources grouped by target, as Mantine's Select takes them. */
export function sourceGroups(sources: readonly FlowSource[]): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const source of sources) {
    const items = groups.get(source.targetLabel) ?? [];
    items.push({ value: source.value, label: source.label });
    groups.set(source.targetLabel, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** The grants a source can run: a mock app's own, or either for loaded credentials. */
export function grantsOf(source: FlowSource | undefined): readonly FlowKind[] {
  if (source?.app !== undefined) return [source.app.grantType];
  return ['authorization_code', 'client_credentials'];
}

const LOOPBACK_CALLBACK = /^http:\/\/127\.0\.0\.1:\d{4,5}(\/[^?#]*)?$/;

/** The app's callback URLs the Lab can receive: http://127.0.0.1 with a port (RFC 8252 §7.3). */
export function loopbackCallbacks(app: ApplicationView | undefined): string[] {
  return (app?.callbackUrls ?? []).filter((url) => LOOPBACK_CALLBACK.test(url));
}

export function portOf(url: string): number | undefined {
  const port = Number(new URL(url).port);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}
