import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx, which `.ci/run` installs when it is missing. */
const NGINX = process.env['TEST_NGINX'] ?? '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  /** nginx's error log so far (why it answered 502, say). */
  errors(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, errorLog: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `nginx did not listen on ${port}: ${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`,
  );
}

/**
 * nginx in front of API instances (their base URLs), as a production deployment would run it:
 * round robin, WebSocket upgrades passed on, `X-Forwarded-For` appended, and each answer marked
 * with the instance that gave it (`X-Upstream`, for the tests). `bind` is the local address nginx
 * connects to the instances from (the one to name in TRUST_PROXY). Its own folder and port; stop()
 * ends it and removes the folder.
 */
export async function startNginx(
  instances: readonly string[],
  options: { bind?: string } = {},
): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(
      `nginx is not installed at ${NGINX} (apt-get install -y nginx; .ci/run installs it), or set TEST_NGINX`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-nginx-'));
  // nginx's workers may run as another user; they write their temporary files here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const servers = instances.map((url) => `server ${new URL(url).host} max_fails=0;`).join('\n    ');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream api {
    ${servers}
    keepalive 64;
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:${port};
    # nginx closes a client connection after 1,000 requests, and after one hour, by default;
    # autocannon, which the load test drives through here, then resumes its request sequence out
    # of step (an edit sent without the version the read before it would have given: both
    # 60-minute soaks failed that way at 3,600 s). Browsers reconnect without such a sequence.
    keepalive_requests 1000000;
    keepalive_time 24h;
    location / {
      proxy_pass http://api;
      ${options.bind ? `proxy_bind ${options.bind};` : ''}
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  await waitForPort(port, join(dir, 'error.log'));
  const errorLog = join(dir, 'error.log');
  return {
    url: `http://127.0.0.1:${port}`,
    errors: () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
