import { Transform } from 'class-transformer';
import {
  type ArgumentMetadata,
  ParseUUIDPipe,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { BadInputError } from './errors';

function firstProblem(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** The path of the first string (at any depth) holding a NUL character, or null. */
export function nulCharacterPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  // Only plain data (GraphQL arguments, JSON bodies), never framework objects such as a request.
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== null && proto !== Object.prototype) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nulCharacterPath(
      child,
      Array.isArray(value) ? `${path}[${key}]` : key === '' ? path : path ? `${path}.${key}` : key,
      depth + 1,
    );
    if (found) return found;
  }
  return null;
}

/**
 * class-validator for every argument, after refusing NUL characters anywhere in it: no text a
 * person types contains one, and PostgreSQL cannot store it.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    // Input objects name their fields as the rest of validation does (`text`, not `input.text`).
    const field = nulCharacterPath(value, metadata.data === 'input' ? '' : (metadata.data ?? ''));
    if (field !== null)
      throw new BadInputError(
        field || 'input',
        `${field || 'The input'} contains a NUL character (\\u0000); remove it and try again.`,
      );
    return super.transform(value, metadata);
  }
}

/**
 * Validates every @InputType/@ArgsType with class-validator and turns the first problem into a
 * BAD_USER_INPUT error naming the field (e.g. `email`), so the UI can show it beside that field.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors) ?? { field: 'input', message: 'Invalid input.' };
      return new BadInputError(problem.field, problem.message);
    },
  });
}

/** Validates an id argument; a malformed id is BAD_USER_INPUT naming the argument, not a database error. */
export function idPipe(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new BadInputError(field, `${field} must be an id (a UUID).`),
  });
}

/** Trims surrounding whitespace from a string input before it is validated. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
