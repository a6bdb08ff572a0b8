import { Catch } from '@nestjs/common';
import { type GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './errors';

/**
 * Hands our own (expected) errors to GraphQL untouched, so Nest does not log them as crashes;
 * {@link formatGraphQLError} shapes them for the client.
 */
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
