import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import type { ContractErrorData } from '../../../../shared/contract/wire';
import { areaHref } from '../../app/routing';
import { flowAdvice, type AdviceContext } from './flow-advice';

/** Why the flow stopped (the contract's error, and the OAuth error the server sent) and what to try next. */
export function FlowFailure({ error, context }: { readonly error: ContractErrorData; readonly context: AdviceContext }) {
  const advice = flowAdvice(error, context);
  // The server's answer, unless the cause already quotes it (it often does: "… invalid_scope: …").
  const oauth = error.oauth;
  const answerShown = oauth !== undefined && !(error.message.includes(oauth.error) && (oauth.error_description === undefined || error.message.includes(oauth.error_description)));
  return (
    <Alert color="red" variant="light" title={`The flow stopped here: ${error.code}`} role="alert" data-testid="flow-failure">
      <Stack gap={6} align="flex-start">
        <Text size="sm">Cause: {error.message}</Text>
        {!answerShown || oauth === undefined ? null : (
          <Text size="sm" data-testid="flow-failure-answer">
            The server answered <Code>{oauth.error}</Code>
            {oauth.error_description === undefined ? '.' : `: ${oauth.error_description}`}
          </Text>
        )}
        <Text size="sm" fw={600}>
          Next: <Text span inherit fw={400}>{advice.next}</Text>
        </Text>
        {advice.action === undefined ? null : (
          <Button component="a" href={areaHref(advice.action.area)} size="xs" variant="light" color="red">
            {advice.action.label}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
