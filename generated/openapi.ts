// Generated from openapi.yaml and schemas/ by scripts/gen-types.js: do not edit.
// Regenerate with `npm run gen`; `npm test` fails when this file is out of date.
export type paths = {
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entries of this process's audit journal */
    get: operations['readAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify the hash chain and signed checkpoints of the journal */
    post: operations['verifyAudit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages whose delivery failed for good */
    get: operations['listDeadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dead-letters/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a failed message from the dead-letter list (it stays in the outbox as failed) */
    delete: operations['purgeDeadLetter'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dead-letters/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a failed message again (sealed anew when its lifetime ended or its recipient key was revoked or replaced) */
    post: operations['retryDeadLetter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/envelopes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver a sealed envelope
     * @description The body is the compact JWE of PROTOCOL.md. The answer is a signed receipt (positive, or negative for permanent errors) or a problem document.
     */
    post: operations['postEnvelope'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness of the local API */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages received, newest first */
    get: operations['listInbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inbox/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One received message with its history and the receipt issued */
    get: operations['getInboxMessage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inbox/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a received trace request with a trace response */
    post: operations['replyToMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a message to one or several destinations */
    post: operations['submitMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages sent, newest first */
    get: operations['listOutbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/outbox/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One sent message with its status history and receipt */
    get: operations['getOutboxMessage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/peer/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness of the peer API
     * @description Served on the peer port as `GET /v1/health` (this path is its name in this document, which describes both ports).
     */
    get: operations['getPeerHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Policy versions and the active one */
    get: operations['listPolicies'];
    put?: never;
    /** Create a draft version */
    post: operations['createPolicyDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version with its document and state history */
    get: operations['getPolicy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make an approved version the active one (atomic) */
    post: operations['activatePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a proposed version (four eyes: not by its author) */
    post: operations['approvePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rule-level differences between this version and another (default the active one) */
    get: operations['diffPolicy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}/propose': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose a draft for approval */
    post: operations['proposePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{version}/simulate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a candidate version against recent outbound traffic and show which decisions change */
    post: operations['simulatePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What would a destination receive if this were sent? */
    post: operations['previewPolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate an earlier version again */
    post: operations['rollbackPolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness, with the age of the oldest pending message per peer */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AuditPage: {
      entries: {
        [key: string]: unknown;
      }[];
      nextSeq?: number;
    };
    AuditVerification: {
      checkpoints: number;
      entries: number;
      firstBroken?: {
        line?: number;
        reason?: string;
        seq?: number;
      };
      ok: boolean;
    };
    /**
     * @description What a certificate is for.
     * @enum {unknown}
     */
    certificateUse: 'sig' | 'enc' | 'tls';
    /** @description An agency, unit and officer with their contact details. */
    contact: {
      agency: components['schemas']['shortText'];
      agencyId?: string;
      /** Format: email */
      email?: string;
      officer?: components['schemas']['shortText'];
      phone?: string;
      unit?: components['schemas']['shortText'];
    };
    coordinates: {
      lat: number;
      lon: number;
    };
    /** @description ISO 3166-1 alpha-2 country code (XK for Kosovo*). */
    countryCode: string;
    /**
     * Format: date
     * @description RFC 3339 full date.
     */
    date: string;
    /** @description A full date (RFC 3339), or only its year once generalised by a sharing policy. */
    dateOrYear: string;
    /**
     * Format: date-time
     * @description RFC 3339 date and time with offset.
     */
    dateTime: string;
    DeadLetterList: {
      items: components['schemas']['MessageSummary'][];
    };
    /** @description The explanation of a policy decision (rule ids and pointers; no personal data). */
    DecisionSummary: {
      decisionHash: string;
      /** @enum {unknown} */
      effect: 'allow' | 'deny';
      matched: {
        [key: string]: unknown;
      }[];
      notMatched?: {
        [key: string]: unknown;
      }[];
      policy: {
        id: string;
        version: number;
      };
      reasons: string[];
      transformations: {
        action: string;
        pointer: string;
        ruleId: string;
      }[];
    };
    /** @description base64url (no padding) SHA-256 digest. */
    digest: string;
    ErrorRef: {
      code: string;
      message: string;
    };
    /** @description 4x4 evaluation: source reliability A/B/C/X and information assessment 1-4 (as a string). */
    evaluation: {
      /** @enum {unknown} */
      information: '1' | '2' | '3' | '4';
      /** @enum {unknown} */
      source: 'A' | 'B' | 'C' | 'X';
    };
    /**
     * Federation directory
     * @description Payload of the federation directory JWS signed by the federation operator: every member, its endpoint and certificates, and the revoked certificate serials.
     */
    'federation-directory.schema': {
      federationId: string;
      issuedAt: components['schemas']['dateTime'];
      members: {
        certificates: {
          /** @description base64url SHA-256 of the certificate DER (x5t#S256). */
          kid: components['schemas']['digest'];
          notAfter: components['schemas']['dateTime'];
          notBefore: components['schemas']['dateTime'];
          pem: string;
          /** @description Serial number, lower-case hex. */
          serial: string;
          use: components['schemas']['certificateUse'];
        }[];
        /**
         * Format: uri
         * @description Base https URL of the member's peer API.
         */
        endpoint: string;
        groups: string[];
        id: components['schemas']['memberId'];
        /** @enum {unknown} */
        kind: 'ffp-node' | 'eu-counterpart';
        name: components['schemas']['shortText'];
      }[];
      nextUpdate: components['schemas']['dateTime'];
      revoked: {
        /** @enum {unknown} */
        reason?:
          | 'unspecified'
          | 'keyCompromise'
          | 'affiliationChanged'
          | 'superseded'
          | 'cessationOfOperation';
        revokedAt: components['schemas']['dateTime'];
        serial: string;
      }[];
      /** @description Increases with every issue; a node never installs an older one. */
      sequence: number;
      /** @constant */
      type: 'federation-directory';
      /** @constant */
      v: 1;
    };
    FederationDirectory: components['schemas']['federation-directory.schema'];
    fieldTest: {
      equals?: string | number | boolean;
      exists?: boolean;
      in?: (string | number | boolean)[];
      matches?: string;
      notIn?: (string | number | boolean)[];
      pointer: components['schemas']['pointer'];
    };
    /** @description Identification of a firearm as marked (ITI, Directive (EU) 2021/555). */
    firearm: {
      calibre: string;
      /** @enum {unknown} */
      conversionOrReactivation?:
        'none' | 'converted-alarm-blank' | 'reactivated-deactivated' | 'other';
      countryOfManufacture?: components['schemas']['countryCode'];
      importMarking?: {
        country?: components['schemas']['countryCode'];
        importer?: components['schemas']['shortText'];
        year?: number;
      };
      make: components['schemas']['shortText'];
      model?: components['schemas']['shortText'];
      otherMarkings?: components['schemas']['shortText'][];
      referenceTableId?: string;
      /** @description As marked on the frame or receiver. */
      serialNumber: string;
      serialObliterated?: boolean;
      /** @description Method and result of a serial number restoration. */
      serialRestoration?: components['schemas']['longText'];
      type: components['schemas']['firearmType'];
      yearOfManufacture?: number;
    };
    /** @enum {unknown} */
    firearmType:
      'pistol' | 'revolver' | 'rifle' | 'shotgun' | 'submachine-gun' | 'machine-gun' | 'other';
    generalisation: {
      /** @description For `rounded`: decimals kept (default 1, about 10 km). */
      decimals?: number;
      pointer: components['schemas']['pointer'];
      /** @enum {unknown} */
      to: 'year' | 'municipality' | 'rounded';
    };
    /** @description Handling conditions that travel with every message. */
    handling: {
      code: components['schemas']['handlingCode'];
      /** @description Set by the sending node from the body, never taken from the caller. */
      containsPersonalData: boolean;
      evaluation?: components['schemas']['evaluation'];
      /** @description Legal basis of the transfer (agreement, convention, article). */
      legalBasis?: string;
      purpose: components['schemas']['purpose'];
      /** @description The restrictions of an H3 message. */
      restrictions?: components['schemas']['longText'];
      /** @description Date after which the receiver must delete or review the data. */
      retainUntil?: components['schemas']['date'];
      tlp?: components['schemas']['tlp'];
    };
    /**
     * @description Europol handling code: H0 law-enforcement use only; H1 not for judicial proceedings without the provider's permission; H2 no onward transfer without the provider's permission; H3 other restrictions stated in `restrictions`.
     * @enum {unknown}
     */
    handlingCode: 'H0' | 'H1' | 'H2' | 'H3';
    Health: {
      nodeId: string;
      protocol: number;
      /** @constant */
      status: 'ok';
      version: string;
    };
    HistoryEntry: {
      /** Format: date-time */
      at: string;
      detail?: {
        [key: string]: unknown;
      };
      status: components['schemas']['MessageStatus'];
    };
    /**
     * Ballistic hit notification
     * @description A correlation between ballistic exhibits of different cases (after INTERPOL IBIN and ATF NIBIN).
     */
    'hit-notification.schema': {
      confirmation?: {
        date: components['schemas']['date'];
        examinerId: string;
        lab: string;
        method: components['schemas']['shortText'];
      };
      correlation?: {
        filters?: components['schemas']['longText'];
        rank?: number;
        runDate?: components['schemas']['date'];
        score?: number;
      };
      exhibits: {
        calibre?: string;
        classCharacteristics?: components['schemas']['longText'];
        exhibitId: string;
        /** @description Reference of an image or 3D topography file (e.g. an X3P id). */
        imageRef?: string;
        /** @enum {unknown} */
        type: 'cartridge-case' | 'bullet' | 'test-fire';
      }[];
      /** @enum {unknown} */
      grade: 'intelligence' | 'evidential';
      /**
       * @description lead: unconfirmed correlation candidate; confirmed: examiner-confirmed link.
       * @enum {unknown}
       */
      kind: 'lead' | 'confirmed';
      /** @description The cases the hit links (at least two). */
      linkedCases: {
        caseRef: string;
        jurisdiction: components['schemas']['memberId'];
        /** @description Date of the occurrence, or 'unknown'. */
        occurrenceDate: components['schemas']['date'] | 'unknown';
        offence?: components['schemas']['shortText'];
        place?: components['schemas']['place'];
      }[];
      linkedFirearm?: {
        firearm: components['schemas']['firearm'];
        traceRef?: string;
      };
      /** @description The sender's reference. */
      notificationRef: string;
      originatingLab: {
        id: string;
        name: components['schemas']['shortText'];
      };
      requestedAction?: {
        action: components['schemas']['longText'];
        contact?: components['schemas']['contact'];
        deadline?: components['schemas']['date'];
      };
      sharingCriteria?: (
        | 'near-border'
        | 'border-seizure'
        | 'suspected-trafficker'
        | 'three-or-more-firearms'
        | 'terrorism'
        | 'possessor-resident-abroad'
      )[];
      system?: {
        /** @enum {unknown} */
        name: 'IBIS' | 'EVOFINDER' | 'other';
        /** @enum {unknown} */
        network?: 'national' | 'IBIN' | 'other';
      };
    };
    HitNotification: components['schemas']['hit-notification.schema'];
    inboundRule: {
      description?: string;
      /** @enum {unknown} */
      effect: 'allow' | 'deny';
      id: components['schemas']['ruleId'];
      reason?: string;
      when?: {
        from?: components['schemas']['nameSet'];
        handlingCode?: components['schemas']['setOf'];
        /** @description Envelope size in bytes above which the rule applies. */
        sizeAbove?: number;
        type?: components['schemas']['setOf'];
      };
    } & unknown;
    keyPair: {
      /** @description PEM file of the certificate. */
      cert: string;
      /** @description PEM file of the private key (PKCS#8). */
      key: string;
    };
    longText: string;
    /** @description Federation member id: an ISO 3166-1 alpha-2 code (XK for Kosovo*) or EU-<code> for EU member states and bodies. */
    memberId: string;
    Message: components['schemas']['message.schema'];
    /**
     * Message
     * @description The payload of the inner JWS of an envelope (PROTOCOL.md): addressing, lifetime, handling, the outbound policy stamp and the body of its type.
     */
    'message.schema': {
      body: {
        [key: string]: unknown;
      };
      /** @description Links a whole case thread. */
      correlationId?: string;
      createdAt: components['schemas']['dateTime'];
      expiresAt: components['schemas']['dateTime'];
      from: components['schemas']['memberId'];
      handling: components['schemas']['handling'];
      id: components['schemas']['uuidV7'];
      /** @description Id of the message this one answers. */
      inReplyTo?: components['schemas']['uuidV7'];
      /** @description The outbound policy decision that produced the body. */
      policy: {
        decisionHash: components['schemas']['digest'];
        id: string;
        version: number;
      };
      to: components['schemas']['memberId'];
      type: components['schemas']['messageType'];
      /**
       * @description Protocol version.
       * @constant
       */
      v: 1;
    } & (unknown & unknown & unknown);
    MessageDetail: {
      decision?: components['schemas']['DecisionSummary'];
      digest?: string;
      history: components['schemas']['HistoryEntry'][];
      /** @description The message as sent (after policy) or as received. */
      message?: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description When the contents (body and envelope) were deleted at the end of their retention; the message is then absent.
       */
      purgedAt?: string;
      receipt?: {
        jws: string;
        payload: {
          [key: string]: unknown;
        };
      };
      summary: components['schemas']['MessageSummary'];
    };
    MessageList: {
      items: components['schemas']['MessageSummary'][];
      nextCursor?: string;
    };
    /** @enum {unknown} */
    MessageStatus:
      | 'denied'
      | 'accepted'
      | 'queued'
      | 'sending'
      | 'delivered'
      | 'rejected'
      | 'failed'
      | 'answered'
      | 'received';
    MessageSummary: {
      answeredBy?: string;
      attempts: number;
      /** @enum {unknown} */
      box: 'in' | 'out';
      correlationId?: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      from: string;
      id: string;
      inReplyTo?: string;
      lastError?: components['schemas']['ErrorRef'];
      status: components['schemas']['MessageStatus'];
      to: string;
      type: components['schemas']['messageType'];
      /** Format: date-time */
      updatedAt: string;
    };
    /**
     * @description Type of a message exchanged between nodes.
     * @enum {unknown}
     */
    messageType: 'trace-request' | 'trace-response' | 'hit-notification';
    /** @description Member ids, group names (WB6, EU, …, or the policy's own) or kinds (ffp-node, eu-counterpart). */
    names: string[];
    nameSet: {
      in?: components['schemas']['names'];
      notIn?: components['schemas']['names'];
    };
    /**
     * Node configuration
     * @description Configuration of one exchange node process (YAML or JSON). Relative paths are resolved against the directory of the configuration file.
     */
    'node-config.schema': {
      audit: {
        /** @default 100 */
        checkpointEvery: number;
        /** @default 60 */
        checkpointSeconds: number;
        /** @description Append-only JSON-lines journal of this process. */
        file: string;
        /** @default 10000 */
        maxBacklog: number;
      };
      delivery?: {
        /** @default 15000 */
        attemptTimeoutMs: number;
        /** @default 1000 */
        backoffBaseMs: number;
        /** @default 300000 */
        backoffMaxMs: number;
        /** @default 4 */
        concurrencyPerPeer: number;
        /**
         * @description Lifetime of a message when the submitter sets none; delivery is retried until it expires.
         * @default 604800
         */
        defaultTtlSeconds: number;
        /**
         * @description How long a worker's claim on a job lasts without renewal; a crashed worker's jobs are taken over after it.
         * @default 30000
         */
        lockDurationMs: number;
      };
      /** @description Name of this process among the processes of the same node (several processes may share one Redis). Defaults to the host name and process id. */
      instanceId?: string;
      localApi: {
        auth: {
          algorithms?: ('ES256' | 'ES384' | 'PS256' | 'PS384' | 'RS256' | 'EdDSA')[];
          audience: string;
          /** @default 30 */
          clockToleranceSeconds: number;
          issuer: string;
          /** @description File path or https URL of the issuer's JWKS. */
          jwks: string;
          /** @default roles */
          rolesClaim: string;
        };
        /** @default 127.0.0.1 */
        host: string;
        /** @default 1048576 */
        maxBodyBytes: number;
        port: components['schemas']['port'];
      };
      log?: {
        /** @description Write logs to this file instead of standard output. */
        file?: string;
        /**
         * @default info
         * @enum {unknown}
         */
        level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
      };
      /** @description This node's federation member id, as listed in the federation directory. */
      nodeId: components['schemas']['memberId'];
      peerApi: {
        /** @default 127.0.0.1 */
        host: string;
        /**
         * @description Largest envelope accepted; larger bodies are refused before they are read whole.
         * @default 1048576
         */
        maxEnvelopeBytes: number;
        port: components['schemas']['port'];
        /** @description Envelopes per peer per window accepted before answering FFX-RATE-LIMITED. */
        rateLimit?: {
          /** @default 600 */
          max: number;
          /** @default 60 */
          windowSeconds: number;
        };
        /** @default 30000 */
        requestTimeoutMs: number;
      };
      pki: {
        directory: {
          /**
           * @description How long past its nextUpdate a directory is still used before the node refuses to send.
           * @default 86400
           */
          graceSeconds: number;
          /**
           * @description How often the directory is fetched and verified again.
           * @default 300
           */
          refreshSeconds: number;
          /** @description File path or https URL of the signed federation directory (compact JWS). */
          source: string;
        };
        /** @description The node's decryption keys; several during a rotation. The first is the current one. */
        enc: components['schemas']['keyPair'][];
        /** @description PEM file of the federation root CA. */
        rootCa: string;
        /** @description The node's signing key and certificate. */
        sig: components['schemas']['keyPair'];
        /** @description The node's TLS key and certificate (server and client). */
        tls: components['schemas']['keyPair'];
      };
      policy: {
        /** @description Sharing policy installed and activated at first start when the store holds no active version. */
        file: string;
      };
      protocol?: {
        /** @default 300 */
        clockSkewSeconds: number;
      };
      redis: {
        /** @description Key prefix of this node; lets several nodes share one Redis in development. Defaults to 'ffx:<nodeId>:'. */
        prefix?: string;
        /** @description Redis URL. The environment variable REDIS_URL overrides it. */
        url: string;
      };
      /** @description How long message contents are kept. After a message's handling.retainUntil (or, when it sets none, defaultDays after it was stored) the body and the envelope are deleted; ids, statuses, digests, receipts and the journal stay, so redelivery and audit still work. */
      retention?: {
        /** @default 365 */
        defaultDays: number;
        /**
         * @description How often expired contents are looked for.
         * @default 300
         */
        sweepSeconds: number;
      };
      $defs: {
        port: number;
        keyPair: {
          /** @description PEM file of the certificate. */
          cert: string;
          /** @description PEM file of the private key (PKCS#8). */
          key: string;
        };
      };
    };
    NodeConfig: components['schemas']['node-config.schema'];
    outboundConditions: {
      evaluation?: {
        information?: components['schemas']['setOf'];
        source?: components['schemas']['setOf'];
      };
      fields?: components['schemas']['fieldTest'][];
      handlingCode?: components['schemas']['setOf'];
      legalBasis?: components['schemas']['textTest'];
      purpose?: components['schemas']['setOf'];
      /** @description Whether the message passes on material this node received from another member. */
      receivedFromThirdParty?: boolean;
      tlp?: components['schemas']['setOf'];
      to?: components['schemas']['nameSet'];
      type?: components['schemas']['setOf'];
    };
    outboundRule: {
      description?: string;
      /** @enum {unknown} */
      effect: 'allow' | 'deny';
      generalise?: components['schemas']['generalisation'][];
      id: components['schemas']['ruleId'];
      /** @description Shown to the analyst when this rule denies. */
      reason?: string;
      redact?: components['schemas']['pointer'][];
      when?: components['schemas']['outboundConditions'];
    } & unknown;
    /** @description A person or an entity (company, dealer, agency). */
    party: {
      address?: components['schemas']['place'];
      /** @description Full date, or only the year after generalisation. */
      dateOfBirth?: components['schemas']['dateOrYear'];
      /** @enum {unknown} */
      kind: 'person' | 'entity';
      licenceNumber?: string;
      name: components['schemas']['shortText'];
      nationality?: components['schemas']['countryCode'];
    };
    /** @description A natural person (personal data: policy-controlled). */
    person: {
      address?: components['schemas']['place'];
      aliases?: components['schemas']['shortText'][];
      /** @description Full date, or only the year after generalisation. */
      dateOfBirth?: components['schemas']['dateOrYear'];
      identityDocument?: string;
      name: components['schemas']['shortText'];
      nationality?: components['schemas']['countryCode'][];
      placeOfBirth?: components['schemas']['place'];
      /** @enum {unknown} */
      sex?: 'F' | 'M' | 'X' | 'U';
    };
    /** @description A place: country, municipality, optional street address and coordinates. */
    place: {
      coordinates?: components['schemas']['coordinates'];
      country: components['schemas']['countryCode'];
      locality?: components['schemas']['shortText'];
      municipality?: components['schemas']['shortText'];
      postalCode?: string;
      street?: components['schemas']['shortText'];
    };
    /** @description A JSON pointer into the body; `*` stands for every item of an array. */
    pointer: string;
    PolicyDiff: {
      [key: string]: unknown;
    };
    PolicyDraftRequest: {
      comment?: string;
      /** @description The sharing policy (as JSON, or YAML text). */
      document:
        | {
            [key: string]: unknown;
          }
        | string;
    };
    PolicyPreview: {
      /** @description What the destination would receive (null when denied). */
      body: {
        [key: string]: unknown;
      } | null;
      decision: components['schemas']['DecisionSummary'];
      notMatched?: {
        [key: string]: unknown;
      }[];
    };
    PolicyPreviewRequest: {
      body: {
        [key: string]: unknown;
      };
      handling: components['schemas']['SubmitHandling'];
      to: components['schemas']['memberId'];
      type: components['schemas']['messageType'];
      /** @description Policy version to use; the active one when absent. */
      version?: number;
    };
    PolicyRollbackRequest: {
      version: number;
    };
    PolicySimulation: {
      active?: number | null;
      candidate: number;
      changed: {
        [key: string]: unknown;
      }[];
      compared: number;
    };
    PolicyVersion: {
      author: string;
      createdAt: string;
      document?: {
        [key: string]: unknown;
      };
      policyId?: string;
      state: string;
      version: number;
    };
    PolicyVersionList: {
      active?: number | null;
      items: components['schemas']['PolicyVersion'][];
    };
    port: number;
    /** @description RFC 9457 problem details. */
    Problem: {
      code: string;
      detail?: string;
      errors?: {
        message: string;
        pointer: string;
      }[];
      instance?: string;
      status: number;
      title: string;
      type: string;
    };
    /**
     * @description Purpose of the processing.
     * @enum {unknown}
     */
    purpose: 'criminal-investigation' | 'prosecution' | 'prevention' | 'intelligence';
    QueueOperationResult: {
      messageId: string;
      status: string;
    };
    Readiness: {
      checks: {
        audit: {
          [key: string]: unknown;
        };
        directory: {
          [key: string]: unknown;
        };
        redis: {
          [key: string]: unknown;
        };
      };
      peers: {
        id: string;
        oldestPendingSeconds: number | null;
        pending: number;
      }[];
      ready: boolean;
    };
    Receipt: components['schemas']['receipt.schema'];
    /**
     * Receipt
     * @description Payload of a receipt JWS signed by the receiver: non-repudiation of receipt of the exact envelope bytes.
     */
    'receipt.schema': {
      /** @description base64url SHA-256 of the exact JWE bytes received. */
      digest: components['schemas']['digest'];
      error?: {
        code: string;
        message: string;
      };
      /** @description The receiver, who signs the receipt. */
      from: components['schemas']['memberId'];
      /** @description The id of the message (JWE ffx-id). */
      messageId: string;
      receivedAt: components['schemas']['dateTime'];
      /** @enum {unknown} */
      status: 'accepted' | 'rejected';
      /** @description The sender of the message. */
      to: components['schemas']['memberId'];
      /** @constant */
      type: 'receipt';
      /** @constant */
      v: 1;
    };
    /** Reply to a received trace request */
    ReplyRequest: {
      /** @description A trace-response body. */
      body: {
        [key: string]: unknown;
      };
      handling: components['schemas']['SubmitHandling'];
      ttlSeconds?: number;
    };
    ruleId: string;
    setOf: {
      in?: string[];
      notIn?: string[];
    };
    /**
     * Sharing policy
     * @description What a node sends to whom, transformed how, and what it accepts from whom. Any matching deny wins; otherwise the union of the matching allow rules' transformations; otherwise deny.
     */
    'sharing-policy.schema': {
      description?: string;
      /** @description Named sets of member ids, declared once, usable in `to` and `from` beside the directory's groups. */
      groups?: {
        [key: string]: components['schemas']['memberId'][];
      };
      id: string;
      inbound: components['schemas']['inboundRule'][];
      member: components['schemas']['memberId'];
      outbound: components['schemas']['outboundRule'][];
      $defs: {
        ruleId: string;
        /** @description Member ids, group names (WB6, EU, …, or the policy's own) or kinds (ffp-node, eu-counterpart). */
        names: string[];
        setOf: {
          in?: string[];
          notIn?: string[];
        };
        nameSet: {
          in?: components['schemas']['names'];
          notIn?: components['schemas']['names'];
        };
        textTest: {
          exists?: boolean;
          /** @description A regular expression (anchored: it must match the whole text), at most 200 characters. */
          matches?: string;
          /** @description Holds when the text is absent or the expression does not match it. */
          notMatches?: string;
        };
        fieldTest: {
          equals?: string | number | boolean;
          exists?: boolean;
          in?: (string | number | boolean)[];
          matches?: string;
          notIn?: (string | number | boolean)[];
          pointer: components['schemas']['pointer'];
        };
        /** @description A JSON pointer into the body; `*` stands for every item of an array. */
        pointer: string;
        outboundConditions: {
          evaluation?: {
            information?: components['schemas']['setOf'];
            source?: components['schemas']['setOf'];
          };
          fields?: components['schemas']['fieldTest'][];
          handlingCode?: components['schemas']['setOf'];
          legalBasis?: components['schemas']['textTest'];
          purpose?: components['schemas']['setOf'];
          /** @description Whether the message passes on material this node received from another member. */
          receivedFromThirdParty?: boolean;
          tlp?: components['schemas']['setOf'];
          to?: components['schemas']['nameSet'];
          type?: components['schemas']['setOf'];
        };
        generalisation: {
          /** @description For `rounded`: decimals kept (default 1, about 10 km). */
          decimals?: number;
          pointer: components['schemas']['pointer'];
          /** @enum {unknown} */
          to: 'year' | 'municipality' | 'rounded';
        };
        outboundRule: {
          description?: string;
          /** @enum {unknown} */
          effect: 'allow' | 'deny';
          generalise?: components['schemas']['generalisation'][];
          id: components['schemas']['ruleId'];
          /** @description Shown to the analyst when this rule denies. */
          reason?: string;
          redact?: components['schemas']['pointer'][];
          when?: components['schemas']['outboundConditions'];
        } & unknown;
        inboundRule: {
          description?: string;
          /** @enum {unknown} */
          effect: 'allow' | 'deny';
          id: components['schemas']['ruleId'];
          reason?: string;
          when?: {
            from?: components['schemas']['nameSet'];
            handlingCode?: components['schemas']['setOf'];
            /** @description Envelope size in bytes above which the rule applies. */
            sizeAbove?: number;
            type?: components['schemas']['setOf'];
          };
        } & unknown;
      };
    };
    SharingPolicy: components['schemas']['sharing-policy.schema'];
    shortText: string;
    /** @description Handling as the analyst sets it; containsPersonalData is computed by the node from the body. */
    SubmitHandling: {
      /** @enum {unknown} */
      code: 'H0' | 'H1' | 'H2' | 'H3';
      evaluation?: {
        [key: string]: unknown;
      };
      legalBasis?: string;
      purpose: string;
      restrictions?: string;
      /** Format: date */
      retainUntil?: string;
      tlp?: string;
    };
    /**
     * Submit a message
     * @description A message for one or several destinations. The node sets id, from, createdAt, containsPersonalData and the policy stamp; the outbound policy runs per destination.
     */
    SubmitRequest: {
      /** @description The body of the message type (validated against its schema). */
      body: {
        [key: string]: unknown;
      };
      correlationId?: string;
      handling: components['schemas']['SubmitHandling'];
      inReplyTo?: components['schemas']['uuidV7'];
      /** @description Destination member ids. */
      to: components['schemas']['memberId'][];
      /** @description Lifetime of the message; delivery is retried until it ends. Defaults to the node's setting. */
      ttlSeconds?: number;
      type: components['schemas']['messageType'];
    };
    SubmitResult: {
      results: {
        decision?: components['schemas']['DecisionSummary'];
        messageId: string;
        reasons?: string[];
        /** @enum {unknown} */
        status: 'queued' | 'denied';
        to: string;
      }[];
    };
    textTest: {
      exists?: boolean;
      /** @description A regular expression (anchored: it must match the whole text), at most 200 characters. */
      matches?: string;
      /** @description Holds when the text is absent or the expression does not match it. */
      notMatches?: string;
    };
    /**
     * @description Traffic Light Protocol 2.0 label.
     * @enum {unknown}
     */
    tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
    /**
     * Trace request
     * @description A request to trace a firearm (after ATF Form 3312.1, NCIC recovered-gun records and INTERPOL iARMS).
     */
    'trace-request.schema': {
      /** @description Case number of the requesting agency. */
      caseRef: string;
      firearm: components['schemas']['firearm'];
      offence: {
        /** @description Offence category code. */
        code: string;
        text?: components['schemas']['longText'];
      };
      /** @description Project or operation code (e.g. a joint action day). */
      operation?: string;
      /** @description Person the firearm was recovered from: personal data, controlled by the sharing policy. */
      possessor?: components['schemas']['person'];
      priorChecks?: {
        /** @enum {unknown} */
        check:
          'national-register' | 'lost-stolen-database' | 'iarms' | 'ballistic-reference' | 'other';
        detail?: components['schemas']['longText'];
        /** @enum {unknown} */
        result: 'hit' | 'no-hit' | 'pending' | 'not-available';
      }[];
      /** @enum {unknown} */
      priority: 'routine' | 'urgent';
      /** @description What is asked. */
      questions?: (
        'origin' | 'chain-of-custody' | 'last-legal-owner' | 'lost-stolen-status' | 'other'
      )[];
      recovery: {
        agency: components['schemas']['shortText'];
        circumstances?: components['schemas']['longText'];
        date: components['schemas']['date'];
        place: components['schemas']['place'];
      };
      requester: components['schemas']['contact'];
      /** @description The requesting FFP's own reference. */
      requestRef: string;
      specialInstructions?: components['schemas']['longText'];
      urgencyJustification?: components['schemas']['longText'];
    };
    /**
     * Trace response
     * @description The answer to a trace request (the message's inReplyTo is the request's id).
     */
    'trace-response.schema': {
      /** @description Ordered from the manufacturer to the last known holder. */
      chainOfCustody?: {
        country?: components['schemas']['countryCode'];
        date?: components['schemas']['date'];
        licenceNumber?: string;
        name: components['schemas']['shortText'];
        /** @enum {unknown} */
        role:
          | 'manufacturer'
          | 'exporter'
          | 'importer'
          | 'wholesaler'
          | 'dealer'
          | 'first-retail-purchaser'
          | 'owner';
      }[];
      /** @enum {unknown} */
      diversion?: 'theft' | 'embezzlement' | 'reactivation' | 'conversion' | 'unknown';
      /** @description Corrected identification of the firearm. */
      firearmCorrected?: components['schemas']['firearm'];
      /** @description Personal data when a person: controlled by the sharing policy. */
      lastKnownLegalOwner?: components['schemas']['party'];
      lostStolen?: {
        date: components['schemas']['date'];
        place?: components['schemas']['place'];
        reportingAgency?: components['schemas']['shortText'];
      };
      /**
       * @description Why the trace could not be completed.
       * @enum {unknown}
       */
      reasonCode?:
        | 'no-record'
        | 'insufficient-identification'
        | 'legal-restriction'
        | 'records-destroyed'
        | 'other';
      registration?: {
        deregisteredOn?: components['schemas']['date'];
        licenceNumber?: string;
        registeredOn?: components['schemas']['date'];
        /** @enum {unknown} */
        status: 'registered' | 'deregistered' | 'never-registered' | 'unknown';
      };
      /** @description Echoes the request's reference. */
      requestRef: string;
      responder: components['schemas']['contact'];
      /** @description Use restrictions set by the responder; they travel with the data. */
      restrictions?: components['schemas']['longText'];
      /** @enum {unknown} */
      status: 'completed' | 'partial' | 'unable';
      /** @description Days from the first retail sale to the recovery. */
      timeToCrimeDays?: number;
    };
    TraceRequest: components['schemas']['trace-request.schema'];
    TraceResponse: components['schemas']['trace-response.schema'];
    /** @description A UUID version 7 (time-ordered), lower case. */
    uuidV7: string;
  };
  responses: {
    /** @description Refused. A signed negative receipt (application/jose) for permanent errors that the catalogue marks so, otherwise a problem document. */
    PeerRejected: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/jose': string;
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The version after the change. */
    PolicyVersion: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['PolicyVersion'];
      };
    };
    /** @description An RFC 9457 problem document. */
    Problem: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
  parameters: {
    cursor: string;
    id: string;
    limit: number;
    peer: components['schemas']['memberId'];
    status: components['schemas']['MessageStatus'];
    type: components['schemas']['messageType'];
    version: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  readAudit: {
    parameters: {
      query?: {
        fromSeq?: number;
        limit?: components['parameters']['limit'];
        messageId?: string;
        type?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPage'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  verifyAudit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The verification result (also when the chain is broken). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditVerification'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  listDeadLetters: {
    parameters: {
      query?: {
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Dead letters, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeadLetterList'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  purgeDeadLetter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Purged. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueOperationResult'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  retryDeadLetter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued again. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueOperationResult'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      503: components['responses']['Problem'];
    };
  };
  postEnvelope: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/jose': string;
      };
    };
    responses: {
      /** @description Accepted; the body is the signed receipt (compact JWS). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/jose': string;
        };
      };
      400: components['responses']['PeerRejected'];
      401: components['responses']['PeerRejected'];
      403: components['responses']['PeerRejected'];
      409: components['responses']['PeerRejected'];
      413: components['responses']['Problem'];
      415: components['responses']['Problem'];
      421: components['responses']['PeerRejected'];
      422: components['responses']['PeerRejected'];
      429: components['responses']['Problem'];
      500: components['responses']['Problem'];
      503: components['responses']['Problem'];
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The node is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  listInbox: {
    parameters: {
      query?: {
        cursor?: components['parameters']['cursor'];
        limit?: components['parameters']['limit'];
        peer?: components['parameters']['peer'];
        status?: components['parameters']['status'];
        type?: components['parameters']['type'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the inbox. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageList'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  getInboxMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The message. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageDetail'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  replyToMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplyRequest'];
      };
    };
    responses: {
      /** @description The reply's result. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmitResult'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
    };
  };
  submitMessage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitRequest'];
      };
    };
    responses: {
      /** @description One result per destination (queued, or denied with the policy's reasons). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmitResult'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      413: components['responses']['Problem'];
      503: components['responses']['Problem'];
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Metrics in the Prometheus text format. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
    };
  };
  listOutbox: {
    parameters: {
      query?: {
        cursor?: components['parameters']['cursor'];
        limit?: components['parameters']['limit'];
        peer?: components['parameters']['peer'];
        status?: components['parameters']['status'];
        type?: components['parameters']['type'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the outbox. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageList'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  getOutboxMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The message. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageDetail'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  getPeerHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The node is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  listPolicies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersionList'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  createPolicyDraft: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PolicyDraftRequest'];
      };
    };
    responses: {
      /** @description The draft. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersion'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  getPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersion'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  activatePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['PolicyVersion'];
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
    };
  };
  approvePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['PolicyVersion'];
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
    };
  };
  diffPolicy: {
    parameters: {
      query?: {
        against?: number;
      };
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The differences. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyDiff'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  proposePolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['PolicyVersion'];
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
    };
  };
  simulatePolicy: {
    parameters: {
      query?: {
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        version: components['parameters']['version'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The decisions that would change. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicySimulation'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  previewPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PolicyPreviewRequest'];
      };
    };
    responses: {
      /** @description The decision, its explanation and the body the destination would receive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyPreview'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  rollbackPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PolicyRollbackRequest'];
      };
    };
    responses: {
      /** @description The version now active. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersion'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description Not ready (Redis down, directory stale, audit journal failing). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
    };
  };
}
