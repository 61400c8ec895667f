/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Input of addDomains. */
export type AddDomainsInput = {
  /** Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode. */
  domains: Array<string>;
  /** false: change the testing value only. true: change testing and published (is_modify_published_together). */
  publishTogether?: boolean | null | undefined;
};

/** Input of removeDomains. */
export type RemoveDomainsInput = {
  /** Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode. */
  domains: Array<string>;
  /** false: change the testing value only. true: change testing and published (is_modify_published_together). */
  publishTogether?: boolean | null | undefined;
};

/** Input of setDomains. */
export type SetDomainsInput = {
  /** Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode. */
  domains: Array<string>;
  /** false: change the testing value only. true: change testing and published (is_modify_published_together). */
  publishTogether?: boolean | null | undefined;
};

export type ServerDomainsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerDomainsQuery = { serverDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type ThreeReadsQueryVariables = Exact<{ [key: string]: never; }>;


export type ThreeReadsQuery = { a:
    | { __typename: 'AccessTokenError' }
    | { __typename: 'ServerDomains', testing: Array<string> }
    | { __typename: 'SystemBusyError' }
    | { __typename: 'UnknownWechatError' }
    | { __typename: 'UpstreamUnavailableError' }
  , b:
    | { __typename: 'AccessTokenError' }
    | { __typename: 'ServerDomains', published: Array<string> | null }
    | { __typename: 'SystemBusyError' }
    | { __typename: 'UnknownWechatError' }
    | { __typename: 'UpstreamUnavailableError' }
  , c:
    | { __typename: 'AccessTokenError' }
    | { __typename: 'ServerDomains', unverified: Array<string> }
    | { __typename: 'SystemBusyError' }
    | { __typename: 'UnknownWechatError' }
    | { __typename: 'UpstreamUnavailableError' }
   };

export type AddDomainsMutationVariables = Exact<{
  input: AddDomainsInput;
}>;


export type AddDomainsMutation = { addDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string, reasons: Array<string> }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type RemoveDomainsMutationVariables = Exact<{
  input: RemoveDomainsInput;
}>;


export type RemoveDomainsMutation = { removeDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string, reasons: Array<string> }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type SetDomainsMutationVariables = Exact<{
  input: SetDomainsInput;
}>;


export type SetDomainsMutation = { setDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string, reasons: Array<string> }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };


export const ServerDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<ServerDomainsQuery, ServerDomainsQueryVariables>;
export const ThreeReadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreeReads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]}}]}}]} as unknown as DocumentNode<ThreeReadsQuery, ThreeReadsQueryVariables>;
export const AddDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<AddDomainsMutation, AddDomainsMutationVariables>;
export const RemoveDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveDomainsMutation, RemoveDomainsMutationVariables>;
export const SetDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<SetDomainsMutation, SetDomainsMutationVariables>;