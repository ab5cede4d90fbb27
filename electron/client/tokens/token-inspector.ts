/**
 * The token inspector: any pasted token decoded and explained (`token-decoder.ts`) and,
 * when a target is given, verified as that target's APIs would (`token-verifier.ts`).
 */
import type { ClientCertificate } from '../http/client-certificate';
import type { LabFetch } from '../http/recording-fetch';
import type { ResolvedTarget } from '../targets/target';
import { decodeToken, type DecodeOptions, type DecodedToken } from './token-decoder';
import { verifyToken, type TokenVerification, type VerifyOptions } from './token-verifier';

export { decodeToken, normalizePastedToken, type DecodeOptions, type DecodedToken, type TokenTime, type TokenTimes } from './token-decoder';
export { verifyToken, type TokenCheck, type TokenCheckName, type TokenVerification, type VerifyOptions } from './token-verifier';
export { explainClaim, explainHeaderParameter, localTimeFormatter, timeLeftWords, type Explanation } from './claim-explanations';

export interface InspectOptions extends DecodeOptions {
  /** Verify against this (omit to decode only). */
  readonly verify?: Omit<VerifyOptions, 'now'>;
  /** Names the clock `now` reads when it is not this machine's ("the mock's clock"). */
  readonly clockName?: string;
}

export interface TokenInspection {
  readonly decoded: DecodedToken;
  readonly verification?: TokenVerification;
}

export async function inspectToken(pasted: string, options: InspectOptions = {}): Promise<TokenInspection> {
  const decoded = decodeToken(pasted, options);
  if (options.verify === undefined) return { decoded };
  const verification = await verifyToken(pasted, {
    ...options.verify,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.clockName === undefined ? {} : { clockName: options.clockName }),
  });
  return { decoded, verification };
}

/** What to verify a token of a target against: its issuer, its JWKS, its APIs' audience. */
export function verificationFor(target: ResolvedTarget, fetch: LabFetch, certificate?: ClientCertificate): Omit<VerifyOptions, 'now'> {
  return {
    issuer: target.issuer,
    audience: target.issuer,
    ...(target.jwksUri === undefined ? {} : { jwksUri: target.jwksUri }),
    fetch,
    ...(certificate === undefined ? {} : { certificate }),
  };
}
