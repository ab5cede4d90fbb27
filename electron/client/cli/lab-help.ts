/**
 * The text of `npm run lab -- help`.
 *
 * @see ./lab-args.ts
 */
import { CATALOGUE } from '../../../shared/catalogue';

export function labHelp(): string {
  const endpoints = CATALOGUE.map((e) => `  ${e.id.padEnd(30)} ${e.method.padEnd(6)} ${e.path}  (${e.requiredScope})`).join('\n');
  return `usage: npm run lab -- <command> [options]
       npm run lab -- --forget [--target ...] [--data-dir DIR]

commands:
  diagnose                      get a token and call every catalogued endpoint; print the scope matrix
                                (exit 1 when an endpoint fails, mismatches or errs)
  token                         get a token and print it decoded (header and claims; never the token)
  call <endpoint-id>            call one endpoint with its example request
  flow authorization-code       run the authorization-code flow: prints the URL to open, waits for the callback
  flow client-credentials       run the client-credentials flow step by step

target:
  --target mock|us|eu|custom    where to go (default mock)
  --region us|eu                the mock's region (default us)
  --mock-admin URL              the mock's admin API (default http://127.0.0.1:4780; its /admin/status gives the URLs)
  --base-url URL                the base URL of a custom target
  --ca FILE                     a CA certificate (PEM) to trust

credentials (secrets are best given through the environment, to keep them out of shell history):
  --client-id ID                or TOTANGO_CLIENT_ID
  --client-secret SECRET        or TOTANGO_CLIENT_SECRET
  --auth basic|post             client authentication (default basic)
  --scope "a b"                 ask for these scopes only (default: all of the app's)
  --cert FILE [--key FILE]      the app's certificate and key for mutual TLS (PEM; the exported bundle holds both)
  --pfx FILE                    the same as PKCS#12, with --pfx-password or TOTANGO_PFX_PASSWORD
  --access-token TOKEN          use this token instead of getting one (or TOTANGO_ACCESS_TOKEN)

stored credentials (one set per target, in <data dir>/credentials.json, sealed with AES-256-GCM
under a key derived from TOTANGO_LAB_PASSPHRASE; without --remember nothing is written):
  --remember                    store the credentials given (client id, secret, certificate or PKCS#12
                                and its password, CA) for this target; needs TOTANGO_LAB_PASSPHRASE
                                (at least 8 characters). Later runs for the target that give no client id
                                (no --client-id, no TOTANGO_CLIENT_ID) and no token use them, with the
                                same passphrase, and say so on stderr (client id only)
  --forget                      remove the credentials stored for this target (no passphrase needed);
                                on its own (npm run lab -- --forget [--target ...]) that is all it does;
                                with a command, it forgets before the command runs
  --data-dir DIR                where credentials.json lives (default TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab)

diagnose:
  --endpoints id,id             only these endpoints
  --allow-writes                against a real region, run writes and deletes without asking
                                (otherwise each is asked on a terminal, and skipped when there is none)
  --concurrency N               calls in flight (default 8)
  --bundle FILE                 also write a repro bundle (no secret) for support
  --needs id,id                 the endpoints the integration calls: prints the smallest set of scopes
                                that covers them, and warns of admin, {entity}:all and scopes beyond need
                                (without it, a warning for each admin or {entity}:all held)

call:
  --param name=value            a path parameter (repeatable)
  --query name=value            a query parameter (repeatable)
  --body FILE                   the body: JSON; for the search endpoints, the JSON of the "query" form field

flow:
  --redirect-port N             the loopback callback port (default 0: any free port)
  --timeout SECONDS             how long to wait for the callback (default 300)

recording (any command; written whether the run succeeds or fails):
  --har FILE                    every HTTP exchange of the run as HAR 1.2 (browser devtools open it);
                                secrets redacted, tokens shortened; the file is readable by its owner only
  --curl                        print each exchange as a curl command on stderr; secrets are shell
                                variables ($CLIENT_SECRET, $ACCESS_TOKEN, …) to set, never their values

output:
  --json                        machine-readable output
  --color, --no-color           force colours on or off (default: when the terminal supports them)

endpoints:
${endpoints}
`;
}
