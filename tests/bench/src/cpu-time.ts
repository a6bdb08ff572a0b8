import { readFileSync } from 'node:fs';
import { QUEUE_PAGE_BODY } from './queue-query';
import { type Server } from './servers';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** A process's user + system CPU time so far, in ms (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

/** The queue page asked `requests` times by 4 concurrent clients. */
export async function queuePages(
  server: Server,
  token: string,
  requests: number,
): Promise<{ cpuMsPerRequest: number; perSecond: number }> {
  const pid = server.child.pid;
  if (pid === undefined) throw new Error(`${server.target} has no process id`);
  const before = cpuMs(pid);
  const started = Date.now();
  let left = requests;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (left-- > 0) {
        const res = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: QUEUE_PAGE_BODY,
        });
        const text = await res.text();
        if (res.status !== 200 || text.includes('"errors"'))
          throw new Error(`${server.target} answered ${res.status}: ${text.slice(0, 300)}`);
      }
    }),
  );
  return {
    cpuMsPerRequest: (cpuMs(pid) - before) / requests,
    perSecond: requests / ((Date.now() - started) / 1000),
  };
}

/** The server's CPU time per queue page, in ms. */
export async function cpuPerRequest(
  server: Server,
  token: string,
  requests: number,
): Promise<number> {
  return (await queuePages(server, token, requests)).cpuMsPerRequest;
}
