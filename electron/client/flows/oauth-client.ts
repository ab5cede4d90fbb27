/**
 * The openid-client `Configuration` a flow runs on: the target's endpoints (no second
 * discovery), the app's client authentication (Basic or form body, RFC 6749 §2.3.1),
 * a recording fetch, and, for mutual TLS, an undici dispatcher carrying the certificate
 * with the token requests sent to the `mtls_endpoint_aliases` (RFC 8705 §5).
 */
import * as client from 'openid-client';
import type { Agent } from 'undici';
import type { ExchangeSink, HttpExchange } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import type { AppCredentials } from '../targets/app-credentials';
import type { ResolvedTarget } from '../targets/target';
import type { FlowKind, FlowStepListener } from './flow-steps';
import { LabError } from './lab-error';

/** What every flow takes. */
export interface FlowOptions {
  readonly target: ResolvedTarget;
  readonly credentials: AppCredentials;
  /** Receives every exchange (a `Timeline`'s `sink`). */
  readonly sink?: ExchangeSink;
  readonly onStep?: FlowStepListener;
  /** Cancels the flow. */
  readonly signal?: AbortSignal;
  /** Each HTTP request's limit, in seconds (default 30). */
  readonly requestTimeoutSeconds?: number;
  readonly now?: () => number;
}

export interface OAuthClient {
  readonly config: client.Configuration;
  /** Whether token requests go over mutual TLS with the app's certificate. */
  readonly overMutualTls: boolean;
  /** Where token requests go (the mutual-TLS alias when one is used). */
  readonly tokenEndpoint: string;
  /** The exchanges this client made, oldest first. */
  readonly exchanges: readonly HttpExchange[];
  /** The last exchange with the token endpoint. */
  lastTokenExchange(): HttpExchange | undefined;
  close(): Promise<void>;
}

const GRANT_WORDS: Readonly<Record<FlowKind, string>> = { authorization_code: 'authorization code', client_credentials: 'client credentials' };

function serverMetadata(target: ResolvedTarget): client.ServerMetadata {
  const metadata: Record<string, unknown> = {
    ...(target.metadata ?? {}),
    issuer: target.issuer,
    authorization_endpoint: target.authorizationEndpoint,
    token_endpoint: target.tokenEndpoint,
  };
  if (target.jwksUri !== undefined) metadata['jwks_uri'] = target.jwksUri;
  if (target.mtlsTokenEndpoint !== undefined) {
    metadata['mtls_endpoint_aliases'] = { ...((target.metadata?.['mtls_endpoint_aliases'] as object | undefined) ?? {}), token_endpoint: target.mtlsTokenEndpoint };
  }
  return metadata as client.ServerMetadata;
}

function clientAuthentication(credentials: AppCredentials): client.ClientAuth {
  const secret = credentials.clientSecret();
  if (secret === undefined) {
    // RFC 8705 §2: a mutual-TLS client may authenticate with its certificate alone.
    if (credentials.hasCertificate) return client.TlsClientAuth();
    throw new LabError('invalid_configuration', `"clientSecret" is required to authenticate client "${credentials.clientId}"`);
  }
  return credentials.authMethod === 'client_secret_post' ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret);
}

export function createOAuthClient(options: FlowOptions, grant: FlowKind): OAuthClient {
  const { target, credentials } = options;
  const certificate = credentials.certificate();
  const caPem = [target.caPem, credentials.caPem].filter((pem): pem is string => pem !== undefined).join('\n') || undefined;
  const dispatcher: Agent | undefined =
    certificate === undefined && caPem === undefined ? undefined : createTlsAgent({ ...(certificate === undefined ? {} : { certificate }), ...(caPem === undefined ? {} : { caPem }) });
  // With an alias (RFC 8705 §5) token requests go there; without one (Totango's own hosts) to the token endpoint, over HTTPS.
  const useAliases = certificate !== undefined && target.mtlsTokenEndpoint !== undefined;
  const overMutualTls = useAliases || (certificate !== undefined && target.tokenEndpoint.startsWith('https:'));
  const tokenEndpoints = [target.tokenEndpoint, target.mtlsTokenEndpoint].filter((url): url is string => url !== undefined);
  const exchanges: HttpExchange[] = [];
  const secret = credentials.clientSecret();

  const fetch = createRecordingFetch({
    sink: (exchange) => {
      exchanges.push(exchange);
      options.sink?.(exchange);
    },
    ...(dispatcher === undefined ? {} : { dispatcher }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(secret === undefined ? {} : { knownSecrets: [secret] }),
    purpose: ({ method, url }) => {
      const bare = `${url.origin}${url.pathname}`;
      if (tokenEndpoints.includes(bare)) return `token request (${GRANT_WORDS[grant]}${overMutualTls ? ', mutual TLS' : ''})`;
      return `${method} ${url.pathname}`;
    },
  });

  const config = new client.Configuration(
    serverMetadata(target),
    credentials.clientId,
    { client_id: credentials.clientId, ...(useAliases ? { use_mtls_endpoint_aliases: true } : {}) },
    clientAuthentication(credentials),
  );
  config[client.customFetch] = fetch as client.CustomFetch;
  config.timeout = options.requestTimeoutSeconds ?? 30;
  const endpoints = [target.issuer, target.authorizationEndpoint, ...tokenEndpoints];
  if (endpoints.some((url) => url.startsWith('http:'))) client.allowInsecureRequests(config);

  return {
    config,
    overMutualTls,
    tokenEndpoint: useAliases && target.mtlsTokenEndpoint !== undefined ? target.mtlsTokenEndpoint : target.tokenEndpoint,
    exchanges,
    lastTokenExchange: () => [...exchanges].reverse().find((exchange) => tokenEndpoints.some((url) => exchange.request.url.startsWith(url))),
    close: async () => {
      await dispatcher?.close();
    },
  };
}
