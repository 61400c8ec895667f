/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ServerDomainsFieldsFragment = { testing: Array<string>, published: Array<string> | null, unverified: Array<string> };

type ErrorFields_AccessTokenError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_DomainCountLimitError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_DomainValidationError_Fragment = { message: string, problems: Array<{ domain: string, reason: string }> };

type ErrorFields_InvalidActionError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_InvalidDomainError_Fragment = { errcode: number, errmsg: string, reasons: Array<string>, message: string };

type ErrorFields_MonthlyQuotaExceededError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_PlatformNotReleasedError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_SystemBusyError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_UnknownWechatError_Fragment = { errcode: number, errmsg: string, message: string };

type ErrorFields_UpstreamUnavailableError_Fragment = { mayHaveApplied: boolean, message: string };

export type ErrorFieldsFragment =
  | ErrorFields_AccessTokenError_Fragment
  | ErrorFields_DomainCountLimitError_Fragment
  | ErrorFields_DomainValidationError_Fragment
  | ErrorFields_InvalidActionError_Fragment
  | ErrorFields_InvalidDomainError_Fragment
  | ErrorFields_MonthlyQuotaExceededError_Fragment
  | ErrorFields_PlatformNotReleasedError_Fragment
  | ErrorFields_SystemBusyError_Fragment
  | ErrorFields_UnknownWechatError_Fragment
  | ErrorFields_UpstreamUnavailableError_Fragment
;

export type ServerDomainsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerDomainsQuery = { serverDomains:
    | { __typename: 'AccessTokenError', errcode: number, errmsg: string, message: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string> }
    | { __typename: 'SystemBusyError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UnknownWechatError', errcode: number, errmsg: string, message: string }
    | { __typename: 'UpstreamUnavailableError', mayHaveApplied: boolean, message: string }
   };

export type AddDomainsMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
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
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
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
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
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

export const ServerDomainsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerDomainsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]} as unknown as DocumentNode<ServerDomainsFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const ServerDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerDomainsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerDomainsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<ServerDomainsQuery, ServerDomainsQueryVariables>;
export const AddDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerDomainsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerDomainsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<AddDomainsMutation, AddDomainsMutationVariables>;
export const RemoveDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerDomainsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerDomainsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<RemoveDomainsMutation, RemoveDomainsMutationVariables>;
export const SetDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ServerDomainsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ServerDomainsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<SetDomainsMutation, SetDomainsMutationVariables>;