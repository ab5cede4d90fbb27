/**
 * The window's entry: reach the Lab (IPC in Electron, HTTP and WebSocket in browser mode),
 * build the stores over that one client, and render the frame.
 */
import './contract/zod-without-eval';
import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabApp } from './app/LabApp';
import { connectToLab } from './contract/connect';
import { createLabStores } from './stores/lab-stores';
import { rememberedTheme } from './theme/theme';

const container = document.getElementById('root');
if (container === null) throw new Error('the page has no "#root" element');

const { client, connection } = connectToLab(window);
const stores = createLabStores(client, connection, { initialTheme: rememberedTheme(window.localStorage) });

createRoot(container).render(
  <StrictMode>
    <LabApp stores={stores} />
  </StrictMode>,
);
