/**
 * `npm run web -- [--data-dir DIR] [--port N] [--mock-port N] [--no-open]`: the Lab in
 * browser mode. The npm script builds the window first (`npm run build:renderer`); this
 * serves it with the contract on 127.0.0.1, prints the launch URL and opens it.
 */
import { LAUNCH_USAGE, parseLaunchArgs, UsageError, type LaunchArgs } from './launch-args';
import { runBrowserMode } from './run-browser-mode';

let args: LaunchArgs;
try {
  args = parseLaunchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`npm run web: ${error.message}\n${LAUNCH_USAGE}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`npm run web: the Lab in your browser, on 127.0.0.1.\n${LAUNCH_USAGE}\n`);
  process.exit(0);
}
if (args.browser) process.stderr.write('npm run web: "--browser" is for npm start; browser mode is all this does.\n');
await runBrowserMode(args);
