import { registerDecorator, type ValidationArguments } from 'class-validator';

export const MAX_URL_LENGTH = 2048;

/** Why `value` is not an acceptable http(s) URL, or null when it is. */
export function httpUrlProblem(field: string, value: unknown): string | null {
  if (typeof value !== 'string') return `${field} must be a URL.`;
  if (value.length > MAX_URL_LENGTH)
    return `${field} must be at most ${MAX_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field} must be a full http:// or https:// URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${field} must be an http:// or https:// URL; ${url.protocol} URLs are not allowed.`;
  }
  if (!url.hostname) return `${field} must name a host.`;
  return null;
}

/** class-validator: an http(s) URL of at most 2048 characters; the message says why not. */
export function IsHttpUrl(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isHttpUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          httpUrlProblem(args.property, value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          httpUrlProblem(args?.property ?? 'url', args?.value) ?? 'Invalid URL.',
      },
    });
  };
}
