import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/wire';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import { createFakeConnection, healthyLab, type FakeLab } from '../../testing/fake-lab';
import { INVALID_INSPECTION, OPAQUE_INSPECTION, SAMPLE_ACCESS_TOKEN, sampleCurrentToken, sampleJwtInspection } from './token-samples';

function renderTokens(lab: FakeLab) {
  window.location.hash = '#/tokens';
  return render(<LabApp stores={createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 })} env="test" />);
}

function labWithToken(): FakeLab {
  const lab = healthyLab();
  lab.answer('tokens.current', () => ({ token: sampleCurrentToken() }));
  lab.answer('tokens.inspect', () => sampleJwtInspection());
  return lab;
}

const callsOf = (lab: FakeLab, name: string) => lab.calls.filter((call) => call.name === name).map((call) => call.input);

beforeEach(() => {
  window.localStorage.clear();
});

describe('the tokens screen without a token', () => {
  it('says to run a flow or paste a token, and goes to Flows', async () => {
    renderTokens(healthyLab());
    const empty = await screen.findByTestId('tokens-empty');
    expect(empty.textContent).toContain('Run a flow or paste a token');
    fireEvent.click(within(empty).getByRole('button', { name: 'Go to Flows' }));
    expect(window.location.hash).toBe('#/flows');
  });

  it('opens the paste tab from the empty state', async () => {
    renderTokens(healthyLab());
    fireEvent.click(within(await screen.findByTestId('tokens-empty')).getByRole('button', { name: 'Paste a token' }));
    expect(await screen.findByRole('textbox', { name: 'Paste a token' })).toBeTruthy();
  });
});

describe('the current token', () => {
  it('is verified against its own target and shown: header and claims explained, scopes expanded, the token shortened', async () => {
    const lab = labWithToken();
    renderTokens(lab);
    const claims = await screen.findByRole('table', { name: 'Claims' });
    expect(callsOf(lab, 'tokens.inspect')).toEqual([{ token: SAMPLE_ACCESS_TOKEN, verifyAgainst: 'mock:us' }]);

    const scopeRow = claims.querySelector('[data-name="scope"]') as HTMLElement;
    const scopes = within(scopeRow).getByRole('list', { name: 'What each scope allows' });
    expect(within(scopes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'account:read Read accounts',
      'touchpoint:all Every operation on touchpoints, definitions included',
    ]);
    expect(within(claims.querySelector('[data-name="house_rule"]') as HTMLElement).getByText('unknown')).toBeTruthy();
    // A time claim shows in local time beside its number.
    expect((claims.querySelector('[data-name="exp"]') as HTMLElement).textContent).toMatch(/1772704800.*2026/);
    expect(within(screen.getByRole('table', { name: 'Header' })).getByText(/ECDSA on P-256/)).toBeTruthy();

    const raw = screen.getByTestId('raw-token');
    expect(raw.hasAttribute('data-secret')).toBe(true);
    expect(raw.textContent).not.toContain('MIDDLE-OF-THE-SIGNATURE');
    expect(document.body.textContent).not.toContain(SAMPLE_ACCESS_TOKEN);
    expect(screen.getByRole('button', { name: 'Copy the token' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the claims as JSON' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the header as JSON' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Time to expiry' }).textContent).toBe('23 h 59 min 59 s left');
    expect(screen.getByTestId('current-token-details').textContent).toMatch(/Client-credentials flow.*Local mock \(US\).*app-1/);
  });

  it('shows every verification check as a pass, fail or skipped badge with its message', async () => {
    renderTokens(labWithToken());
    const checks = await screen.findByRole('table', { name: 'Verification checks' });
    const row = (name: string) => checks.querySelector(`[data-check="${name}"]`) as HTMLElement;
    expect(within(row('signature')).getByText('pass')).toBeTruthy();
    expect(row('signature').textContent).toContain('The signature verifies with a key of');
    expect(within(row('aud')).getByText('fail')).toBeTruthy();
    expect(row('aud').textContent).toContain('Meant for https://elsewhere');
    expect(within(row('cnf')).getByText('skipped')).toBeTruthy();
    expect(row('cnf').textContent).toContain('The token is not bound to a certificate');
    expect(screen.getByTestId('token-verification').textContent).toMatch(/^Verified.*Signature.*pass.*Certificate binding.*skipped/);
  });

  it('explains why a token was not verified', async () => {
    const lab = labWithToken();
    lab.answer('tokens.inspect', () => ({ ...sampleJwtInspection(), verification: undefined, verificationSkipped: 'the issuer\'s keys at http://x/jwks could not be fetched (connection refused): the token is decoded, not verified' }));
    renderTokens(lab);
    const skipped = await screen.findByTestId('verification-skipped');
    expect(skipped.textContent).toContain("The issuer's keys at http://x/jwks could not be fetched (connection refused)");
    expect(skipped.textContent).toContain('only a signature checked');
  });

  it('follows the token a flow just got (tokens.changed), and forgets it on request', async () => {
    const lab = healthyLab();
    lab.answer('tokens.inspect', () => sampleJwtInspection());
    lab.answer('tokens.clear', () => ({ done: true }));
    renderTokens(lab);
    await screen.findByTestId('tokens-empty');
    act(() => lab.emit({ name: 'tokens.changed', payload: { token: sampleCurrentToken() } }));
    expect(await screen.findByRole('table', { name: 'Claims' })).toBeTruthy();

    lab.answer('tokens.current', () => ({ token: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget this token' }));
    expect(await screen.findByTestId('tokens-empty')).toBeTruthy();
    expect(callsOf(lab, 'tokens.clear')).toEqual([{}]);
  });
});

describe('a pasted token', () => {
  async function paste(lab: FakeLab, text: string) {
    renderTokens(lab);
    fireEvent.click(await screen.findByRole('tab', { name: 'Paste a token' }));
    const box = screen.getByRole('textbox', { name: 'Paste a token' });
    expect(box.hasAttribute('data-secret')).toBe(true);
    fireEvent.change(box, { target: { value: text } });
  }

  it('says an opaque token is opaque, in plain words', async () => {
    const lab = healthyLab();
    lab.answer('tokens.inspect', () => OPAQUE_INSPECTION);
    await paste(lab, '  garbage-token-value ');
    fireEvent.click(screen.getByRole('button', { name: 'Inspect' }));
    const inspection = await screen.findByTestId('token-inspection');
    expect(callsOf(lab, 'tokens.inspect')).toEqual([{ token: 'garbage-token-value' }]);
    expect(inspection.getAttribute('data-token-kind')).toBe('opaque');
    expect(inspection.textContent).toContain('Opaque token');
    expect(inspection.textContent).toContain('The token is opaque: not a JWT');
    expect(screen.queryByRole('table', { name: 'Claims' })).toBeNull();
  });

  it('says garbage is not a token, and refuses to use it with the reason next to the box', async () => {
    const lab = healthyLab();
    lab.answer('tokens.inspect', () => INVALID_INSPECTION);
    lab.answer('tokens.use', () => {
      throw new ContractError({ code: 'invalid_input', field: 'token', message: '"token" cannot be used: not a token' });
    });
    await paste(lab, 'not a token!');
    fireEvent.click(screen.getByRole('button', { name: 'Inspect' }));
    expect((await screen.findByTestId('token-inspection')).textContent).toContain('Not a valid token');

    fireEvent.click(screen.getByRole('button', { name: 'Use as the current token' }));
    expect(await screen.findByText('"token" cannot be used: not a token')).toBeTruthy();
    expect(callsOf(lab, 'tokens.use')).toEqual([{ token: 'not a token!' }]);
  });

  it('becomes the current token on request, and the screen shows it', async () => {
    const lab = healthyLab();
    lab.answer('tokens.inspect', () => sampleJwtInspection());
    lab.answer('tokens.use', () => {
      lab.answer('tokens.current', () => ({ token: sampleCurrentToken({ source: 'pasted' }) }));
      return sampleCurrentToken({ source: 'pasted' });
    });
    await paste(lab, `Bearer ${SAMPLE_ACCESS_TOKEN}`);
    fireEvent.click(screen.getByRole('button', { name: 'Use as the current token' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Current token' }).getAttribute('aria-selected')).toBe('true'));
    expect((await screen.findByTestId('current-token-details')).textContent).toContain('Pasted');
    expect(callsOf(lab, 'tokens.use')).toEqual([{ token: `Bearer ${SAMPLE_ACCESS_TOKEN}` }]);
  });
});
