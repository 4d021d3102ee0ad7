// API types of the console, taken from the types generated from openapi.yaml and schemas/.
import type { components } from '../../../generated/openapi.js';

type S = components['schemas'];

export type MessageType = S['messageType'];
export type MessageStatus = S['MessageStatus'];
export type MessageSummary = S['MessageSummary'];
export type MessageDetail = S['MessageDetail'];
export type MessageList = S['MessageList'];
export type HistoryEntry = S['HistoryEntry'];
export type SubmitRequest = S['SubmitRequest'];
export type SubmitHandling = S['SubmitHandling'];
export type SubmitResult = S['SubmitResult'];
export type ReplyRequest = S['ReplyRequest'];
export type DecisionSummary = S['DecisionSummary'];
export type PolicyPreview = S['PolicyPreview'];
export type PolicyPreviewRequest = S['PolicyPreviewRequest'];
export type Readiness = S['Readiness'];
export type DeadLetterList = S['DeadLetterList'];
export type QueueOperationResult = S['QueueOperationResult'];
export type Problem = S['Problem'];
export type Handling = S['handling'];
export type HandlingCode = S['handlingCode'];
export type Directory = S['Directory'];
export type DirectoryMember = S['DirectoryMember'];
export type MessagePreview = S['MessagePreview'];
export type DestinationPreview = S['DestinationPreview'];
export type Thread = S['Thread'];
export type MessageChange = S['MessageChange'];
export type PeerList = S['PeerList'];
export type PeerOverview = S['PeerOverview'];
export type ConnectionTest = S['ConnectionTest'];
export type ConnectionStep = S['ConnectionStep'];
export type NodeCertificates = S['NodeCertificates'];
export type CertificateState = S['CertificateState'];
export type Attention = S['Attention'];
