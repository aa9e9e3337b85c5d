// Generated from openapi/mock-admin.yaml by `npm run gen:types`. Do not edit by hand:
// change the contract and run the command again (`npm run check:types` fails when stale).
export interface paths {
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show what the sandbox holds. */
        get: operations["getSandboxStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put the sandbox back as it started.
         * @description Restores the seed the mock started with (the built-in one is rebuilt around the real
         *     date), forgets every customer state, redemption and transaction added since, clears the
         *     faults and the journal, and puts the clock back to real time. Session tokens issued
         *     before stay valid until they expire, but a token of a customer that no longer exists is
         *     refused with 401.
         */
        post: operations["resetSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the sandbox's data with a seed.
         * @description Validates the whole seed first (its shape, each customer, ad, portfolio, category and
         *     redemption against the contract's schemas, fields the contract does not declare, and
         *     duplicate or dangling ids); an invalid seed changes nothing and answers 400 naming each
         *     wrong field, e.g. `ads[2].ad.reward.rewardType: must be one of ...`. A valid seed
         *     replaces the data and every customer state; faults, clock and journal are kept.
         */
        put: operations["loadSeed"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the active fault rules. */
        get: operations["listFaults"];
        put?: never;
        /**
         * Add a fault rule.
         * @description Rules are tried in the order they were added, for each request to an operation they
         *     name (or to any, for `*`): every `latency` rule draws and the delays of those that fire
         *     add up; the other rules draw until one fires, which decides the outcome, and the rest
         *     are not tried. A rule with `times` is removed once it has fired that many times.
         *     `stall-handshake` rules act on new connections instead, before TLS.
         */
        post: operations["addFault"];
        /**
         * Remove every fault rule.
         * @description Connections already held by a `stall-handshake` rule are released at once.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the mock's current time. */
        get: operations["getClock"];
        put?: never;
        /**
         * Move the mock's clock.
         * @description Token expiry, ad start and end dates and the reward-summary windows follow this clock,
         *     so a test can reach the end of a one-hour session without waiting. The clock keeps
         *     running from where it was put.
         */
        post: operations["moveClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the journal of received requests.
         * @description The most recent requests the mock's API received (oldest first), in a ring buffer of
         *     fixed size. Session tokens, headers and bodies are never stored.
         */
        get: operations["readJournal"];
        put?: never;
        post?: never;
        /**
         * Empty the journal.
         * @description Sequence numbers keep counting, so entries read before stay distinguishable.
         */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SandboxStatus: {
            institutionId: string;
            /** @description Number of customers. */
            customers: number;
            /** @description Number of ads in the catalogue. */
            ads: number;
            /** @description Number of redemptions, seeded and created by transactions. */
            redemptions: number;
            /** @description Number of distinct transactions received through createTransactions. */
            transactions: number;
            /** @description Number of active fault rules. */
            faults: number;
            clock: components["schemas"]["ClockState"];
            journal: {
                entries: number;
                capacity: number;
            };
        };
        /**
         * @description Everything a mock instance starts from; seed files hold this shape as JSON. Each element
         *     is the contract's own schema (a customer is a `Customer`, an ad an `Ad`, ...), and fields
         *     the contract does not declare are refused, as the mock would otherwise send them.
         */
        SeedData: {
            institutionId: string;
            customers: (components["schemas"]["Customer"] & {
                sourceCustomerId: string;
            })[];
            /** @description Portfolios of the customers' accounts (by `sourcePortfolioId`). None when omitted. */
            portfolios?: components["schemas"]["Portfolio"][];
            /** @description Ad categories, by `id`. None when omitted. */
            categories?: (components["schemas"]["CategoryGroup"] & {
                id: string;
            })[];
            /** @description The ad catalogue, in ranking order (the first ad is ranked first). */
            ads: components["schemas"]["SeedAd"][];
            /** @description Redemptions that already happened. None when omitted. */
            redemptions?: (components["schemas"]["Redemption"] & {
                redemptionId: string;
                adId: string;
                sourceCustomerId: string;
                /** Format: date-time */
                redemptionDate: string;
            })[];
        };
        /**
         * @description An ad of the catalogue: the contract's `Ad` (its states are the starting state for every
         *     customer) plus what the mock needs to filter and redeem it, which the real API keeps to
         *     itself.
         */
        SeedAd: {
            ad: components["schemas"]["Ad"];
            /** @description Category for the `categoryIds` filter and the `categories` map. */
            categoryId?: string;
            curationIds?: string[];
            /** @description Channels the ad is served on; all channels when omitted. */
            channels?: components["schemas"]["Channel"][];
            storeLocations?: components["schemas"]["StoreLocation"][];
            /**
             * @description What a transaction's `paymentNetworkMerchant` must contain, ignoring case, to count
             *     as a purchase at this ad's merchant (see createTransactions in the contract). The
             *     ad's `merchantName` when omitted.
             */
            merchantMatchKey?: string;
        };
        /**
         * @description `latency`: the answer is delayed by `delayMs`. `status`: the answer is replaced by a
         *     contract-valid `Error` with `status` 429, 500 or 503 (429 and 503 carry `Retry-After`).
         *     `reset`: the connection is reset once the request has been read, and no answer is sent.
         *     `cut-body`: the headers announce the full body, half of it is sent, then the connection
         *     is closed. `stall-handshake`: new connections are accepted but their TLS handshake is
         *     held for `stallMs` before it goes on.
         * @enum {string}
         */
        FaultKind: "latency" | "status" | "reset" | "cut-body" | "stall-handshake";
        FaultRuleRequest: {
            kind: components["schemas"]["FaultKind"];
            /**
             * @description An operationId of the contract, or `*` for every operation (the default). Not used
             *     by `stall-handshake`, which acts before any request is known.
             */
            operationId?: string;
            /** @description Fire this many times, then disappear. Until cleared when omitted. */
            times?: number;
            /** @description Share of the matching requests (or connections) that fire; 1 by default. */
            probability?: number;
            /**
             * @description Seed of the rule's own random sequence, so a run with the same requests fires on
             *     the same ones. 1 by default.
             */
            seed?: number;
            /**
             * @description The status of a `status` fault.
             * @enum {integer}
             */
            status?: 429 | 500 | 503;
            /** @description The `Retry-After` of a 429 or 503; 1 by default. */
            retryAfterSeconds?: number;
            /** @description The delay of a `latency` fault; 1000 by default. */
            delayMs?: number;
            /** @description How long a `stall-handshake` fault holds a new connection; 5000 by default. */
            stallMs?: number;
            /**
             * @description For `reset`: run the operation (and change state) before resetting, so the client
             *     never learns that it succeeded. False by default; `cut-body` always runs it.
             */
            processFirst?: boolean;
        } & unknown;
        /** @description A rule as stored. */
        FaultRule: components["schemas"]["FaultRuleRequest"] & {
            id: string;
            operationId: string;
            /** @description How many times the rule has fired. */
            fired: number;
            /** @description How many more times it fires, when it was set with `times`. */
            remaining?: number;
        };
        FaultList: {
            faults: components["schemas"]["FaultRule"][];
        };
        /** @description Exactly one of the three moves. */
        ClockMove: {
            /** @description Move forward (or back, when negative) by this many milliseconds. */
            advanceMs?: number;
            /**
             * Format: date-time
             * @description Jump to this moment.
             */
            setTo?: string;
            /**
             * @description Go back to real time.
             * @constant
             */
            reset?: true;
        };
        ClockState: {
            /**
             * Format: date-time
             * @description The mock's current time.
             */
            now: string;
            /** @description How far the mock's time is from real time. */
            offsetMs: number;
        };
        Journal: {
            /** @description How many entries the ring buffer keeps. */
            capacity: number;
            /** @description Entries overwritten because the buffer was full, since the last clear. */
            dropped: number;
            entries: components["schemas"]["JournalEntry"][];
        };
        JournalEntry: {
            /** @description Sequence number, counting from 1 since the mock started. */
            seq: number;
            /**
             * Format: date-time
             * @description When the request arrived (real time).
             */
            receivedAt: string;
            method: string;
            /** @description The request path without its query string. */
            path: string;
            /** @description The operation the path and method routed to; absent for 404 and 405. */
            operationId?: string;
            /** @description The status answered; 0 when a fault reset the connection instead. */
            status: number;
            requestId: string;
            /** @description Subject of the client certificate, e.g. `O=cdlx-contract, CN=cdlx mock client`. */
            clientSubject: string;
            /** @description Time from the request's arrival to the end of the answer. */
            durationMs: number;
            /** @description The fault that changed this answer, if any. */
            fault?: components["schemas"]["FaultKind"];
            /** @description The `validationErrors` of an error answer (none on success). */
            validationErrors?: string[];
        };
        /**
         * @description Error body (not RFC 9457: no `detail` or `instance`). `type` is a bare error name.
         *     Documented types: `HttpMessageNotReadable` (400, body missing or unreadable),
         *     `ValidationException` (400, fields missing or invalid), `SessionValidationException`
         *     (401, session expired or invalid), `InternalServerError` (500).
         *     Mock choice: the mock also uses `Forbidden` (403), `NotFound` (404), `MethodNotAllowed`
         *     (405), `UnsupportedMediaType` (415), and, only while a fault set through its admin API
         *     asks for them, `TooManyRequests` (429) and `ServiceUnavailable` (503); it always sends
         *     `validationErrors` (empty when there is nothing field-specific), and sets `requestId`
         *     to the caller's `X-CDLX-Request-Id` or a generated UUID. Whether the real API always sends `validationErrors` is unknown, so it
         *     is optional here. Exact `title` strings are not documented.
         * @example {
         *       "type": "ValidationException",
         *       "title": "Bad Request",
         *       "status": 400,
         *       "validationErrors": [
         *         "channel: must not be null"
         *       ],
         *       "requestId": "5e0c0a57-1111-4c1e-8d2a-2b9f3c4d5e6f"
         *     }
         */
        Error: {
            /** @description Error type name, e.g. `ValidationException`. */
            type: string;
            /** @description Short human-readable title or message. */
            title: string;
            /** @description HTTP status code of the response. */
            status: number;
            /** @description Field-level messages; their format is not documented. */
            validationErrors?: string[];
            /** @description Echo of `X-CDLX-Request-Id`, or a UUID the server generated. */
            requestId: string;
        };
        /**
         * @description Whether the customer is enrolled in the program. `INACTIVE` customers cannot start a customer session.
         * @enum {string}
         */
        EnrollmentOptInStatus: "ACTIVE" | "INACTIVE";
        /**
         * @description Kind of alert the customer has opted in to.
         * @enum {string}
         */
        AlertOptInStatus: "ALL" | "NEW" | "ACTIVATED" | "EXPIRING" | "REDEMPTION" | "CLOSE_THE_LOOP" | "MISSED_OPPORTUNITY";
        /**
         * @description Whether the customer may be targeted with ads.
         * @enum {string}
         */
        TargetingIndicator: "TARGET" | "DO_NOT_TARGET";
        /**
         * @description Whether the customer may redeem rewards. Listed as an upcoming feature.
         * @enum {string}
         */
        RedemptionEligibility: "ALL" | "NONE";
        /**
         * @description State of an account.
         * @enum {string}
         */
        AccountStatus: "OPEN" | "CLOSED" | "DISPUTE" | "FRAUD";
        /**
         * @description Product type of an account.
         * @enum {string}
         */
        AccountType: "PPD" | "MMA" | "CRD" | "DDA" | "SAV" | "SBCRD" | "SBDDA" | "SBS";
        Card: {
            sourceAccountId?: string;
            sourceCustomerId?: string;
            last4?: string;
            iin?: string;
            /** @description Card type, e.g. `CREDIT`; the full list of values is not documented. */
            cardType?: string;
            /** @description Card state, e.g. `OPEN`; the full list of values is not documented. */
            status?: string;
            /**
             * Format: int32
             * @description Card network code, e.g. 3; the code table is not documented.
             */
            networkIdentifier?: number;
            /** Format: date-time */
            openDate?: string;
            /** Format: date-time */
            closeDate?: string | null;
        };
        Account: {
            sourceAccountId?: string;
            sourceCustomerIds?: string[];
            primarySourceCustomerId?: string;
            status?: components["schemas"]["AccountStatus"];
            type?: components["schemas"]["AccountType"];
            sourcePortfolioId?: string;
            /** Format: date-time */
            accountOpenDate?: string;
            /** Format: date-time */
            accountCloseDate?: string | null;
            cards?: components["schemas"]["Card"][];
        };
        /**
         * @description A customer as the publisher registers it through the data API. The vendor's OpenAPI
         *     document puts `requestId`, `institutionId` and `portfolios` here as well; they occur
         *     only in the profile response, see `CustomerProfileResponse`.
         */
        Customer: {
            /** @description The publisher's customer ID; must not be the account number. */
            sourceCustomerId?: string;
            sourceParentCustomerId?: string;
            organizationId?: string;
            postalCode?: string;
            country?: string;
            /** Format: date-time */
            customerCreationDate?: string;
            /** Format: date-time */
            enrollmentStartDate?: string;
            /** Format: date-time */
            enrollmentEndDate?: string | null;
            enrollmentOptInStatus?: components["schemas"]["EnrollmentOptInStatus"];
            alertOptInStatus?: components["schemas"]["AlertOptInStatus"][];
            targetingIndicator?: components["schemas"]["TargetingIndicator"];
            /** @description Upcoming field. The docs table marks it required and the text optional; optional here. */
            redemptionEligibility?: components["schemas"]["RedemptionEligibility"];
            accounts?: components["schemas"]["Account"][];
        };
        Portfolio: {
            sourcePortfolioId?: string;
            institutionId?: string;
            portfolioName?: string;
            /** @example Cash */
            rewardCurrencyUnit?: string;
            rewardToCurrencyConversionRate?: string;
            /** @deprecated */
            institutionName?: string;
            /** @deprecated */
            tagline?: string;
            /** @deprecated */
            description?: string;
        };
        CategoryGroup: {
            id?: string;
            name?: string;
            subcategories?: components["schemas"]["CategoryGroup"][];
        };
        /**
         * @description Kind of ad. Only one value is documented.
         * @enum {string}
         */
        AdType: "CASH_BACK_OFFER";
        /**
         * @description Place in the publisher's UI where ads are shown (`Transaction`: next to a card
         *     transaction; `Summary`: rewards/offers summary). The docs call sections FI-specific,
         *     so real deployments may use other values; server-side enum validation is not confirmed.
         * @enum {string}
         */
        Section: "Email" | "SMS" | "MMS" | "Transaction" | "Summary" | "Dashboard" | "Landing" | "OnboardingPage" | "LatestOffers" | "ExpiringSoon" | "RewardSummaryListView" | "FeaturedOffers" | "EntertainmentCategory" | "FoodCategory" | "RetailCategory" | "ServicesCategory" | "TravelCategory";
        /**
         * @description How the reward is computed.
         * @enum {string}
         */
        RewardType: "PERCENT_AMOUNT_PURCHASE" | "FIXED_AMOUNT_PURCHASE" | "METERED_AMOUNT_PURCHASE";
        /**
         * @description Where a qualifying purchase may be made.
         * @enum {string}
         */
        PurchaseChannel: "InStore" | "Online" | "PayAtPump" | "App" | "Convenience";
        /**
         * @description Kind of qualifying purchase.
         * @enum {string}
         */
        PurchaseType: "Membership" | "Subscription" | "Fuel";
        PurchaseRequirement: {
            minSpendAmount?: number;
            purchaseChannels?: components["schemas"]["PurchaseChannel"][];
            purchaseTypes?: components["schemas"]["PurchaseType"][];
            /** @description Documented in the prose docs only. */
            merchantUrlLinkClickRequired?: boolean;
        };
        /**
         * @description Whether the customer must activate the offer (`ACTIVATABLE`, the default) or it is
         *     active from the start (`AUTO_ACTIVATED`). Documented in the prose docs only.
         * @enum {string}
         */
        ActivationModel: "ACTIVATABLE" | "AUTO_ACTIVATED";
        /**
         * @description Reward of an ad. Some docs examples deviate (a singular `purchaseChannel` string, or
         *     `minSpendAmount` directly on the reward); this contract follows the vendor's OpenAPI
         *     shape, and the mock emits it.
         */
        AdReward: {
            rewardType?: components["schemas"]["RewardType"];
            /** @description A percentage or a fixed amount, depending on `rewardType`. */
            rewardAmount?: number;
            /** @description Cap on the reward per offer. */
            maxRewardAmount?: number;
            isMultiRedemption?: boolean;
            purchaseRequirement?: components["schemas"]["PurchaseRequirement"];
            activationModel?: components["schemas"]["ActivationModel"];
        };
        /**
         * @description Activation state of an ad for this customer (NEW → SERVED on a viewable impression, → ACTIVATED on ActivateOffer).
         * @enum {string}
         */
        AdActivationState: "NEW" | "SERVED" | "ACTIVATED";
        /**
         * @description Whether the customer has parked (hidden) the ad.
         * @enum {string}
         */
        AdVisibilityState: "VISIBLE" | "PARKED";
        /**
         * @description Redemption progress of an ad for this customer.
         * @enum {string}
         */
        AdRedemptionState: "PROCESSING" | "FULLY_REDEEMED";
        /** @description Sizes seen in examples are logo 627×627 and 128×128, largeRectangle 1198×627 and 382×200. */
        ImageURL: {
            /** Format: uri */
            url?: string;
            /** Format: int32 */
            width?: number;
            /** Format: int32 */
            height?: number;
        };
        /** @description Image in up to two sizes; either may be missing. */
        AdImageValue: {
            large?: components["schemas"]["ImageURL"];
            small?: components["schemas"]["ImageURL"];
        };
        Image: {
            /** @constant */
            type?: "IMAGE_URL";
            value?: components["schemas"]["AdImageValue"];
        };
        /**
         * @description Ad copy as a map of text name to text. Names seen: `headline`, `subheadline`,
         *     `shortPreMessage`, `thankYouMessage`.
         */
        Text: {
            /** @constant */
            type?: "AD_COPY";
            value?: {
                [key: string]: string;
            };
        };
        CallToActionLink: {
            /** @constant */
            type?: "WEB_LINK";
            /** Format: uri */
            value?: string;
        };
        CallsToAction: {
            /** @constant */
            type?: "CALL_TO_ACTION_LINKS";
            /** @description Links keyed by call-to-action name. */
            value?: {
                [key: string]: components["schemas"]["CallToActionLink"];
            };
        };
        /** @description Creative assets of an ad; present only when `returnMetadata` is true. */
        AdAssetList: {
            logo?: components["schemas"]["Image"];
            largeRectangle?: components["schemas"]["Image"];
            smallRectangle?: components["schemas"]["Image"];
            copy?: components["schemas"]["Text"];
            callsToAction?: components["schemas"]["CallsToAction"];
        };
        /**
         * @description One ad (offer) as served to this customer. `adId` is missing from the vendor's OpenAPI
         *     document but present in every docs example. The required fields are those that every
         *     docs example carries.
         */
        Ad: {
            adId: string;
            adType: components["schemas"]["AdType"];
            /** @description Token for this serve. Send it back as `serveToken` in client event metadata. */
            adServeToken: string;
            /** Format: date-time */
            startDate?: string;
            /** Format: date-time */
            endDate?: string;
            /** Format: date-time */
            activationDate?: string;
            merchantName: string;
            sections?: components["schemas"]["Section"][];
            reward: components["schemas"]["AdReward"];
            activationState: components["schemas"]["AdActivationState"];
            visibilityState: components["schemas"]["AdVisibilityState"];
            /**
             * @description Absent or null while the ad is unredeemed (not stated by the docs).
             *     Mock choice: the mock leaves the field out for unredeemed ads.
             */
            redemptionState?: components["schemas"]["AdRedemptionState"] | null;
            assets?: components["schemas"]["AdAssetList"];
            /** @description Documented in the prose docs only. */
            isAffiliateMarketing?: boolean;
        };
        /**
         * @description Delivery channel: `OLB` is the online-banking website, `MobileWeb` mobile online
         *     banking, `MobileApp` the native app.
         * @enum {string}
         */
        Channel: "Email" | "SMS" | "MMS" | "OLB" | "MobileWeb" | "MobileApp" | "MobileWallet";
        StoreLocationAddress: {
            addressLine1?: string;
            addressLine2?: string;
            city?: string;
            state?: string;
            postalCode?: string;
            country?: string;
        };
        /** @description Known from the vendor's OpenAPI document only. */
        StoreLocation: {
            storeName?: string;
            address?: components["schemas"]["StoreLocationAddress"];
            phoneNumber?: string;
            /** @description Distance from `customerLocation`; the unit is not documented. */
            distance?: number;
            latitude?: number;
            longitude?: number;
        };
        Redemption: {
            redemptionId?: string;
            adId?: string;
            /** @description Reward amount of this redemption. */
            amount?: number;
            /** Format: date-time */
            redemptionDate?: string;
            sourceCustomerId?: string;
            sourceAccountId?: string;
            redeemingTransactionAmount?: number;
            transactionId?: string;
            /**
             * Format: date-time
             * @description Probably null until the reward is settled (as in v1; not stated for v2).
             */
            rewardSettlementRunDate?: string | null;
        };
    };
    responses: {
        /** @description The body is not JSON or breaks this document; `validationErrors` names each field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The client certificate is not the mock's admin identity. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such path; `validationErrors` lists every route. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Known path, wrong method; the `Allow` header says which. */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the size limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An unexpected error in the admin API. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSandboxStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox's counts, clock and active faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxStatus"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    resetSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox after the reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxStatus"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    loadSeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedData"];
            };
        };
        responses: {
            /** @description The sandbox with the new seed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active rules, in the order they are tried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "status",
                 *       "status": 503,
                 *       "operationId": "getAds",
                 *       "times": 2
                 *     }
                 */
                "application/json": components["schemas"]["FaultRuleRequest"];
            };
        };
        responses: {
            /** @description The rule as stored, with its id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The (now empty) list of rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock's time and its offset from real time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    moveClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "advanceMs": 3600000
                 *     }
                 */
                "application/json": components["schemas"]["ClockMove"];
            };
        };
        responses: {
            /** @description The clock after the move. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    readJournal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journal"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
    clearJournal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The (now empty) journal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journal"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
