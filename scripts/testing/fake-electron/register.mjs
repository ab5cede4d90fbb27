// node --import ./register.mjs main.js: `electron` resolves to the fake in electron.mjs.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
