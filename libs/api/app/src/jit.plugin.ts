import { type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';

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
 * Runs queries (never mutations or subscriptions) with graphql-jit: the operation is compiled
 * once into a function that resolves the same resolvers, with the same context, so the guards,
 * roles and field rules are the same code; only graphql-js' per-field interpretation goes.
 *
 * When a compiled run reports any error, its answer is dropped and Apollo runs the query the
 * usual way (graphql-js, then our error formatting), so every error reads exactly as it always
 * did. Queries do not write, and the second run finds the caller and the loaded rows of the first
 * in the request's context.
 */
export function jitQueriesPlugin(): ApolloServerPlugin {
  const compiled = new WeakMap<GraphQLSchema, Map<DocumentNode, Map<string, CompiledQuery>>>();
  const runs = new WeakMap<DocumentNode, number>();
  const compile = async (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
  ): Promise<CompiledQuery | null> => {
    const seen = (runs.get(document) ?? 0) + 1;
    if (seen < COMPILE_ON_RUN) {
      runs.set(document, seen);
      return null;
    }
    let bySchema = compiled.get(schema);
    if (!bySchema) compiled.set(schema, (bySchema = new Map()));
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
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { operation, document, schema, request, contextValue } = requestContext;
          if (operation?.operation !== 'query') return null;
          const query = await compile(schema, document, request.operationName ?? undefined);
          if (!query) return null;
          const result = await query.query(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length || result.data === undefined || result.data === null)
            return null;
          return {
            http: requestContext.response.http,
            body: { kind: 'single', singleResult: { data: result.data } },
          };
        },
      };
    },
  };
}
