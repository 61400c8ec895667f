import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../src/guards/mask-errors.js';

describe('maskError', () => {
  it('masks an unexpected exception outside development: the message only, no stack, no original error', () => {
    const bug = new Error('connect ECONNREFUSED with token=SECRET-ish detail');
    const masked = maskError(bug, 'Unexpected error.', false) as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    const json = JSON.stringify(masked.toJSON());
    expect(json).not.toContain('SECRET-ish');
    expect(json).not.toContain('originalError');
    expect(json).not.toMatch(/\bat \w/);
  });

  it('drops the originalError yoga attaches to its 400s (e.g. a snippet of a malformed body) in production', () => {
    const fromYoga = new GraphQLError('POST body sent invalid JSON.', {
      extensions: {
        code: 'BAD_REQUEST',
        http: { spec: true, status: 400 },
        originalError: { name: 'SyntaxError', message: 'near "password": …' },
      },
    });
    const masked = maskError(fromYoga, 'Unexpected error.', false) as GraphQLError;
    expect(masked.message).toBe('POST body sent invalid JSON.');
    // Without `spec`: yoga would otherwise answer 200 to an application/json client (see mask-errors.ts).
    expect(masked.extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
  });

  it('keeps GraphQL errors of our own as they are, and details in development', () => {
    const forbidden = new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
    expect(maskError(forbidden, 'Unexpected error.', false)).toBe(forbidden);
    const dev = maskError(new Error('boom'), 'Unexpected error.', true) as GraphQLError;
    expect(JSON.stringify(dev.toJSON())).toContain('boom');
  });
});
