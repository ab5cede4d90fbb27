/**
 * The window's preload: exposes the contract as `window.totangoLab` and nothing else.
 * It runs sandboxed, so it is bundled to CommonJS with its dependencies
 * (scripts/build-electron.ts): a sandboxed preload can `require` only `electron` and a
 * few Node shims.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { LAB_BRIDGE_KEY } from '../shared/contract/bridge';
import { createPreloadApi } from './shell/preload-api';

contextBridge.exposeInMainWorld(LAB_BRIDGE_KEY, createPreloadApi(ipcRenderer));
