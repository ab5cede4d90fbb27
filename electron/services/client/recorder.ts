/**
 * The `recorder` service: the one timeline every flow, call and diagnostic run records
 * onto (exchanges already redacted), each exchange as a curl command, the timeline as
 * HAR 1.2, and repro bundles out (one application's: its configuration, its exchanges,
 * its token and its diagnostics; no secret: the text is scrubbed once more of every
 * secret the Lab holds) and in (the app recreated on the local mock, its secret kept
 * for the session and loaded as the mock target's credentials).
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.6 (do not log secrets)
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { FileExport } from '../../../shared/contract/mock-schemas';
import { redactText } from '../../client/http/redaction';
import { curlVariables, toCurl } from '../../client/recorder/curl';
import { harJson } from '../../client/recorder/har';
import { buildReproBundle, parseReproBundle, serializeReproBundle } from '../../client/recorder/repro-bundle';
import { importReproBundle, type ImportedApp } from '../../client/recorder/repro-import';
import type { ReproBundle } from '../../client/recorder/repro-bundle-schema';
import { ServiceError } from '../service-error';
import { LAB_NAME } from './lab';
import { bundleApp, bundleContents } from './repro-app';
import type { ClientSession } from './session-state';
import { useMockApplication } from './targets';
import { exchangeView } from './views';

type RecorderHandlers = ContractHandlers<LabContract>['recorder'];

function stamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function jsonFile(fileName: string, mediaType: string, content: string): FileExport {
  return { fileName, mediaType, encoding: 'utf8', content };
}

async function importBundle(session: ClientSession, content: string) {
  const { context } = session;
  let bundle: ReproBundle;
  try {
    bundle = parseReproBundle(content);
  } catch (error) {
    throw new ServiceError('invalid_input', error instanceof Error ? error.message : 'the repro bundle cannot be read', { field: 'content', cause: error });
  }
  let imported: ImportedApp;
  try {
    imported = await importReproBundle(bundle, { adminBaseUrl: context.mockAdmin.adminUrl, raiseApplicationLimit: true });
  } catch (error) {
    if (error instanceof TypeError) throw new ServiceError('unavailable', `the mock's admin API at "${context.mockAdmin.adminUrl}" did not answer`, { cause: error });
    throw new ServiceError('validation_failed', error instanceof Error ? error.message : 'the mock refused the bundle', { cause: error });
  }
  context.secrets.remember(imported.clientId, imported.clientSecret);
  context.events.emit('mock.changed', { what: 'applications' });
  if (imported.actingUserId !== undefined) context.events.emit('mock.changed', { what: 'users' });
  await useMockApplication(session, imported.clientId, bundle.app.clientAuthentication);
  return { clientId: imported.clientId, region: imported.region, ...(imported.actingUserId === undefined ? {} : { actingUserId: imported.actingUserId }), notes: [...imported.notes] };
}

export function recorderHandlers(session: ClientSession): RecorderHandlers {
  const { context } = session;
  const exchange = (exchangeId: string) => {
    const found = session.timeline.get(exchangeId);
    if (found === undefined) throw new ServiceError('not_found', `no exchange "${exchangeId.slice(0, 100)}" on the timeline`, { field: 'exchangeId' });
    return found;
  };
  return {
    async timeline() {
      return { exchanges: session.timeline.list().map(exchangeView) };
    },
    async clear() {
      session.timeline.clear();
      return { done: true as const };
    },
    async curl({ exchangeId }) {
      const found = exchange(exchangeId);
      return { command: redactText(toCurl(found), { knownSecrets: session.knownSecrets() }), variables: curlVariables(found) };
    },
    async exportHar() {
      const text = harJson(session.timeline.list(), { creator: { name: LAB_NAME, version: context.version } });
      return jsonFile(`lab-timeline-${stamp()}.har`, 'application/json', redactText(text, { knownSecrets: session.knownSecrets() }));
    },
    async exportBundle({ clientId }) {
      const app = await bundleApp(session, clientId);
      const bundle = buildReproBundle(bundleContents(session, app));
      const appSecret = app.originalClientId === undefined ? undefined : context.secrets.get(app.originalClientId);
      const knownSecrets = [...session.knownSecrets(), ...(appSecret === undefined ? [] : [appSecret])];
      return jsonFile(`repro-bundle-${stamp()}.json`, 'application/json', serializeReproBundle(bundle, { knownSecrets }));
    },
    importBundle: async ({ content }) => importBundle(session, content),
  };
}
