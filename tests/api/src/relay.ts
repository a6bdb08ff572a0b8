import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP relay to a target that can stop carrying packets (`cut`) and start again (`heal`). */
export class Relay {
  private server: Server | null = null;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket | null }>();
  private cut = false;
  /** Connections accepted while cut, joined to the target when healed. */
  private readonly waiting: Socket[] = [];
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.cut) this.waiting.push(client);
      else this.join(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  private join(client: Socket): void {
    const upstream = createConnection({ host: this.host, port: this.targetPort });
    upstream.on('error', () => client.destroy());
    const pair = { client, upstream };
    this.pairs.add(pair);
    // Bytes are carried only while not cut; while cut they are dropped, as on a dead route
    // (the API's TCP stack believes them sent; no answer ever comes).
    client.on('data', (chunk) => {
      if (!this.cut) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!this.cut) client.write(chunk);
    });
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
  }

  partition(): void {
    this.cut = true;
  }

  /**
   * Packets flow again. Connections that lost bytes while cut are out of step with the server
   * and are closed (their statements already failed on the API's side); new ones are joined.
   */
  heal(): void {
    this.cut = false;
    for (const pair of [...this.pairs]) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    for (const client of this.waiting.splice(0)) this.join(client);
  }

  async stop(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    for (const client of this.waiting.splice(0)) client.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
