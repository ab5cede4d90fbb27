/** For the Settings screen's tests: the window on that screen over a fake Lab whose targets keep their state. */
import { render, screen } from '@testing-library/react';
import type { TargetView } from '../../contract/lab-client';
import { LabApp } from '../../app/LabApp';
import { createLabStores } from '../../stores/lab-stores';
import { createFakeConnection, healthyLab, MOCK_TARGET, type FakeLab } from '../../testing/fake-lab';

export const TOTANGO_EU: TargetView = { key: 'totango:eu', kind: 'totango', region: 'eu', label: 'Totango EU', baseUrl: 'https://api-eu1.totango.com', credentials: null };

export interface TargetsLab {
  readonly lab: FakeLab;
  targets(): readonly TargetView[];
  selected(): string;
}

/** A Lab with the US mock and Totango EU as targets; select, add and remove change what `targets.list` answers. */
export function targetsLab(): TargetsLab {
  const lab = healthyLab();
  let targets: TargetView[] = [MOCK_TARGET, TOTANGO_EU];
  let selected = 'mock:us';
  lab.answer('targets.list', () => ({ targets, selected }));
  lab.answer('targets.select', (input) => {
    selected = (input as { targetKey: string }).targetKey;
    return targets.find((target) => target.key === selected);
  });
  lab.answer('targets.addCustom', (input) => {
    const { baseUrl, label } = input as { baseUrl: string; label?: string };
    const added: TargetView = { key: `custom:${baseUrl}`, kind: 'custom', label: label ?? baseUrl, baseUrl, credentials: null };
    targets = [...targets, added];
    return added;
  });
  lab.answer('targets.removeCustom', (input) => {
    targets = targets.filter((target) => target.key !== (input as { targetKey: string }).targetKey);
    return { done: true };
  });
  return { lab, targets: () => targets, selected: () => selected };
}

/** The window on the Settings area, once its heading shows. */
export async function renderSettings(lab: FakeLab) {
  window.location.hash = '#/settings';
  const stores = createLabStores(lab.client, createFakeConnection(), { answerTimeoutMs: 2_000 });
  const view = render(<LabApp stores={stores} env="test" />);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return { ...view, stores };
}
