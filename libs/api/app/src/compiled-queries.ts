import { type ApolloServerPlugin } from '@apollo/server';
import { type NextFunction, type Request, type Response } from 'express';
import { type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import Negotiator from 'negotiator';
import { type RequestContext } from '@corroborate/api-core';

/** Compiled queries kept per schema and document (Apollo keeps one parsed document per query text). */
const MAX_COMPILED = 500;
/**
 * A document is compiled the second time it runs: compiling costs more than interpreting once,
 * and the documents that run all day (the web app's) run far more often than that.
 */
const COMPILE_ON_RUN = 2;

/**
 * graphql-jit (with fast-json-stringify and ajv, some 150 modules) is loaded at the first
 * compile, not while the server starts.
 */
let jit: Promise<typeof import('graphql-jit')> | undefined;
const loadJit = () => (jit ??= import('graphql-jit'));

/**
 * Longest query text the fast path keeps (characters). The web app's documents are a few
 * kilobytes; a longer text still runs compiled through Apollo, but is not kept beside its
 * document, so signed-in callers cannot fill memory with long texts (500 × 32 kB at most).
 */
const MAX_ACCEPTED_TEXT = 32_768;

/** Media types of a single GraphQL answer, in Apollo Server's order of preference. */
const ANSWER_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/** Marks a request whose compiled run reported errors, so Apollo does not run it compiled again. */
const COMPILED_RUN_FAILED = Symbol('compiledRunFailed');

type MarkedRequest = Request & { [COMPILED_RUN_FAILED]?: true };

/**
 * The queries compiled with graphql-jit, shared by the Apollo plugin ({@link plugin}) and the
 * HTTP fast path ({@link middleware}).
 *
 * The plugin runs queries (never mutations or subscriptions) compiled: the operation is compiled
 * once into a function that calls the same resolvers with the same context, so guards, roles and
 * field rules are the same code; only graphql-js' per-field interpretation goes. When a compiled
 * run reports any error, its answer is dropped and Apollo runs the query the usual way
 * (graphql-js, then our error formatting), so every error reads exactly as it always did.
 *
 * A query text Apollo has taken through its whole pipeline — parsed, within the armor limits,
 * validated against the schema (and, in production, without introspection) — and whose compiled
 * run answered is *accepted*: from then on the fast path answers a POST of that very text (and
 * operation name) itself, before Apollo, by running the compiled query with a context built as
 * Apollo's is, and writes the answer as Apollo would (status 200, the negotiated content type,
 * `cache-control: no-store`). Anything else — another text, a GET, a batch, `extensions`, an
 * accept header Apollo would refuse, or an answer with any error — goes on to Apollo unchanged.
 * What the fast path leaves out is Apollo's per-request machinery (request context, plugin hooks,
 * hashing the text to find its parsed document, header maps), never a check: the checks of a
 * document are the same for every request of the same text, and the caller's are the resolvers'.
 */
export class CompiledQueries {
  private readonly compiled = new WeakMap<
    GraphQLSchema,
    Map<DocumentNode, Map<string, CompiledQuery>>
  >();
  private readonly runs = new WeakMap<DocumentNode, number>();
  /** Accepted texts: operation name, a newline, the query text. */
  private readonly accepted = new Map<string, CompiledQuery>();
  private readonly contentTypes = new Map<string, string | null>();

  constructor(
    private readonly context: (http: { req: Request; res: Response }) => RequestContext,
  ) {}

  private async compile(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
  ): Promise<CompiledQuery | null> {
    const seen = (this.runs.get(document) ?? 0) + 1;
    if (seen < COMPILE_ON_RUN) {
      this.runs.set(document, seen);
      return null;
    }
    let bySchema = this.compiled.get(schema);
    if (!bySchema) this.compiled.set(schema, (bySchema = new Map()));
    let byOperation = bySchema.get(document);
    if (!byOperation) {
      if (bySchema.size >= MAX_COMPILED) bySchema.clear();
      bySchema.set(document, (byOperation = new Map()));
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      const { compileQuery, isCompiledQuery } = await loadJit();
      const result = compileQuery(schema, document, operationName);
      if (!isCompiledQuery(result)) return null;
      byOperation.set(key, (query = result));
    }
    return query;
  }

  private accept(text: string, operationName: string | undefined, query: CompiledQuery): void {
    if (text.length > MAX_ACCEPTED_TEXT) return;
    if (this.accepted.size >= MAX_COMPILED) this.accepted.clear();
    this.accepted.set(`${operationName ?? ''}\n${text}`, query);
  }

  /** The Apollo plugin that runs queries compiled and accepts their texts for the fast path. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => ({
        responseForOperation: async (requestContext) => {
          const { operation, document, schema, request, contextValue } = requestContext;
          if (operation?.operation !== 'query') return null;
          const req = (contextValue as Partial<RequestContext> | undefined)?.req as
            MarkedRequest | undefined;
          if (req?.[COMPILED_RUN_FAILED]) return null;
          const operationName = request.operationName ?? undefined;
          const query = await this.compile(schema, document, operationName);
          if (!query) return null;
          const result = await query.query(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length || result.data === undefined || result.data === null)
            return null;
          if (typeof request.query === 'string') this.accept(request.query, operationName, query);
          return {
            http: requestContext.response.http,
            body: { kind: 'single', singleResult: { data: result.data } },
          };
        },
      }),
    };
  }

  /** The fast path for accepted query texts: an express middleware mounted before Apollo. */
  middleware(path: string) {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.method !== 'POST' || req.path !== path) return next();
      const query = this.acceptedQuery(req);
      if (!query) return next();
      const contentType = this.contentType(req.headers.accept);
      if (!contentType) return next();
      const body = req.body as { variables?: Record<string, unknown> | null };
      // Whatever goes wrong before the answer is written, Apollo runs the request the usual way
      // (graphql-js, our error formatting); the mark keeps it from running compiled again.
      const toApollo = (error?: unknown) => {
        if (res.headersSent) return next(error);
        (req as MarkedRequest)[COMPILED_RUN_FAILED] = true;
        next();
      };
      new Promise<ExecutionResult>((resolve) =>
        resolve(query.query(undefined, this.context({ req, res }), body.variables ?? {})),
      )
        .then((result) => {
          if (result.errors?.length || result.data === undefined || result.data === null)
            return toApollo();
          // As Apollo writes it (its prettyJSONStringify): the JSON and a newline.
          const json = `${JSON.stringify({ data: result.data })}\n`;
          res.statusCode = 200;
          res.setHeader('content-type', contentType);
          res.setHeader('cache-control', 'no-store');
          res.setHeader('content-length', Buffer.byteLength(json));
          res.end(json);
        })
        .catch(toApollo);
    };
  }

  /**
   * The compiled query of an accepted text, when the request is a plain JSON POST that Apollo
   * would read the same way: a JSON object body (so the JSON body parser read it: content type
   * application/json, which also satisfies Apollo's CSRF prevention) with a string query, an
   * optional string operation name, an optional object of variables and no extensions.
   */
  private acceptedQuery(req: Request): CompiledQuery | undefined {
    if (this.accepted.size === 0) return undefined;
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return undefined;
    if (
      variables !== undefined &&
      variables !== null &&
      (typeof variables !== 'object' || Array.isArray(variables))
    )
      return undefined;
    const type = req.headers['content-type'];
    if (typeof type !== 'string' || !/^application\/json\s*(;|$)/i.test(type)) return undefined;
    return this.accepted.get(`${operationName ?? ''}\n${query}`);
  }

  /** The content type Apollo chooses for a single answer, or null where it would refuse. */
  private contentType(accept: string | undefined): string | null {
    if (!accept) return ANSWER_TYPES[0];
    let type = this.contentTypes.get(accept);
    if (type === undefined) {
      type = new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) ?? null;
      if (this.contentTypes.size >= MAX_COMPILED) this.contentTypes.clear();
      this.contentTypes.set(accept, type);
    }
    return type;
  }
}
