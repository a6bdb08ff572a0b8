/** Filled in with the PostGraphile peer (see peer-server.ts). */
export const PEER_BODY = JSON.stringify({ query: '{ __typename }' });

export function peerToQueuePage(data: unknown): unknown {
  return data;
}
