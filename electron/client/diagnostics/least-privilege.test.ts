import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { covers } from '../../../shared/scopes';
import { coveredEndpoints, leastPrivilegeScopes, neededScopes, reviewScopes } from './least-privilege';

describe('leastPrivilegeScopes', () => {
  it('returns the exact required scopes, each once, in catalogue order', () => {
    expect(leastPrivilegeScopes(['whoami', 'search-accounts', 'audit-log', 'scim-get-user', 'create-touchpoint'])).toEqual([
      'account:read',
      'system_user:read',
      'touchpoint:create',
    ]);
  });

  it('keeps create and update apart rather than widening them to upsert', () => {
    expect(leastPrivilegeScopes(['create-touchpoint', 'update-touchpoint'])).toEqual(['touchpoint:create', 'touchpoint:update']);
  });

  it('covers every endpoint asked for, and no scope is redundant', () => {
    const ids = CATALOGUE.map((e) => e.id);
    const scopes = leastPrivilegeScopes(ids);
    for (const endpoint of CATALOGUE) expect(covers(scopes, endpoint.requiredScope).covered).toBe(true);
    for (const scope of scopes) {
      const without = scopes.filter((s) => s !== scope);
      expect(CATALOGUE.some((e) => !covers(without, e.requiredScope).covered)).toBe(true);
    }
  });

  it('names the endpoints behind each scope', () => {
    expect(neededScopes(['list-touchpoint-types', 'list-touchpoint-tags'])).toEqual([
      { scope: 'touchpoint:definitions:read', endpointIds: ['list-touchpoint-types', 'list-touchpoint-tags'] },
    ]);
  });

  it('refuses an unknown endpoint id, naming it', () => {
    expect(() => leastPrivilegeScopes(['whoami', 'get-coffee'])).toThrow('unknown endpoint "get-coffee" in "endpointId"');
  });
});

describe('reviewScopes', () => {
  it('warns about admin, naming what the integration needs instead', () => {
    const review = reviewScopes(['admin'], ['search-accounts']);
    expect(review.missing).toEqual([]);
    expect(review.warnings).toEqual([{ kind: 'admin', scope: 'admin', message: '"admin" grants every scope; the integration needs only "account:read"' }]);
  });

  it('warns about {entity}:all beyond need, and about scopes that cover nothing needed', () => {
    const review = reviewScopes(['account:read', 'touchpoint:all', 'event:read'], ['search-accounts', 'create-touchpoint']);
    expect(review.needed).toEqual(['account:read', 'touchpoint:create']);
    expect(review.warnings).toEqual([
      { kind: 'entity_all', scope: 'touchpoint:all', message: '"touchpoint:all" grants every operation on its entity; the integration needs only "touchpoint:create"' },
      { kind: 'unused', scope: 'event:read', message: '"event:read" covers none of the endpoints the integration needs; remove it' },
    ]);
  });

  it('says when an {entity}:all is not needed at all', () => {
    expect(reviewScopes(['user:all', 'account:read'], ['search-accounts']).warnings[0]?.message).toBe('"user:all" grants every operation on its entity; the integration needs no user scope');
  });

  it('lists the needed scopes the granted set lacks; an exact set gets no warning', () => {
    expect(reviewScopes(['account:read'], ['search-accounts', 'upsert-accounts'])).toEqual({ needed: ['account:read', 'account:upsert'], missing: ['account:upsert'], warnings: [] });
  });

  it('takes upsert as covering create without a warning when create is needed', () => {
    expect(reviewScopes(['touchpoint:upsert'], ['create-touchpoint'])).toEqual({ needed: ['touchpoint:create'], missing: [], warnings: [] });
  });
});

describe('coveredEndpoints', () => {
  it('lists what account:read and touchpoint:all reach', () => {
    expect(coveredEndpoints(['account:read', 'touchpoint:all']).map((e) => e.id)).toEqual([
      'search-accounts',
      'create-touchpoint',
      'update-touchpoint',
      'delete-touchpoint',
      'list-touchpoint-types',
      'list-touchpoint-tags',
      'list-activity-types',
    ]);
  });
});
