/**
 * What `--har FILE` and `--curl` leave after a command-line run, whether it succeeded or
 * not: every HTTP exchange of the run as a HAR 1.2 file (readable by its owner only), and
 * each exchange as a curl command that reproduces it. The exchanges were redacted when
 * they were recorded; the run's own secrets are scrubbed once more, wherever they appear.
 *
 * @see ../recorder/har.ts, ../recorder/curl.ts
 */
import { writeFile } from 'node:fs/promises';
import type { HttpExchange } from '../http/exchange';
import { redactText } from '../http/redaction';
import { curlVariables, toCurl } from '../recorder/curl';
import { harJson } from '../recorder/har';
import type { CredentialArgs, RecordingArgs } from './lab-args';

/** The secrets a run was given, to scrub from anything it writes. */
export function runSecrets(credentials: CredentialArgs): string[] {
  return [credentials.clientSecret, credentials.accessToken, credentials.pfxPassword].filter((secret): secret is string => secret !== undefined);
}

/** The exchanges as curl commands, each under a comment naming what it was for and the variables to set. */
export function curlScript(exchanges: readonly HttpExchange[]): string {
  if (exchanges.length === 0) return '# no HTTP exchange was made\n';
  const commands = exchanges.map((exchange, i) => {
    const variables = curlVariables(exchange);
    const needs = variables.length === 0 ? '' : ` (set ${variables.map((v) => `$${v}`).join(', ')} first)`;
    return `# ${i + 1}. ${exchange.purpose}: ${exchange.response === undefined ? 'no response' : `HTTP ${exchange.response.status}`}${needs}\n${toCurl(exchange)}\n`;
  });
  return `# the run's HTTP exchanges as curl commands; secrets are shell variables, never their values\n${commands.join('\n')}`;
}

/** Writes the HAR and prints the curl commands the options ask for; says on stderr what it wrote. */
export async function writeRecording(recording: RecordingArgs, exchanges: readonly HttpExchange[], secrets: readonly string[], err: (text: string) => void): Promise<void> {
  if (recording.curl) err(redactText(curlScript(exchanges), { knownSecrets: secrets }));
  if (recording.harFile === undefined) return;
  const har = redactText(harJson(exchanges, { comment: `npm run lab: ${exchanges.length} exchange(s), secrets redacted` }), { knownSecrets: secrets });
  await writeFile(recording.harFile, har, { mode: 0o600 });
  err(`HAR written to ${recording.harFile} (${exchanges.length} exchange(s), secrets redacted)\n`);
}
