import { Transform } from 'class-transformer';
import { ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/**
 * Validates every @InputType/@ArgsType with class-validator and turns the first problem into a
 * BAD_USER_INPUT error naming the field (e.g. `email`), so the UI can show it beside that field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
