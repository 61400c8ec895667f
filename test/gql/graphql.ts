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

/** What a change did to the month's quota of changes. */
export type ChangeEffect =
  /** WeChat made the change: one of the month's changes spent. */
  | 'APPLIED'
  /** Already in place: nothing sent, nothing spent. */
  | 'NO_OP'
  /** Not applied: refused by WeChat or by this service's quota guard, or failed before WeChat could apply it (a failed read, a token error, a refused connection, -1 after the retries). */
  | 'REFUSED'
  /** May have been applied (mayHaveApplied): counted as spent. */
  | 'UNKNOWN';

/** A change to the business domains: WeChat calls them add, delete and set. */
export type JumpDomainsAction =
  /** addJumpDomains */
  | 'ADD'
  /** removeJumpDomains */
  | 'REMOVE'
  /** setJumpDomains */
  | 'SET';

/** A change, as addJumpDomains, removeJumpDomains or setJumpDomains would make it. */
export type JumpDomainsChangeInput = {
  action: JumpDomainsAction;
  /** Host names only, normalised as the mutations do: 1 to 300 for ADD and REMOVE, 0 to 300 for SET. */
  domains: Array<string>;
  /** As the mutations' publishTogether. */
  publishTogether?: boolean | null | undefined;
};

/** Input of removeDomains. */
export type RemoveDomainsInput = {
  /** Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode. */
  domains: Array<string>;
  /** false: change the testing value only. true: change testing and published (is_modify_published_together). */
  publishTogether?: boolean | null | undefined;
};

/** A change to the server domains: WeChat calls them add, delete and set. */
export type ServerDomainsAction =
  /** addDomains */
  | 'ADD'
  /** removeDomains */
  | 'REMOVE'
  /** setDomains */
  | 'SET';

/** A change, as addDomains, removeDomains or setDomains would make it. */
export type ServerDomainsChangeInput = {
  action: ServerDomainsAction;
  /** Host names only, normalised as the mutations do: 1 to 1000 for ADD and REMOVE, 0 to 1000 for SET. */
  domains: Array<string>;
  /** As the mutations' publishTogether. */
  publishTogether?: boolean | null | undefined;
};

/** Input of setDomains. */
export type SetDomainsInput = {
  /** Host names only (www.qq.com): no scheme, path or port. Trimmed, lower-cased, de-duplicated; IDNs become punycode. */
  domains: Array<string>;
  /** false: change the testing value only. true: change testing and published (is_modify_published_together). */
  publishTogether?: boolean | null | undefined;
};

export type JumpEntryFieldsFragment = { id: string, at: string, caller: string | null, action: JumpDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null };

export type JumpDomainsQueryVariables = Exact<{ [key: string]: never; }>;


export type JumpDomainsQuery = { jumpDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'JumpDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string>, unicode: Array<string>, change: { id: string } | null }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type AddJumpMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type AddJumpMutation = { addJumpDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'JumpDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string>, change: { id: string, at: string, caller: string | null, action: JumpDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type RemoveJumpMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type RemoveJumpMutation = { removeJumpDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'JumpDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string>, change: { id: string, at: string, caller: string | null, action: JumpDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type SetJumpMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type SetJumpMutation = { setJumpDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'JumpDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string>, change: { id: string, at: string, caller: string | null, action: JumpDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type JumpChangesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type JumpChangesQuery = { jumpDomainChanges: { edges: Array<{ cursor: string, node: { id: string, at: string, caller: string | null, action: JumpDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type JumpQuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type JumpQuotaQuery = { jumpDomainsQuota: { monthlyLimit: number | null, changesThisMonth: number, remainingThisMonth: number | null, monthResetsAt: string, daily:
      | { __typename: 'AccessTokenError', message: string }
      | { __typename: 'DailyCallQuota', limit: number, used: number, remaining: number }
      | { __typename: 'SystemBusyError', message: string }
      | { __typename: 'UnknownWechatError', message: string }
      | { __typename: 'UpstreamUnavailableError', message: string }
     } };

export type JumpPreviewQueryVariables = Exact<{
  input: JumpDomainsChangeInput;
}>;


export type JumpPreviewQuery = { jumpDomainsChangePreview:
    | { __typename: 'AccessTokenError', message: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'JumpDomainsChangePreview', added: Array<string>, removed: Array<string>, testing: Array<string>, published: Array<string> | null, noOp: boolean, remainingThisMonth: number | null }
    | { __typename: 'SystemBusyError', message: string }
    | { __typename: 'UnknownWechatError', message: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type ConfirmFileQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfirmFileQuery = { jumpDomainConfirmFile:
    | { __typename: 'AccessTokenError', message: string, errcode: number }
    | { __typename: 'DomainConfirmFile', fileName: string, fileContent: string }
    | { __typename: 'SystemBusyError', message: string, errcode: number }
    | { __typename: 'UnknownWechatError', message: string, errcode: number }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type PlatformListsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformListsQuery = { thirdPartyPlatform: { componentAppId: string, serverDomains:
      | { __typename: 'AccessTokenError' }
      | { __typename: 'ServerDomains', testing: Array<string> }
      | { __typename: 'SystemBusyError' }
      | { __typename: 'UnknownWechatError' }
      | { __typename: 'UpstreamUnavailableError' }
    , jumpDomains:
      | { __typename: 'AccessTokenError' }
      | { __typename: 'JumpDomains', testing: Array<string> }
      | { __typename: 'SystemBusyError' }
      | { __typename: 'UnknownWechatError' }
      | { __typename: 'UpstreamUnavailableError' }
     } | null };

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

type ChangeErrorFields_DomainNotOnPlatformError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_DomainValidationError_Fragment = { message: string, problems: Array<{ domain: string, reason: string }> };

type ChangeErrorFields_InvalidActionError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_InvalidDomainError_Fragment = { errcode: number, errmsg: string, reasons: Array<string>, message: string };

type ChangeErrorFields_MiniProgramNotAuthorizedError_Fragment = { message: string };

type ChangeErrorFields_MonthlyQuotaExceededError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_PlatformNotReleasedError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_SystemBusyError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_UnknownWechatError_Fragment = { errcode: number, errmsg: string, message: string };

type ChangeErrorFields_UpstreamUnavailableError_Fragment = { mayHaveApplied: boolean, message: string };

export type ChangeErrorFieldsFragment =
  | ChangeErrorFields_AccessTokenError_Fragment
  | ChangeErrorFields_DomainCountLimitError_Fragment
  | ChangeErrorFields_DomainNotOnPlatformError_Fragment
  | ChangeErrorFields_DomainValidationError_Fragment
  | ChangeErrorFields_InvalidActionError_Fragment
  | ChangeErrorFields_InvalidDomainError_Fragment
  | ChangeErrorFields_MiniProgramNotAuthorizedError_Fragment
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

export type ChangeEntryFieldsFragment = { id: string, at: string, caller: string | null, action: ServerDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null };

export type ChangeMutationVariables = Exact<{
  add: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type ChangeMutation = { addDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, change: { id: string, at: string, caller: string | null, action: ServerDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
   };

export type RemoveMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type RemoveMutation = { removeDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, change: { id: string, at: string, caller: string | null, action: ServerDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type SetMutationVariables = Exact<{
  domains: Array<string> | string;
  publishTogether?: boolean | null | undefined;
}>;


export type SetMutation = { setDomains:
    | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainCountLimitError', message: string, errcode: number, errmsg: string }
    | { __typename: 'DomainValidationError', message: string }
    | { __typename: 'InvalidActionError', message: string, errcode: number, errmsg: string }
    | { __typename: 'InvalidDomainError', message: string, errcode: number, errmsg: string }
    | { __typename: 'MonthlyQuotaExceededError', message: string, errcode: number, errmsg: string }
    | { __typename: 'PlatformNotReleasedError', message: string, errcode: number, errmsg: string }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, change: { id: string, at: string, caller: string | null, action: ServerDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } | null }
    | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type QuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type QuotaQuery = { serverDomainsQuota: { monthlyLimit: number, changesThisMonth: number, remainingThisMonth: number, monthResetsAt: string } };

export type DailyQueryVariables = Exact<{ [key: string]: never; }>;


export type DailyQuery = { serverDomainsQuota: { remainingThisMonth: number, daily:
      | { __typename: 'AccessTokenError', message: string, errcode: number, errmsg: string }
      | { __typename: 'DailyCallQuota', limit: number, used: number, remaining: number }
      | { __typename: 'SystemBusyError', message: string, errcode: number, errmsg: string }
      | { __typename: 'UnknownWechatError', message: string, errcode: number, errmsg: string }
      | { __typename: 'UpstreamUnavailableError', message: string, mayHaveApplied: boolean }
     } };

export type ChangesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChangesQuery = { serverDomainChanges: { edges: Array<{ cursor: string, node: { id: string, at: string, caller: string | null, action: ServerDomainsAction, domains: Array<string>, publishTogether: boolean, effect: ChangeEffect, outcome: string, errcode: number | null, testing: Array<string> | null, published: Array<string> | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type PreviewQueryVariables = Exact<{
  input: ServerDomainsChangeInput;
}>;


export type PreviewQuery = { serverDomainsChangePreview:
    | { __typename: 'AccessTokenError', message: string }
    | { __typename: 'DomainValidationError', message: string, problems: Array<{ domain: string, reason: string }> }
    | { __typename: 'ServerDomainsChangePreview', added: Array<string>, removed: Array<string>, testing: Array<string>, published: Array<string> | null, noOp: boolean, remainingThisMonth: number }
    | { __typename: 'SystemBusyError', message: string }
    | { __typename: 'UnknownWechatError', message: string }
    | { __typename: 'UpstreamUnavailableError', message: string }
   };

export type UnicodeQueryVariables = Exact<{ [key: string]: never; }>;


export type UnicodeQuery = { serverDomains:
    | { __typename: 'AccessTokenError' }
    | { __typename: 'ServerDomains', testing: Array<string>, published: Array<string> | null, unverified: Array<string>, unicode: Array<string>, change: { id: string } | null }
    | { __typename: 'SystemBusyError' }
    | { __typename: 'UnknownWechatError' }
    | { __typename: 'UpstreamUnavailableError' }
  , serverDomainChanges: { edges: Array<{ node: { domains: Array<string>, testing: Array<string> | null, ascii: Array<string> } }> } };

export const JumpEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JumpEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<JumpEntryFieldsFragment, unknown>;
export const ChangeResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]} as unknown as DocumentNode<ChangeResultFieldsFragment, unknown>;
export const ChangeErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<ChangeErrorFieldsFragment, unknown>;
export const ChangeEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<ChangeEntryFieldsFragment, unknown>;
export const JumpDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JumpDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jumpDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}},{"kind":"Field","alias":{"kind":"Name","value":"unicode"},"name":{"kind":"Name","value":"testing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<JumpDomainsQuery, JumpDomainsQueryVariables>;
export const AddJumpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddJump"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addJumpDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JumpEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JumpEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<AddJumpMutation, AddJumpMutationVariables>;
export const RemoveJumpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveJump"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeJumpDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JumpEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JumpEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<RemoveJumpMutation, RemoveJumpMutationVariables>;
export const SetJumpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetJump"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setJumpDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JumpEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JumpEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<SetJumpMutation, SetJumpMutationVariables>;
export const JumpChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JumpChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jumpDomainChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JumpEntryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JumpEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<JumpChangesQuery, JumpChangesQueryVariables>;
export const JumpQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JumpQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jumpDomainsQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyLimit"}},{"kind":"Field","name":{"kind":"Name","value":"changesThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"monthResetsAt"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailyCallQuota"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JumpQuotaQuery, JumpQuotaQueryVariables>;
export const JumpPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JumpPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainsChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jumpDomainsChangePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomainsChangePreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"noOp"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisMonth"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<JumpPreviewQuery, JumpPreviewQueryVariables>;
export const ConfirmFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfirmFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jumpDomainConfirmFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainConfirmFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"fileContent"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmFileQuery, ConfirmFileQueryVariables>;
export const PlatformListsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thirdPartyPlatform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentAppId"}},{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jumpDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JumpDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlatformListsQuery, PlatformListsQueryVariables>;
export const ServerDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]} as unknown as DocumentNode<ServerDomainsQuery, ServerDomainsQueryVariables>;
export const ThreeReadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreeReads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}}]}}]}}]} as unknown as DocumentNode<ThreeReadsQuery, ThreeReadsQueryVariables>;
export const AddDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<AddDomainsMutation, AddDomainsMutationVariables>;
export const RemoveDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<RemoveDomainsMutation, RemoveDomainsMutationVariables>;
export const SetDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDomainsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeResultFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"unverified"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidDomainError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]} as unknown as DocumentNode<SetDomainsMutation, SetDomainsMutationVariables>;
export const ChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Change"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"add"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"add"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<ChangeMutation, ChangeMutationVariables>;
export const RemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Remove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<RemoveMutation, RemoveMutationVariables>;
export const SetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Set"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domains"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"domains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"publishTogether"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishTogether"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeEntryFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<SetMutation, SetMutationVariables>;
export const QuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Quota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomainsQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthlyLimit"}},{"kind":"Field","name":{"kind":"Name","value":"changesThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"monthResetsAt"}}]}}]}}]} as unknown as DocumentNode<QuotaQuery, QuotaQueryVariables>;
export const DailyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomainsQuota"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remainingThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailyCallQuota"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WechatError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"errmsg"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayHaveApplied"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailyQuery, DailyQueryVariables>;
export const ChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomainChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeEntryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"caller"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"publishTogether"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errcode"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]} as unknown as DocumentNode<ChangesQuery, ChangesQueryVariables>;
export const PreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Preview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainsChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomainsChangePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomainsChangePreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"noOp"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisMonth"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DomainValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewQuery, PreviewQueryVariables>;
export const UnicodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Unicode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServerDomains"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testing"}},{"kind":"Field","alias":{"kind":"Name","value":"unicode"},"name":{"kind":"Name","value":"testing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]},{"kind":"Field","name":{"kind":"Name","value":"published"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]},{"kind":"Field","name":{"kind":"Name","value":"unverified"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"serverDomainChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]},{"kind":"Field","alias":{"kind":"Name","value":"ascii"},"name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"testing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"form"},"value":{"kind":"EnumValue","value":"UNICODE"}}]}]}}]}}]}}]}}]} as unknown as DocumentNode<UnicodeQuery, UnicodeQueryVariables>;