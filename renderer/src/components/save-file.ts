/**
 * Saves a file the Lab produced (a certificate, a HAR, a repro bundle): a download in
 * browser mode, Electron's save dialog in the desktop app (the same anchor click; Electron
 * asks where to save a download).
 */
import type { FileExport } from '../../../shared/contract/mock-schemas';

export function fileBlob(file: FileExport): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: file.mediaType });
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mediaType });
}

export function saveFile(file: FileExport, doc: Document = document): void {
  const url = URL.createObjectURL(fileBlob(file));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
