import { describe, expect, it } from 'vitest';
import type { TargetView } from '../../contract/lab-client';
import { flowSources } from './flow-sources';

const credentials = { clientId: 'gone-1', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false } as const;

describe('the flow sources', () => {
  it('labels loaded credentials whose mock app was deleted as such, and real-region credentials plainly', () => {
    const targets: TargetView[] = [
      { key: 'mock:us', kind: 'mock', region: 'us', label: 'Local mock (US)', baseUrl: 'http://127.0.0.1:4781', credentials },
      { key: 'totango:eu', kind: 'totango', region: 'eu', label: 'Totango EU', baseUrl: 'https://api-eu1.totango.com', credentials: { ...credentials, clientId: 'real-1' } },
    ];
    expect(flowSources([], targets).map((source) => source.label)).toEqual(['Deleted app (loaded credentials) · gone-1', 'Loaded credentials · real-1']);
  });
});
