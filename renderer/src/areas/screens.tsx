/**
 * Which screen each area shows, below its heading. One file per area, under
 * `areas/<area id>/`: a screen owns its folder.
 */
import type { ComponentType } from 'react';
import type { AreaId } from '../app/areas';
import { ApiExplorerScreen } from './api-explorer/ApiExplorerScreen';
import { AppsScreen } from './apps/AppsScreen';
import { DiagnosticsScreen } from './diagnostics/DiagnosticsScreen';
import { FlowsScreen } from './flows/FlowsScreen';
import { MockServerScreen } from './mock-server/MockServerScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { SupportScreen } from './support/SupportScreen';
import { TokensScreen } from './tokens/TokensScreen';

export const AREA_SCREENS: Readonly<Record<AreaId, ComponentType>> = Object.freeze({
  apps: AppsScreen,
  flows: FlowsScreen,
  tokens: TokensScreen,
  'api-explorer': ApiExplorerScreen,
  diagnostics: DiagnosticsScreen,
  'mock-server': MockServerScreen,
  support: SupportScreen,
  settings: SettingsScreen,
});
