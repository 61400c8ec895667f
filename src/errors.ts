import type { CountBounds, DomainProblem } from './domains/normalize.js';

/**
 * Base of every error a caller gets back as a result-union member. A class of our own rather than the
 * global Error: the GraphQL interface `Error` is backed by it, and real bugs (plain Errors) stay masked.
 * Each `message` is a sentence a front end can show as is.
 */
export class AppError extends Error {
  override name = 'AppError';
}

/** The caller's domains were refused before anything was sent to WeChat. */
export class DomainValidationError extends AppError {
  override name = 'DomainValidationError';

  constructor(
    message: string,
    readonly problems: readonly DomainProblem[],
  ) {
    super(message);
  }

  static forProblems(problems: readonly DomainProblem[]): DomainValidationError {
    const what =
      problems.length === 1
        ? 'One of the domains is not a valid server domain'
        : `${problems.length} of the domains are not valid server domains`;
    return new DomainValidationError(`${what} (see problems). Nothing was changed; correct the list and try again.`, problems);
  }

  static forCount(count: number, bounds: CountBounds): DomainValidationError {
    return new DomainValidationError(
      `Give between ${bounds.min} and ${bounds.max} distinct domains (${count} given). Nothing was changed.`,
      [],
    );
  }
}
