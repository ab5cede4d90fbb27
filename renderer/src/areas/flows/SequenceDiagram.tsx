import { Badge, Box, List, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { GRANT_LABELS, type FlowKind } from './flow-plan';
import { PARTICIPANTS, participantLabel, type LitMessage, type MessageState, type Participant } from './sequence-messages';

const COLUMN_GAP = 180;
const FIRST_COLUMN = 85;
const WIDTH = FIRST_COLUMN * 2 + COLUMN_GAP * (PARTICIPANTS.length - 1);
const HEADER_HEIGHT = 46;
const FIRST_ROW = 100;
const ROW_HEIGHT = 50;

const STROKE: Readonly<Record<MessageState, string>> = {
  pending: 'var(--mantine-color-dimmed)',
  done: 'var(--mantine-color-teal-filled)',
  current: 'var(--mantine-color-blue-filled)',
  failed: 'var(--mantine-color-red-filled)',
};

export const MESSAGE_STATE_WORDS: Readonly<Record<MessageState, string>> = {
  pending: 'not yet',
  done: 'done',
  current: 'just now',
  failed: 'failed',
};

const BADGE_COLOR: Readonly<Record<MessageState, string>> = { pending: 'gray', done: 'teal', current: 'blue', failed: 'red' };

function columnX(participant: Participant): number {
  return FIRST_COLUMN + COLUMN_GAP * PARTICIPANTS.findIndex((p) => p.id === participant);
}

function Arrow({ message, index, markerId }: { readonly message: LitMessage; readonly index: number; readonly markerId: (state: MessageState) => string }) {
  const y = FIRST_ROW + index * ROW_HEIGHT;
  const from = columnX(message.from);
  const to = columnX(message.to);
  const direction = to > from ? 1 : -1;
  const lit = message.state !== 'pending';
  return (
    <g data-message={message.id} data-state={message.state} style={{ transition: 'opacity 300ms' }} opacity={lit ? 1 : 0.55}>
      <line
        x1={from + direction * 6}
        x2={to - direction * 8}
        y1={y}
        y2={y}
        style={{ stroke: STROKE[message.state] }}
        strokeWidth={message.state === 'current' ? 3.5 : message.state === 'pending' ? 1.5 : 2.5}
        strokeDasharray={message.state === 'pending' ? '6 5' : undefined}
        markerEnd={`url(#${markerId(message.state)})`}
      />
      <text
        x={(from + to) / 2}
        y={y - 9}
        textAnchor="middle"
        fontSize={15}
        fontWeight={message.state === 'current' ? 700 : 500}
        // A halo of the page's colour keeps the label readable across the lifelines.
        style={{ fill: lit ? 'var(--mantine-color-text)' : 'var(--mantine-color-dimmed)', stroke: 'var(--mantine-color-body)', strokeWidth: 5, paintOrder: 'stroke', strokeLinejoin: 'round' }}
      >
        {`${index + 1}. ${message.label}`}
      </text>
    </g>
  );
}

export interface SequenceDiagramProps {
  readonly flow: FlowKind;
  readonly messages: readonly LitMessage[];
  /** Show the text list of the messages (it is always there for screen readers). */
  readonly showList?: boolean;
}

/**
 * Who talks to whom: the four participants and the flow's messages, lit as the steps are
 * reported (the latest in blue, earlier ones in teal, a failure in red). The same messages
 * follow as a text list.
 */
export function SequenceDiagram({ flow, messages, showList = true }: SequenceDiagramProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const markerId = (state: MessageState) => `${uid}-arrow-${state}`;
  const height = FIRST_ROW + messages.length * ROW_HEIGHT - 10;
  const active = new Set(messages.filter((m) => m.state === 'current' || m.state === 'failed').flatMap((m) => [m.from, m.to]));
  const doneCount = messages.filter((m) => m.state !== 'pending').length;
  const label = `Sequence diagram of the ${GRANT_LABELS[flow].toLowerCase()} flow between the browser, the Lab, the authorization server and the API: ${doneCount} of ${messages.length} messages so far`;
  const list = (
    <List type="ordered" size="sm" spacing={4} aria-label="The flow’s messages, in order">
      {messages.map((message) => (
        <List.Item key={message.id} data-message={message.id} data-state={message.state}>
          <Text span size="sm">
            {participantLabel(message.from)} → {participantLabel(message.to)}: {message.label}{' '}
          </Text>
          <Badge size="xs" variant="light" color={BADGE_COLOR[message.state]}>
            {MESSAGE_STATE_WORDS[message.state]}
          </Badge>
        </List.Item>
      ))}
    </List>
  );
  return (
    <Box>
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ display: 'block', maxHeight: '70vh' }} data-flow={flow}>
        <defs>
          {(Object.keys(STROKE) as MessageState[]).map((state) => (
            <marker key={state} id={markerId(state)} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" style={{ fill: STROKE[state] }} />
            </marker>
          ))}
        </defs>
        {PARTICIPANTS.map((participant) => {
          const x = columnX(participant.id);
          const highlighted = active.has(participant.id);
          return (
            <g key={participant.id} data-participant={participant.id} data-active={highlighted}>
              <line x1={x} x2={x} y1={HEADER_HEIGHT + 10} y2={height} strokeDasharray="4 6" style={{ stroke: 'var(--mantine-color-default-border)' }} strokeWidth={1.5} />
              <rect x={x - 85} y={6} width={170} height={HEADER_HEIGHT} rx={8} style={{ fill: 'var(--mantine-color-body)', stroke: highlighted ? 'var(--mantine-color-blue-filled)' : 'var(--mantine-color-default-border)' }} strokeWidth={highlighted ? 3 : 1.5} />
              <text x={x} y={6 + HEADER_HEIGHT / 2 + 5} textAnchor="middle" fontSize={14} fontWeight={700} style={{ fill: 'var(--mantine-color-text)' }}>
                {participant.label}
              </text>
            </g>
          );
        })}
        {messages.map((message, index) => (
          <Arrow key={message.id} message={message} index={index} markerId={markerId} />
        ))}
      </svg>
      {showList ? <Box mt="sm">{list}</Box> : <VisuallyHidden>{list}</VisuallyHidden>}
    </Box>
  );
}
