import {
  type ASTVisitor,
  BREAK,
  validate as graphqlValidate,
  visitInParallel as graphqlVisitInParallel,
  parse,
  specifiedRules,
  visit,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { validate, visitInParallel } from '../../src/guards/fast-validate.js';
import { maxChangesRule } from '../../src/guards/max-changes.js';
import { schema } from '../../src/schema/index.js';

const DOCUMENTS = [
  '{ serverDomains { __typename ... on ServerDomains { testing published unverified } } } # a comment',
  '{ serverDomain { __typename } }',
  'query Q($x: Int) { serverDomains { __typename } }',
  'query { serverDomains(bad: 1) { __typename } }',
  '{ a: serverDomains { __typename } a: thirdPartyPlatform { componentAppId } }',
  'fragment F on Query { ...G } fragment G on Query { ...F } { ...F }',
  'mutation { addDomains(input: { domains: ["a.example.com"] }) { __typename } setDomains(input: { domains: [] }) { __typename } }',
  'query A { serverDomains { __typename } } query A { serverDomains { __typename } }',
  '{ serverDomains { ... on ServerDomains { testing(x: $undefined) } } }',
  '"described" query D { serverDomains { __typename } }',
  'subscription { serverDomains { __typename } }',
  '{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }',
];

describe('validate: the same errors as graphql-js', () => {
  it.each(DOCUMENTS)('%s', (source) => {
    const document = parse(source);
    const rules = [...specifiedRules, maxChangesRule(1)];
    const ours = validate(schema, document, rules).map((e) => e.toJSON());
    const theirs = graphqlValidate(schema, document, rules).map((e) => e.toJSON());
    expect(ours).toEqual(theirs);
  });

  it('stops at maxErrors as graphql-js does', () => {
    const document = parse(`{ ${Array.from({ length: 10 }, (_, i) => `f${i}`).join(' ')} }`);
    const ours = validate(schema, document, specifiedRules, undefined, { maxErrors: 3 }).map((e) => e.message);
    expect(ours).toEqual(graphqlValidate(schema, document, specifiedRules, { maxErrors: 3 }).map((e) => e.message));
    expect(ours).toHaveLength(4);
  });
});

describe('visitInParallel: the same visits as graphql-js', () => {
  it('keyed and generic visitors, enter and leave, skip (false) and BREAK, in the same order', () => {
    const document = parse('{ a { b c { d } } e f { g } }');
    const make = (events: string[]): ASTVisitor[] => [
      {
        Field: {
          enter: (node) => void events.push(`0 enter ${node.name.value}`),
          leave: (node) => void events.push(`0 leave ${node.name.value}`),
        },
      },
      { Field: (node) => (node.name.value === 'c' ? false : void events.push(`1 field ${node.name.value}`)) },
      {
        enter: (node) => {
          events.push(`2 enter ${node.kind}`);
          return node.kind === 'Field' && (node as { name: { value: string } }).name.value === 'e' ? BREAK : undefined;
        },
        leave: (node) => void events.push(`2 leave ${node.kind}`),
      },
      { Name: (node) => void events.push(`3 name ${node.value}`), SelectionSet: { leave: () => void events.push('3 leave set') } },
    ];
    const ours: string[] = [];
    const theirs: string[] = [];
    visit(document, visitInParallel(make(ours)));
    visit(document, graphqlVisitInParallel(make(theirs)));
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(20);
  });
});

describe('visitInParallel: plans are kept per shape of visitor list, never mixed up', () => {
  it('a visitor whose shape changes between calls (a keyed enter, then a keyed leave) is followed each time', () => {
    const document = parse('{ a { b } }');
    const run = (visitor: ASTVisitor) => {
      const ours: string[] = [];
      const theirs: string[] = [];
      const make = (events: string[]): ASTVisitor[] => [
        { Field: (node) => void events.push(`0 ${node.name.value}`) },
        Object.fromEntries(
          Object.entries(visitor).map(([kind, handler]) => [
            kind,
            typeof handler === 'function'
              ? (node: { kind: string }) => void events.push(`1 ${node.kind}`)
              : Object.fromEntries(
                  Object.keys(handler).map((which) => [which, (node: { kind: string }) => void events.push(`1 ${which} ${node.kind}`)]),
                ),
          ]),
        ) as ASTVisitor,
      ];
      visit(document, visitInParallel(make(ours)));
      visit(document, graphqlVisitInParallel(make(theirs)));
      expect(ours).toEqual(theirs);
      return ours;
    };
    const first = run({ Field: { enter: () => undefined } });
    const second = run({ Field: { leave: () => undefined } });
    const third = run({ Name: () => undefined });
    expect(first).toContain('1 enter Field');
    expect(second).toContain('1 leave Field');
    expect(third).toContain('1 Name');
  });
});
