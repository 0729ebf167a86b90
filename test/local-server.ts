import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * An HTTP server on a free local port for the life of a test file, handed each request with its whole body: the
 * base of the fake SMS gateway, Zalo and push service. `ready` runs once it listens, with its base address.
 */
export function useLocalServer(
  handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void,
  ready: (base: string) => void,
): void {
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => handle(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ready(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
}
