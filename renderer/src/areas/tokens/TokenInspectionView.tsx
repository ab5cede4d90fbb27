import { Alert, Stack, Text } from '@mantine/core';
import { ExpiryCountdown } from './ExpiryCountdown';
import { ExplanationTable } from './ExplanationTable';
import { RawToken } from './RawToken';
import { TokenVerification } from './TokenVerification';
import { sentence, UNREADABLE_TOKEN, type DecodedJwt, type TokenInspection } from './token-words';

export interface TokenInspectionViewProps {
  /** The token as inspected. */
  readonly token: string;
  readonly inspection: TokenInspection;
  /** When the inspection arrived (this machine's clock): where the countdown counts from. */
  readonly inspectedAtMs: number;
}

function Expiry({ decoded, inspectedAtMs }: { readonly decoded: DecodedJwt; readonly inspectedAtMs: number }) {
  const { expiresAt, secondsLeft } = decoded.times;
  if (expiresAt === undefined || secondsLeft === undefined) {
    return (
      <Alert color="orange" variant="light" title="No expiry">
        The token has no &quot;exp&quot; claim: an access token must expire (RFC 9068 §2.2).
      </Alert>
    );
  }
  return <ExpiryCountdown expiresAtEpochSeconds={expiresAt.epochSeconds} secondsLeft={secondsLeft} measuredAtMs={inspectedAtMs} />;
}

/** What the token is and who issued it (the service's summary also says "not yet verified", which the checks below settle). */
function headline(decoded: DecodedJwt): string {
  const kind = String(decoded.header['typ']).toLowerCase() === 'at+jwt' ? 'A JWT access token (RFC 9068)' : 'A JWT';
  const issuer = decoded.claims['iss'];
  return typeof issuer === 'string' ? `${kind}, issued by ${issuer}.` : `${kind}, with no issuer named.`;
}

/**
 * A token taken apart: the raw value (shortened, copyable), the time to expiry, the
 * signature and certificate-binding checks, then the header and the claims explained.
 * A token that is not a readable JWT is said to be so, in plain words.
 */
export function TokenInspectionView({ token, inspection, inspectedAtMs }: TokenInspectionViewProps) {
  const decoded = inspection.decoded;
  if (decoded.kind !== 'jwt') {
    const words = UNREADABLE_TOKEN[decoded.kind];
    return (
      <Stack gap="sm" data-testid="token-inspection" data-token-kind={decoded.kind}>
        <RawToken token={token} />
        <Alert color={decoded.kind === 'invalid' ? 'red' : 'orange'} variant="light" title={words.title}>
          <Stack gap={4}>
            <Text size="sm">{sentence(decoded.summary)}.</Text>
            <Text size="sm">{words.meaning}</Text>
          </Stack>
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="token-inspection" data-token-kind="jwt">
      <Stack gap="xs">
        <RawToken token={token} />
        <Text size="sm">{headline(decoded)}</Text>
        <Expiry decoded={decoded} inspectedAtMs={inspectedAtMs} />
      </Stack>
      <TokenVerification inspection={inspection} />
      <ExplanationTable title="Header" nameHeading="Parameter" explanations={decoded.headerExplanations} json={decoded.header} />
      <ExplanationTable title="Claims" nameHeading="Claim" explanations={decoded.claimExplanations} json={decoded.claims} />
    </Stack>
  );
}
