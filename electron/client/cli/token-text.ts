/**
 * What `token` and `flow` print: the token decoded, each claim explained, and verified
 * against the target's JWKS, its times by the target's clock; never the token itself.
 *
 * @see ../tokens/token-inspector.ts
 */
import type { TokenResult } from '../flows/token-result';
import type { ExchangeSink } from '../http/exchange';
import { createRecordingFetch } from '../http/recording-fetch';
import { durationWords } from '../tokens/claim-explanations';
import { inspectToken, verificationFor, type Explanation } from '../tokens/token-inspector';
import type { LabSession } from './lab-session';

/** The token decoded and explained, and verified against the target's JWKS; never the token itself. */
export async function describeToken(accessToken: string, result: TokenResult | undefined, session: LabSession, sink: ExchangeSink, json: boolean): Promise<string> {
  const fetch = createRecordingFetch({ sink, ...(session.dispatcher === undefined ? {} : { dispatcher: session.dispatcher }) });
  const inspection = await inspectToken(accessToken, {
    now: session.now,
    ...(session.clockName === undefined ? {} : { clockName: session.clockName }),
    verify: verificationFor(session.target, fetch, session.credentials?.certificate()),
  });
  if (json) return `${JSON.stringify({ ...inspection, response: result?.toJSON() }, null, 2)}\n`;
  const { decoded, verification } = inspection;
  // The decoder's summary says "not yet verified"; here the verification follows.
  const lines = [verification === undefined ? decoded.summary : decoded.summary.replace(/; decoded, not yet verified$/, '; decoded, and verified below')];
  if (session.clockName !== undefined) {
    const offset = Math.round((session.now() - Date.now()) / 1000);
    lines.push(`times by ${session.clockName}, ${durationWords(Math.abs(offset))} ${offset >= 0 ? 'ahead of' : 'behind'} this machine's`);
  }
  if (decoded.kind === 'jwt') {
    const show = (e: Explanation) => [`  ${e.name}: ${JSON.stringify(e.value)}`, `      ${e.explanation}`, ...(e.details ?? []).map((d) => `        ${d}`)];
    lines.push('header:', ...decoded.headerExplanations.flatMap(show), 'claims:', ...decoded.claimExplanations.flatMap(show));
    if (decoded.times.expiresAt !== undefined) lines.push(`expires: ${decoded.times.expiresAt.local} (${decoded.times.timeLeft ?? ''})`);
  }
  if (verification !== undefined) lines.push(`verification: ${verification.valid ? 'valid' : 'NOT valid'}`, ...verification.checks.map((c) => `  ${c.status.padEnd(7)} ${c.name}: ${c.message}`));
  if (result !== undefined) lines.push(`granted scopes: ${result.scopes.join(' ') || '(none stated)'}`);
  return `${lines.join('\n')}\n`;
}
