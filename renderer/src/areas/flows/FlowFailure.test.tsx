import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlowFailure } from './FlowFailure';

const show = (message: string) =>
  render(
    <MantineProvider>
      <FlowFailure error={{ code: 'invalid_scope', message, oauth: { error: 'invalid_scope', error_description: 'scope x is not granted' } }} context={{ flow: 'client_credentials', mockApp: true }} />
    </MantineProvider>,
  );

describe('a failed flow step', () => {
  it('states the server answer once: not again when the cause already quotes it', () => {
    show('The token endpoint refused: invalid_scope: scope x is not granted');
    expect(screen.getByTestId('flow-failure').textContent?.match(/scope x is not granted/g)).toHaveLength(1);
    expect(screen.queryByTestId('flow-failure-answer')).toBeNull();
  });

  it('adds the server answer when the cause does not carry it', () => {
    show('The token endpoint refused the request.');
    expect(screen.getByTestId('flow-failure-answer').textContent).toBe('The server answered invalid_scope: scope x is not granted');
  });
});
