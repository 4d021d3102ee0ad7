// Generated from openapi.yaml and schemas/ by scripts/gen-types.js: do not edit.
// Regenerate with `npm run gen`; `npm test` fails when this file is out of date.
export type paths = {
  '/v1/attention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What needs attention (the console's banner), each item with its reason */
    get: operations['getAttention'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
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
  '/v1/audit/bundle/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The evidence bundle of one sent message, for offline verification
     * @description The message's journal entries and the chain up to a signed checkpoint covering them (one is written first when needed), the signed receipts, the signed federation directory and its root CA, and the policy version with its hash. `ffx audit verify-bundle` checks it offline.
     */
    get: operations['getEvidenceBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Disclosure report (LED Art. 25) of a period, as JSON or CSV
     * @description Every message submitted for sending in the period: date and time, officer, purpose, legal basis, recipient, message type, policy version and delivery status, from this process's journal. `format=csv` answers text/csv with one header line.
     */
    get: operations['listDisclosures'];
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
  '/v1/directory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members and groups of the federation directory in force, for picking destinations */
    get: operations['getDirectory'];
    put?: never;
    post?: never;
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
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live updates of message changes (server-sent events)
     * @description A `text/event-stream` of changes of this node's messages, from every process of the node:
     *     one event per change, named `created`, `status`, `delivered` or `answered`, whose data is
     *     a MessageChange (`./schemas/local-api.schema.json#/$defs/MessageChange`); a heartbeat
     *     comment every 15 s. An analyst sees the changes of both boxes, an admin those of the
     *     outbox. 503 when the process already serves its maximum of streams.
     */
    get: operations['streamEvents'];
    put?: never;
    post?: never;
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
  '/v1/messages/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What each recipient would receive if this draft were submitted
     * @description Same input and checks as submitMessage. Per destination the outbound policy's decision (denied with its reasons; allowed; allowed with each redaction and generalisation naming its rule and pointer) and the message exactly as that recipient would receive it, decided by the same policy the node applies when it sends. Nothing is stored, sealed, sent or journaled.
     */
    post: operations['previewMessage'];
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
  '/v1/node/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This node's own certificates (sig, enc, tls) with their expiry */
    get: operations['getNodeCertificates'];
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
     * @description Served on the peer port as `GET /v1/health` and `GET /v1/peer/health` (this path is its
     *     name in this document, which describes both ports). Without a client certificate the
     *     answer is only `{"status":"ok"}`; to a peer whose certificate passes check 1 of
     *     PROTOCOL.md §4 it adds the node's member id and the protocol version; a refused
     *     certificate gets the refusal (401/403, problem document). No answer names the software
     *     or its version (PROTOCOL.md §3, rule P-16).
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
  '/v1/peers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every peer with its directory entry, certificate expiry, last delivery and queue */
    get: operations['listPeers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/peers/{peer}/connection-test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test the connection to a peer step by step, as delivery connects
     * @description Name resolution, TCP connect, TLS handshake with this node's client certificate, the server certificate's checks (chain to the federation root, usage, validity, revocation, binding to the peer's directory entry) and the peer's health route, each ok or failed with its reason and time, within the delivery attempt timeout. A failing peer is a 200 answer naming the failed step.
     */
    post: operations['testPeerConnection'];
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
  '/v1/threads/{correlationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A case thread: every sent and received message with this correlationId, oldest first */
    get: operations['getThread'];
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
    /**
     * Ammunition lot
     * @description Ammunition found together: one calibre, one headstamp, one lot (ammunition tracing practice, ISACS 05.60). Record each headstamp or lot as its own item.
     */
    ammunitionLot: {
      /**
       * Calibre
       * @description Cartridge designation, e.g. 7.62x39 mm, 9x19 mm, 12.7x108 mm.
       */
      calibre: string;
      /**
       * Country of manufacture
       * @description Where identified (ISO code).
       */
      countryOfManufacture?: components['schemas']['countryCode'];
      /**
       * Headstamp
       * @description The marks on the cartridge case head, as read.
       */
      headstamp?: {
        /**
         * Manufacturer code
         * @description Factory code or name as stamped (e.g. ППУ, 11, PPU).
         */
        manufacturerCode?: string;
        /**
         * Other marks
         * @description Other marks of the headstamp (lot, calibre, symbols), one per line.
         */
        otherMarks?: components['schemas']['shortText'][];
        /**
         * Year
         * @description Year as stamped, two or four digits (e.g. 87, 1987).
         */
        year?: string;
      };
      /**
       * Lot or batch number
       * @description As printed on the packaging or stamped on the case.
       */
      lotNumber?: string;
      /**
       * Manufacturer
       * @description Manufacturer, where identified from the headstamp or packaging.
       */
      manufacturer?: components['schemas']['shortText'];
      /**
       * Packaging markings
       * @description Markings on boxes, crates or spam cans, one per line.
       */
      packagingMarkings?: components['schemas']['shortText'][];
      /**
       * Quantity
       * @description Number of rounds (cartridges) in this lot.
       */
      quantity: number;
      /**
       * Type
       * @description ball, tracer, armour-piercing, incendiary, blank or other (describe it in "Type, if other").
       * @enum {unknown}
       */
      type?: 'ball' | 'tracer' | 'armour-piercing' | 'incendiary' | 'blank' | 'other';
      /**
       * Type, if other
       * @description What the ammunition is, when its type is other.
       */
      typeOther?: components['schemas']['shortText'];
      /**
       * Year of manufacture
       * @description Where identified.
       */
      yearOfManufacture?: number;
    };
    /** @description How much of a trace request is answered: its items (1 for a single firearm), those answered (completed or unable), those a responder said are pending, and the responses received. */
    AnswerCounts: {
      answered: number;
      items: number;
      pending: number;
      responses: number;
    };
    /** @description The answer counts and, per item of the request, its latest answer: unanswered, pending, completed or unable, with the response that gave it. */
    AnswerState: {
      answered: number;
      byItem: {
        /** Format: date-time */
        answeredAt?: string;
        itemId: string;
        kind: string;
        responseId?: string;
        /** @enum {unknown} */
        status: 'unanswered' | 'pending' | 'completed' | 'unable';
      }[];
      items: number;
      pending: number;
      responses: number;
    };
    /**
     * What needs attention
     * @description Items for the console's banner: directory or certificates expiring within 30 days or expired, dead letters, audit journal backlog, readiness failures; each with its reason in words.
     */
    Attention: {
      items: {
        /**
         * Format: date-time
         * @description The date the item is about (an expiry, nextUpdate).
         */
        at?: string;
        /** @enum {unknown} */
        code:
          | 'redis-down'
          | 'directory-past-next-update'
          | 'directory-stale'
          | 'certificate-expiring'
          | 'certificate-expired'
          | 'certificate-unusable'
          | 'dead-letters'
          | 'journal-backlog'
          | 'journal-failing'
          | 'token-keys-unavailable';
        count?: number;
        message: string;
        /** @enum {unknown} */
        severity: 'warning' | 'critical';
      }[];
    };
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
    /** @description One certificate with its validity as of now; expiringSoon within 30 days of notAfter. */
    CertificateState: {
      /** @description Whole days until notAfter (negative when expired). */
      daysLeft: number;
      expiringSoon: boolean;
      kid: string;
      /** @description Whether the federation directory lists it (own certificates). */
      listed?: boolean;
      /** Format: date-time */
      notAfter: string;
      /** Format: date-time */
      notBefore: string;
      serial: string;
      /** @enum {unknown} */
      state: 'valid' | 'expiring' | 'expired' | 'not-yet-valid' | 'revoked';
      subject?: string;
      use: components['schemas']['certificateUse'];
    };
    /**
     * Certificate use
     * @description What a certificate is for.
     * @enum {unknown}
     */
    certificateUse: 'sig' | 'enc' | 'tls';
    /**
     * Essential component or accessory
     * @description A part traced on its own (Directive (EU) 2021/555: frame, receiver, slide, cylinder, bolt or breech block, barrel; accessories such as a silencer).
     */
    component: {
      /**
       * Calibre
       * @description For barrels, cylinders and silencers.
       */
      calibre?: string;
      /**
       * Country of manufacture
       * @description As marked or identified (ISO code).
       */
      countryOfManufacture?: components['schemas']['countryCode'];
      /**
       * Make
       * @description Manufacturer of the part or of the weapon it belongs to.
       */
      make?: components['schemas']['shortText'];
      /**
       * Marking
       * @description The marking as on the part, character by character.
       */
      marking: components['schemas']['shortText'];
      /**
       * Model
       * @description Model of the weapon the part belongs to.
       */
      model?: components['schemas']['shortText'];
      /**
       * Part
       * @description frame, receiver, slide, barrel, bolt (or breech block), cylinder, silencer, magazine or other (describe it in "Part, if other").
       * @enum {unknown}
       */
      part:
        | 'frame'
        | 'receiver'
        | 'slide'
        | 'barrel'
        | 'bolt'
        | 'cylinder'
        | 'silencer'
        | 'magazine'
        | 'other';
      /**
       * Part, if other
       * @description What the part is, when it is other.
       */
      partOther?: components['schemas']['shortText'];
      /**
       * Serial number
       * @description Serial number on the part, where it has one.
       */
      serialNumber?: string;
    };
    ConnectionStep: {
      /** @description The server certificate's checks (step certificate). */
      checks?: {
        /** @enum {unknown} */
        check: 'chain' | 'usage' | 'validity' | 'revocation' | 'binding';
        message: string;
        ok: boolean;
      }[];
      /** @description Error code of a failure (system error code or FFX code). */
      code?: string;
      durationMs: number;
      /** @description What was found, or why the step failed, in words. */
      message: string;
      /** @enum {unknown} */
      status: 'ok' | 'failed' | 'skipped';
      /** @enum {unknown} */
      step: 'dns' | 'tcp' | 'tls' | 'certificate' | 'health';
      title: string;
    };
    /**
     * Connection test to a peer
     * @description Each step of reaching the peer's API as delivery does: name resolution, TCP connect, TLS handshake with this node's client certificate, the server certificate's checks, the peer's health route. A failed step is named with its reason in words; the steps after it are skipped.
     */
    ConnectionTest: {
      durationMs: number;
      endpoint: string;
      /** @enum {unknown} */
      failedStep?: 'dns' | 'tcp' | 'tls' | 'certificate' | 'health';
      ok: boolean;
      peer: components['schemas']['memberId'];
      /** Format: date-time */
      startedAt: string;
      steps: components['schemas']['ConnectionStep'][];
    };
    /**
     * Contact
     * @description An agency, unit and officer with their contact details.
     */
    contact: {
      /**
       * Agency
       * @description Name of the agency.
       */
      agency: components['schemas']['shortText'];
      /**
       * Agency id
       * @description The agency's code in the national or regional list.
       */
      agencyId?: string;
      /**
       * E-mail
       * Format: email
       * @description Functional mailbox preferred.
       */
      email?: string;
      /**
       * Officer
       * @description Name and rank of the officer in charge.
       */
      officer?: components['schemas']['shortText'];
      /**
       * Phone
       * @description International format, e.g. +355 4 000 0000.
       */
      phone?: string;
      /**
       * Unit
       * @description Unit or department.
       */
      unit?: components['schemas']['shortText'];
    };
    /**
     * Coordinates
     * @description WGS 84 latitude and longitude in decimal degrees.
     */
    coordinates: {
      /**
       * Latitude
       * @description Decimal degrees, -90 to 90.
       */
      lat: number;
      /**
       * Longitude
       * @description Decimal degrees, -180 to 180.
       */
      lon: number;
    };
    /**
     * Country
     * @description ISO 3166-1 alpha-2 country code (XK for Kosovo*).
     */
    countryCode: string;
    /**
     * Holder
     * @description One holder in the chain of custody.
     */
    custodyEntry: {
      /**
       * Country
       * @description ISO code.
       */
      country?: components['schemas']['countryCode'];
      /**
       * Date
       * @description When the holder received the item.
       */
      date?: components['schemas']['date'];
      /**
       * Licence number
       * @description Manufacturing, export, dealer or firearms licence.
       */
      licenceNumber?: string;
      /**
       * Name
       * @description Name of the holder (personal data when a person).
       */
      name: components['schemas']['shortText'];
      /**
       * Role
       * @description manufacturer, exporter, importer, wholesaler, dealer, first-retail-purchaser or owner.
       * @enum {unknown}
       */
      role:
        | 'manufacturer'
        | 'exporter'
        | 'importer'
        | 'wholesaler'
        | 'dealer'
        | 'first-retail-purchaser'
        | 'owner';
    };
    /**
     * Date
     * Format: date
     * @description RFC 3339 full date.
     */
    date: string;
    /**
     * Date or year
     * @description A full date (RFC 3339), or only its year once generalised by a sharing policy.
     */
    dateOrYear: string;
    /**
     * Date and time
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
      /** @description Personal data found in free-text fields and what the decision did with each (kinds, fields and spans; no text). */
      freeText?: components['schemas']['FreeTextFinding'][];
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
    DestinationPreview: {
      /** @description The body exactly as the recipient would receive it (null when denied). */
      body: {
        [key: string]: unknown;
      } | null;
      decision: components['schemas']['DecisionSummary'];
      /** @description The handling block the recipient would receive (null when denied). */
      handling: {
        [key: string]: unknown;
      } | null;
      /** @description The destination's display name. */
      name: string;
      /**
       * @description denied: nothing would leave for this destination; allowed: the body as written; allowed-with-changes: fields redacted or generalised.
       * @enum {unknown}
       */
      outcome: 'denied' | 'allowed' | 'allowed-with-changes';
      /** @description The policy's reasons for a denial. */
      reasons: string[];
      /** @description The outcome in words. */
      summary: string;
      to: components['schemas']['memberId'];
      transformations: {
        /** @enum {unknown} */
        action: 'redact' | 'generalise';
        /** @description The change in words, naming its rule. */
        description: string;
        /** @description JSON pointer into the body. */
        pointer: string;
        ruleId: string;
        /** @enum {unknown} */
        to?: 'year' | 'municipality' | 'rounded';
      }[];
    };
    /**
     * Digest
     * @description base64url (no padding) SHA-256 digest.
     */
    digest: string;
    /**
     * Federation directory for picking destinations
     * @description The members of the federation in force and their groups, with the directory's sequence and validity.
     */
    Directory: {
      federationId: string;
      /** @description Every group named in the directory, with its members (sorted by id). */
      groups: {
        id: string;
        members: components['schemas']['memberId'][];
      }[];
      /** Format: date-time */
      issuedAt: string;
      members: components['schemas']['DirectoryMember'][];
      /** Format: date-time */
      nextUpdate: string;
      /** @description This node's member id (not a destination). */
      nodeId: components['schemas']['memberId'];
      sequence: number;
      /** @description Past nextUpdate plus grace: the node refuses to send. */
      stale: boolean;
    };
    DirectoryMember: {
      groups: string[];
      id: components['schemas']['memberId'];
      /** @enum {unknown} */
      kind: 'ffp-node' | 'eu-counterpart';
      /** @description Display name. */
      name: string;
    };
    /** Disclosure */
    Disclosure: {
      /** Format: date-time */
      at: string;
      /** Format: date-time */
      deliveredAt?: string;
      legalBasis: string;
      messageId: string;
      messageType: string;
      officer: string;
      policyId: string;
      policyVersion: number;
      purpose: string;
      recipient: string;
      /** @enum {unknown} */
      status: 'queued' | 'delivered' | 'rejected' | 'dead-letter';
    };
    /** Disclosure report */
    DisclosureReport: {
      /** Format: date-time */
      from: string;
      items: components['schemas']['Disclosure'][];
      recipient?: string;
      /** Format: date-time */
      to: string;
    };
    /**
     * Diversion
     * @enum {unknown}
     */
    diversion: 'theft' | 'embezzlement' | 'reactivation' | 'conversion' | 'unknown';
    ErrorRef: {
      code: string;
      message: string;
    };
    /**
     * Evaluation
     * @description 4x4 evaluation: source reliability A/B/C/X and information assessment 1-4 (as a string).
     */
    evaluation: {
      /**
       * Information assessment
       * @description 1: known to be true without reservation; 2: known personally to the source but not to the official passing it on; 3: not known personally to the source but corroborated; 4: cannot be judged.
       * @enum {unknown}
       */
      information: '1' | '2' | '3' | '4';
      /**
       * Source reliability
       * @description A: completely reliable; B: usually reliable; C: fairly reliable; X: cannot be judged.
       * @enum {unknown}
       */
      source: 'A' | 'B' | 'C' | 'X';
    };
    /**
     * Evidence bundle of one message
     * @description Everything needed to check offline that a message was sent, under which policy version, and that the recipient received it: the message's journal entries and the chain up to the signed checkpoint covering them, the signed receipts, the signed federation directory and its root CA, and the policy version with its hash.
     */
    EvidenceBundle: {
      /** Format: date-time */
      createdAt: string;
      /** @description The signed federation directory (compact JWS). */
      directory: string;
      /** @constant */
      format: 'ffx-evidence-bundle';
      journal: {
        /** @description Consecutive journal entries from the message's first entry to the first signed checkpoint after its last one. */
        entries: {
          [key: string]: unknown;
        }[];
      };
      messageId: string;
      nodeId: string;
      policy: {
        document: {
          [key: string]: unknown;
        };
        /** @description base64url SHA-256 of the canonical JSON of the policy document. */
        documentHash: string;
        id: string;
        version: number;
      };
      /** @description The signed receipts (compact JWS) the recipient returned. */
      receipts: string[];
      /** @description PEM of the federation root CA the node trusts. */
      rootCa: string;
      /** @constant */
      version: 1;
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
      /** @description Holds when the pointer designates more than this many values (`/items/*`: the items of a seizure; `/items/*\/ammunition`: its ammunition lots). */
      countAbove?: number;
      /** @description Holds when the pointer designates at most this many values (none counts as 0). */
      countAtMost?: number;
      equals?: string | number | boolean;
      exists?: boolean;
      in?: (string | number | boolean)[];
      matches?: string;
      notIn?: (string | number | boolean)[];
      pointer: components['schemas']['pointer'];
    };
    /**
     * Firearm or light weapon
     * @description Identification of a firearm or light weapon as marked (ITI minimum marking: manufacturer, country, serial number; Directive (EU) 2021/555).
     */
    firearm: {
      /**
       * Calibre
       * @description As marked, e.g. 7.62x39 mm, 9 mm Parabellum, 40 mm, 82 mm.
       */
      calibre: string;
      /**
       * Converted or reactivated
       * @description none; converted-alarm-blank: converted from an alarm or blank-firing weapon; reactivated-deactivated: a deactivated weapon made to fire again; other.
       * @enum {unknown}
       */
      conversionOrReactivation?:
        'none' | 'converted-alarm-blank' | 'reactivated-deactivated' | 'other';
      /**
       * Country of manufacture
       * @description As marked or identified (ISO code).
       */
      countryOfManufacture?: components['schemas']['countryCode'];
      /**
       * Import marking
       * @description The marking the importing country applied.
       */
      importMarking?: {
        /**
         * Country of import
         * @description ISO code.
         */
        country?: components['schemas']['countryCode'];
        /**
         * Importer
         * @description Importer as marked.
         */
        importer?: components['schemas']['shortText'];
        /**
         * Year of import
         * @description As marked.
         */
        year?: number;
      };
      /**
       * Make
       * @description Manufacturer as marked (e.g. Zastava).
       */
      make: components['schemas']['shortText'];
      /**
       * Model
       * @description Model as marked (e.g. M70).
       */
      model?: components['schemas']['shortText'];
      /**
       * Other markings
       * @description Proof marks, marks on essential components, arsenal marks, one per line.
       */
      otherMarkings?: components['schemas']['shortText'][];
      /**
       * Reference table entry
       * @description Id of the entry in a firearms reference table (e.g. INTERPOL IFRT).
       */
      referenceTableId?: string;
      /**
       * Serial number
       * @description As marked on the frame or receiver, character by character; write what can be read when part of it is obliterated.
       */
      serialNumber: string;
      /**
       * Serial number obliterated
       * @description The serial number was removed, ground off or altered.
       */
      serialObliterated?: boolean;
      /**
       * Serial number restoration
       * @description Method and result of a serial number restoration.
       */
      serialRestoration?: components['schemas']['longText'];
      /**
       * Type
       * @description Category of small arm or light weapon (ITI / UN Register); other: describe it in "Type, if other".
       */
      type: components['schemas']['firearmType'];
      /**
       * Type, if other
       * @description What the weapon is, when its type is other.
       */
      typeOther?: components['schemas']['shortText'];
      /**
       * Year of manufacture
       * @description As marked or identified.
       */
      yearOfManufacture?: number;
    };
    /**
     * Type of firearm or light weapon
     * @description Small arms and light weapons as the International Tracing Instrument and the UN Register of Conventional Arms list them. Small arms: pistol (self-loading), revolver, rifle (incl. carbines), assault-rifle, shotgun, submachine-gun, light-machine-gun, machine-gun (general-purpose). Light weapons: heavy-machine-gun; grenade-launcher (hand-held, under-barrel or mounted); portable-anti-aircraft-gun; portable-anti-tank-gun; recoilless-rifle; portable-anti-tank-launcher (launchers of anti-tank missile and rocket systems); portable-anti-aircraft-launcher (launchers of anti-aircraft missile systems, MANPADS); mortar (calibre under 100 mm). other: describe it in typeOther.
     * @enum {unknown}
     */
    firearmType:
      | 'pistol'
      | 'revolver'
      | 'rifle'
      | 'shotgun'
      | 'submachine-gun'
      | 'machine-gun'
      | 'assault-rifle'
      | 'light-machine-gun'
      | 'heavy-machine-gun'
      | 'grenade-launcher'
      | 'portable-anti-aircraft-gun'
      | 'portable-anti-tank-gun'
      | 'recoilless-rifle'
      | 'portable-anti-tank-launcher'
      | 'portable-anti-aircraft-launcher'
      | 'mortar'
      | 'other';
    /**
     * @description What happens to personal data in a free-text field when the decision withholds or generalises the structured field it repeats (for a pattern: the fields of its kind): redact replaces the span with a marker such as [date of birth withheld]; generalise makes it what the structured field becomes (a date of birth its year; what the field loses, a marker); deny refuses the message with a reason asking the analyst to rewrite.
     * @enum {unknown}
     */
    freeTextAction: 'redact' | 'generalise' | 'deny';
    /** @description Free-text handling of every allowed decision whose matched rules set none, and extra patterns of the detector. */
    freeTextDefaults: {
      action?: components['schemas']['freeTextAction'];
      /** @description Extra patterns of a kind beside the built-in ones (e.g. another country's vehicle plates): regular expressions (Unicode), found anywhere in the text. */
      patterns?: {
        description?: string;
        kind: components['schemas']['freeTextKind'];
        pattern: string;
      }[];
      /** @description Shown to the analyst when the action is deny. */
      reason?: string;
      withhold?: components['schemas']['freeTextWithhold'];
    };
    /** @description A span of personal data in a free-text field and what the policy decision did with it (no text: the span points into the text as submitted). */
    FreeTextFinding: {
      /**
       * @description kept; redacted (a marker replaced it); generalised (it became what the structured field became); denied (the message is refused for it); unhandled (withheld from the structured fields, but the policy sets no free-text handling).
       * @enum {unknown}
       */
      action: 'kept' | 'redacted' | 'generalised' | 'denied' | 'unhandled';
      /** @enum {unknown} */
      kind:
        | 'name'
        | 'date-of-birth'
        | 'address'
        | 'place-of-birth'
        | 'document'
        | 'phone'
        | 'email'
        | 'iban'
        | 'plate';
      /** @description The structured field it repeats (source value). */
      matches?: string;
      /** @description The free-text field (JSON pointer into the body). */
      pointer: string;
      /** @description The rule whose free-text handling applied (#freeText: the policy's defaults). */
      ruleId?: string;
      /**
       * @description value: it repeats a structured field of the body; pattern: it looks like personal data.
       * @enum {unknown}
       */
      source: 'value' | 'pattern';
      /** @description UTF-16 offsets into the field's text: [start, end). */
      span: {
        end: number;
        start: number;
      };
    };
    freeTextHandling: {
      action: components['schemas']['freeTextAction'];
      /** @description Shown to the analyst when the action is deny. */
      reason?: string;
      withhold?: components['schemas']['freeTextWithhold'];
    };
    /**
     * @description A kind of personal data the free-text detector finds.
     * @enum {unknown}
     */
    freeTextKind:
      | 'name'
      | 'date-of-birth'
      | 'address'
      | 'place-of-birth'
      | 'document'
      | 'phone'
      | 'email'
      | 'iban'
      | 'plate';
    /** @description Kinds withheld from free text even when no structured field of the kind is withheld (IBANs, vehicle plates, phone numbers…). */
    freeTextWithhold: components['schemas']['freeTextKind'][];
    generalisation: {
      /** @description For `rounded`: decimals kept (default 1, about 10 km). */
      decimals?: number;
      pointer: components['schemas']['pointer'];
      /** @enum {unknown} */
      to: 'year' | 'municipality' | 'rounded';
    };
    /**
     * Handling
     * @description Handling conditions that travel with every message.
     */
    handling: {
      /**
       * Handling code
       * @description H0 law-enforcement use only; H1 not for judicial proceedings without the provider's permission; H2 no onward transfer without the provider's permission; H3 other restrictions stated below.
       */
      code: components['schemas']['handlingCode'];
      /**
       * Contains personal data
       * @description Set by the sending node from the body, never taken from the caller.
       */
      containsPersonalData: boolean;
      /**
       * Evaluation
       * @description Source reliability and information assessment (4x4).
       */
      evaluation?: components['schemas']['evaluation'];
      /**
       * Legal basis
       * @description Legal basis of the transfer (agreement, convention, article).
       */
      legalBasis?: string;
      /**
       * Purpose
       * @description Why the data is processed: criminal investigation, prosecution, prevention or intelligence.
       */
      purpose: components['schemas']['purpose'];
      /**
       * Restrictions
       * @description The restrictions of an H3 message.
       */
      restrictions?: components['schemas']['longText'];
      /**
       * Retain until
       * @description Date after which the receiver must delete or review the data.
       */
      retainUntil?: components['schemas']['date'];
      /**
       * TLP
       * @description Traffic Light Protocol label, where the sender uses one.
       */
      tlp?: components['schemas']['tlp'];
    };
    /**
     * Handling code
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
      /**
       * Confirmation
       * @description Required when the hit is confirmed: who confirmed it, where, how and when.
       */
      confirmation?: {
        /**
         * Date of confirmation
         * @description The day the examiner confirmed the link.
         */
        date: components['schemas']['date'];
        /**
         * Examiner id
         * @description Id of the firearms examiner.
         */
        examinerId: string;
        /**
         * Laboratory
         * @description Laboratory id of the examiner.
         */
        lab: string;
        /**
         * Method
         * @description e.g. comparison microscopy, 3D topography.
         */
        method: components['schemas']['shortText'];
      };
      /**
       * Correlation
       * @description How the candidate was found.
       */
      correlation?: {
        /**
         * Filters used
         * @description Search filters (calibre, dates, region).
         */
        filters?: components['schemas']['longText'];
        /**
         * Rank
         * @description Rank of the candidate in the correlation list (1 = top).
         */
        rank?: number;
        /**
         * Correlation run date
         * @description The day the correlation ran.
         */
        runDate?: components['schemas']['date'];
        /**
         * Score
         * @description Score of the candidate in the system's own scale.
         */
        score?: number;
      };
      /**
       * Exhibits
       * @description The ballistic exhibits the hit links.
       */
      exhibits: {
        /**
         * Calibre
         * @description As determined, e.g. 7.65 mm Browning.
         */
        calibre?: string;
        /**
         * Class characteristics
         * @description Firing pin shape, rifling (lands and grooves, twist), breech face marks.
         */
        classCharacteristics?: components['schemas']['longText'];
        /**
         * Exhibit id
         * @description The laboratory's id of the exhibit.
         */
        exhibitId: string;
        /**
         * Image reference
         * @description Reference of an image or 3D topography file (e.g. an X3P id).
         */
        imageRef?: string;
        /**
         * Seized item
         * @description The item of an earlier trace request this exhibit comes from (e.g. the test-fire of a seized pistol): that request's message id and the item id.
         */
        seizedItem?: {
          /**
           * Item id
           * @description The item id in that request.
           */
          itemId: components['schemas']['itemId'];
          /**
           * Trace request message id
           * @description Id of the trace request message that named the item.
           */
          messageId: components['schemas']['uuidV7'];
          /**
           * Request reference
           * @description That request's reference, for the reader.
           */
          requestRef?: string;
        };
        /**
         * Type of exhibit
         * @description cartridge-case, bullet or test-fire.
         * @enum {unknown}
         */
        type: 'cartridge-case' | 'bullet' | 'test-fire';
      }[];
      /**
       * Grade
       * @description intelligence: for leads only; evidential: may be used as evidence (after confirmation).
       * @enum {unknown}
       */
      grade: 'intelligence' | 'evidential';
      /**
       * Kind of hit
       * @description lead: unconfirmed correlation candidate; confirmed: examiner-confirmed link.
       * @enum {unknown}
       */
      kind: 'lead' | 'confirmed';
      /**
       * Linked cases
       * @description The cases the hit links (at least two).
       */
      linkedCases: {
        /**
         * Case reference
         * @description Case number in its jurisdiction.
         */
        caseRef: string;
        /**
         * Jurisdiction
         * @description Federation member whose case it is.
         */
        jurisdiction: components['schemas']['memberId'];
        /**
         * Date of occurrence
         * @description Date of the occurrence, or 'unknown'.
         */
        occurrenceDate: components['schemas']['date'] | 'unknown';
        /**
         * Offence
         * @description Offence in words.
         */
        offence?: components['schemas']['shortText'];
        /**
         * Place
         * @description Where it happened.
         */
        place?: components['schemas']['place'];
      }[];
      /**
       * Linked firearm
       * @description When a test-fire links a recovered firearm: the firearm and its trace reference.
       */
      linkedFirearm?: {
        /**
         * Firearm
         * @description The recovered firearm as marked.
         */
        firearm: components['schemas']['firearm'];
        /**
         * Trace reference
         * @description Reference of the trace request about it.
         */
        traceRef?: string;
      };
      /**
       * Notification reference
       * @description The sender's reference.
       */
      notificationRef: string;
      /**
       * Originating laboratory
       * @description Laboratory or site that made the correlation.
       */
      originatingLab: {
        /**
         * Laboratory id
         * @description Code of the laboratory or site.
         */
        id: string;
        /**
         * Laboratory name
         * @description Name of the laboratory.
         */
        name: components['schemas']['shortText'];
      };
      /**
       * Requested action
       * @description What the receiver is asked to do.
       */
      requestedAction?: {
        /**
         * Action
         * @description What is asked, in words.
         */
        action: components['schemas']['longText'];
        /**
         * Point of contact
         * @description Who to contact about it.
         */
        contact?: components['schemas']['contact'];
        /**
         * Deadline
         * @description By when.
         */
        deadline?: components['schemas']['date'];
      };
      /**
       * Why it is shared
       * @description The sharing criteria this hit meets.
       */
      sharingCriteria?: (
        | 'near-border'
        | 'border-seizure'
        | 'suspected-trafficker'
        | 'three-or-more-firearms'
        | 'terrorism'
        | 'possessor-resident-abroad'
      )[];
      /**
       * Matching system
       * @description The system and network that produced the correlation.
       */
      system?: {
        /**
         * System
         * @description IBIS, EVOFINDER or other.
         * @enum {unknown}
         */
        name: 'IBIS' | 'EVOFINDER' | 'other';
        /**
         * Network
         * @description national, IBIN or other.
         * @enum {unknown}
         */
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
    /**
     * Seized item
     * @description One item of the seizure: a firearm or light weapon, an ammunition lot, or an essential component or accessory.
     */
    item:
      | {
          /**
           * Exhibit reference
           * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
           */
          exhibitRef?: string;
          /**
           * Firearm or light weapon
           * @description Identification as marked.
           */
          firearm: components['schemas']['firearm'];
          /**
           * Item id
           * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
           */
          itemId: components['schemas']['itemId'];
          /**
           * Kind of item
           * @description firearm, ammunition or component.
           * @constant
           */
          kind: 'firearm';
        }
      | {
          /**
           * Ammunition lot
           * @description Calibre, headstamp as read, lot and quantity.
           */
          ammunition: components['schemas']['ammunitionLot'];
          /**
           * Exhibit reference
           * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
           */
          exhibitRef?: string;
          /**
           * Item id
           * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
           */
          itemId: components['schemas']['itemId'];
          /**
           * Kind of item
           * @description firearm, ammunition or component.
           * @constant
           */
          kind: 'ammunition';
        }
      | {
          /**
           * Component or accessory
           * @description The part and its marking as on the part.
           */
          component: components['schemas']['component'];
          /**
           * Exhibit reference
           * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
           */
          exhibitRef?: string;
          /**
           * Item id
           * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
           */
          itemId: components['schemas']['itemId'];
          /**
           * Kind of item
           * @description firearm, ammunition or component.
           * @constant
           */
          kind: 'component';
        };
    /**
     * Item answer
     * @description The answer for one item of the request, named by its item id.
     */
    itemAnswer: {
      /**
       * Corrected identification
       * @description Corrected identification of an ammunition lot (e.g. manufacturer identified from the headstamp).
       */
      ammunitionCorrected?: components['schemas']['ammunitionLot'];
      /**
       * Chain of custody
       * @description Ordered from the manufacturer to the last known holder (for a lot: manufacturer, exporter, importer, end user).
       */
      chainOfCustody?: components['schemas']['custodyEntry'][];
      /**
       * Corrected identification
       * @description Corrected identification of a component or accessory.
       */
      componentCorrected?: components['schemas']['component'];
      /**
       * Diversion
       * @description How the item left legal hands: theft, embezzlement, reactivation, conversion or unknown.
       */
      diversion?: components['schemas']['diversion'];
      /**
       * Corrected identification
       * @description Corrected identification of a firearm or light weapon.
       */
      firearmCorrected?: components['schemas']['firearm'];
      /**
       * Item id
       * @description The item id of the request this answer is for.
       */
      itemId: components['schemas']['itemId'];
      /**
       * Last known legal owner
       * @description Personal data when a person: controlled by the sharing policy.
       */
      lastKnownLegalOwner?: components['schemas']['party'];
      lostStolen?: components['schemas']['lostStolen'];
      /**
       * Note
       * @description Anything else about this item.
       */
      note?: components['schemas']['longText'];
      /**
       * Reason
       * @description Why the item could not be traced.
       */
      reasonCode?: components['schemas']['reasonCode'];
      registration?: components['schemas']['registration'];
      /**
       * Status
       * @description completed: this item is traced; unable: it cannot be traced (say why); pending: still being worked on, answered in a later response.
       * @enum {unknown}
       */
      status: 'completed' | 'unable' | 'pending';
      /**
       * Time to crime (days)
       * @description Days from the first retail sale to the recovery.
       */
      timeToCrimeDays?: number;
    } & unknown;
    /**
     * Item id
     * @description The requester's id of one seized item, unique within the request (e.g. its exhibit number); answers refer to items by it.
     */
    itemId: string;
    keyPair: {
      /** @description PEM file of the certificate. */
      cert: string;
      /** @description PEM file of the private key (PKCS#8). */
      key: string;
    };
    /**
     * Text
     * @description A text of at most 4 000 characters.
     */
    longText: string;
    /**
     * Lost or stolen
     * @description A hit in a lost or stolen register.
     */
    lostStolen: {
      /**
       * Date reported lost or stolen
       * @description The day the loss or theft was reported.
       */
      date: components['schemas']['date'];
      /**
       * Place
       * @description Where it was lost or stolen.
       */
      place?: components['schemas']['place'];
      /**
       * Reporting agency
       * @description Agency that recorded the report.
       */
      reportingAgency?: components['schemas']['shortText'];
    };
    /**
     * Member
     * @description Federation member id: an ISO 3166-1 alpha-2 code (XK for Kosovo*) or EU-<code> for EU member states and bodies.
     */
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
    /**
     * A change of a message (server-sent event data)
     * @description Sent on GET /v1/events as the data of an event named after `change`: created, status (any other status change), delivered (a signed receipt came back), answered. Ids, types and statuses only: the record itself is read through the outbox and inbox routes.
     */
    MessageChange: {
      /** Format: date-time */
      at: string;
      /** @enum {unknown} */
      box: 'in' | 'out';
      /** @enum {unknown} */
      change: 'created' | 'status' | 'delivered' | 'answered';
      id: string;
      /** @description The recipient (outbox) or sender (inbox). */
      peer?: string;
      /** @description The status before this change (absent on creation). */
      previous?: components['schemas']['MessageStatus'];
      status: components['schemas']['MessageStatus'];
      type?: components['schemas']['messageType'];
    };
    MessageDetail: {
      /** @description For an outbound trace request: the answer state of each of its items, from the responses received so far. */
      answers?: components['schemas']['AnswerState'];
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
    /**
     * What each recipient will see
     * @description Per destination the outbound policy's decision on the draft and the message as that recipient would receive it. Nothing is stored, sealed or sent.
     */
    MessagePreview: {
      results: components['schemas']['DestinationPreview'][];
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
      /** @description For an outbound trace request: how many of its items the responses received so far answer. */
      answers?: components['schemas']['AnswerCounts'];
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
     * Message type
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
        /** @description Sign-in to the web console at /console/: OpenID Connect authorization code flow with PKCE against the jurisdiction's identity provider (Keycloak, ADFS, Entra ID, ...). The node is the backend-for-frontend: it keeps the tokens, the browser holds only an HttpOnly session cookie. */
        console?: {
          /**
           * @description A session not used for this long ends.
           * @default 1800
           */
          idleSeconds: number;
          oidc: {
            clientId: string;
            /** @description Environment variable holding the client secret. Give this or clientSecretFile. */
            clientSecretEnv?: string;
            /** @description File holding the client secret (read at start, never logged). Give this or clientSecretEnv. */
            clientSecretFile?: string;
            /** @description Issuer URL of the identity provider (discovery at <issuer>/.well-known/openid-configuration; the ID token is verified with the keys of its jwks_uri). Plain http is accepted for a loopback address only (dev). */
            issuer: string;
            /**
             * @description Claim of the ID token (or of userinfo) holding the user's local API roles: an array of strings or a space-separated string; a dotted path reaches into objects (Keycloak: realm_access.roles).
             * @default roles
             */
            rolesClaim: string;
            /**
             * @description Scopes requested at sign-in; openid is always one of them.
             * @default [
             *       "openid",
             *       "profile"
             *     ]
             */
            scopes: string[];
          };
          /** @description Origin at which browsers reach this local API (scheme, host, port; no path), e.g. https://ffx.police.example:7501. The redirect and post-logout URIs are built from it, and state-changing requests of signed-in users must come from it. */
          publicUrl: string;
          /**
           * @description Longest life of a console session.
           * @default 28800
           */
          sessionSeconds: number;
        };
        /** @default 127.0.0.1 */
        host: string;
        /** @default 1048576 */
        maxBodyBytes: number;
        port: components['schemas']['port'];
        /** @description Certificate and key of the local API: when given it listens on HTTPS only (and the console's cookies are Secure). */
        tls?: components['schemas']['keyPair'];
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
        /**
         * @description Longest time a TLS handshake may take; the connection is closed after it.
         * @default 5000
         */
        handshakeTimeoutMs: number;
        /**
         * @description Longest time from a connection's TLS handshake (or its previous answer) to the end of a request's headers; the connection is closed after it.
         * @default 5000
         */
        headersTimeoutMs: number;
        /** @default 127.0.0.1 */
        host: string;
        /**
         * @description Longest time a connection may stay without any traffic in either direction, whatever it is doing.
         * @default 30000
         */
        idleTimeoutMs: number;
        /**
         * @description How long a kept-alive connection may wait idle for its next request.
         * @default 5000
         */
        keepAliveTimeoutMs: number;
        /**
         * @description Connections open at once in all; further connections are closed at once, before their TLS handshake.
         * @default 2048
         */
        maxConnections: number;
        /**
         * @description Connections open at once from one remote IP address; further connections from it are closed at once, before their TLS handshake.
         * @default 256
         */
        maxConnectionsPerAddress: number;
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
        /**
         * @description Longest time a whole request (headers and body) may take; the connection is closed after it.
         * @default 30000
         */
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
      /** @description The node's Redis: one server (`url`) or a Sentinel-managed master with replicas (`sentinel`), exactly one of the two. */
      redis: {
        /** @description Replicas that must hold a write before the node acknowledges it (Redis WAIT): an accepted submission, a stored inbound message and its receipt. Defaults to 1 with `sentinel`, 0 with `url` (no WAIT). */
        minReplicas?: number;
        /** @description Key prefix of this node; lets several nodes share one Redis in development. Defaults to 'ffx:<nodeId>:'. */
        prefix?: string;
        /** @description Redis Sentinel: the node asks the Sentinels for the master of `name`, for the message store and the delivery queues alike, and follows a failover by itself. */
        sentinel?: {
          /** @description The master name the Sentinels monitor (`sentinel monitor <name> …`). */
          name: string;
          /** @description Password of the Redis master and replicas (AUTH), read from a file or an environment variable; never logged. */
          password?: components['schemas']['secretSource'];
          /** @description Password of the Sentinels themselves (Sentinel's requirepass), read from a file or an environment variable; never logged. */
          sentinelPassword?: components['schemas']['secretSource'];
          /** @description Addresses of the Sentinels (any of them answers; list them all). */
          sentinels: {
            host: string;
            port: components['schemas']['port'];
          }[];
          /** @description TLS to the Sentinels and to the Redis servers they name. */
          tls?: {
            /** @description PEM file of the CA that signed the Redis and Sentinel server certificates. */
            ca: string;
          };
        };
        /** @description Redis URL of a single Redis. The environment variable REDIS_URL overrides it (not a `sentinel` setting). */
        url?: string;
        /**
         * @description Longest wait for `minReplicas` replicas; when fewer confirm, a submission is answered 503 NODE-UNAVAILABLE and a peer FFX-UNAVAILABLE (both retryable).
         * @default 1000
         */
        waitTimeoutMs: number;
      } & (unknown | unknown);
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
        /** @description Exactly one of `file` and `env`. */
        secretSource: {
          /** @description Environment variable holding the secret. */
          env?: string;
          /** @description File holding the secret (trailing line break ignored). */
          file?: string;
        };
        port: number;
        keyPair: {
          /** @description PEM file of the certificate. */
          cert: string;
          /** @description PEM file of the private key (PKCS#8). */
          key: string;
        };
      };
    };
    NodeCertificates: {
      certificates: components['schemas']['CertificateState'][];
      nodeId: components['schemas']['memberId'];
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
      /** @description What happens to personal data in free text when this rule allows (overrides the policy's defaults). */
      freeText?: components['schemas']['freeTextHandling'];
      generalise?: components['schemas']['generalisation'][];
      id: components['schemas']['ruleId'];
      /** @description Shown to the analyst when this rule denies. */
      reason?: string;
      redact?: components['schemas']['pointer'][];
      when?: components['schemas']['outboundConditions'];
    } & unknown;
    /**
     * Person or entity
     * @description A person or an entity (company, dealer, agency).
     */
    party: {
      /**
       * Address
       * @description Address of the person or seat of the entity.
       */
      address?: components['schemas']['place'];
      /**
       * Date of birth
       * @description Full date, or only the year after generalisation.
       */
      dateOfBirth?: components['schemas']['dateOrYear'];
      /**
       * Person or entity
       * @description person: a natural person (personal data); entity: a company, dealer or agency.
       * @enum {unknown}
       */
      kind: 'person' | 'entity';
      /**
       * Licence number
       * @description Firearms licence or dealer licence number.
       */
      licenceNumber?: string;
      /**
       * Name
       * @description Name of the person or entity.
       */
      name: components['schemas']['shortText'];
      /**
       * Nationality
       * @description ISO 3166-1 alpha-2 code.
       */
      nationality?: components['schemas']['countryCode'];
    };
    /** @description The peer API's health answer; `nodeId` and `protocol` only to an authenticated peer. */
    PeerHealth: {
      nodeId?: components['schemas']['memberId'];
      /** @constant */
      protocol?: 1;
      /** @constant */
      status: 'ok';
    };
    PeerList: {
      items: components['schemas']['PeerOverview'][];
    };
    PeerOverview: {
      certificates: components['schemas']['CertificateState'][];
      endpoint: string;
      groups: string[];
      id: components['schemas']['memberId'];
      /** @enum {unknown} */
      kind: 'ffp-node' | 'eu-counterpart';
      /**
       * Format: date-time
       * @description When a message was last delivered to this peer with a receipt (null: never, as far as this node's Redis remembers).
       */
      lastDeliveredAt: string | null;
      name: string;
      oldestPendingSeconds: number | null;
      /** @description Messages waiting for delivery to this peer. */
      pending: number;
      /** @description In words: a use whose newest usable certificate expires within 30 days, or a use without any usable certificate. */
      warnings: string[];
    };
    /**
     * Person
     * @description A natural person (personal data: policy-controlled).
     */
    person: {
      /**
       * Address
       * @description Residence: personal data.
       */
      address?: components['schemas']['place'];
      /**
       * Aliases
       * @description Other names the person is known by.
       */
      aliases?: components['schemas']['shortText'][];
      /**
       * Date of birth
       * @description Full date, or only the year after generalisation.
       */
      dateOfBirth?: components['schemas']['dateOrYear'];
      /**
       * Identity document
       * @description Type and number of an identity document.
       */
      identityDocument?: string;
      /**
       * Name
       * @description Full name as known.
       */
      name: components['schemas']['shortText'];
      /**
       * Nationality
       * @description One or more ISO country codes.
       */
      nationality?: components['schemas']['countryCode'][];
      /**
       * Place of birth
       * @description Country and municipality of birth.
       */
      placeOfBirth?: components['schemas']['place'];
      /**
       * Sex
       * @description F, M, X (other) or U (unknown).
       * @enum {unknown}
       */
      sex?: 'F' | 'M' | 'X' | 'U';
    };
    /**
     * Place
     * @description A place: country, municipality, optional street address and coordinates.
     */
    place: {
      /**
       * Coordinates
       * @description Where precise coordinates are known.
       */
      coordinates?: components['schemas']['coordinates'];
      /**
       * Country
       * @description ISO 3166-1 alpha-2 code (XK for Kosovo*).
       */
      country: components['schemas']['countryCode'];
      /**
       * Locality
       * @description Village, quarter or border crossing point.
       */
      locality?: components['schemas']['shortText'];
      /**
       * Municipality
       * @description Municipality or city.
       */
      municipality?: components['schemas']['shortText'];
      /**
       * Postal code
       * @description As written in the country.
       */
      postalCode?: string;
      /**
       * Street address
       * @description Street and number: personal data when it is a person's address.
       */
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
      /** @description Personal data found in the body's free-text fields and what the decision does with each (spans into the text as submitted). */
      freeText?: components['schemas']['FreeTextFinding'][];
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
     * Purpose
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
        /** @description The keys bearer tokens are verified with (localApi.auth.jwks): not ok while a JWKS URL could not be fetched since the start. */
        auth: {
          lastError?: string;
          ok: boolean;
          source: string;
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
    /**
     * Reason
     * @description Why the trace could not be completed.
     * @enum {unknown}
     */
    reasonCode:
      | 'no-record'
      | 'insufficient-identification'
      | 'legal-restriction'
      | 'records-destroyed'
      | 'other';
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
    /**
     * Registration
     * @description Status in the national register.
     */
    registration: {
      /**
       * Deregistered on
       * @description Date it was removed from the register.
       */
      deregisteredOn?: components['schemas']['date'];
      /**
       * Licence number
       * @description Licence under which it was registered.
       */
      licenceNumber?: string;
      /**
       * Registered on
       * @description Date of registration.
       */
      registeredOn?: components['schemas']['date'];
      /**
       * Register status
       * @description registered, deregistered, never-registered or unknown.
       * @enum {unknown}
       */
      status: 'registered' | 'deregistered' | 'never-registered' | 'unknown';
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
    /** @description Exactly one of `file` and `env`. */
    secretSource: {
      /** @description Environment variable holding the secret. */
      env?: string;
      /** @description File holding the secret (trailing line break ignored). */
      file?: string;
    };
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
      freeText?: components['schemas']['freeTextDefaults'];
      /** @description Named sets of member ids, declared once, usable in `to` and `from` beside the directory's groups. */
      groups?: {
        [key: string]: components['schemas']['memberId'][];
      };
      id: string;
      inbound: components['schemas']['inboundRule'][];
      member: components['schemas']['memberId'];
      outbound: components['schemas']['outboundRule'][];
      $defs: {
        /**
         * @description A kind of personal data the free-text detector finds.
         * @enum {unknown}
         */
        freeTextKind:
          | 'name'
          | 'date-of-birth'
          | 'address'
          | 'place-of-birth'
          | 'document'
          | 'phone'
          | 'email'
          | 'iban'
          | 'plate';
        /**
         * @description What happens to personal data in a free-text field when the decision withholds or generalises the structured field it repeats (for a pattern: the fields of its kind): redact replaces the span with a marker such as [date of birth withheld]; generalise makes it what the structured field becomes (a date of birth its year; what the field loses, a marker); deny refuses the message with a reason asking the analyst to rewrite.
         * @enum {unknown}
         */
        freeTextAction: 'redact' | 'generalise' | 'deny';
        /** @description Kinds withheld from free text even when no structured field of the kind is withheld (IBANs, vehicle plates, phone numbers…). */
        freeTextWithhold: components['schemas']['freeTextKind'][];
        freeTextHandling: {
          action: components['schemas']['freeTextAction'];
          /** @description Shown to the analyst when the action is deny. */
          reason?: string;
          withhold?: components['schemas']['freeTextWithhold'];
        };
        /** @description Free-text handling of every allowed decision whose matched rules set none, and extra patterns of the detector. */
        freeTextDefaults: {
          action?: components['schemas']['freeTextAction'];
          /** @description Extra patterns of a kind beside the built-in ones (e.g. another country's vehicle plates): regular expressions (Unicode), found anywhere in the text. */
          patterns?: {
            description?: string;
            kind: components['schemas']['freeTextKind'];
            pattern: string;
          }[];
          /** @description Shown to the analyst when the action is deny. */
          reason?: string;
          withhold?: components['schemas']['freeTextWithhold'];
        };
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
          /** @description Holds when the pointer designates more than this many values (`/items/*`: the items of a seizure; `/items/*\/ammunition`: its ammunition lots). */
          countAbove?: number;
          /** @description Holds when the pointer designates at most this many values (none counts as 0). */
          countAtMost?: number;
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
          /** @description What happens to personal data in free text when this rule allows (overrides the policy's defaults). */
          freeText?: components['schemas']['freeTextHandling'];
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
    /**
     * Text
     * @description A short text (at most 200 characters).
     */
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
    Thread: {
      correlationId: string;
      /** @description Messages of both boxes, oldest first. */
      items: components['schemas']['MessageSummary'][];
      /** @description More messages share this correlationId than one answer holds. */
      truncated: boolean;
    };
    /**
     * TLP
     * @description Traffic Light Protocol 2.0 label.
     * @enum {unknown}
     */
    tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
    /**
     * Trace request
     * @description A request to trace a firearm, light weapon, ammunition lot or component, or every item of a seizure (after ATF Form 3312.1, NCIC recovered-gun records, INTERPOL iARMS and the International Tracing Instrument). Give either one firearm or a list of items.
     */
    'trace-request.schema': {
      /**
       * Case reference
       * @description Case number of the requesting agency.
       */
      caseRef: string;
      /**
       * Firearm
       * @description The one firearm or light weapon to trace (a single-item request). For a seizure of several items, use Items instead.
       */
      firearm?: components['schemas']['firearm'];
      /**
       * Items
       * @description Every item of a seizure to trace (firearms and light weapons, ammunition lots, components), each with its own item id; the recovery, possessor and questions apply to all. Use instead of Firearm.
       */
      items?: components['schemas']['item'][];
      /**
       * Offence
       * @description What the items were involved in.
       */
      offence: {
        /**
         * Offence code
         * @description Offence category code.
         */
        code: string;
        /**
         * Offence, in words
         * @description Short description of the offence.
         */
        text?: components['schemas']['longText'];
      };
      /**
       * Operation
       * @description Project or operation code (e.g. a joint action day).
       */
      operation?: string;
      /**
       * Possessor
       * @description Person the firearm was recovered from: personal data, controlled by the sharing policy.
       */
      possessor?: components['schemas']['person'];
      /**
       * Checks already made
       * @description Registers and databases already consulted, with their result.
       */
      priorChecks?: {
        /**
         * Register or database
         * @description national-register, lost-stolen-database, iarms, ballistic-reference or other.
         * @enum {unknown}
         */
        check:
          'national-register' | 'lost-stolen-database' | 'iarms' | 'ballistic-reference' | 'other';
        /**
         * Detail
         * @description What was found, or which database when other.
         */
        detail?: components['schemas']['longText'];
        /**
         * Result
         * @description hit, no-hit, pending or not-available.
         * @enum {unknown}
         */
        result: 'hit' | 'no-hit' | 'pending' | 'not-available';
      }[];
      /**
       * Priority
       * @description routine, or urgent with a justification.
       * @enum {unknown}
       */
      priority: 'routine' | 'urgent';
      /**
       * Questions
       * @description What is asked.
       */
      questions?: (
        'origin' | 'chain-of-custody' | 'last-legal-owner' | 'lost-stolen-status' | 'other'
      )[];
      /**
       * Recovery
       * @description When, where and by whom the items were recovered or seized.
       */
      recovery: {
        /**
         * Recovering agency
         * @description Agency that recovered or seized the items.
         */
        agency: components['schemas']['shortText'];
        /**
         * Circumstances
         * @description How the items were found (scene, search, border control, cache).
         */
        circumstances?: components['schemas']['longText'];
        /**
         * Date of recovery
         * @description The day the items were recovered or seized.
         */
        date: components['schemas']['date'];
        /**
         * Place of recovery
         * @description Country, municipality and, where known, coordinates.
         */
        place: components['schemas']['place'];
      };
      /**
       * Requester
       * @description Agency, unit and officer asking, with contact details.
       */
      requester: components['schemas']['contact'];
      /**
       * Request reference
       * @description The requesting FFP's own reference.
       */
      requestRef: string;
      /**
       * Special instructions
       * @description Anything else the responder must know.
       */
      specialInstructions?: components['schemas']['longText'];
      /**
       * Why urgent
       * @description Required when the priority is urgent: deadline, custody, risk.
       */
      urgencyJustification?: components['schemas']['longText'];
      $defs: {
        /**
         * Seized item
         * @description One item of the seizure: a firearm or light weapon, an ammunition lot, or an essential component or accessory.
         */
        item:
          | {
              /**
               * Exhibit reference
               * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
               */
              exhibitRef?: string;
              /**
               * Firearm or light weapon
               * @description Identification as marked.
               */
              firearm: components['schemas']['firearm'];
              /**
               * Item id
               * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
               */
              itemId: components['schemas']['itemId'];
              /**
               * Kind of item
               * @description firearm, ammunition or component.
               * @constant
               */
              kind: 'firearm';
            }
          | {
              /**
               * Ammunition lot
               * @description Calibre, headstamp as read, lot and quantity.
               */
              ammunition: components['schemas']['ammunitionLot'];
              /**
               * Exhibit reference
               * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
               */
              exhibitRef?: string;
              /**
               * Item id
               * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
               */
              itemId: components['schemas']['itemId'];
              /**
               * Kind of item
               * @description firearm, ammunition or component.
               * @constant
               */
              kind: 'ammunition';
            }
          | {
              /**
               * Component or accessory
               * @description The part and its marking as on the part.
               */
              component: components['schemas']['component'];
              /**
               * Exhibit reference
               * @description The seizing agency's exhibit or evidence bag number, where it differs from the item id.
               */
              exhibitRef?: string;
              /**
               * Item id
               * @description Unique within this request (e.g. the exhibit number); answers refer to the item by it.
               */
              itemId: components['schemas']['itemId'];
              /**
               * Kind of item
               * @description firearm, ammunition or component.
               * @constant
               */
              kind: 'component';
            };
      };
    } & (unknown & unknown & unknown);
    /**
     * Trace response
     * @description The answer to a trace request (the message's inReplyTo is the request's id). A single-item request is answered with the fields below; a seizure is answered item by item in Items, possibly in parts: partial now, the rest in a later response.
     */
    'trace-response.schema': {
      /**
       * Chain of custody
       * @description Ordered from the manufacturer to the last known holder.
       */
      chainOfCustody?: components['schemas']['custodyEntry'][];
      /**
       * Diversion
       * @description How the item left legal hands: theft, embezzlement, reactivation, conversion or unknown.
       */
      diversion?: components['schemas']['diversion'];
      /**
       * Corrected identification
       * @description Corrected identification of the firearm.
       */
      firearmCorrected?: components['schemas']['firearm'];
      /**
       * Item answers
       * @description For a seizure: the answer item by item (each item id once). Items not listed are not answered yet; a later response answers them.
       */
      items?: components['schemas']['itemAnswer'][];
      /**
       * Last known legal owner
       * @description Personal data when a person: controlled by the sharing policy.
       */
      lastKnownLegalOwner?: components['schemas']['party'];
      lostStolen?: components['schemas']['lostStolen'];
      /**
       * Reason
       * @description Why the trace could not be completed.
       */
      reasonCode?: components['schemas']['reasonCode'];
      registration?: components['schemas']['registration'];
      /**
       * Request reference
       * @description Echoes the request's reference.
       */
      requestRef: string;
      /**
       * Responder
       * @description Agency, unit and officer answering, with contact details.
       */
      responder: components['schemas']['contact'];
      /**
       * Restrictions
       * @description Use restrictions set by the responder; they travel with the data.
       */
      restrictions?: components['schemas']['longText'];
      /**
       * Status
       * @description completed: everything asked is answered; partial: some is answered, more follows in a later response; unable: the trace cannot be done (say why).
       * @enum {unknown}
       */
      status: 'completed' | 'partial' | 'unable';
      /**
       * Time to crime (days)
       * @description Days from the first retail sale to the recovery.
       */
      timeToCrimeDays?: number;
      $defs: {
        /**
         * Lost or stolen
         * @description A hit in a lost or stolen register.
         */
        lostStolen: {
          /**
           * Date reported lost or stolen
           * @description The day the loss or theft was reported.
           */
          date: components['schemas']['date'];
          /**
           * Place
           * @description Where it was lost or stolen.
           */
          place?: components['schemas']['place'];
          /**
           * Reporting agency
           * @description Agency that recorded the report.
           */
          reportingAgency?: components['schemas']['shortText'];
        };
        /**
         * Holder
         * @description One holder in the chain of custody.
         */
        custodyEntry: {
          /**
           * Country
           * @description ISO code.
           */
          country?: components['schemas']['countryCode'];
          /**
           * Date
           * @description When the holder received the item.
           */
          date?: components['schemas']['date'];
          /**
           * Licence number
           * @description Manufacturing, export, dealer or firearms licence.
           */
          licenceNumber?: string;
          /**
           * Name
           * @description Name of the holder (personal data when a person).
           */
          name: components['schemas']['shortText'];
          /**
           * Role
           * @description manufacturer, exporter, importer, wholesaler, dealer, first-retail-purchaser or owner.
           * @enum {unknown}
           */
          role:
            | 'manufacturer'
            | 'exporter'
            | 'importer'
            | 'wholesaler'
            | 'dealer'
            | 'first-retail-purchaser'
            | 'owner';
        };
        /**
         * Registration
         * @description Status in the national register.
         */
        registration: {
          /**
           * Deregistered on
           * @description Date it was removed from the register.
           */
          deregisteredOn?: components['schemas']['date'];
          /**
           * Licence number
           * @description Licence under which it was registered.
           */
          licenceNumber?: string;
          /**
           * Registered on
           * @description Date of registration.
           */
          registeredOn?: components['schemas']['date'];
          /**
           * Register status
           * @description registered, deregistered, never-registered or unknown.
           * @enum {unknown}
           */
          status: 'registered' | 'deregistered' | 'never-registered' | 'unknown';
        };
        /**
         * Reason
         * @description Why the trace could not be completed.
         * @enum {unknown}
         */
        reasonCode:
          | 'no-record'
          | 'insufficient-identification'
          | 'legal-restriction'
          | 'records-destroyed'
          | 'other';
        /**
         * Diversion
         * @enum {unknown}
         */
        diversion: 'theft' | 'embezzlement' | 'reactivation' | 'conversion' | 'unknown';
        /**
         * Item answer
         * @description The answer for one item of the request, named by its item id.
         */
        itemAnswer: {
          /**
           * Corrected identification
           * @description Corrected identification of an ammunition lot (e.g. manufacturer identified from the headstamp).
           */
          ammunitionCorrected?: components['schemas']['ammunitionLot'];
          /**
           * Chain of custody
           * @description Ordered from the manufacturer to the last known holder (for a lot: manufacturer, exporter, importer, end user).
           */
          chainOfCustody?: components['schemas']['custodyEntry'][];
          /**
           * Corrected identification
           * @description Corrected identification of a component or accessory.
           */
          componentCorrected?: components['schemas']['component'];
          /**
           * Diversion
           * @description How the item left legal hands: theft, embezzlement, reactivation, conversion or unknown.
           */
          diversion?: components['schemas']['diversion'];
          /**
           * Corrected identification
           * @description Corrected identification of a firearm or light weapon.
           */
          firearmCorrected?: components['schemas']['firearm'];
          /**
           * Item id
           * @description The item id of the request this answer is for.
           */
          itemId: components['schemas']['itemId'];
          /**
           * Last known legal owner
           * @description Personal data when a person: controlled by the sharing policy.
           */
          lastKnownLegalOwner?: components['schemas']['party'];
          lostStolen?: components['schemas']['lostStolen'];
          /**
           * Note
           * @description Anything else about this item.
           */
          note?: components['schemas']['longText'];
          /**
           * Reason
           * @description Why the item could not be traced.
           */
          reasonCode?: components['schemas']['reasonCode'];
          registration?: components['schemas']['registration'];
          /**
           * Status
           * @description completed: this item is traced; unable: it cannot be traced (say why); pending: still being worked on, answered in a later response.
           * @enum {unknown}
           */
          status: 'completed' | 'unable' | 'pending';
          /**
           * Time to crime (days)
           * @description Days from the first retail sale to the recovery.
           */
          timeToCrimeDays?: number;
        } & unknown;
      };
    } & (unknown & unknown);
    TraceRequest: components['schemas']['trace-request.schema'];
    TraceResponse: components['schemas']['trace-response.schema'];
    /**
     * Message id
     * @description A UUID version 7 (time-ordered), lower case.
     */
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
    correlationId: string;
    cursor: string;
    /** @description Created at or after this time. */
    from: components['schemas']['dateTime'];
    id: string;
    inReplyTo: components['schemas']['uuidV7'];
    limit: number;
    peer: components['schemas']['memberId'];
    /** @description An exact reference of the body (requestRef, notificationRef or caseRef). */
    ref: string;
    status: components['schemas']['MessageStatus'];
    /** @description Created before this time. */
    to: components['schemas']['dateTime'];
    type: components['schemas']['messageType'];
    version: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  getAttention: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The items, the most severe first (empty when all is well). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Attention'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
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
  getEvidenceBundle: {
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
      /** @description The bundle. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceBundle'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
    };
  };
  listDisclosures: {
    parameters: {
      query: {
        format?: 'json' | 'csv';
        from: string;
        recipient?: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The disclosures of the period, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisclosureReport'];
          'text/csv': string;
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
  getDirectory: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The directory's members (id, display name, kind, groups), its groups, sequence, issuedAt and nextUpdate. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Directory'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
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
  streamEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream (it stays open until the client closes it). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
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
        correlationId?: components['parameters']['correlationId'];
        cursor?: components['parameters']['cursor'];
        /** @description Created at or after this time. */
        from?: components['parameters']['from'];
        inReplyTo?: components['parameters']['inReplyTo'];
        limit?: components['parameters']['limit'];
        peer?: components['parameters']['peer'];
        /** @description An exact reference of the body (requestRef, notificationRef or caseRef). */
        ref?: components['parameters']['ref'];
        status?: components['parameters']['status'];
        /** @description Created before this time. */
        to?: components['parameters']['to'];
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
  previewMessage: {
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
      /** @description One preview per destination, in the order of `to`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessagePreview'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      413: components['responses']['Problem'];
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
  getNodeCertificates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The certificates. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NodeCertificates'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  listOutbox: {
    parameters: {
      query?: {
        correlationId?: components['parameters']['correlationId'];
        cursor?: components['parameters']['cursor'];
        /** @description Created at or after this time. */
        from?: components['parameters']['from'];
        inReplyTo?: components['parameters']['inReplyTo'];
        limit?: components['parameters']['limit'];
        peer?: components['parameters']['peer'];
        /** @description An exact reference of the body (requestRef, notificationRef or caseRef). */
        ref?: components['parameters']['ref'];
        status?: components['parameters']['status'];
        /** @description Created before this time. */
        to?: components['parameters']['to'];
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
          'application/json': components['schemas']['PeerHealth'];
        };
      };
      403: components['responses']['Problem'];
    };
  };
  listPeers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The peers, in directory order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerList'];
        };
      };
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
  testPeerConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        peer: components['schemas']['memberId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The steps and their outcome. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionTest'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
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
  getThread: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        correlationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The thread (empty when no message carries the correlationId). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Thread'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
    };
  };
}
