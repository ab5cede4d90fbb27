/**
 * `npm start -- [--data-dir DIR] [--mock-port N] [--port N] [--no-open] [--browser]`:
 * the Lab. Where Electron's runtime is installed (and there is a display), builds the
 * window and the Electron bundles and launches the app. Where it is missing, tries once
 * to download it; if that fails, runs browser mode after one line that says why, with
 * the launch URL and where the mock listens.
 *
 * @see ./electron-runtime.ts for the choice, ./run-browser-mode.ts for browser mode
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chooseShell, realProbes } from './electron-runtime';
import { LAUNCH_USAGE, parseLaunchArgs, UsageError, type LaunchArgs } from './launch-args';
import { PROJECT_DIR, runBrowserMode } from './run-browser-mode';

let args: LaunchArgs;
try {
  args = parseLaunchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`npm start: ${error.message}\n${LAUNCH_USAGE}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`npm start: the Lab, in Electron where its runtime is installed, else in your browser.\n${LAUNCH_USAGE}\n`);
  process.exit(0);
}

const note = (line: string) => process.stderr.write(`${line}\n`);
const choice = await chooseShell(realProbes(PROJECT_DIR), { forceBrowser: args.browser, note });
await runNpmScript('build:renderer', 'Building the window');
if (choice.shell === 'browser') {
  await runBrowserMode(args, { preface: [choice.why], mockSummary: true });
} else {
  await runNpmScript('build:electron', 'Building the Electron bundles');
  launchElectron(choice.executable, args);
}

/** Runs `npm run <name>` quietly; on failure shows its output and stops. */
async function runNpmScript(name: string, what: string): Promise<void> {
  note(`${what} (npm run ${name})…`);
  // Under npm, npm_execpath is npm's own CLI: run it with this Node, no shell needed on any platform.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const child = spawn(command, [...prefix, 'run', name], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'], shell: !npmCli && process.platform === 'win32' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += `${error.message}\n`;
      resolve(1);
    });
    child.once('close', resolve);
  });
  if (code === 0) return;
  process.stderr.write(`${output}\nnpm start: "npm run ${name}" failed (status ${code ?? 'killed'}); see its output above.\n`);
  process.exit(1);
}

/** Electron runs until its window is closed; Ctrl+C here reaches it, and its status is ours. */
function launchElectron(executable: string, launch: LaunchArgs): void {
  const forwarded = [...(launch.dataDir === undefined ? [] : ['--data-dir', resolve(launch.dataDir)]), ...(launch.mockPort === undefined ? [] : ['--mock-port', String(launch.mockPort)])];
  const child = spawn(executable, [join(PROJECT_DIR, 'dist', 'electron', 'main.js'), ...forwarded], { cwd: PROJECT_DIR, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.once('error', (error) => {
    process.stderr.write(`npm start: Electron could not start (${error.message}); try: npm start -- --browser\n`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}
