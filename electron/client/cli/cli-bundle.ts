/**
 * The repro bundle a command-line diagnostic run writes: the application's
 * configuration as far as the token and the options tell it (grant, scopes, lifetime,
 * mutual TLS, acting user, region, target), never a secret.
 *
 * @see ../recorder/repro-bundle.ts
 */
import { writeFile } from 'node:fs/promises';
import type { DiagnosticsMatrix } from '../diagnostics/diagnose';
import type { HttpExchange } from '../http/exchange';
import { buildReproBundle, decodeTokenForBundle, serializeReproBundle } from '../recorder/repro-bundle';
import type { ReproApp } from '../recorder/repro-bundle-schema';
import type { CredentialArgs } from './lab-args';
import type { LabSession } from './lab-session';

/** The application as the token and the command line describe it. */
export function appFromToken(session: LabSession, args: CredentialArgs, accessToken: string, grantedScopes: readonly string[]): ReproApp {
  const decoded = decodeTokenForBundle(accessToken);
  const claims = decoded.kind === 'jwt' ? decoded.claims : {};
  const user = claims['totango_user'] as { id?: unknown; email?: unknown } | undefined;
  const iat = claims['iat'];
  const exp = claims['exp'];
  const clientId = typeof claims['client_id'] === 'string' ? claims['client_id'] : args.clientId;
  const ttl = typeof iat === 'number' && typeof exp === 'number' && exp > iat ? Math.min(exp - iat, 86_400) : undefined;
  const hasUser = typeof user?.id === 'string' && typeof user.email === 'string';
  return {
    name: `command-line diagnostics${clientId === undefined ? '' : ` of ${clientId}`}`.slice(0, 100),
    grantType: claims['auth_time'] !== undefined ? 'authorization_code' : 'client_credentials',
    scopes: grantedScopes.length > 0 ? [...grantedScopes] : ['admin'],
    mutualTls: session.credentials?.hasCertificate ?? false,
    callbackUrls: [],
    ...(hasUser ? { actingUser: { id: String(user?.id), email: String(user?.email) } } : {}),
    region: session.target.region ?? 'us',
    target: { kind: session.kind, baseUrl: session.target.issuer },
    clientAuthentication: args.authMethod,
    ...(ttl === undefined ? {} : { accessTokenTtlSeconds: ttl }),
    ...(clientId === undefined ? {} : { originalClientId: clientId }),
  };
}

export async function writeCliBundle(
  file: string,
  session: LabSession,
  args: CredentialArgs,
  token: { accessToken: string; scopes: readonly string[] },
  timeline: readonly HttpExchange[],
  diagnostics: DiagnosticsMatrix,
): Promise<void> {
  const bundle = buildReproBundle({ app: appFromToken(session, args, token.accessToken, token.scopes), timeline, accessToken: token.accessToken, diagnostics });
  const secrets = [token.accessToken, args.clientSecret, args.pfxPassword].filter((s): s is string => s !== undefined);
  await writeFile(file, serializeReproBundle(bundle, { knownSecrets: secrets }), { mode: 0o600 });
}
