import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1. The port is released before it is returned, so another process
 * could take it in between; callers that start a server on it fail loudly in that rare case instead of retrying.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not read the port the OS assigned'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
