import { describe, expect, it } from 'vitest';
import { narrate, type NarrationContext } from './demo-narration';

const context = (authorizationUrl: string | null): NarrationContext => ({ grant: 'authorization_code', app: null, how: null, users: [], arrived: true, authorizationUrl });
const firstLine = (url: string | null) => narrate({ kind: 'step', step: 'request-built' }, context(url)).lines[0];

describe('the authorization URL narration', () => {
  it('names the scopes only when the URL carries them', () => {
    expect(firstLine('https://mock/oauth/authorize?client_id=a&scope=account%3Aread+touchpoint%3Aall')).toContain('It asks for the scopes account:read, touchpoint:all in scope.');
    expect(firstLine('https://mock/oauth/authorize?client_id=a')).toContain('It names no scope: the app asks for all it was registered with');
    expect(firstLine('https://mock/oauth/authorize?client_id=a')).not.toContain('scope,');
  });
});
