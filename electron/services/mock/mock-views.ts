/**
 * The admin API's answers as the contract's views: an application gains `secretInLab`
 * (whether this session holds its client secret), a fault's open-ended count becomes
 * `null`, and a certificate export becomes a file for the window to save.
 */
import type { ApplicationView, FaultView, FileExport } from '../../../shared/contract/mock-schemas';
import type { SessionSecrets } from '../session-secrets';

/** An application as `GET /admin/applications/{clientId}` returns it. */
export type AdminApplication = Omit<ApplicationView, 'secretInLab'>;

/** A fault as `GET /admin/faults` returns it: `remaining` is absent when the fault lasts until cleared. */
export type AdminFault = Omit<FaultView, 'remaining'> & { readonly remaining?: number | null };

export function applicationView(application: AdminApplication, secrets: SessionSecrets): ApplicationView {
  return { ...application, secretInLab: secrets.has(application.clientId) };
}

export function faultView(fault: AdminFault): FaultView {
  return { ...fault, remaining: fault.remaining ?? null };
}

/** `Nightly sync (EU)` → `Nightly-sync-EU`: letters, digits, dot, dash and underscore only, never a hidden file. */
export function safeFileStem(name: string, fallback = 'application'): string {
  const stem = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80);
  return stem === '' ? fallback : stem;
}

export const PEM_MEDIA_TYPE = 'application/x-pem-file';
export const PKCS12_MEDIA_TYPE = 'application/x-pkcs12';

export function pemFile(fileName: string, bytes: Uint8Array): FileExport {
  return { fileName, mediaType: PEM_MEDIA_TYPE, encoding: 'utf8', content: new TextDecoder('utf-8').decode(bytes) };
}

export function pkcs12File(fileName: string, bytes: Uint8Array): FileExport {
  return { fileName, mediaType: PKCS12_MEDIA_TYPE, encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
}

/** A path segment of the admin API, escaped. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
