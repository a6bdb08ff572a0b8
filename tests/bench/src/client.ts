import { BENCH_USER } from './data';
import { type Server } from './servers';

/** Signs a seeded user in (cookie; the editor by default), then creates an API token for the load. */
export async function bearerToken(
  ours: Server,
  user: { email: string; password: string } = BENCH_USER,
): Promise<string> {
  const post = async (body: unknown, cookie?: string) => {
    const res = await fetch(`${ours.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-requested-with': 'corroborate-bench',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    });
    return { res, json: (await res.json()) as { data?: unknown; errors?: unknown[] } };
  };
  const signIn = await post({
    query: `mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
    variables: { input: user },
  });
  if (signIn.json.errors) throw new Error(`signIn failed: ${JSON.stringify(signIn.json.errors)}`);
  const cookie = (signIn.res.headers.get('set-cookie') ?? '').split(';')[0];
  const created = await post(
    {
      query: `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      variables: { input: { name: `bench ${new Date().toISOString()}`, expiresInDays: 1 } },
    },
    cookie,
  );
  const data = created.json.data as { createApiToken?: { token: string } } | undefined;
  if (!data?.createApiToken)
    throw new Error(`createApiToken failed: ${JSON.stringify(created.json)}`);
  return data.createApiToken.token;
}
