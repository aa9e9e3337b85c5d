// Generated from openapi/publisher-v2.yaml by `npm run gen:types`. Do not edit by hand:
// change the contract and run the command again (`npm run check:types` fails when stale).
export interface paths {
    "/healthcheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the host is reachable through mTLS and the allow-list.
         * @description First check of the go-live checklist, on the environment host without the `/v2`
         *     prefix. It still sits behind mTLS and the allow-list.
         *     Source: https://docs.cardlytics.com/ads/v2/integrations/connectivity-via-mTLS.html
         *
         *     The method, body, content type and token requirement are not documented.
         *     Mock choice: `GET`, no session token, 200 with `application/json` body `{"status":"UP"}`.
         */
        get: operations["healthcheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/session/startSession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a session and obtain a session token.
         * @description Returns a session token (an opaque JWT) for the requested scopes. `api:customer`
         *     grants getAds, clientEvent and the customer-profile reads for one customer and needs
         *     `sourceCustomerId`; `api:institution` grants the data APIs. Protected by mTLS only.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/starts-a-session-by-obtaining-a-session-token
         *
         *     The documented token lifetime is one hour (one reference page only).
         */
        post: operations["startSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/ads/getAds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the ads (offers) for the customer of the session.
         * @description Returns the customer's ads keyed by ad ID, with the order to render them in.
         *     Scope: `api:customer`.
         *     Source: https://docs.cardlytics.com/ads/v2/api/ads/get-ads.html
         *
         *     Above `maxAdLimit` the docs say pagination is used, but no pagination parameters or
         *     cursors are documented. Mock choice: the mock returns at most `maxAdLimit` ads and no
         *     pagination data.
         */
        post: operations["getAds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/events/clientEvent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a batch of client events.
         * @description Reports what the customer saw and did (impressions, activations, parking, session and
         *     profile actions). Also listed as "Create customer events" in the data API navigation.
         *     Scope: `api:customer`.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/create-customer-event
         *
         *     The success status is not stated (200 assumed), per-event failure reporting is not
         *     documented, and de-duplication by `clientEventId` is not documented.
         *     Mock choice: 200 with `{requestId}` when every event in the batch is valid; otherwise
         *     400 for the whole batch.
         */
        post: operations["clientEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/customerProfile/getCustomerProfile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the profile of the customer of the session.
         * @description Returns the customer record (as created through the data API) plus `institutionId`,
         *     `portfolios` and `requestId`. The customer comes from the `sourceCustomerId` inside
         *     the session token; there is no request body. Scope: `api:customer`.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/get-customer-profile
         */
        get: operations["getCustomerProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/customerProfile/getCustomerRewardSummary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the reward totals of the customer of the session.
         * @description Returns reward totals over several time windows. Scope: `api:customer`.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/get-customer-profile-ads-rewards-summary
         *
         *     The vendor's published OpenAPI document names this operation `getRewardsSummary` and
         *     its reward-summary schemas refer to themselves; this contract follows the docs.
         */
        get: operations["getCustomerRewardSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/customerProfile/getCustomerAdRedemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the redemptions of the customer of the session.
         * @description Returns the customer's redemptions and the ads they belong to. No date-range filter is
         *     documented for v2. Scope: `api:customer`.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/get-ad-redemptions-for-a-given-customer
         */
        get: operations["getCustomerAdRedemptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/data/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update customers, with their accounts and cards.
         * @description Updates up to 50 customers per request. It takes the full record: it can add accounts
         *     and cards, update them, or close an account by sending its current state.
         *     Source: https://docs.cardlytics.com/ads/v2/api/data/put-customers-update.html
         *
         *     The success status is presumed 200 with `{requestId}`, and the scope is not settled by
         *     the docs (one guide says customer-level authorisation is used to "update customers").
         *     Mock choice: scope `api:institution`, like creation (a customer-scope token is refused
         *     with 401); the stored record is replaced by the one sent; a `sourceCustomerId` that does
         *     not exist, or one sent twice in the same request, is a 400 `ValidationException`, and
         *     the request is accepted or refused as a whole.
         */
        put: operations["updateCustomers"];
        /**
         * Register customers, with their accounts and cards.
         * @description Creates up to 50 customers per request. A customer must exist before it can start a
         *     customer session and be served ads. Scope: `api:institution`; a customer-scope token is
         *     refused with 401 (see the `sessionToken` scheme).
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/create-customers
         *
         *     The documented outcomes are 200 with `{requestId}` and 500 on failure; the answer to an
         *     invalid body or to a customer that already exists is not documented.
         *     Mock choice: 400 `ValidationException` naming each field for an invalid body, for a
         *     `sourceCustomerId` that already exists (update it with PUT) and for one sent twice in the
         *     same request; the request is accepted or refused as a whole.
         */
        post: operations["createCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/data/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report card transactions of the institution's customers.
         * @description Sends up to 50 transactions per request; Cardlytics matches them against the offers the
         *     customers activated. Scope: `api:institution`; a customer-scope token is refused with
         *     401 (see the `sessionToken` scheme). Amounts are strings of minor units.
         *     Source: https://platform.cardlytics.com/publisher-integrations/reference/create-customer-transactions
         *
         *     Which fields are required, and how a transaction turns into a redemption, are not
         *     documented. Mock choice, in full:
         *     - The request is accepted or refused as a whole: every transaction must name a known
         *       customer and one of that customer's accounts, and carry `postedAmount` or
         *       `authorizationAmount`; otherwise 400 `ValidationException` naming each field.
         *     - A `transactionId` the mock has already received is accepted again and ignored, so a
         *       retried request never redeems twice.
         *     - A transaction redeems at most one ad, the first in ranking order for which all hold:
         *       the customer's ad is `ACTIVATED` (by `ActivateOffer`, or `AUTO_ACTIVATED`);
         *       `paymentNetworkMerchant` contains the ad's merchant match key, ignoring case (the
         *       seed's `merchantMatchKey`, by default the ad's `merchantName`); the amount
         *       (`postedAmount`, else `authorizationAmount`, read with two decimal places whatever
         *       the currency) is above zero and at least `purchaseRequirement.minSpendAmount`;
         *       `transactionTimestamp` lies between the ad's `startDate` and `endDate`; the ad is
         *       `isMultiRedemption` or not yet redeemed by this customer; and the customer's
         *       `redemptionEligibility` is not `NONE`.
         *     - The reward is amount × `rewardAmount` / 100 for `PERCENT_AMOUNT_PURCHASE`,
         *       `rewardAmount` for `FIXED_AMOUNT_PURCHASE`, and `rewardAmount` per whole currency unit
         *       of the amount for `METERED_AMOUNT_PURCHASE` (the metering unit is not documented),
         *       capped so that the customer's rewards on the ad stay within `maxRewardAmount`, and
         *       rounded to cents. A transaction whose reward would be zero redeems nothing.
         *     - The redemption is dated at `transactionTimestamp` and not settled
         *       (`rewardSettlementRunDate` null): the ad shows `redemptionState` `PROCESSING` and the
         *       reward summary counts it as pending as well as in its dated windows.
         */
        post: operations["createTransactions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Session scope. `api:customer` needs `sourceCustomerId`; `api:institution` does not.
         * @enum {string}
         */
        Scope: "api:customer" | "api:institution";
        /**
         * @description Delivery channel: `OLB` is the online-banking website, `MobileWeb` mobile online
         *     banking, `MobileApp` the native app.
         * @enum {string}
         */
        Channel: "Email" | "SMS" | "MMS" | "OLB" | "MobileWeb" | "MobileApp" | "MobileWallet";
        /**
         * @description Place in the publisher's UI where ads are shown (`Transaction`: next to a card
         *     transaction; `Summary`: rewards/offers summary). The docs call sections FI-specific,
         *     so real deployments may use other values; server-side enum validation is not confirmed.
         * @enum {string}
         */
        Section: "Email" | "SMS" | "MMS" | "Transaction" | "Summary" | "Dashboard" | "Landing" | "OnboardingPage" | "LatestOffers" | "ExpiringSoon" | "RewardSummaryListView" | "FeaturedOffers" | "EntertainmentCategory" | "FoodCategory" | "RetailCategory" | "ServicesCategory" | "TravelCategory";
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
        /**
         * @description Kind of ad. Only one value is documented.
         * @enum {string}
         */
        AdType: "CASH_BACK_OFFER";
        /**
         * @description How the reward is computed.
         * @enum {string}
         */
        RewardType: "PERCENT_AMOUNT_PURCHASE" | "FIXED_AMOUNT_PURCHASE" | "METERED_AMOUNT_PURCHASE";
        /**
         * @description Whether the customer must activate the offer (`ACTIVATABLE`, the default) or it is
         *     active from the start (`AUTO_ACTIVATED`). Documented in the prose docs only.
         * @enum {string}
         */
        ActivationModel: "ACTIVATABLE" | "AUTO_ACTIVATED";
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
        /**
         * @description Group of a client event. Only these four values are documented.
         * @enum {string}
         */
        ClientEventType: "AdImpression" | "AdInteraction" | "SessionAction" | "CustomerProfileAction";
        /**
         * @description Name of a client event. Each belongs to one `ClientEventType`:
         *     AdInteraction: DisplayElementExpanded, DisplayElementCollapsed, UrlLinkClicked,
         *     UrlLinkContinue, ActivateOffer, ParkOffer, UnParkOffer, ExpiredOffersLinkClicked;
         *     AdImpression: AdViewableImpression;
         *     SessionAction: UnParkAllOffers, LogEnrollment;
         *     CustomerProfileAction: RewardSummaryLinkClicked, LearnMoreLinkClicked, FaqLinkClicked.
         *     The pairing is documented but not expressible in JSON Schema; `x-cdlx-event-types`
         *     states it for tools, and the mock answers 400 when an event's `clientEventType` does not
         *     match it.
         * @enum {string}
         */
        ClientEvent: "DisplayElementExpanded" | "DisplayElementCollapsed" | "UrlLinkClicked" | "UrlLinkContinue" | "ActivateOffer" | "ParkOffer" | "UnParkOffer" | "UnParkAllOffers" | "AdViewableImpression" | "LogEnrollment" | "RewardSummaryLinkClicked" | "LearnMoreLinkClicked" | "FaqLinkClicked" | "ExpiredOffersLinkClicked";
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
        /**
         * @description Body of `/healthcheck`. The real body and content type are not documented.
         *     Mock choice: the mock answers `{"status":"UP","requestId":"..."}`. Both fields are
         *     optional so that a different real body still validates.
         */
        HealthcheckResponse: {
            /** @example UP */
            status?: string;
            /** @description Mock choice, as on every mock answer; not documented for the real endpoint. */
            requestId?: string;
        };
        /**
         * @description Body of startSession. The vendor's OpenAPI document marks `sourceCustomerId` required,
         *     but the institution-scope call leaves it out, so it is optional here.
         *     Mock choice: the mock requires `sourceCustomerId` only when `scopes` contains
         *     `api:customer`, and answers 400 `ValidationException` otherwise.
         */
        StartSessionRequest: {
            /** @description The publisher's own customer ID (never the account number). Needed for `api:customer`. */
            sourceCustomerId?: string;
            scopes: components["schemas"]["Scope"][];
            /**
             * @description Subsidiary of the institution. A string in the request; the token attribute table
             *     types the same attribute as an integer.
             */
            organizationId?: string;
        };
        StartSessionResponse: {
            /** @description Opaque session token (an encoded JWT). Send it as `X-CDLX-Session-Token`. */
            sessionToken: string;
            /**
             * @description Not in the vendor's documents for this answer. Mock choice: the mock includes it, as on
             *     every other answer.
             */
            requestId?: string;
        };
        /**
         * @description Success body that carries only the request ID. Mock choice: the mock always includes
         *     `requestId`.
         */
        RequestIdResponse: {
            /** @description Echo of `X-CDLX-Request-Id`, or a UUID the server generated. */
            requestId?: string;
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
        /** @description A point given in decimal degrees (double precision). Known from the vendor's OpenAPI document only. */
        GeoCoordinate: {
            latitude?: number;
            longitude?: number;
        };
        /** @description Body of getAds. Only `channel` is required. */
        GetAdsRequest: {
            channel: components["schemas"]["Channel"];
            customerLocation?: components["schemas"]["GeoCoordinate"];
            /** @description Sections to return ads for. Omitted means all sections. */
            sections?: components["schemas"]["Section"][];
            /** @description IDs from the ad-category list. */
            categoryIds?: string[];
            /** @description IDs of predefined curated campaign lists. */
            curationIds?: string[];
            /** @description Omitted means NEW, SERVED and ACTIVATED. */
            activationStates?: components["schemas"]["AdActivationState"][];
            /** @description Omitted means VISIBLE only; include PARKED to see parked ads. */
            visibilityStates?: components["schemas"]["AdVisibilityState"][];
            /** @description Filter by redemption state, e.g. redeemed ads only. */
            redemptionStates?: components["schemas"]["AdRedemptionState"][];
            /**
             * Format: int32
             * @description Maximum number of ads. Omitted means all available ads (the docs add "including
             *     expired ones"). Pagination beyond the limit is mentioned but not documented.
             */
            maxAdLimit?: number;
            /** @description When true, ads include `assets` (logos, copy, calls to action). */
            returnMetadata?: boolean;
            /**
             * @description Known from the vendor's OpenAPI document only; presumably fills `storeLocations`.
             *     Mock choice: when true, the mock fills `storeLocations`.
             */
            returnStoreLocation?: boolean;
            /** @description Also return ads that have ended (default look-back 120 days). */
            includeExpiredAds?: boolean;
        };
        /**
         * @description Answer of getAds. `ads` and `rankings` are required: every documented example has both,
         *     and rankings are the order to render the ads in.
         */
        GetAdsResponse: {
            requestId?: string;
            /** @description Ads keyed by ad ID. */
            ads: {
                [key: string]: components["schemas"]["Ad"];
            };
            rankings: components["schemas"]["AdRankings"];
            /**
             * @description Category groups. The docs say the map is keyed by ad ID; the key meaning is unclear.
             *     Mock choice: the mock keys it by category ID and lists the categories of the ads it
             *     returns.
             */
            categories?: {
                [key: string]: components["schemas"]["CategoryGroup"];
            };
            /** @description Store locations keyed by ad ID. Known from the vendor's OpenAPI document only. */
            storeLocations?: {
                [key: string]: components["schemas"]["StoreLocation"][];
            };
        };
        /**
         * @description Ad IDs in the order to render them. `all` is always present; `sections` and
         *     `categories` are announced as future optional keys.
         */
        AdRankings: {
            all: string[];
            /** @description Rankings per section, keyed by `Section` value. */
            sections?: {
                [key: string]: {
                    all: string[];
                    /** @description Ad IDs per ranking ID. */
                    categories?: {
                        [key: string]: string[];
                    };
                };
            };
            /** @description Ad IDs per ranking ID. */
            categories?: {
                [key: string]: string[];
            };
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
        PurchaseRequirement: {
            minSpendAmount?: number;
            purchaseChannels?: components["schemas"]["PurchaseChannel"][];
            purchaseTypes?: components["schemas"]["PurchaseType"][];
            /** @description Documented in the prose docs only. */
            merchantUrlLinkClickRequired?: boolean;
        };
        /** @description Creative assets of an ad; present only when `returnMetadata` is true. */
        AdAssetList: {
            logo?: components["schemas"]["Image"];
            largeRectangle?: components["schemas"]["Image"];
            smallRectangle?: components["schemas"]["Image"];
            copy?: components["schemas"]["Text"];
            callsToAction?: components["schemas"]["CallsToAction"];
        };
        Image: {
            /** @constant */
            type?: "IMAGE_URL";
            value?: components["schemas"]["AdImageValue"];
        };
        /** @description Image in up to two sizes; either may be missing. */
        AdImageValue: {
            large?: components["schemas"]["ImageURL"];
            small?: components["schemas"]["ImageURL"];
        };
        /** @description Sizes seen in examples are logo 627×627 and 128×128, largeRectangle 1198×627 and 382×200. */
        ImageURL: {
            /** Format: uri */
            url?: string;
            /** Format: int32 */
            width?: number;
            /** Format: int32 */
            height?: number;
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
        CallsToAction: {
            /** @constant */
            type?: "CALL_TO_ACTION_LINKS";
            /** @description Links keyed by call-to-action name. */
            value?: {
                [key: string]: components["schemas"]["CallToActionLink"];
            };
        };
        CallToActionLink: {
            /** @constant */
            type?: "WEB_LINK";
            /** Format: uri */
            value?: string;
        };
        CategoryGroup: {
            id?: string;
            name?: string;
            subcategories?: components["schemas"]["CategoryGroup"][];
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
        StoreLocationAddress: {
            addressLine1?: string;
            addressLine2?: string;
            city?: string;
            state?: string;
            postalCode?: string;
            country?: string;
        };
        /**
         * @description Body of clientEvent. The real batch-size limit is not documented.
         *     Mock choice: at most 100 events per request.
         */
        ClientEventRequest: {
            clientEvents: components["schemas"]["ClientEventMessage"][];
        };
        /** @description One client event. */
        ClientEventMessage: {
            /** @description GUID generated by the client for this event. */
            clientEventId: string;
            clientEventType: components["schemas"]["ClientEventType"];
            clientEvent: components["schemas"]["ClientEvent"];
            /** Format: date-time */
            clientEventTimestamp: string;
            /**
             * @description Needed for `AdImpression` and `AdInteraction` events (the docs disagree on whether
             *     it is always required). No shape is documented for `SessionAction` and
             *     `CustomerProfileAction` events. Mock choice: the mock answers 400 when an
             *     `AdImpression` or `AdInteraction` event has no metadata, and accepts it being
             *     absent or present on the other types.
             */
            clientEventMetadata?: components["schemas"]["ClientEventAdMetadata"];
        };
        /**
         * @description Where and how the ad was shown. The v2 event has no `adId`; `serveToken` is the link
         *     back to the ad.
         */
        ClientEventAdMetadata: {
            /** @description The served ad's `adServeToken` (note the different field name). */
            serveToken?: string;
            section: components["schemas"]["Section"];
            channel: components["schemas"]["Channel"];
            /** @description Asset slots shown, e.g. `logo`, `largeRectangle`, `smallRectangle`. */
            imageSlots?: string[];
            /** @description Send it when the event happened inside a category list. */
            categoryId?: string;
            /** @description Send it when the event happened inside a curated list. */
            curationId?: string;
            /** @description Zero-based position of the ad in the list. */
            displayPosition?: number;
            /** @description Listed by the docs with type "null"; its meaning is unclear, so any value is accepted. */
            price?: unknown;
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
        /** @description Body of getCustomerProfile. */
        CustomerProfileResponse: components["schemas"]["Customer"] & {
            institutionId?: string;
            portfolios?: components["schemas"]["Portfolio"][];
            requestId?: string;
        };
        /** @description Body of getCustomerRewardSummary. */
        CustomerRewardSummaryResponse: {
            rewardsSummary?: components["schemas"]["RewardSummary"];
            requestId?: string;
        };
        /**
         * @description Reward totals per time window. The vendor's OpenAPI document wires these schemas to
         *     themselves; this shape follows the docs.
         */
        RewardSummary: {
            allTime?: components["schemas"]["RewardSummaryTotals"];
            pending?: components["schemas"]["PendingRewardTotals"];
            yearToDate?: components["schemas"]["RewardSummaryTotals"];
            previousCalendarYear?: components["schemas"]["RewardSummaryTotals"];
            previousMonth?: components["schemas"]["RewardSummaryTotals"];
            previousTwelveMonths?: components["schemas"]["RewardSummaryTotals"];
            currentMonth?: components["schemas"]["RewardSummaryTotals"];
        };
        RewardSummaryTotals: {
            redemptionCount?: number;
            redeemedOfferCount?: number;
            totalRedeemingTransactionAmount?: number;
            totalRewardAmount?: number;
        };
        /** @description Totals of redemptions not yet settled; the docs example shows only these two fields. */
        PendingRewardTotals: {
            redemptionCount?: number;
            totalRedeemingTransactionAmount?: number;
        };
        /** @description Body of getCustomerAdRedemptions. */
        CustomerAdRedemptionResponse: {
            redemptions?: components["schemas"]["Redemption"][];
            /** @description The redeemed ads, keyed by ad ID. */
            ads?: {
                [key: string]: components["schemas"]["Ad"];
            };
            requestId?: string;
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
        /**
         * @description Body of createCustomers and updateCustomers: at most 50 customers per request.
         *     Mock choice: at least one customer, and `sourceCustomerId` is required on each (the
         *     customer's key everywhere else in the API).
         */
        CustomersRequest: {
            customers: (components["schemas"]["Customer"] & {
                sourceCustomerId: string;
            })[];
        };
        /**
         * @description Body of createTransactions: at most 50 transactions per request.
         *     Mock choice: at least one transaction.
         */
        TransactionsRequest: {
            transactions: components["schemas"]["TransactionNotification"][];
        };
        /**
         * @description One card transaction of a customer. The field names come from the vendor's example;
         *     which fields are required, and the full lists of values of the string codes, are not
         *     documented. Mock choice: the five fields listed as required, because the mock cannot
         *     match a transaction to a customer's ad without them.
         */
        TransactionNotification: {
            /** @description The publisher's id of the transaction. */
            transactionId: string;
            /** @description Stage of the transaction, e.g. `AUTHORIZED`; the full list is not documented. */
            transactionType?: string;
            sourceCustomerId: string;
            sourceAccountId: string;
            /** @description e.g. `DEBIT`; the full list is not documented. */
            paymentType?: string;
            /** @description e.g. `APPLE_PAY`; the full list is not documented. */
            paymentMethodEntryType?: string;
            paymentProductId?: string;
            /** Format: date-time */
            transactionTimestamp: string;
            /** Format: date-time */
            transactionPostingTimestamp?: string;
            /** @description Merchant category code. */
            paymentNetworkMCC?: string;
            /** @description e.g. `MID`; the full list is not documented. */
            paymentNetworkMerchantIdType?: string;
            /**
             * @description The merchant as the card network names it (the statement descriptor). How the real
             *     API matches it to an offer's merchant is not documented. Mock choice: it matches an
             *     ad when it contains the ad's merchant match key, ignoring case (see createTransactions).
             */
            paymentNetworkMerchant: string;
            paymentNetworkMerchantAddress1?: string;
            paymentNetworkMerchantAddress2?: string;
            paymentNetworkMerchantCity?: string;
            paymentNetworkMerchantState?: string;
            paymentNetworkMerchantPostal?: string;
            paymentNetworkMerchantCountryCode?: string;
            paymentNetworkMerchantId?: string;
            paymentMethodBillingPostalCode?: string;
            mobileIndicator?: boolean;
            walletDescription?: string;
            /** Format: int32 */
            cardNetworkIdentifier?: number;
            iin?: string;
            last4?: string;
            /** Format: int32 */
            cardPresentIndicator?: number;
            recurringTransactionIndicator?: boolean;
            authorizationAmount?: components["schemas"]["MinorUnitAmount"];
            cashBackAtPointOfSaleAmount?: components["schemas"]["MinorUnitAmount"];
            postedAmount?: components["schemas"]["MinorUnitAmount"];
            /** @description e.g. `USD`. */
            currencyCode?: string;
            /** @description e.g. `NOT_ONLINE`; the full list is not documented. */
            onlineIndicator?: string;
            multipleClearingSequenceNumber?: string;
            multipleClearingSequenceCount?: string;
            authorizationApprovalCode?: string;
            acquirerReferenceNumber?: string;
        };
        /**
         * @description An amount as a string of minor units, e.g. `"2500"` for 25.00. Mock choice: digits with
         *     an optional leading minus sign, read with two decimal places whatever the currency.
         * @example 2500
         */
        MinorUnitAmount: string;
    };
    responses: {
        /**
         * @description Invalid request: body missing or not parseable (`HttpMessageNotReadable`), or required
         *     fields missing or invalid (`ValidationException`, with `validationErrors` naming the fields).
         */
        BadRequest: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
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
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Session token missing, invalid or expired (`SessionValidationException`). The client
         *     should call startSession again. The body may not tell an expired token from a bad one.
         *     Mock choice: also used for a token whose scope does not cover the operation, in both
         *     directions: an `api:institution` token on a customer operation (getAds, clientEvent, the
         *     customer-profile reads) and an `api:customer` token on a data API (`/v2/data/...`).
         */
        Unauthorized: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "SessionValidationException",
                 *       "title": "Session expired",
                 *       "status": 401,
                 *       "validationErrors": [],
                 *       "requestId": "a1b2c3d4-0000-4000-8000-00000000abcd"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The caller may not invoke the endpoint (documented status; no body is documented).
         *     Mock choice: the mock answers 403 `Forbidden` when the client certificate is the mock's
         *     own admin identity (subject `CN=cdlx mock admin`), which is for its admin API only.
         */
        Forbidden: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Resource not found, or the URL routes nowhere. The real body is not documented.
         *     Mock choice: an `Error` body with `type` `NotFound`.
         */
        NotFound: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description HTTP method not supported on this path. The real body is not documented.
         *     Mock choice: an `Error` body with `type` `MethodNotAllowed`.
         */
        MethodNotAllowed: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request body is over the size limit. The real limit and answer are not documented
         *     (the data APIs take at most 50 customers per request). Mock choice: bodies over 1 MiB
         *     are answered 413 with an `Error` body of `type` `PayloadTooLarge` as soon as the limit
         *     is passed, without reading the rest.
         */
        PayloadTooLarge: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request body is not `application/json`. The real body is not documented.
         *     Mock choice: an `Error` body with `type` `UnsupportedMediaType`.
         */
        UnsupportedMediaType: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unknown or unhandled server error (`InternalServerError`); no details are exposed. */
        InternalServerError: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Throttled: retry with exponential back-off (documented status). No throttling rules,
         *     rate-limit headers or body are documented, so `Retry-After` may be absent on the real API.
         *     Mock choice: the mock never throttles on its own; it answers 429 only while a fault set
         *     through its admin API says so, with an `Error` body of `type` `TooManyRequests` and a
         *     `Retry-After` header in seconds.
         */
        TooManyRequests: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "TooManyRequests",
                 *       "title": "Too many requests (fault set through the mock admin API)",
                 *       "status": 429,
                 *       "validationErrors": [],
                 *       "requestId": "5e0c0a57-1111-4c1e-8d2a-2b9f3c4d5e6f"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Down for maintenance or otherwise unavailable (documented status; no body is documented).
         *     Mock choice: sent only while a fault set through the mock's admin API says so, with an
         *     `Error` body of `type` `ServiceUnavailable` and a `Retry-After` header in seconds.
         */
        ServiceUnavailable: {
            headers: {
                "X-CDLX-Request-Id": components["headers"]["RequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
         *     missing the server generates a random UUID. The docs show UUIDs, but any string is
         *     accepted here; header names are case-insensitive (the docs also write
         *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
         */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Echo of the request ID (the caller's `X-CDLX-Request-Id`, or the one the server
         *     generated). The real API documents only the body field `requestId`; whether it also
         *     sends this response header is unknown. Mock choice: the mock always sends this header,
         *     with the same value as the body's `requestId`.
         */
        RequestId: string;
        /**
         * @description How long to wait before retrying (RFC 9110 §10.2.3: seconds, or an HTTP date). Not
         *     documented for the real API. Mock choice: whole seconds on the 429 and 503 answers that a
         *     fault produces.
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthcheck: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The host is up. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "UP"
                     *     }
                     */
                    "application/json": components["schemas"]["HealthcheckResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startSession: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
                /**
                 * @description Listed on this operation by the vendor's published OpenAPI document only; the prose
                 *     docs never mention it and its purpose is unknown (selecting the institution is a guess).
                 *     Not required. Mock choice: the mock accepts and ignores it.
                 */
                "X-CDLX-Institution-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sourceCustomerId": "cust-0001",
                 *       "scopes": [
                 *         "api:customer"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["StartSessionRequest"];
            };
        };
        responses: {
            /** @description Session started. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartSessionResponse"];
                };
            };
            /**
             * @description Invalid request, or a customer that may not receive a session. Two literal messages
             *     are documented: "User is not enrolled in the program and should not receive events."
             *     (the customer's `enrollmentOptInStatus` is `INACTIVE`) and "User has no accounts"
             *     (the customer has no account). The body field carrying them is not documented.
             *     Mock choice: the mock sends them as `title` with `type` `ValidationException`.
             */
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAds: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "MobileApp",
                 *       "sections": [
                 *         "LatestOffers"
                 *       ],
                 *       "maxAdLimit": 10,
                 *       "returnMetadata": true
                 *     }
                 */
                "application/json": components["schemas"]["GetAdsRequest"];
            };
        };
        responses: {
            /** @description Ads for the customer. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAdsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    clientEvent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clientEvents": [
                 *         {
                 *           "clientEventId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                 *           "clientEventType": "AdImpression",
                 *           "clientEvent": "AdViewableImpression",
                 *           "clientEventTimestamp": "2024-02-01T10:00:00Z",
                 *           "clientEventMetadata": {
                 *             "serveToken": "srv-tok-abc123",
                 *             "section": "LatestOffers",
                 *             "channel": "MobileApp",
                 *             "imageSlots": [
                 *               "logo"
                 *             ],
                 *             "displayPosition": 0
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ClientEventRequest"];
            };
        };
        responses: {
            /** @description Events accepted. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerProfile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's profile. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfileResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerRewardSummary: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's reward summary. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rewardsSummary": {
                     *         "allTime": {
                     *           "redemptionCount": 3,
                     *           "redeemedOfferCount": 2,
                     *           "totalRedeemingTransactionAmount": 84.1,
                     *           "totalRewardAmount": 6.25
                     *         },
                     *         "pending": {
                     *           "redemptionCount": 1,
                     *           "totalRedeemingTransactionAmount": 12
                     *         },
                     *         "currentMonth": {
                     *           "redemptionCount": 1,
                     *           "redeemedOfferCount": 1,
                     *           "totalRedeemingTransactionAmount": 20,
                     *           "totalRewardAmount": 1
                     *         }
                     *       },
                     *       "requestId": "c0ffee00-0000-4000-8000-000000000001"
                     *     }
                     */
                    "application/json": components["schemas"]["CustomerRewardSummaryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCustomerAdRedemptions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's redemptions. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAdRedemptionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateCustomers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomersRequest"];
            };
        };
        responses: {
            /** @description Customers updated. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCustomers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customers": [
                 *         {
                 *           "sourceCustomerId": "cust-0100",
                 *           "organizationId": "50004",
                 *           "postalCode": "10001",
                 *           "country": "US",
                 *           "customerCreationDate": "2020-05-01T00:00:00Z",
                 *           "enrollmentStartDate": "2024-01-01T00:00:00Z",
                 *           "enrollmentEndDate": null,
                 *           "enrollmentOptInStatus": "ACTIVE",
                 *           "alertOptInStatus": [
                 *             "ALL"
                 *           ],
                 *           "targetingIndicator": "TARGET",
                 *           "accounts": [
                 *             {
                 *               "sourceAccountId": "acct-9",
                 *               "sourceCustomerIds": [
                 *                 "cust-0100"
                 *               ],
                 *               "primarySourceCustomerId": "cust-0100",
                 *               "status": "OPEN",
                 *               "type": "DDA",
                 *               "sourcePortfolioId": "pf-rewards",
                 *               "accountOpenDate": "2020-05-01T00:00:00Z",
                 *               "accountCloseDate": null,
                 *               "cards": []
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CustomersRequest"];
            };
        };
        responses: {
            /** @description Customers created. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTransactions: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional caller-chosen request ID, echoed as the body field `requestId`. When it is
                 *     missing the server generates a random UUID. The docs show UUIDs, but any string is
                 *     accepted here; header names are case-insensitive (the docs also write
                 *     `X-CDLX-Request-ID`). Mock choice: the mock accepts any string of 1 to 128 characters.
                 */
                "X-CDLX-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "transactions": [
                 *         {
                 *           "transactionId": "txn-0001",
                 *           "transactionType": "AUTHORIZED",
                 *           "sourceCustomerId": "cust-0001",
                 *           "sourceAccountId": "acct-cust-0001",
                 *           "paymentType": "DEBIT",
                 *           "transactionTimestamp": "2024-02-01T10:00:00Z",
                 *           "paymentNetworkMCC": "5814",
                 *           "paymentNetworkMerchant": "EXAMPLE COFFEE #42 AUSTIN TX",
                 *           "postedAmount": "2500",
                 *           "currencyCode": "USD",
                 *           "onlineIndicator": "NOT_ONLINE"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["TransactionsRequest"];
            };
        };
        responses: {
            /** @description Transactions accepted. */
            200: {
                headers: {
                    "X-CDLX-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
