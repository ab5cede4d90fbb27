import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type EndpointId } from '../../../shared/catalogue';
import { clientCredentialsToken, registerClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { callEndpoint } from './api-caller';
import { toWireRequest } from './catalogue-request';
import { exampleRequest } from './example-requests';

describe('exampleRequest', () => {
  it('gives every catalogued endpoint a request with each of its path parameters', () => {
    for (const endpoint of CATALOGUE) {
      const request = exampleRequest(endpoint.id as EndpointId);
      expect(request.endpointId).toBe(endpoint.id);
      expect(Object.keys(request.pathParams).sort()).toEqual([...endpoint.pathParams].sort());
      expect(() => toWireRequest(request, 'https://api.totango.com')).not.toThrow();
      if (endpoint.method === 'GET' || endpoint.method === 'DELETE') expect(request.body).toBeUndefined();
      else expect(request.body).toBeDefined();
    }
  });

  it('sends the Search API query as the form field "query" holding Totango\'s JSON', () => {
    const wire = toWireRequest(exampleRequest('search-accounts'), 'https://api.totango.com/');
    expect(wire).toMatchObject({ method: 'POST', url: 'https://api.totango.com/api/v1/search/accounts', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const query = JSON.parse(new URLSearchParams(wire.body).get('query') ?? '') as Record<string, unknown>;
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['terms', 'count', 'offset', 'fields', 'scope']));
  });

  it('gives a fresh copy each time, so that editing one leaves the next untouched', () => {
    const edited = exampleRequest('create-touchpoint');
    (edited.body as { json: Record<string, unknown> }).json['subject'] = 'changed';
    (edited.pathParams as Record<string, string>)['x'] = 'y';
    expect((exampleRequest('create-touchpoint').body as { json: Record<string, unknown> }).json['subject']).toBe('Fleet API onboarding call');
    expect(exampleRequest('create-touchpoint').pathParams).toEqual({});
  });

  it('makes the SCIM user to create unique on every run', () => {
    const userName = (unique?: string) => ((exampleRequest('scim-create-user', unique).body as { json: { userName: string } }).json.userName);
    expect(userName('run1')).toBe('alex.rivera+run1@acme-demo.example');
    expect(userName()).not.toBe(userName());
  });

  it('refuses a request with a path parameter missing, naming it', () => {
    expect(() => toWireRequest({ ...exampleRequest('scim-get-user'), pathParams: { 'service-id': '9013' } }, 'https://x.example')).toThrow('missing path parameter "user-id"');
  });
});

describe('the examples against the mock', () => {
  let lab: LabMock;
  beforeAll(async () => {
    lab = await startLabMock();
  });
  afterAll(async () => lab.stop());

  it('each gets a 2xx with an admin token, in catalogue order, on a freshly seeded mock', async () => {
    const token = await clientCredentialsToken(lab, await registerClientApp(lab, ['admin']));
    const statuses: [string, number | undefined][] = [];
    for (const endpoint of CATALOGUE) {
      const result = await callEndpoint(exampleRequest(endpoint.id as EndpointId), { baseUrl: lab.issuer(), accessToken: token.accessToken });
      statuses.push([endpoint.id, result.response?.status]);
    }
    expect(statuses.filter(([, status]) => status === undefined || status < 200 || status >= 300)).toEqual([]);
  });
});
