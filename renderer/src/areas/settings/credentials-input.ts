/**
 * The credentials form's values, checked, and turned into `targets.setCredentials`'s
 * input: a PKCS#12 file read as base64, empty optional fields left out.
 */
import type { MethodInput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { readFileBase64 } from './read-file';

export type SetCredentialsInput = MethodInput<LabContract, 'targets', 'setCredentials'>;
export type AuthMethod = NonNullable<SetCredentialsInput['authMethod']>;
export type CertificateKind = 'none' | 'pem' | 'pkcs12';

export interface CredentialsFormValues {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authMethod: AuthMethod;
  readonly certificateKind: CertificateKind;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly pkcs12File: File | null;
  readonly pkcs12Password: string;
  readonly caPem: string;
  readonly remember: boolean;
}

export type CredentialsField = 'clientId' | 'clientSecret' | 'certificatePem' | 'privateKeyPem' | 'pkcs12File' | 'pkcs12Password' | 'caPem' | 'remember';
export type CredentialsProblems = Partial<Record<CredentialsField, string>>;

export const EMPTY_CREDENTIALS: CredentialsFormValues = Object.freeze({
  clientId: '',
  clientSecret: '',
  authMethod: 'client_secret_basic',
  certificateKind: 'none',
  certificatePem: '',
  privateKeyPem: '',
  pkcs12File: null,
  pkcs12Password: '',
  caPem: '',
  remember: false,
});

const CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

/** What must change before the credentials can be sent. */
export function credentialsProblems(values: CredentialsFormValues): CredentialsProblems {
  const problems: CredentialsProblems = {};
  if (values.clientId.trim() === '') problems.clientId = 'Give the client ID Totango showed when the app was registered.';
  if (values.certificateKind === 'none' && values.clientSecret === '') problems.clientSecret = 'Give the client secret (or a mutual TLS certificate).';
  if (values.certificateKind === 'pem') {
    if (!CERTIFICATE.test(values.certificatePem)) problems.certificatePem = 'Paste the certificate, from -----BEGIN CERTIFICATE----- on.';
    const key = values.privateKeyPem.trim() !== '' || !PRIVATE_KEY.test(values.certificatePem);
    if (key && !PRIVATE_KEY.test(values.privateKeyPem)) problems.privateKeyPem = 'Paste the private key, from -----BEGIN PRIVATE KEY----- on (or put it after the certificate).';
  }
  if (values.certificateKind === 'pkcs12' && values.pkcs12File === null) problems.pkcs12File = 'Choose the PKCS#12 file (.p12 or .pfx).';
  if (values.caPem.trim() !== '' && !CERTIFICATE.test(values.caPem)) problems.caPem = 'Paste a CA certificate, from -----BEGIN CERTIFICATE----- on.';
  return problems;
}

async function certificateOf(values: CredentialsFormValues): Promise<SetCredentialsInput['certificate']> {
  if (values.certificateKind === 'pem') return { kind: 'pem', certificatePem: values.certificatePem, ...(values.privateKeyPem.trim() === '' ? {} : { privateKeyPem: values.privateKeyPem }) };
  if (values.certificateKind === 'pkcs12' && values.pkcs12File !== null) return { kind: 'pkcs12', pkcs12Base64: await readFileBase64(values.pkcs12File), password: values.pkcs12Password };
  return undefined;
}

export async function credentialsInput(targetKey: string, values: CredentialsFormValues): Promise<SetCredentialsInput> {
  const certificate = await certificateOf(values);
  return {
    targetKey,
    clientId: values.clientId.trim(),
    authMethod: values.authMethod,
    ...(values.clientSecret === '' ? {} : { clientSecret: values.clientSecret }),
    ...(certificate === undefined ? {} : { certificate }),
    ...(values.caPem.trim() === '' ? {} : { caPem: values.caPem }),
    remember: values.remember,
  };
}

/** Where the Lab reports a field of the contract's input, in the form's terms. */
export function formFieldOf(contractField: string | undefined): CredentialsField | undefined {
  if (contractField === undefined) return undefined;
  if (contractField === 'clientId' || contractField === 'clientSecret' || contractField === 'caPem' || contractField === 'remember') return contractField;
  if (contractField.startsWith('certificate.pkcs12') || contractField === 'certificate.password') return 'pkcs12File';
  if (contractField.startsWith('certificate')) return 'certificatePem';
  return undefined;
}

/** The field a `certificate` error of the Lab is about (it names none): the key, the password, or the certificate itself. */
export function certificateErrorField(kind: CertificateKind, message: string): CredentialsField {
  if (kind === 'pkcs12') return /password/i.test(message) ? 'pkcs12Password' : 'pkcs12File';
  return /private key/i.test(message) ? 'privateKeyPem' : 'certificatePem';
}
