/**
 * The client certificate a request came with. The HTTPS servers ask for one but do not
 * require it at the TLS layer, so that a missing or unsuitable certificate is answered in
 * OAuth terms rather than by a failed handshake.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3
 */
import { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import { thumbprintOfDer } from '../pki/certificate-authority';

export type PeerCertificate =
  | { readonly transport: 'http' }
  | { readonly transport: 'https'; readonly thumbprint: undefined }
  | { readonly transport: 'https'; readonly thumbprint: string };

const bySocket = new WeakMap<TLSSocket, PeerCertificate>();

export function peerCertificate(request: FastifyRequest): PeerCertificate {
  const socket = request.raw.socket;
  if (!(socket instanceof TLSSocket)) return { transport: 'http' };
  const known = bySocket.get(socket);
  if (known) return known;
  const certificate = socket.getPeerCertificate(false) as { raw?: Buffer } | null;
  const raw = certificate?.raw;
  const peer: PeerCertificate = raw && raw.length > 0 ? { transport: 'https', thumbprint: thumbprintOfDer(raw) } : { transport: 'https', thumbprint: undefined };
  bySocket.set(socket, peer);
  return peer;
}
