/**
 * Test support for the mock Totango: starts it on free loopback ports over a fresh data
 * directory, drives the admin API, and plays the browser through the sign-in and consent
 * pages over real HTTP, carrying the session cookie as a browser would.
 *
 * Used by the mock's integration tests only; nothing in the product imports it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegionId } from '../../../shared/regions';
import type { Application, CreateApplicationInput } from '../applications';
import type { MockSettings } from '../mock-state';
import { startMockTotango, type MockTotango } from '../mock-totango';

export interface MockHarness {
  readonly mock: MockTotango;
  readonly dataDir: string;
  /** Everything the mock reported through `logError` (it logs every 500 it answers). */
  readonly loggedErrors: { message: string; cause: unknown }[];
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>>;
  createApp(input: CreateApplicationInput): Promise<RegisteredApp>;
  updateSettings(changes: Partial<MockSettings>): Promise<MockSettings>;
  issuer(region?: RegionId): string;
  stop(): Promise<void>;
}

export interface JsonResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RegisteredApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly application: Application;
}

export interface StartOptions {
  /** Raised from Totango's two so that a test file can register what it needs; omit to keep the default. */
  readonly applicationLimit?: number;
}

export async function startMockHarness(options: StartOptions = {}): Promise<MockHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lab-mock-'));
  const loggedErrors: { message: string; cause: unknown }[] = [];
  const mock = await startMockTotango({ dataDir, port: 0, logError: (message, cause) => loggedErrors.push({ message, cause }) });

  const admin = async <T>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (body !== undefined) init.headers = { 'content-type': 'application/json' };
    const response = await fetch(`${mock.urls.admin}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };

  const harness: MockHarness = {
    mock,
    dataDir,
    loggedErrors,
    admin,
    async createApp(input) {
      const response = await admin<{ application: Application; clientSecret: string }>('POST', '/admin/applications', input);
      if (response.status !== 201) throw new Error(`creating the application failed: ${response.status} ${JSON.stringify(response.body)}`);
      const { application, clientSecret } = response.body;
      return { clientId: application.clientId, clientSecret, application };
    },
    async updateSettings(changes) {
      const response = await admin<MockSettings>('PATCH', '/admin/settings', changes);
      if (response.status !== 200) throw new Error(`updating the settings failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    issuer: (region = 'us') => mock.urls.regions[region].issuer,
    stop: () => mock.stop(),
  };
  if (options.applicationLimit !== undefined) await harness.updateSettings({ applicationLimit: options.applicationLimit });
  return harness;
}

/** `Authorization: Basic` per RFC 6749 §2.3.1: both halves form-urlencoded, then joined and base64-encoded. */
export function basicAuthorization(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** POSTs a form body; `headers` may replace the content type. */
export function postForm(url: string, params: Record<string, string> | string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  const body = typeof params === 'string' || Buffer.isBuffer(params) ? params : new URLSearchParams(params).toString();
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body, redirect: 'manual' });
}

/** A PKCE pair (RFC 7636 §4.1, §4.2, S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

/** The value of a hidden (or any) input of a page, by name. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  return tag === undefined ? undefined : /\bvalue="([^"]*)"/.exec(tag)?.[1];
}

/** The text of the page's alert, if it shows one, with the page's character references decoded. */
export function alertText(html: string): string | undefined {
  const escaped = /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
  return escaped?.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/**
 * One browser: keeps the mock's session cookie between requests, follows no redirect,
 * and submits the sign-in and consent forms the way the pages would.
 */
export class BrowserSession {
  private cookie: string | undefined;

  constructor(private readonly issuer: string) {}

  /** Opens an authorization URL: the sign-in page, the error page, or a redirect (not followed). */
  async open(url: string | URL): Promise<Page> {
    return this.page(await fetch(url, { redirect: 'manual', headers: this.cookieHeader() }));
  }

  async signIn(interaction: string, user: { userId: string } | { email: string }): Promise<Page> {
    const form: Record<string, string> = 'userId' in user ? { interaction, user_id: user.userId } : { interaction, email: user.email };
    return this.page(await postForm(`${this.issuer}/oauth/authorize/login`, form, this.cookieHeader()));
  }

  /** Submits the consent form; a decision answers with a 303 to the callback URL. */
  async decide(interaction: string, decision: 'approve' | 'deny'): Promise<Page> {
    return this.page(await postForm(`${this.issuer}/oauth/authorize/consent`, { interaction, decision }, this.cookieHeader()));
  }

  /** Opens the URL, signs in and decides; returns where the mock redirected the browser. */
  async authorize(url: string | URL, decision: 'approve' | 'deny' = 'approve', user: { userId: string } | { email: string } = { userId: 'u-1001' }): Promise<URL> {
    const signIn = await this.open(url);
    const interaction = inputValue(signIn.html, 'interaction');
    if (signIn.status !== 200 || interaction === undefined) throw new Error(`no sign-in page: ${signIn.status} ${signIn.headers.get('location') ?? alertText(signIn.html) ?? ''}`);
    const consent = await this.signIn(interaction, user);
    if (consent.status !== 200 || !consent.html.includes('/oauth/authorize/consent')) throw new Error(`no consent page: ${alertText(consent.html) ?? consent.status}`);
    const answer = await this.decide(interaction, decision);
    const location = answer.headers.get('location');
    if (answer.status !== 303 || location === null) throw new Error(`no redirect after consent: ${answer.status}`);
    return new URL(location);
  }

  /** The session cookie (`name=value`) this browser holds, for a request sent by hand. */
  get cookieValue(): string | undefined {
    return this.cookie;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookie === undefined ? {} : { cookie: this.cookie };
  }

  private async page(response: Response): Promise<Page> {
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    return { status: response.status, headers: response.headers, html: await response.text() };
  }
}

export interface CodeRequest {
  readonly clientId: string;
  readonly redirectUri?: string;
  readonly scope?: string;
  readonly state?: string;
  readonly codeChallenge?: string;
  readonly region?: RegionId;
}

/** Runs the authorization request through sign-in and approval, and returns the code the callback received. */
export async function obtainCode(harness: MockHarness, request: CodeRequest): Promise<string> {
  const issuer = harness.issuer(request.region);
  const url = new URL(`${issuer}/oauth/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  if (request.redirectUri !== undefined) url.searchParams.set('redirect_uri', request.redirectUri);
  if (request.scope !== undefined) url.searchParams.set('scope', request.scope);
  if (request.state !== undefined) url.searchParams.set('state', request.state);
  if (request.codeChallenge !== undefined) {
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  const callback = await new BrowserSession(issuer).authorize(url);
  const code = callback.searchParams.get('code');
  if (code === null) throw new Error(`the callback got no code: ${callback.href}`);
  return code;
}

/**
 * A request with exactly the headers given, Host included (fetch sets Host itself), for
 * the checks a browser's fetch cannot reach.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        } catch (error) {
          reject(error as Error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
