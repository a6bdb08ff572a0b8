import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one GraphQL request may ask for (OWASP GraphQL cheat sheet): nesting depth,
 * aliases, directives, tokens and a static cost, plus no batched HTTP requests and no field
 * suggestions in errors. Sized with headroom over the web app's own documents, which
 * tests/api/hardening.test.ts checks against these very rules.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 16,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: 15_000,
  /** Largest JSON request body (GraphQL queries and variables) in bytes; files go to /api. */
  maxBodyBytes: 1024 * 1024,
} as const;

/** The Apollo plugins and validation rules that enforce {@link GRAPHQL_LIMITS}. */
export function graphqlArmor() {
  return new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
