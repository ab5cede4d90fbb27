/**
 * The walkthrough of each grant, one beat per click: the introduction, the app set up on
 * the mock, each step of the real flow, what the token holds, the token at work, and the
 * end. Step beats advance only once the Lab has reported their step.
 */
import { PLANNED_STEPS, type FlowKind, type PlannedStepName } from '../areas/flows/flow-plan';

export type Beat =
  | { readonly kind: 'intro' }
  | { readonly kind: 'setup' }
  | { readonly kind: 'step'; readonly step: PlannedStepName }
  | { readonly kind: 'token' }
  | { readonly kind: 'api' }
  | { readonly kind: 'end' };

export function beatsOf(grant: FlowKind): readonly Beat[] {
  return [
    { kind: 'intro' },
    { kind: 'setup' },
    ...PLANNED_STEPS[grant].map((planned): Beat => ({ kind: 'step', step: planned.name })),
    { kind: 'token' },
    { kind: 'api' },
    { kind: 'end' },
  ];
}

/** How many of the flow's steps the diagram shows at a beat: those up to the beat's own. */
export function revealedStepCount(grant: FlowKind, beats: readonly Beat[], index: number): number {
  const plan = PLANNED_STEPS[grant];
  let count = 0;
  for (const beat of beats.slice(0, index + 1)) {
    if (beat.kind === 'step') count = plan.findIndex((planned) => planned.name === beat.step) + 1;
    else if (beat.kind === 'token' || beat.kind === 'api' || beat.kind === 'end') count = plan.length;
  }
  return count;
}
