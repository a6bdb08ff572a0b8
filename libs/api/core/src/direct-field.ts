import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';

/**
 * For a field resolver whose one parameter decorator is `@Args()` of an `@ArgsType` class: the
 * arguments stay in the schema, but Nest binds the method directly (its fast field-resolver
 * path: no per-call parameter factories or pipes), so graphql calls it with
 * `(parent, args, context, info)` — `args` in the same place and shape `@Args()` gave it. Such
 * arguments are checked by GraphQL against their declared types only (the ValidationPipe does not
 * run), so use it only where that is all there is to check. Parameter decorators are applied
 * before method decorators, so this removes what `@Args()` registered for injection only.
 */
export function DirectArgs(): MethodDecorator {
  return (target, key) => {
    Reflect.deleteMetadata(ROUTE_ARGS_METADATA, target.constructor, key);
  };
}
