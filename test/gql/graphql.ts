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

export type ChangeResultFieldsFragment = { testing: Array<string>, published: Array<string> | null, unverified: Array<string> };

type ChangeErrorFields_AccessTokenError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_DomainCountLimitError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_DomainValidationError_Fragment = { message: string, problems: Array<{ domain: string, reason: string }> };

type ChangeErrorFields_InvalidActionError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_InvalidDomainError_Fragment = { errcode: number, errmsg: string, reasons: Array<string>, message: string };

type ChangeErrorFields_MonthlyQuotaExceededError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_PlatformNotReleasedError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_SystemBusyError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_UnknownWechatError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_UpstreamUnavailableError_Fragment = { mayHaveApplied: boolean, message: string };

export type ChangeErrorFieldsFragment =
  | ChangeErrorFields_AccessTokenError_Fragment
  | ChangeErrorFields_DomainCountLimitError_Fragment
  | ChangeErrorFields_DomainValidationError_Fragment
  | ChangeErrorFields_InvalidActionError_Fragment
  | ChangeErrorFields_InvalidDomainError_Fragment
  | ChangeErrorFields_MonthlyQuotaExceededError_Fragment
  | ChangeErrorFields_PlatformNotReleasedError_Fragment
  | ChangeErrorFields_SystemBusyError_Fragment
  | ChangeErrorFields_UnknownWechatError_Fragment
  | ChangeErrorFields_UpstreamUnavailableError_Fragment
;

export type AddDomainsMutationVariables = Exact<{
  input: AddDomainsInput;
}>;


export type AddDomainsMutation = { addDomains:
    | { __typename: 'AccessTokenError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainCountLimitError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', errcode: number, errmsg: string, message: string }
    | { __typename: 'InvalidDomainError', errcode: number, errmsg: string, reasons: Array<string>, message: string }
    | { __typename: 'MonthlyQuotaExceededError', errcode: number, errmsg: string, message: string }
    | { __typename: 'PlatformNotReleasedError', errcode: number, errmsg: string, message: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UnknownWechatError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UpstreamUnavailableError', mayHaveApplied: boolean, message: string }
   };

export type RemoveDomainsMutationVariables = Exact<{
  input: RemoveDomainsInput;
}>;


export type RemoveDomainsMutation = { removeDomains:
    | { __typename: 'AccessTokenError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainCountLimitError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', errcode: number, errmsg: string, message: string }
    | { __typename: 'InvalidDomainError', errcode: number, errmsg: string, reasons: Array<string>, message: string }
    | { __typename: 'MonthlyQuotaExceededError', errcode: number, errmsg: string, message: string }
    | { __typename: 'PlatformNotReleasedError', errcode: number, errmsg: string, message: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UnknownWechatError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UpstreamUnavailableError', mayHaveApplied: boolean, message: string }
   };

export type SetDomainsMutationVariables = Exact<{
  input: SetDomainsInput;
}>;


export type SetDomainsMutation = { setDomains:
    | { __typename: 'AccessTokenError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainCountLimitError', errcode: number, errmsg: string, message: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', errcode: number, errmsg: string, message: string }
    | { __typename: 'InvalidDomainError', errcode: number, errmsg: string, reasons: Array<string>, message: string }
    | { __typename: 'MonthlyQuotaExceededError', errcode: number, errmsg: string, message: string }
    | { __typename: 'PlatformNotReleasedError', errcode: number, errmsg: string, message: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UnknownWechatError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UpstreamUnavailableError', mayHaveApplied: boolean, message: string }
   };

export const ChangeResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]} as unknown as DocumentNode<ChangeResultFieldsFragment, unknown>;
export const ChangeErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<ChangeErrorFieldsFragment, unknown>;
export const ServerDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<ServerDomainsQuery, ServerDomainsQueryVariables>;
export const ThreeReadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreeReads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]}}]}}]} as unknown as DocumentNode<ThreeReadsQuery, ThreeReadsQueryVariables>;
export const AddDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<AddDomainsMutation, AddDomainsMutationVariables>;
export const RemoveDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<RemoveDomainsMutation, RemoveDomainsMutationVariables>;
export const SetDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<SetDomainsMutation, SetDomainsMutationVariables>;