/**
 * The contract between the thin Aura item that holds `lightning:omniToolkitAPI` and the agent
 * LWC it wraps. The workbench's emulated Omni-Channel speaks the same contract, so the LWC
 * cannot tell the two apart. Import with `import type { … } from 'presence-sync/omni-bridge'`.
 *
 * Aura → LWC: `lwc.handleOmniEvent(name, payload)` for each Omni application event, and
 *             `lwc.handleOmniResponse(requestId, ok, result, errorMessage)` for each request.
 * LWC → Aura: a bubbling, composed CustomEvent `omnirequest` whose detail is an OmniRequest.
 */

export type OmniEventName = 'loginSuccess' | 'statusChanged' | 'logout' | 'workAccepted' | 'workloadChanged';

/** Payloads exactly as the Aura events carry them (lightning:omniChannel…). */
export interface OmniLoginSuccessPayload {
    statusId: string;
}
export interface OmniStatusChangedPayload {
    statusId: string;
    statusName: string;
    statusApiName: string;
    channels?: unknown;
    /** OmniToolkitStatusChange, OmniManualStatusChange, OmniPushTimeout, OmniDeclineWork, OmniSupervisorStatusChange, OmniLoginStatusChange */
    reason?: string;
}
export interface OmniLogoutPayload {
    reason?: string;
}
export interface OmniWorkAcceptedPayload {
    workItemId: string;
    workId: string;
}
/** The docs disagree on number vs string: the LWC converts. */
export interface OmniWorkloadChangedPayload {
    configuredCapacity: number | string;
    previousWorkload: number | string;
    newWorkload: number | string;
    configuredInterruptibleCapacity?: number | string;
    previousInterruptibleWorkload?: number | string;
    newInterruptibleWorkload?: number | string;
}

export interface OmniEventPayloads {
    loginSuccess: OmniLoginSuccessPayload;
    statusChanged: OmniStatusChangedPayload;
    logout: OmniLogoutPayload;
    workAccepted: OmniWorkAcceptedPayload;
    workloadChanged: OmniWorkloadChangedPayload;
}

/** Toolkit methods the LWC may ask for, with their arguments (as lightning:omniToolkitAPI takes them). */
export type OmniRequest =
    | { requestId: string; method: 'setServicePresenceStatus'; args: { statusId: string } }
    | { requestId: string; method: 'login'; args: { statusId: string } }
    | { requestId: string; method: 'logout'; args: Record<string, never> }
    | { requestId: string; method: 'getServicePresenceStatusId'; args: Record<string, never> }
    | { requestId: string; method: 'getAgentWorkload'; args: Record<string, never> };

export type OmniMethod = OmniRequest['method'];
