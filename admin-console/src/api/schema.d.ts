// Generated from the backend's /openapi.json by `npm run generate:api -w @scrm/admin-console`. Do not edit.
export interface paths {
    "/webhooks/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's verification handshake */
        get: {
            parameters: {
                query: {
                    "hub.mode": "subscribe";
                    "hub.verify_token": string;
                    "hub.challenge": string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The challenge, echoed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Token mismatch */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** WhatsApp Cloud API webhook delivery (signed with X-Hub-Signature-256) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-hub-signature-256": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        object: "whatsapp_business_account";
                        entry: unknown[];
                    };
                };
            };
            responses: {
                /** @description Stored; processed asynchronously */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                        };
                    };
                };
                /** @description Not JSON or not a WhatsApp envelope */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or wrong signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Body above 3 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Could not be stored (Meta redelivers) or not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/hubspot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** HubSpot change notifications, signed by HubSpot */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: number;
                        };
                    };
                };
                /** @description Not a HubSpot delivery */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing, wrong or stale signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/zoho": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Zoho CRM change notifications, signed by Zoho CRM */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: number;
                        };
                    };
                };
                /** @description Not a Zoho CRM delivery */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing, wrong or stale signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/hubspot/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start installing the HubSpot app (the marketplace listing's install URL)
         * @description Redirects to HubSpot’s authorize page with the required scopes and a one-time state valid for 10 minutes. An account installed this way for the first time gets a workspace of its own; to attach one to an existing workspace, use POST /api/v1/connections/hubspot/install.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To HubSpot’s authorize page */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/hubspot/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where HubSpot sends the installer back: exchanges the code and stores the connection
         * @description Answers an HTML page, or JSON when the request accepts only application/json. Safe to repeat: an account installed again keeps its one connection, with new tokens.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                    error_description?: string;
                    location?: string;
                    "accounts-server"?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Installed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "application/json": {
                            connection_id: string;
                            account_id: string;
                            portal_id: string;
                            workspace_id: string;
                            new_connection: boolean;
                            scopes: string[];
                            setup_error: string | null;
                            workspace: {
                                id: string;
                                name: string;
                                api_key: string;
                            } | null;
                        };
                    };
                };
                /** @description Installed; to the install success URL */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cancelled in HubSpot, or the state/code is missing, expired or already used */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The account belongs to another workspace */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description HubSpot unreachable, or the app is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/salesforce/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start installing the Salesforce app (the marketplace listing's install URL)
         * @description Redirects to Salesforce’s authorize page with the required scopes and a one-time state valid for 10 minutes. An account installed this way for the first time gets a workspace of its own; to attach one to an existing workspace, use POST /api/v1/connections/salesforce/install.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To Salesforce’s authorize page */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/salesforce/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Salesforce sends the installer back: exchanges the code and stores the connection
         * @description Answers an HTML page, or JSON when the request accepts only application/json. Safe to repeat: an account installed again keeps its one connection, with new tokens.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                    error_description?: string;
                    location?: string;
                    "accounts-server"?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Installed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "application/json": {
                            connection_id: string;
                            account_id: string;
                            portal_id: string;
                            workspace_id: string;
                            new_connection: boolean;
                            scopes: string[];
                            setup_error: string | null;
                            workspace: {
                                id: string;
                                name: string;
                                api_key: string;
                            } | null;
                        };
                    };
                };
                /** @description Installed; to the install success URL */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cancelled in Salesforce, or the state/code is missing, expired or already used */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The account belongs to another workspace */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Salesforce unreachable, or the app is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/zoho/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start installing the Zoho CRM app (the marketplace listing's install URL)
         * @description Redirects to Zoho CRM’s authorize page with the required scopes and a one-time state valid for 10 minutes. An account installed this way for the first time gets a workspace of its own; to attach one to an existing workspace, use POST /api/v1/connections/zoho/install.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To Zoho CRM’s authorize page */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/zoho/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Zoho CRM sends the installer back: exchanges the code and stores the connection
         * @description Answers an HTML page, or JSON when the request accepts only application/json. Safe to repeat: an account installed again keeps its one connection, with new tokens.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                    error_description?: string;
                    location?: string;
                    "accounts-server"?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Installed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "application/json": {
                            connection_id: string;
                            account_id: string;
                            portal_id: string;
                            workspace_id: string;
                            new_connection: boolean;
                            scopes: string[];
                            setup_error: string | null;
                            workspace: {
                                id: string;
                                name: string;
                                api_key: string;
                            } | null;
                        };
                    };
                };
                /** @description Installed; to the install success URL */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cancelled in Zoho CRM, or the state/code is missing, expired or already used */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The account belongs to another workspace */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Zoho CRM unreachable, or the app is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{id}/{variant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Our copy of a media file, through a short-lived signed link
         * @description Links come from the thread view (`media.url`, `media.thumbnail_url`); they carry their own expiry and HMAC, so no API key is needed, and they stop working after MEDIA_URL_TTL_SECONDS.
         */
        get: {
            parameters: {
                query: {
                    exp?: number | null;
                    sig: string;
                };
                header?: never;
                path: {
                    id: string;
                    variant: "file" | "thumb" | "animation";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Invalid link */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Link invalid or expired */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such file */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Media is not served by this process */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console session this browser holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description Not signed in, or the session expired (reason `session_expired`) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in to the admin console with a workspace admin API key
         * @description Sets the `scrm_console` cookie (HttpOnly, SameSite=Strict, Secure over https); /api/v1 calls from the console then need no Authorization header. The session lasts CONSOLE_SESSION_HOURS and authorises what the key does.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        api_key: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The key is not valid or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Sent from another site (Origin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Sign out of the admin console (the session ends at once) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out (also when there was no session) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Sent from another site (Origin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's WhatsApp numbers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Channels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: components["schemas"]["Channel"][];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a WhatsApp number, once Meta confirms the given access token can read it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewChannel"];
                };
            };
            responses: {
                /** @description Already this workspace’s number: token and proof refreshed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: components["schemas"]["Channel"];
                            requeued_events: number;
                        };
                    };
                };
                /** @description Registered; deliveries that arrived before are processed now */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: components["schemas"]["Channel"];
                            requeued_events: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Meta did not confirm that the access token can read the number (reason ownership_not_proven); the same answer whether or not anyone holds it */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Proven, but connected to another workspace (reason held_by_another_workspace): contact support */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Meta could not be asked (reason meta_unavailable); nothing was registered */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/thread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's WhatsApp thread, tags and 24 h window */
        get: {
            parameters: {
                query?: {
                    phone?: string;
                    contact_id?: string;
                    crm?: string;
                    record_id?: string;
                    portal_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Thread view */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: {
                                id: string;
                                phone: string | null;
                                bsuid: string | null;
                                name: string | null;
                                profile_name: string | null;
                                email: string | null;
                                /** @enum {string} */
                                opt_in: "unknown" | "opted_in" | "opted_out";
                                marketing_opt_out: boolean;
                                last_inbound_at: string | null;
                                last_outbound_at: string | null;
                                automation_paused_until?: string | null;
                                intent?: {
                                    /** @enum {string} */
                                    value: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
                                    confidence: number;
                                    suggestion?: boolean;
                                    reason: string;
                                    at: string;
                                } | null;
                                sentiment?: {
                                    score: number;
                                    /** @enum {string} */
                                    label: "negative" | "neutral" | "positive";
                                    reason: string;
                                    at: string;
                                } | null;
                                interests?: {
                                    sku: string;
                                    name: string | null;
                                    mentions: number;
                                    last_at: string;
                                }[];
                                segment?: {
                                    /** @enum {string} */
                                    value: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                                    reason: string | null;
                                    why?: {
                                        rule_key?: string | null;
                                        message_ids?: string[];
                                        note: string;
                                    } | null;
                                    at: string | null;
                                } | null;
                                priority?: {
                                    /** @enum {string} */
                                    value: "low" | "normal" | "high";
                                    reason: string | null;
                                    why?: {
                                        rule_key?: string | null;
                                        message_ids?: string[];
                                        note: string;
                                    } | null;
                                } | null;
                                churn_risk?: {
                                    /** @enum {boolean} */
                                    at_risk: true;
                                    /** @enum {string} */
                                    level: "high";
                                    reason: string | null;
                                    why?: {
                                        rule_key?: string | null;
                                        message_ids?: string[];
                                        note: string;
                                    } | null;
                                    at: string;
                                } | null;
                                activity_score?: number | null;
                                inquiry_frequency?: number | null;
                                messages_30d?: number | null;
                                median_response_seconds?: number | null;
                                metrics_at?: string | null;
                            } | null;
                            tags: {
                                id: string;
                                key: string;
                                label: string;
                                /** @enum {string} */
                                source: "manual" | "rule" | "crm";
                                added_at: string;
                                reason?: {
                                    rule_key?: string | null;
                                    message_ids?: string[];
                                    note: string;
                                } | null;
                            }[];
                            window: {
                                /** @enum {string} */
                                state: "open" | "closed";
                                open_until: string | null;
                            };
                            messages: {
                                id: string;
                                wamid: string | null;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                type: string;
                                text: string | null;
                                content: {
                                    [key: string]: unknown;
                                };
                                media: {
                                    id: string | null;
                                    mime_type: string | null;
                                    sha256: string | null;
                                    filename: string | null;
                                    url: string | null;
                                    thumbnail_url?: string | null;
                                    animation_url?: string | null;
                                    url_expires_at?: string | null;
                                    /** @enum {string} */
                                    state?: "pending" | "fetching" | "stored" | "failed";
                                    failure?: {
                                        reason: string;
                                        explanation: string;
                                    } | null;
                                    stored_mime_type?: string | null;
                                    stored_bytes?: number | null;
                                    width?: number | null;
                                    height?: number | null;
                                } | null;
                                /** @enum {string} */
                                status: "received" | "queued" | "retrying" | "pending" | "sent" | "delivered" | "read" | "played" | "failed";
                                status_at: string | null;
                                error: {
                                    code: number | null;
                                    title: string | null;
                                    details: string | null;
                                    reason?: string | null;
                                    explanation?: string | null;
                                } | null;
                                /** @enum {string} */
                                sender: "customer" | "agent" | "automation" | "business_app" | "api";
                                sent_at: string;
                                reply_to: string | null;
                                edited_at: string | null;
                                original_text: string | null;
                                deleted_at: string | null;
                                reactions: {
                                    emoji: string;
                                    /** @enum {string} */
                                    direction: "inbound" | "outbound";
                                    at: string;
                                }[];
                                intent?: {
                                    value: string;
                                    confidence: number;
                                    suggestion?: boolean;
                                } | null;
                                intents?: {
                                    value: string;
                                    confidence: number;
                                }[] | null;
                                sentiment?: number | null;
                                language?: string | null;
                                products?: string[] | null;
                            }[];
                            next_cursor: string | null;
                            identity_changes?: {
                                /** @enum {string} */
                                kind: "phone" | "bsuid";
                                from: string;
                                to: string | null;
                                /** @enum {string} */
                                reason: "number_change" | "bsuid_change" | "merge";
                                at: string;
                            }[];
                            duplicates?: {
                                candidate_id: string;
                                score: number;
                                other: {
                                    id: string;
                                    name: string | null;
                                    phone: string | null;
                                };
                                reasons: {
                                    code: string;
                                    detail: string;
                                }[];
                            }[];
                            archived_before?: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook deliveries that kept failing */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dead letters, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dead_letters: components["schemas"]["DeadLetter"][];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Process a dead letter again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "pending";
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such dead letter in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unrouted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Numbers Meta delivers for that no workspace registered (platform key only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unrouted numbers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numbers: {
                                phone_number_id: string;
                                events: number;
                                first_received_at: string;
                                last_received_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a workspace and its first admin key (platform key only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created; the API key is shown this once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            api_key: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys: the platform key sees every key, a workspace admin key its workspace’s admin keys (never secrets) */
        get: {
            parameters: {
                query?: {
                    workspace_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys, oldest first, revoked ones included */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            api_keys: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a key for a workspace (its own for an admin key; any, or a platform key, for the platform key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        /**
                         * @default admin
                         * @enum {string}
                         */
                        scope?: "admin" | "platform";
                        /** Format: uuid */
                        workspace_id?: string;
                    };
                };
            };
            responses: {
                /** @description Created; `api_key` is the secret, shown this once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"] & {
                            api_key: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key for good; the last platform key, or a workspace’s last admin key revoking itself, is refused */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked (revoking again answers the same) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such API key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Revoking it would lock the platform or the workspace out */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send text, a template, a quick reply or media; queued under every WhatsApp limit and policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contact_id?: string;
                        phone?: string;
                        /** Format: uuid */
                        channel_id?: string;
                        content: {
                            /** @enum {string} */
                            type: "text";
                            text: string;
                            preview_url?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "template";
                            name: string;
                            language: string;
                            components?: ({
                                /** @enum {string} */
                                type: "header" | "body" | "button";
                                sub_type?: string;
                                index?: string | number;
                                parameters?: ({
                                    type: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            })[];
                        } | {
                            /** @enum {string} */
                            type: "quick_reply";
                            key: string;
                            variables?: {
                                [key: string]: string;
                            };
                        } | {
                            /** @enum {string} */
                            type: "image";
                            /** Format: uri */
                            link?: string;
                            id?: string;
                            /** Format: uuid */
                            upload_id?: string;
                            caption?: string;
                            filename?: string;
                        } | {
                            /** @enum {string} */
                            type: "video";
                            /** Format: uri */
                            link?: string;
                            id?: string;
                            /** Format: uuid */
                            upload_id?: string;
                            caption?: string;
                            filename?: string;
                        } | {
                            /** @enum {string} */
                            type: "audio";
                            /** Format: uri */
                            link?: string;
                            id?: string;
                            /** Format: uuid */
                            upload_id?: string;
                            caption?: string;
                            filename?: string;
                        } | {
                            /** @enum {string} */
                            type: "document";
                            /** Format: uri */
                            link?: string;
                            id?: string;
                            /** Format: uuid */
                            upload_id?: string;
                            caption?: string;
                            filename?: string;
                        } | {
                            /** @enum {string} */
                            type: "sticker";
                            /** Format: uri */
                            link?: string;
                            id?: string;
                            /** Format: uuid */
                            upload_id?: string;
                            caption?: string;
                            filename?: string;
                        };
                        idempotency_key?: string;
                        event_key?: string;
                        /**
                         * @default api
                         * @enum {string}
                         */
                        sender?: "agent" | "automation" | "api";
                        agent_id?: string;
                        reply_to?: string;
                    };
                };
            };
            responses: {
                /** @description Queued (or the earlier message with the same idempotency key) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message_id: string;
                            /** @enum {string} */
                            state: "queued";
                            duplicate: boolean;
                            message: {
                                id: string;
                                wamid: string | null;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                type: string;
                                text: string | null;
                                content: {
                                    [key: string]: unknown;
                                };
                                media: {
                                    id: string | null;
                                    mime_type: string | null;
                                    sha256: string | null;
                                    filename: string | null;
                                    url: string | null;
                                    thumbnail_url?: string | null;
                                    animation_url?: string | null;
                                    url_expires_at?: string | null;
                                    /** @enum {string} */
                                    state?: "pending" | "fetching" | "stored" | "failed";
                                    failure?: {
                                        reason: string;
                                        explanation: string;
                                    } | null;
                                    stored_mime_type?: string | null;
                                    stored_bytes?: number | null;
                                    width?: number | null;
                                    height?: number | null;
                                } | null;
                                /** @enum {string} */
                                status: "received" | "queued" | "retrying" | "pending" | "sent" | "delivered" | "read" | "played" | "failed";
                                status_at: string | null;
                                error: {
                                    code: number | null;
                                    title: string | null;
                                    details: string | null;
                                    reason?: string | null;
                                    explanation?: string | null;
                                } | null;
                                /** @enum {string} */
                                sender: "customer" | "agent" | "automation" | "business_app" | "api";
                                sent_at: string;
                                reply_to: string | null;
                                edited_at: string | null;
                                original_text: string | null;
                                deleted_at: string | null;
                                reactions: {
                                    emoji: string;
                                    /** @enum {string} */
                                    direction: "inbound" | "outbound";
                                    at: string;
                                }[];
                                intent?: {
                                    value: string;
                                    confidence: number;
                                    suggestion?: boolean;
                                } | null;
                                intents?: {
                                    value: string;
                                    confidence: number;
                                }[] | null;
                                sentiment?: number | null;
                                language?: string | null;
                                products?: string[] | null;
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Refused by policy, with `reason` (window_closed_template_required, opted_out, cap_exceeded:<which> ...) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message as the thread shows it: its state (queued, retrying, sent … failed) and, when in trouble, why */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message; `error` holds Meta's code, title and details when Meta answered, and our `reason` and `explanation` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            wamid: string | null;
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            type: string;
                            text: string | null;
                            content: {
                                [key: string]: unknown;
                            };
                            media: {
                                id: string | null;
                                mime_type: string | null;
                                sha256: string | null;
                                filename: string | null;
                                url: string | null;
                                thumbnail_url?: string | null;
                                animation_url?: string | null;
                                url_expires_at?: string | null;
                                /** @enum {string} */
                                state?: "pending" | "fetching" | "stored" | "failed";
                                failure?: {
                                    reason: string;
                                    explanation: string;
                                } | null;
                                stored_mime_type?: string | null;
                                stored_bytes?: number | null;
                                width?: number | null;
                                height?: number | null;
                            } | null;
                            /** @enum {string} */
                            status: "received" | "queued" | "retrying" | "pending" | "sent" | "delivered" | "read" | "played" | "failed";
                            status_at: string | null;
                            error: {
                                code: number | null;
                                title: string | null;
                                details: string | null;
                                reason?: string | null;
                                explanation?: string | null;
                            } | null;
                            /** @enum {string} */
                            sender: "customer" | "agent" | "automation" | "business_app" | "api";
                            sent_at: string;
                            reply_to: string | null;
                            edited_at: string | null;
                            original_text: string | null;
                            deleted_at: string | null;
                            reactions: {
                                emoji: string;
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                at: string;
                            }[];
                            intent?: {
                                value: string;
                                confidence: number;
                                suggestion?: boolean;
                            } | null;
                            intents?: {
                                value: string;
                                confidence: number;
                            }[] | null;
                            sentiment?: number | null;
                            language?: string | null;
                            products?: string[] | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such message in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to send (photo, sticker, voice note, video, document)
         * @description The file is checked against WhatsApp's types and sizes, kept as our copy (photos: orientation applied, metadata and location removed, JPEG under 5 MB, a thumbnail) and uploaded to Meta for the number. Send it with POST /api/v1/messages, content `{ "type": "image", "upload_id": "…" }`, from the same number within 29 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                        /**
                         * Format: uuid
                         * @description The number to send from; default the workspace's first
                         */
                        channel_id?: string;
                    };
                };
            };
            responses: {
                /** @description Uploaded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MediaUpload"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Over WhatsApp's size for the kind (or MEDIA_MAX_BYTES) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description WhatsApp refused the file (`reason` meta_refused, no_token) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description WhatsApp could not be reached (`reason` meta_unreachable), or media storage is off */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Templates the workspace may send */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                id: string;
                                name: string;
                                language: string;
                                category: string;
                                status: string;
                                body_params: number;
                                components: unknown[];
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register or update a template (as approved in WhatsApp Manager) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        language: string;
                        /** @enum {string} */
                        category: "marketing" | "utility" | "authentication";
                        status?: string;
                        /** @default [] */
                        components?: ({
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            language: string;
                            category: string;
                            status: string;
                            body_params: number;
                            components: unknown[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull every template from the workspace's WhatsApp Business Accounts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Synced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            synced: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/sending-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sending policy in force (defaults filled in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 24 */
                            window_hours: number;
                            /**
                             * @default [
                             *       "stop",
                             *       "parar",
                             *       "sair",
                             *       "baixa",
                             *       "baja",
                             *       "cancelar",
                             *       "unsubscribe",
                             *       "退订",
                             *       "取消订阅"
                             *     ]
                             */
                            opt_out_keywords: string[];
                            /** @default 1 */
                            no_opt_in_templates_per_day: number;
                            /** @default 5 */
                            same_content_max: number;
                            /** @default 30 */
                            same_content_days: number;
                            /** @default 7 */
                            marketing_interval_days: number;
                            /** @default 6 */
                            event_key_hours: number;
                            /** @default 12 */
                            agent_pause_hours: number;
                            /**
                             * @default [
                             *       "1"
                             *     ]
                             */
                            marketing_blocked_calling_codes: string[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Change the sending policy; omitted fields return to their defaults */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 24 */
                        window_hours?: number;
                        /**
                         * @default [
                         *       "stop",
                         *       "parar",
                         *       "sair",
                         *       "baixa",
                         *       "baja",
                         *       "cancelar",
                         *       "unsubscribe",
                         *       "退订",
                         *       "取消订阅"
                         *     ]
                         */
                        opt_out_keywords?: string[];
                        /** @default 1 */
                        no_opt_in_templates_per_day?: number;
                        /** @default 5 */
                        same_content_max?: number;
                        /** @default 30 */
                        same_content_days?: number;
                        /** @default 7 */
                        marketing_interval_days?: number;
                        /** @default 6 */
                        event_key_hours?: number;
                        /** @default 12 */
                        agent_pause_hours?: number;
                        /**
                         * @default [
                         *       "1"
                         *     ]
                         */
                        marketing_blocked_calling_codes?: string[];
                    };
                };
            };
            responses: {
                /** @description Policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 24 */
                            window_hours: number;
                            /**
                             * @default [
                             *       "stop",
                             *       "parar",
                             *       "sair",
                             *       "baixa",
                             *       "baja",
                             *       "cancelar",
                             *       "unsubscribe",
                             *       "退订",
                             *       "取消订阅"
                             *     ]
                             */
                            opt_out_keywords: string[];
                            /** @default 1 */
                            no_opt_in_templates_per_day: number;
                            /** @default 5 */
                            same_content_max: number;
                            /** @default 30 */
                            same_content_days: number;
                            /** @default 7 */
                            marketing_interval_days: number;
                            /** @default 6 */
                            event_key_hours: number;
                            /** @default 12 */
                            agent_pause_hours: number;
                            /**
                             * @default [
                             *       "1"
                             *     ]
                             */
                            marketing_blocked_calling_codes: string[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quick-replies/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or change a quick reply ({{first_name}}, {{name}}, {{phone}} or variables given at send time) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        body: string;
                        /** @default {} */
                        defaults?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a quick reply (refused while a rule sends it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such quick reply in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description A rule sends this quick reply; the message names the rules */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quick-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's quick replies, by key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Quick replies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            quick_replies: {
                                key: string;
                                title: string;
                                body: string;
                                defaults: {
                                    [key: string]: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quick-replies/{key}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a quick reply personalised for a contact (or a phone), and whether a send would be refused */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contact_id?: string;
                        phone?: string;
                        variables?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contact_id: string | null;
                            /** @description The message as it would be sent; missing variables stay as {{name}} */
                            text: string;
                            /** @enum {string} */
                            language: "en" | "pt" | "es" | "zh";
                            variables: {
                                name: string;
                                value: string;
                                /** @enum {string} */
                                source: "given" | "contact" | "crm" | "store" | "default";
                            }[];
                            missing: string[];
                            /** @description A send now would be refused with quick_reply_variable_missing */
                            would_refuse: boolean;
                            key: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such quick reply or contact in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quick-replies/draft-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview an unsaved quick reply body personalised for a contact (or a phone) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @default {} */
                        defaults?: {
                            [key: string]: string;
                        };
                        /** Format: uuid */
                        contact_id?: string;
                        phone?: string;
                        variables?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contact_id: string | null;
                            /** @description The message as it would be sent; missing variables stay as {{name}} */
                            text: string;
                            /** @enum {string} */
                            language: "en" | "pt" | "es" | "zh";
                            variables: {
                                name: string;
                                value: string;
                                /** @enum {string} */
                                source: "given" | "contact" | "crm" | "store" | "default";
                            }[];
                            missing: string[];
                            /** @description A send now would be refused with quick_reply_variable_missing */
                            would_refuse: boolean;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/locale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time zone, default language and default quick-reply variable values (defaults filled in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Locale settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default UTC */
                            time_zone: string;
                            /**
                             * @default en
                             * @enum {string}
                             */
                            default_language: "en" | "pt" | "es" | "zh";
                            /** @default {} */
                            default_variables: {
                                [key: string]: string;
                            };
                            /** @default {} */
                            default_variables_by_language: {
                                en?: {
                                    [key: string]: string;
                                };
                                pt?: {
                                    [key: string]: string;
                                };
                                es?: {
                                    [key: string]: string;
                                };
                                zh?: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Change the locale settings; omitted fields return to their defaults */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default UTC */
                        time_zone?: string;
                        /**
                         * @default en
                         * @enum {string}
                         */
                        default_language?: "en" | "pt" | "es" | "zh";
                        /** @default {} */
                        default_variables?: {
                            [key: string]: string;
                        };
                        /** @default {} */
                        default_variables_by_language?: {
                            en?: {
                                [key: string]: string;
                            };
                            pt?: {
                                [key: string]: string;
                            };
                            es?: {
                                [key: string]: string;
                            };
                            zh?: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Locale settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default UTC */
                            time_zone: string;
                            /**
                             * @default en
                             * @enum {string}
                             */
                            default_language: "en" | "pt" | "es" | "zh";
                            /** @default {} */
                            default_variables: {
                                [key: string]: string;
                            };
                            /** @default {} */
                            default_variables_by_language: {
                                en?: {
                                    [key: string]: string;
                                };
                                pt?: {
                                    [key: string]: string;
                                };
                                es?: {
                                    [key: string]: string;
                                };
                                zh?: {
                                    [key: string]: string;
                                };
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/automation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the default rules' automatic sends are on (off until an admin switches them on) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Automation settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default false */
                            default_pack_sends: boolean;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Switch the default rules' automatic sends on or off; tags, segments and tasks run either way */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        default_pack_sends?: boolean;
                    };
                };
            };
            responses: {
                /** @description Automation settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default false */
                            default_pack_sends: boolean;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's stores, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stores */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stores: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                address: string;
                                city: string | null;
                                region: string | null;
                                country: string | null;
                                hours: string | null;
                                maps_url: string | null;
                                aliases: string[];
                                created_at: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a store (city, region, country and aliases decide which contacts it is nearest to) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        address: string;
                        city?: string | null;
                        region?: string | null;
                        country?: string | null;
                        hours?: string | null;
                        /** Format: uri */
                        maps_url?: string | null;
                        /** @default [] */
                        aliases?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            address: string;
                            city: string | null;
                            region: string | null;
                            country: string | null;
                            hours: string | null;
                            maps_url: string | null;
                            aliases: string[];
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a store's fields */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        address: string;
                        city?: string | null;
                        region?: string | null;
                        country?: string | null;
                        hours?: string | null;
                        /** Format: uri */
                        maps_url?: string | null;
                        /** @default [] */
                        aliases?: string[];
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            address: string;
                            city: string | null;
                            region: string | null;
                            country: string | null;
                            hours: string | null;
                            maps_url: string | null;
                            aliases: string[];
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such store in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a store */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such store in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** A number's sending limits: throughput, messaging tier, portfolio, coexistence */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mps?: number;
                        tier_limit?: 250 | 2000 | 10000 | 100000 | null;
                        portfolio_id?: string;
                        coexistence?: boolean;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/channels/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a number paused after a spam or policy block (131048 / 368) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Resumed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/takeover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A person takes over: automation pauses for this contact (default 12 h); release: true ends it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 12 */
                        hours?: number;
                        /** @default false */
                        release?: boolean;
                    };
                };
            };
            responses: {
                /** @description State */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            automation_paused_until: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/opt-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a contact's opt-in or opt-out, with where it came from */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "opted_in" | "opted_out";
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search contacts by phone (E.164 or its leading digits) and/or name (part of the name or WhatsApp profile name), by name */
        get: {
            parameters: {
                query?: {
                    phone?: string;
                    name?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Contacts ordered by name, a page at a time */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                                profile_name: string | null;
                                phone_e164: string | null;
                                language: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/churn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person's churn trend: the mark now, every mark and recovery, and 12 weeks of interaction and mood */
        get: {
            parameters: {
                query?: {
                    weeks?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The trend */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactChurn"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's broadcasts, newest first, with their jobs by state */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Broadcasts, and a cursor for the next page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            broadcasts: components["schemas"]["Broadcast"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** A template to a tag or a list of contacts, paced under every limit (dry_run: preflight only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        channel_id?: string;
                        template: {
                            name: string;
                            language: string;
                            components?: ({
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                        audience: {
                            tag: string;
                        } | {
                            /** @enum {string} */
                            segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                        } | {
                            contact_ids: string[];
                        };
                        /** @default false */
                        dry_run?: boolean;
                    };
                };
            };
            responses: {
                /** @description Preflight only */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            estimate: {
                                recipients: number;
                                api_calls: number;
                                tier_limit: number | null;
                                tier_room: number | null;
                                mps: number;
                                minutes_at_full_speed: number;
                                /** @enum {string} */
                                mode: "normal" | "spread";
                                reason: string | null;
                            };
                            refusals: {
                                /** @enum {string} */
                                reason: "window_closed_template_required" | "opted_out" | "marketing_opted_out" | "cap_exceeded:no_opt_in_daily_template" | "cap_exceeded:same_content" | "cap_exceeded:marketing_weekly" | "cap_exceeded:event_notification" | "automation_paused" | "marketing_blocked_us" | "invalid_recipient" | "contact_unreachable" | "no_channel" | "channel_paused" | "unknown_template" | "template_params_mismatch" | "quick_reply_not_found" | "quick_reply_variable_missing" | "broadcast_duplicate";
                                recipients: number;
                                /** @description The policy's sentence for the reason */
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Started */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Broadcast"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Refused (unknown template, no number) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/broadcasts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress: recipients queued, refused by reason, jobs by state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Progress */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Broadcast"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such broadcast */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/broadcasts/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a broadcast */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description New state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such broadcast */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not possible in its state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/broadcasts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a broadcast */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description New state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such broadcast */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not possible in its state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/broadcasts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a broadcast */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description New state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such broadcast */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not possible in its state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A customer message's intent, sentiment and language
         * @description Rule lexicons and a naive Bayes model for Portuguese, Spanish, English and Chinese, with the calling workspace’s own layers (learned from its reps’ corrections): the answer its messages would get at ingest. Well under a millisecond; nothing is stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClassifyRequest"];
                };
            };
            responses: {
                /** @description Classification */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Classification"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A rep corrects (or confirms) a customer message's intent or sentiment
         * @description Stored per workspace with who and when; the message shows the rep’s answer at once, the workspace’s intent or sentiment layer learns it at the next retrain, and the intent’s accuracy is re-measured (under 80 % over the window pauses its automations until an admin confirms).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CorrectionRequest"];
                };
            };
            responses: {
                /** @description The stored correction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            correction: components["schemas"]["Correction"];
                            /** @description The predicted intent’s automations are paused */
                            paused: boolean;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such message */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace’s corrections, newest first */
        get: {
            parameters: {
                query?: {
                    field?: "intent" | "sentiment";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of corrections */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corrections: components["schemas"]["Correction"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intelligence/retrain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retrain the workspace’s intent and sentiment layers on its corrections now
         * @description Admin. The scheduler does it hourly when there are new corrections (INTENT_RETRAIN_SCHEDULE).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new layer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Intent corrections learned from */
                            examples: number;
                            features: number;
                            /** @description Sentiment corrections learned from */
                            sentiment_examples: number;
                            sentiment_features: number;
                            trained_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intelligence/accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accuracy against reps’ reviews per intent, and the intents whose automations are paused */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One row per intent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            intents: components["schemas"]["IntentAccuracy"][];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intelligence/alerts/{intent}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An admin confirms an accuracy alert: the intent’s automations run again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    intent: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Resumed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No open alert for this intent */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rules, in evaluation order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                id: string;
                                key: string;
                                name: string;
                                /** @default  */
                                description: string;
                                /** @default true */
                                enabled: boolean;
                                /** @default 100 */
                                position: number;
                                /**
                                 * @default message
                                 * @enum {string}
                                 */
                                trigger: "message" | "schedule" | "both";
                                conditions: {
                                    /** @default [] */
                                    all: ({
                                        /** @enum {string} */
                                        type: "message";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "count";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        /**
                                         * @default messages
                                         * @enum {string}
                                         */
                                        unit: "messages" | "mentions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte" | "eq";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "last_messages";
                                        count: number;
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        within?: {
                                            days?: number;
                                            hours?: number;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "interactions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        min?: number;
                                        max?: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "inactive";
                                        days: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "rate_drop";
                                        /** @default 4 */
                                        baseline_weeks: number;
                                        /** @default 2.5 */
                                        baseline_min_per_week: number;
                                        /** @default 7 */
                                        recent_days: number;
                                        /** @default 1 */
                                        recent_max: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "contact";
                                        field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                        /** @enum {string} */
                                        op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                        value?: string | number | boolean | null | (string | number | boolean | null)[];
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tag: string;
                                        /** @default true */
                                        present: boolean;
                                    })[];
                                    /** @default [] */
                                    any: ({
                                        /** @enum {string} */
                                        type: "message";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "count";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        /**
                                         * @default messages
                                         * @enum {string}
                                         */
                                        unit: "messages" | "mentions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte" | "eq";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "last_messages";
                                        count: number;
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        within?: {
                                            days?: number;
                                            hours?: number;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "interactions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        min?: number;
                                        max?: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "inactive";
                                        days: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "rate_drop";
                                        /** @default 4 */
                                        baseline_weeks: number;
                                        /** @default 2.5 */
                                        baseline_min_per_week: number;
                                        /** @default 7 */
                                        recent_days: number;
                                        /** @default 1 */
                                        recent_max: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "contact";
                                        field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                        /** @enum {string} */
                                        op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                        value?: string | number | boolean | null | (string | number | boolean | null)[];
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tag: string;
                                        /** @default true */
                                        present: boolean;
                                    })[];
                                };
                                actions: ({
                                    /** @enum {string} */
                                    type: "add_tag";
                                    tag: string;
                                    label?: string;
                                } | {
                                    /** @enum {string} */
                                    type: "remove_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "set_segment";
                                    /** @enum {string} */
                                    segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                                } | {
                                    /** @enum {string} */
                                    type: "set_priority";
                                    /** @enum {string} */
                                    priority: "low" | "normal" | "high";
                                } | {
                                    /** @enum {string} */
                                    type: "create_task";
                                    title: string;
                                    /** @default  */
                                    body: string;
                                    /** @default 0 */
                                    due_in_days: number;
                                    /**
                                     * @default medium
                                     * @enum {string}
                                     */
                                    priority: "low" | "medium" | "high";
                                } | {
                                    /** @enum {string} */
                                    type: "pause_automation";
                                    /** @default 12 */
                                    hours: number;
                                } | {
                                    /** @enum {string} */
                                    type: "set_churn_risk";
                                    /** @default true */
                                    at_risk: boolean;
                                } | {
                                    /** @enum {string} */
                                    type: "send_quick_reply";
                                    quick_reply: string;
                                    outside_window_template?: {
                                        template: string;
                                        language?: string;
                                        /** @default [] */
                                        parameters: string[];
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "send_template";
                                    template: string;
                                    language: string;
                                    /** @default [] */
                                    parameters: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "send_discount_code";
                                    pool: string;
                                    quick_reply: string;
                                    outside_window_template?: {
                                        template: string;
                                        language?: string;
                                        /** @default [] */
                                        parameters: string[];
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "reply_order_status";
                                    quick_reply: string;
                                    not_found_quick_reply?: string;
                                })[];
                                /** @default false */
                                once_per_contact: boolean;
                                cooldown_hours: number | null;
                                /** @default false */
                                stop: boolean;
                                builtin: boolean;
                                created_at: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @default 100 */
                        position?: number;
                        /**
                         * @default message
                         * @enum {string}
                         */
                        trigger?: "message" | "schedule" | "both";
                        conditions: {
                            /** @default [] */
                            all?: ({
                                /** @enum {string} */
                                type: "message";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "count";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                /**
                                 * @default messages
                                 * @enum {string}
                                 */
                                unit?: "messages" | "mentions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte" | "eq";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "last_messages";
                                count: number;
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                within?: {
                                    days?: number;
                                    hours?: number;
                                };
                            } | {
                                /** @enum {string} */
                                type: "interactions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                min?: number;
                                max?: number;
                            } | {
                                /** @enum {string} */
                                type: "inactive";
                                days: number;
                            } | {
                                /** @enum {string} */
                                type: "rate_drop";
                                /** @default 4 */
                                baseline_weeks?: number;
                                /** @default 2.5 */
                                baseline_min_per_week?: number;
                                /** @default 7 */
                                recent_days?: number;
                                /** @default 1 */
                                recent_max?: number;
                            } | {
                                /** @enum {string} */
                                type: "contact";
                                field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                /** @enum {string} */
                                op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                value?: string | number | boolean | null | (string | number | boolean | null)[];
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tag: string;
                                /** @default true */
                                present?: boolean;
                            })[];
                            /** @default [] */
                            any?: ({
                                /** @enum {string} */
                                type: "message";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "count";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                /**
                                 * @default messages
                                 * @enum {string}
                                 */
                                unit?: "messages" | "mentions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte" | "eq";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "last_messages";
                                count: number;
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                within?: {
                                    days?: number;
                                    hours?: number;
                                };
                            } | {
                                /** @enum {string} */
                                type: "interactions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                min?: number;
                                max?: number;
                            } | {
                                /** @enum {string} */
                                type: "inactive";
                                days: number;
                            } | {
                                /** @enum {string} */
                                type: "rate_drop";
                                /** @default 4 */
                                baseline_weeks?: number;
                                /** @default 2.5 */
                                baseline_min_per_week?: number;
                                /** @default 7 */
                                recent_days?: number;
                                /** @default 1 */
                                recent_max?: number;
                            } | {
                                /** @enum {string} */
                                type: "contact";
                                field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                /** @enum {string} */
                                op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                value?: string | number | boolean | null | (string | number | boolean | null)[];
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tag: string;
                                /** @default true */
                                present?: boolean;
                            })[];
                        };
                        actions: ({
                            /** @enum {string} */
                            type: "add_tag";
                            tag: string;
                            label?: string;
                        } | {
                            /** @enum {string} */
                            type: "remove_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "set_segment";
                            /** @enum {string} */
                            segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                        } | {
                            /** @enum {string} */
                            type: "set_priority";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high";
                        } | {
                            /** @enum {string} */
                            type: "create_task";
                            title: string;
                            /** @default  */
                            body?: string;
                            /** @default 0 */
                            due_in_days?: number;
                            /**
                             * @default medium
                             * @enum {string}
                             */
                            priority?: "low" | "medium" | "high";
                        } | {
                            /** @enum {string} */
                            type: "pause_automation";
                            /** @default 12 */
                            hours?: number;
                        } | {
                            /** @enum {string} */
                            type: "set_churn_risk";
                            /** @default true */
                            at_risk?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "send_quick_reply";
                            quick_reply: string;
                            outside_window_template?: {
                                template: string;
                                language?: string;
                                /** @default [] */
                                parameters?: string[];
                            };
                        } | {
                            /** @enum {string} */
                            type: "send_template";
                            template: string;
                            language: string;
                            /** @default [] */
                            parameters?: string[];
                        } | {
                            /** @enum {string} */
                            type: "send_discount_code";
                            pool: string;
                            quick_reply: string;
                            outside_window_template?: {
                                template: string;
                                language?: string;
                                /** @default [] */
                                parameters?: string[];
                            };
                        } | {
                            /** @enum {string} */
                            type: "reply_order_status";
                            quick_reply: string;
                            not_found_quick_reply?: string;
                        })[];
                        /** @default false */
                        once_per_contact?: boolean;
                        cooldown_hours?: number | null;
                        /** @default false */
                        stop?: boolean;
                        id?: string;
                        builtin?: boolean;
                        created_at?: string;
                        updated_at?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            /** @default  */
                            description: string;
                            /** @default true */
                            enabled: boolean;
                            /** @default 100 */
                            position: number;
                            /**
                             * @default message
                             * @enum {string}
                             */
                            trigger: "message" | "schedule" | "both";
                            conditions: {
                                /** @default [] */
                                all: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                                /** @default [] */
                                any: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                            };
                            actions: ({
                                /** @enum {string} */
                                type: "add_tag";
                                tag: string;
                                label?: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "set_segment";
                                /** @enum {string} */
                                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                            } | {
                                /** @enum {string} */
                                type: "set_priority";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                /** @default  */
                                body: string;
                                /** @default 0 */
                                due_in_days: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                priority: "low" | "medium" | "high";
                            } | {
                                /** @enum {string} */
                                type: "pause_automation";
                                /** @default 12 */
                                hours: number;
                            } | {
                                /** @enum {string} */
                                type: "set_churn_risk";
                                /** @default true */
                                at_risk: boolean;
                            } | {
                                /** @enum {string} */
                                type: "send_quick_reply";
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "send_template";
                                template: string;
                                language: string;
                                /** @default [] */
                                parameters: string[];
                            } | {
                                /** @enum {string} */
                                type: "send_discount_code";
                                pool: string;
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "reply_order_status";
                                quick_reply: string;
                                not_found_quick_reply?: string;
                            })[];
                            /** @default false */
                            once_per_contact: boolean;
                            cooldown_hours: number | null;
                            /** @default false */
                            stop: boolean;
                            builtin: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description A rule with this key exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore the default rule pack as shipped (your own rules stay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rules, in evaluation order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                id: string;
                                key: string;
                                name: string;
                                /** @default  */
                                description: string;
                                /** @default true */
                                enabled: boolean;
                                /** @default 100 */
                                position: number;
                                /**
                                 * @default message
                                 * @enum {string}
                                 */
                                trigger: "message" | "schedule" | "both";
                                conditions: {
                                    /** @default [] */
                                    all: ({
                                        /** @enum {string} */
                                        type: "message";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "count";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        /**
                                         * @default messages
                                         * @enum {string}
                                         */
                                        unit: "messages" | "mentions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte" | "eq";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "last_messages";
                                        count: number;
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        within?: {
                                            days?: number;
                                            hours?: number;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "interactions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        min?: number;
                                        max?: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "inactive";
                                        days: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "rate_drop";
                                        /** @default 4 */
                                        baseline_weeks: number;
                                        /** @default 2.5 */
                                        baseline_min_per_week: number;
                                        /** @default 7 */
                                        recent_days: number;
                                        /** @default 1 */
                                        recent_max: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "contact";
                                        field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                        /** @enum {string} */
                                        op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                        value?: string | number | boolean | null | (string | number | boolean | null)[];
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tag: string;
                                        /** @default true */
                                        present: boolean;
                                    })[];
                                    /** @default [] */
                                    any: ({
                                        /** @enum {string} */
                                        type: "message";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "count";
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        /**
                                         * @default messages
                                         * @enum {string}
                                         */
                                        unit: "messages" | "mentions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        /** @enum {string} */
                                        op: "gt" | "gte" | "lt" | "lte" | "eq";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "last_messages";
                                        count: number;
                                        match: {
                                            text?: {
                                                terms?: {
                                                    any?: string[];
                                                    en?: string[];
                                                    pt?: string[];
                                                    es?: string[];
                                                    zh?: string[];
                                                };
                                                regex?: string;
                                            };
                                            intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                            /** @default 0.5 */
                                            min_confidence: number;
                                            sentiment_below?: number;
                                            sentiment_at_least?: number;
                                            languages?: ("en" | "pt" | "es" | "zh")[];
                                            mentions_product?: boolean;
                                        };
                                        within?: {
                                            days?: number;
                                            hours?: number;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "interactions";
                                        window: {
                                            days?: number;
                                            hours?: number;
                                        };
                                        min?: number;
                                        max?: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "inactive";
                                        days: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "rate_drop";
                                        /** @default 4 */
                                        baseline_weeks: number;
                                        /** @default 2.5 */
                                        baseline_min_per_week: number;
                                        /** @default 7 */
                                        recent_days: number;
                                        /** @default 1 */
                                        recent_max: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "contact";
                                        field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                        /** @enum {string} */
                                        op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                        value?: string | number | boolean | null | (string | number | boolean | null)[];
                                    } | {
                                        /** @enum {string} */
                                        type: "tag";
                                        tag: string;
                                        /** @default true */
                                        present: boolean;
                                    })[];
                                };
                                actions: ({
                                    /** @enum {string} */
                                    type: "add_tag";
                                    tag: string;
                                    label?: string;
                                } | {
                                    /** @enum {string} */
                                    type: "remove_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "set_segment";
                                    /** @enum {string} */
                                    segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                                } | {
                                    /** @enum {string} */
                                    type: "set_priority";
                                    /** @enum {string} */
                                    priority: "low" | "normal" | "high";
                                } | {
                                    /** @enum {string} */
                                    type: "create_task";
                                    title: string;
                                    /** @default  */
                                    body: string;
                                    /** @default 0 */
                                    due_in_days: number;
                                    /**
                                     * @default medium
                                     * @enum {string}
                                     */
                                    priority: "low" | "medium" | "high";
                                } | {
                                    /** @enum {string} */
                                    type: "pause_automation";
                                    /** @default 12 */
                                    hours: number;
                                } | {
                                    /** @enum {string} */
                                    type: "set_churn_risk";
                                    /** @default true */
                                    at_risk: boolean;
                                } | {
                                    /** @enum {string} */
                                    type: "send_quick_reply";
                                    quick_reply: string;
                                    outside_window_template?: {
                                        template: string;
                                        language?: string;
                                        /** @default [] */
                                        parameters: string[];
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "send_template";
                                    template: string;
                                    language: string;
                                    /** @default [] */
                                    parameters: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "send_discount_code";
                                    pool: string;
                                    quick_reply: string;
                                    outside_window_template?: {
                                        template: string;
                                        language?: string;
                                        /** @default [] */
                                        parameters: string[];
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "reply_order_status";
                                    quick_reply: string;
                                    not_found_quick_reply?: string;
                                })[];
                                /** @default false */
                                once_per_contact: boolean;
                                cooldown_hours: number | null;
                                /** @default false */
                                stop: boolean;
                                builtin: boolean;
                                created_at: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the periodic pass now: schedule rules and metrics of contacts that are due */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the pass did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: number;
                            firings: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry-run a rule against a contact or a text: does it fire, and why (writes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rule?: {
                            /**
                             * @default message
                             * @enum {string}
                             */
                            trigger?: "message" | "schedule" | "both";
                            conditions: {
                                /** @default [] */
                                all?: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit?: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks?: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week?: number;
                                    /** @default 7 */
                                    recent_days?: number;
                                    /** @default 1 */
                                    recent_max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present?: boolean;
                                })[];
                                /** @default [] */
                                any?: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit?: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence?: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks?: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week?: number;
                                    /** @default 7 */
                                    recent_days?: number;
                                    /** @default 1 */
                                    recent_max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present?: boolean;
                                })[];
                            };
                            actions: ({
                                /** @enum {string} */
                                type: "add_tag";
                                tag: string;
                                label?: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "set_segment";
                                /** @enum {string} */
                                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                            } | {
                                /** @enum {string} */
                                type: "set_priority";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                /** @default  */
                                body?: string;
                                /** @default 0 */
                                due_in_days?: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                priority?: "low" | "medium" | "high";
                            } | {
                                /** @enum {string} */
                                type: "pause_automation";
                                /** @default 12 */
                                hours?: number;
                            } | {
                                /** @enum {string} */
                                type: "set_churn_risk";
                                /** @default true */
                                at_risk?: boolean;
                            } | {
                                /** @enum {string} */
                                type: "send_quick_reply";
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters?: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "send_template";
                                template: string;
                                language: string;
                                /** @default [] */
                                parameters?: string[];
                            } | {
                                /** @enum {string} */
                                type: "send_discount_code";
                                pool: string;
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters?: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "reply_order_status";
                                quick_reply: string;
                                not_found_quick_reply?: string;
                            })[];
                            /** @default false */
                            once_per_contact?: boolean;
                            cooldown_hours?: number | null;
                            /** @default false */
                            stop?: boolean;
                            key?: string;
                            name?: string;
                            /** @default  */
                            description?: string;
                            /** @default true */
                            enabled?: boolean;
                            /** @default 100 */
                            position?: number;
                        };
                        /** Format: uuid */
                        rule_id?: string;
                        /** Format: uuid */
                        contact_id?: string;
                        text?: string;
                        /** Format: date-time */
                        at?: string;
                    };
                };
            };
            responses: {
                /** @description The verdict */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fires: boolean;
                            /** @enum {string|null} */
                            blocked_by: "disabled" | "once_per_contact" | "cooldown" | "no_change" | "conditions" | null;
                            /** @enum {string} */
                            trigger: "message" | "schedule";
                            explanation: string;
                            conditions: {
                                /** @enum {string} */
                                group: "all" | "any";
                                type: string;
                                passed: boolean;
                                detail: string;
                            }[];
                            actions: ({
                                /** @enum {string} */
                                type: "add_tag";
                                tag: string;
                                label?: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "set_segment";
                                /** @enum {string} */
                                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                            } | {
                                /** @enum {string} */
                                type: "set_priority";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                /** @default  */
                                body: string;
                                /** @default 0 */
                                due_in_days: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                priority: "low" | "medium" | "high";
                            } | {
                                /** @enum {string} */
                                type: "pause_automation";
                                /** @default 12 */
                                hours: number;
                            } | {
                                /** @enum {string} */
                                type: "set_churn_risk";
                                /** @default true */
                                at_risk: boolean;
                            } | {
                                /** @enum {string} */
                                type: "send_quick_reply";
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "send_template";
                                template: string;
                                language: string;
                                /** @default [] */
                                parameters: string[];
                            } | {
                                /** @enum {string} */
                                type: "send_discount_code";
                                pool: string;
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "reply_order_status";
                                quick_reply: string;
                                not_found_quick_reply?: string;
                            })[];
                            message: {
                                intent: string;
                                confidence: number;
                                sentiment: number;
                                language: string;
                                products: string[];
                            } | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such rule or contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rule */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            /** @default  */
                            description: string;
                            /** @default true */
                            enabled: boolean;
                            /** @default 100 */
                            position: number;
                            /**
                             * @default message
                             * @enum {string}
                             */
                            trigger: "message" | "schedule" | "both";
                            conditions: {
                                /** @default [] */
                                all: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                                /** @default [] */
                                any: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                            };
                            actions: ({
                                /** @enum {string} */
                                type: "add_tag";
                                tag: string;
                                label?: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "set_segment";
                                /** @enum {string} */
                                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                            } | {
                                /** @enum {string} */
                                type: "set_priority";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                /** @default  */
                                body: string;
                                /** @default 0 */
                                due_in_days: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                priority: "low" | "medium" | "high";
                            } | {
                                /** @enum {string} */
                                type: "pause_automation";
                                /** @default 12 */
                                hours: number;
                            } | {
                                /** @enum {string} */
                                type: "set_churn_risk";
                                /** @default true */
                                at_risk: boolean;
                            } | {
                                /** @enum {string} */
                                type: "send_quick_reply";
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "send_template";
                                template: string;
                                language: string;
                                /** @default [] */
                                parameters: string[];
                            } | {
                                /** @enum {string} */
                                type: "send_discount_code";
                                pool: string;
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "reply_order_status";
                                quick_reply: string;
                                not_found_quick_reply?: string;
                            })[];
                            /** @default false */
                            once_per_contact: boolean;
                            cooldown_hours: number | null;
                            /** @default false */
                            stop: boolean;
                            builtin: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such rule */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace a rule (applies from the next message on) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @default 100 */
                        position?: number;
                        /**
                         * @default message
                         * @enum {string}
                         */
                        trigger?: "message" | "schedule" | "both";
                        conditions: {
                            /** @default [] */
                            all?: ({
                                /** @enum {string} */
                                type: "message";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "count";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                /**
                                 * @default messages
                                 * @enum {string}
                                 */
                                unit?: "messages" | "mentions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte" | "eq";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "last_messages";
                                count: number;
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                within?: {
                                    days?: number;
                                    hours?: number;
                                };
                            } | {
                                /** @enum {string} */
                                type: "interactions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                min?: number;
                                max?: number;
                            } | {
                                /** @enum {string} */
                                type: "inactive";
                                days: number;
                            } | {
                                /** @enum {string} */
                                type: "rate_drop";
                                /** @default 4 */
                                baseline_weeks?: number;
                                /** @default 2.5 */
                                baseline_min_per_week?: number;
                                /** @default 7 */
                                recent_days?: number;
                                /** @default 1 */
                                recent_max?: number;
                            } | {
                                /** @enum {string} */
                                type: "contact";
                                field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                /** @enum {string} */
                                op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                value?: string | number | boolean | null | (string | number | boolean | null)[];
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tag: string;
                                /** @default true */
                                present?: boolean;
                            })[];
                            /** @default [] */
                            any?: ({
                                /** @enum {string} */
                                type: "message";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "count";
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                /**
                                 * @default messages
                                 * @enum {string}
                                 */
                                unit?: "messages" | "mentions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                /** @enum {string} */
                                op: "gt" | "gte" | "lt" | "lte" | "eq";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "last_messages";
                                count: number;
                                match: {
                                    text?: {
                                        terms?: {
                                            any?: string[];
                                            en?: string[];
                                            pt?: string[];
                                            es?: string[];
                                            zh?: string[];
                                        };
                                        regex?: string;
                                    };
                                    intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                    /** @default 0.5 */
                                    min_confidence?: number;
                                    sentiment_below?: number;
                                    sentiment_at_least?: number;
                                    languages?: ("en" | "pt" | "es" | "zh")[];
                                    mentions_product?: boolean;
                                };
                                within?: {
                                    days?: number;
                                    hours?: number;
                                };
                            } | {
                                /** @enum {string} */
                                type: "interactions";
                                window: {
                                    days?: number;
                                    hours?: number;
                                };
                                min?: number;
                                max?: number;
                            } | {
                                /** @enum {string} */
                                type: "inactive";
                                days: number;
                            } | {
                                /** @enum {string} */
                                type: "rate_drop";
                                /** @default 4 */
                                baseline_weeks?: number;
                                /** @default 2.5 */
                                baseline_min_per_week?: number;
                                /** @default 7 */
                                recent_days?: number;
                                /** @default 1 */
                                recent_max?: number;
                            } | {
                                /** @enum {string} */
                                type: "contact";
                                field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                /** @enum {string} */
                                op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                value?: string | number | boolean | null | (string | number | boolean | null)[];
                            } | {
                                /** @enum {string} */
                                type: "tag";
                                tag: string;
                                /** @default true */
                                present?: boolean;
                            })[];
                        };
                        actions: ({
                            /** @enum {string} */
                            type: "add_tag";
                            tag: string;
                            label?: string;
                        } | {
                            /** @enum {string} */
                            type: "remove_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "set_segment";
                            /** @enum {string} */
                            segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                        } | {
                            /** @enum {string} */
                            type: "set_priority";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high";
                        } | {
                            /** @enum {string} */
                            type: "create_task";
                            title: string;
                            /** @default  */
                            body?: string;
                            /** @default 0 */
                            due_in_days?: number;
                            /**
                             * @default medium
                             * @enum {string}
                             */
                            priority?: "low" | "medium" | "high";
                        } | {
                            /** @enum {string} */
                            type: "pause_automation";
                            /** @default 12 */
                            hours?: number;
                        } | {
                            /** @enum {string} */
                            type: "set_churn_risk";
                            /** @default true */
                            at_risk?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "send_quick_reply";
                            quick_reply: string;
                            outside_window_template?: {
                                template: string;
                                language?: string;
                                /** @default [] */
                                parameters?: string[];
                            };
                        } | {
                            /** @enum {string} */
                            type: "send_template";
                            template: string;
                            language: string;
                            /** @default [] */
                            parameters?: string[];
                        } | {
                            /** @enum {string} */
                            type: "send_discount_code";
                            pool: string;
                            quick_reply: string;
                            outside_window_template?: {
                                template: string;
                                language?: string;
                                /** @default [] */
                                parameters?: string[];
                            };
                        } | {
                            /** @enum {string} */
                            type: "reply_order_status";
                            quick_reply: string;
                            not_found_quick_reply?: string;
                        })[];
                        /** @default false */
                        once_per_contact?: boolean;
                        cooldown_hours?: number | null;
                        /** @default false */
                        stop?: boolean;
                        id?: string;
                        builtin?: boolean;
                        created_at?: string;
                        updated_at?: string;
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: string;
                            /** @default  */
                            description: string;
                            /** @default true */
                            enabled: boolean;
                            /** @default 100 */
                            position: number;
                            /**
                             * @default message
                             * @enum {string}
                             */
                            trigger: "message" | "schedule" | "both";
                            conditions: {
                                /** @default [] */
                                all: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                                /** @default [] */
                                any: ({
                                    /** @enum {string} */
                                    type: "message";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "count";
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    /**
                                     * @default messages
                                     * @enum {string}
                                     */
                                    unit: "messages" | "mentions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    /** @enum {string} */
                                    op: "gt" | "gte" | "lt" | "lte" | "eq";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "last_messages";
                                    count: number;
                                    match: {
                                        text?: {
                                            terms?: {
                                                any?: string[];
                                                en?: string[];
                                                pt?: string[];
                                                es?: string[];
                                                zh?: string[];
                                            };
                                            regex?: string;
                                        };
                                        intents?: ("order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other")[];
                                        /** @default 0.5 */
                                        min_confidence: number;
                                        sentiment_below?: number;
                                        sentiment_at_least?: number;
                                        languages?: ("en" | "pt" | "es" | "zh")[];
                                        mentions_product?: boolean;
                                    };
                                    within?: {
                                        days?: number;
                                        hours?: number;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "interactions";
                                    window: {
                                        days?: number;
                                        hours?: number;
                                    };
                                    min?: number;
                                    max?: number;
                                } | {
                                    /** @enum {string} */
                                    type: "inactive";
                                    days: number;
                                } | {
                                    /** @enum {string} */
                                    type: "rate_drop";
                                    /** @default 4 */
                                    baseline_weeks: number;
                                    /** @default 2.5 */
                                    baseline_min_per_week: number;
                                    /** @default 7 */
                                    recent_days: number;
                                    /** @default 1 */
                                    recent_max: number;
                                } | {
                                    /** @enum {string} */
                                    type: "contact";
                                    field: ("segment" | "priority" | "opt_in" | "language" | "sentiment" | "activity_score" | "inquiry_frequency" | "messages_30d" | "automation_paused") | string;
                                    /** @enum {string} */
                                    op: "eq" | "ne" | "in" | "not_in" | "gt" | "gte" | "lt" | "lte" | "exists" | "not_exists";
                                    value?: string | number | boolean | null | (string | number | boolean | null)[];
                                } | {
                                    /** @enum {string} */
                                    type: "tag";
                                    tag: string;
                                    /** @default true */
                                    present: boolean;
                                })[];
                            };
                            actions: ({
                                /** @enum {string} */
                                type: "add_tag";
                                tag: string;
                                label?: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "set_segment";
                                /** @enum {string} */
                                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
                            } | {
                                /** @enum {string} */
                                type: "set_priority";
                                /** @enum {string} */
                                priority: "low" | "normal" | "high";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                /** @default  */
                                body: string;
                                /** @default 0 */
                                due_in_days: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                priority: "low" | "medium" | "high";
                            } | {
                                /** @enum {string} */
                                type: "pause_automation";
                                /** @default 12 */
                                hours: number;
                            } | {
                                /** @enum {string} */
                                type: "set_churn_risk";
                                /** @default true */
                                at_risk: boolean;
                            } | {
                                /** @enum {string} */
                                type: "send_quick_reply";
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "send_template";
                                template: string;
                                language: string;
                                /** @default [] */
                                parameters: string[];
                            } | {
                                /** @enum {string} */
                                type: "send_discount_code";
                                pool: string;
                                quick_reply: string;
                                outside_window_template?: {
                                    template: string;
                                    language?: string;
                                    /** @default [] */
                                    parameters: string[];
                                };
                            } | {
                                /** @enum {string} */
                                type: "reply_order_status";
                                quick_reply: string;
                                not_found_quick_reply?: string;
                            })[];
                            /** @default false */
                            once_per_contact: boolean;
                            cooldown_hours: number | null;
                            /** @default false */
                            stop: boolean;
                            builtin: boolean;
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such rule */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Another rule has this key */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a rule (what it already set on contacts stays) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such rule */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tag a contact (the tag is created on first use) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description The contact’s tags */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tags: {
                                id: string;
                                key: string;
                                label: string;
                                /** @enum {string} */
                                source: "manual" | "rule" | "crm";
                                added_at: string;
                                reason?: {
                                    rule_key?: string | null;
                                    message_ids?: string[];
                                    note: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/tags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tag from a contact */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The contact’s tags */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tags: {
                                id: string;
                                key: string;
                                label: string;
                                /** @enum {string} */
                                source: "manual" | "rule" | "crm";
                                added_at: string;
                                reason?: {
                                    rule_key?: string | null;
                                    message_ids?: string[];
                                    note: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts that are probably one person, best first, with the reasons and both contacts */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    min_score?: number | null;
                    contact_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open candidates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            duplicates: {
                                id: string;
                                score: number;
                                /** @enum {string} */
                                state: "open" | "merged" | "dismissed";
                                reasons: {
                                    /** @example same_phone */
                                    code: string;
                                    /** @example +85291234567 */
                                    detail: string;
                                    weight: number;
                                }[];
                                contacts: [
                                    {
                                        id: string;
                                        name: string | null;
                                        profile_name: string | null;
                                        phone: string | null;
                                        bsuid: string | null;
                                        email: string | null;
                                        created_at: string;
                                        last_inbound_at: string | null;
                                        messages: number;
                                    },
                                    {
                                        id: string;
                                        name: string | null;
                                        profile_name: string | null;
                                        phone: string | null;
                                        bsuid: string | null;
                                        email: string | null;
                                        created_at: string;
                                        last_inbound_at: string | null;
                                        messages: number;
                                    }
                                ];
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Look for duplicates now (also done on a schedule); merges exact-identity pairs above the automatic score */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the scan found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: number;
                            candidates: number;
                            pairs_compared: number;
                            auto_merged: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge the two contacts, keeping everything on the survivor; undoable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        survivor_id?: string;
                        fields?: {
                            /** Format: uuid */
                            name?: string;
                            /** Format: uuid */
                            email?: string;
                            /** Format: uuid */
                            phone?: string;
                            /** Format: uuid */
                            bsuid?: string;
                            /** Format: uuid */
                            profile_name?: string;
                            /** Format: uuid */
                            username?: string;
                            /** Format: uuid */
                            language?: string;
                            /** Format: uuid */
                            segment?: string;
                            /** Format: uuid */
                            priority?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The merge, with what it moved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            survivor_id: string;
                            absorbed_id: string;
                            candidate_id: string | null;
                            /** @enum {string} */
                            origin: "review" | "automatic";
                            actor: string | null;
                            created_at: string;
                            undone_at: string | null;
                            moved: {
                                [key: string]: {
                                    moved: number;
                                    set_aside: number;
                                    combined: number;
                                };
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such candidate or contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The candidate was already decided */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duplicates/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not one person: never propose this pair again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dismissed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "dismissed";
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such candidate */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The candidate was already decided */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent contact merges, newest first, to review or undo */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Merges */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            merges: {
                                id: string;
                                survivor_id: string;
                                absorbed_id: string;
                                candidate_id: string | null;
                                /** @enum {string} */
                                origin: "review" | "automatic";
                                actor: string | null;
                                created_at: string;
                                undone_at: string | null;
                                moved: {
                                    [key: string]: {
                                        moved: number;
                                        set_aside: number;
                                        combined: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merges/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put both contacts back as they were before the merge */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The undone merge */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            survivor_id: string;
                            absorbed_id: string;
                            candidate_id: string | null;
                            /** @enum {string} */
                            origin: "review" | "automatic";
                            actor: string | null;
                            created_at: string;
                            undone_at: string | null;
                            moved: {
                                [key: string]: {
                                    moved: number;
                                    set_aside: number;
                                    combined: number;
                                };
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such merge */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Already undone, or a later merge depends on it (named in the message) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's CRM accounts and their health (state, scopes, token expiry, last error) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Connections */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connections: {
                                id: string;
                                provider: string;
                                account_id: string;
                                state: string;
                                authorized: boolean;
                                scopes: string[];
                                token_expires_at: string | null;
                                last_error: string | null;
                                installed_at: string | null;
                                disconnected_at: string | null;
                                schema_ready_at: string | null;
                                last_synced_at: string | null;
                                api_usage: {
                                    used: number;
                                    limit: number;
                                    share: number;
                                    at: string;
                                    stopped_at: string | null;
                                    resume_at: string | null;
                                    reason: string | null;
                                } | null;
                                card_key_created_at: string | null;
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Link a CRM account (its portal / org id) to this workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        provider: string;
                        account_id: string;
                    };
                };
            };
            responses: {
                /** @description Linked */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            provider: string;
                            account_id: string;
                            state: string;
                            authorized: boolean;
                            scopes: string[];
                            token_expires_at: string | null;
                            last_error: string | null;
                            installed_at: string | null;
                            disconnected_at: string | null;
                            schema_ready_at: string | null;
                            last_synced_at: string | null;
                            api_usage: {
                                used: number;
                                limit: number;
                                share: number;
                                at: string;
                                stopped_at: string | null;
                                resume_at: string | null;
                                reason: string | null;
                            } | null;
                            card_key_created_at: string | null;
                            created_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Linked to a workspace already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The field mapping of a CRM connection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Mapping */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fields: {
                                field: string;
                                label: string;
                                type: string;
                                /** @enum {string} */
                                direction: "push" | "both";
                                property: string;
                                managed: boolean;
                                enabled: boolean;
                                default_value: string | number | boolean | null;
                                property_type: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Map fields to existing CRM properties, switch them off or give empty CRM values a default; checked against the CRM on the next sync */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fields: {
                            field: string;
                            property?: string;
                            enabled?: boolean;
                            default_value?: string | number | boolean | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fields: {
                                field: string;
                                label: string;
                                type: string;
                                /** @enum {string} */
                                direction: "push" | "both";
                                property: string;
                                managed: boolean;
                                enabled: boolean;
                                default_value: string | number | boolean | null;
                                property_type: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contact properties the CRM reports for this connection (read from the CRM, reused for about a minute) */
        get: {
            parameters: {
                query?: {
                    fresh?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Properties, sorted by label */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            properties: {
                                name: string;
                                label: string;
                                /** @enum {string} */
                                type: "string" | "number" | "datetime" | "enumeration" | "multi_enumeration" | "bool";
                                crm_type: string;
                                writable: boolean;
                            }[];
                            fetched_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such connection in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The CRM refused the listing or did not answer; its message is passed on */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The CRM connectors do not run in this process */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change contact fields (attributes such as first_name, last_name, city, last_purchase_at, customer_level are merged; null removes) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        /** Format: email */
                        email?: string | null;
                        /** @enum {string|null} */
                        segment?: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost" | null;
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high";
                        /** @enum {string|null} */
                        language?: "en" | "pt" | "es" | "zh" | null;
                        attributes?: {
                            [key: string]: string | number | boolean | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string | null;
                            email: string | null;
                            segment: string | null;
                            priority: string;
                            language: string | null;
                            attributes: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review queue: field conflicts (both values kept) and CRM writes that failed */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Review items, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                connection_id: string;
                                contact_id: string | null;
                                /** @enum {string} */
                                kind: "conflict" | "sync_failed";
                                field: string | null;
                                local_value?: unknown;
                                remote_value?: unknown;
                                local_at: string | null;
                                remote_at: string | null;
                                /** @enum {string|null} */
                                winner: "local" | "remote" | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "open" | "resolved";
                                resolution: string | null;
                                created_at: string;
                                resolved_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/review/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve: accept (keep what the rule chose), use_local / use_remote (write that value on both sides), retry a failed write, or dismiss */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        resolution: "accept" | "use_local" | "use_remote" | "retry" | "dismiss";
                    };
                };
            };
            responses: {
                /** @description Resolved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            connection_id: string;
                            contact_id: string | null;
                            /** @enum {string} */
                            kind: "conflict" | "sync_failed";
                            field: string | null;
                            local_value?: unknown;
                            remote_value?: unknown;
                            local_at: string | null;
                            remote_at: string | null;
                            /** @enum {string|null} */
                            winner: "local" | "remote" | null;
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "open" | "resolved";
                            resolution: string | null;
                            created_at: string;
                            resolved_at: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is still waiting to be written to the CRM, and the last error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sync status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection_id: string;
                            state: string;
                            pending: {
                                contact: number;
                                message: number;
                                task: number;
                                merge: number;
                                parked: number;
                            };
                            last_synced_at: string | null;
                            last_error: string | null;
                            quota: {
                                remaining: number;
                                max: number;
                                window_ms: number;
                                at: string;
                            } | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue every contact, message (optionally since a date) and open task for this CRM */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        messages_since?: string;
                    };
                };
            };
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: number;
                            messages: number;
                            tasks: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync/accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest daily samples of CRM records read back and compared with what the sync would write */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Samples, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection_id: string;
                            samples: {
                                /** @example 2026-03-01 */
                                day: string;
                                sampled_at: string;
                                records_sampled: number;
                                fields_compared: number;
                                fields_equal: number;
                                accuracy: number | null;
                                differences_total: number;
                                differences: {
                                    record_id: string;
                                    field: string;
                                    ours: string | null;
                                    crm: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per local day: changes written to the CRM and failed (parked), the success rate, and p50/p95 from the first unwritten change to its write */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "day";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Days with settled changes, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection_id: string;
                            time_zone: string;
                            from: string;
                            to: string;
                            days: {
                                /** @example 2026-03-01 */
                                day: string;
                                succeeded: number;
                                failed: number;
                                /** @example 99.2 */
                                success_percent: number | null;
                                latency_p50_ms: number | null;
                                latency_p95_ms: number | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sync adds to this CRM this month (so far, projected, last month) against its storage budget, per kind, and whether it writes thinned */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The storage estimate */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrmStorageEstimate"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such connection in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the CRM's storage capacity (overriding the reported or default one) and the monthly budget's percentage; thinning follows at once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity?: number | null;
                        budget_percent?: number | null;
                    };
                };
            };
            responses: {
                /** @description The estimate under the new settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CrmStorageEstimate"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such connection in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/hubspot/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start installing the HubSpot app for this workspace
         * @description Returns HubSpot’s authorize URL to open in a browser (valid 10 minutes, once). The account the installer picks joins this workspace; an account already connected to another workspace is refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open authorize_url in a browser */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorize_url: string;
                            expires_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/salesforce/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start installing the Salesforce app for this workspace
         * @description Returns Salesforce’s authorize URL to open in a browser (valid 10 minutes, once). The account the installer picks joins this workspace; an account already connected to another workspace is refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open authorize_url in a browser */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorize_url: string;
                            expires_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/zoho/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start installing the Zoho CRM app for this workspace
         * @description Returns Zoho CRM’s authorize URL to open in a browser (valid 10 minutes, once). The account the installer picks joins this workspace; an account already connected to another workspace is refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open authorize_url in a browser */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorize_url: string;
                            expires_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET are not set */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disconnect a CRM account: revoke its tokens at the CRM, wipe them here, stop its sync
         * @description Revocation is best effort: when the CRM cannot be reached the connection is still disconnected and `revocation` is `failed` (also on last_error). History and record links stay; installing again reconnects the same connection.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disconnected (repeating it is harmless) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection: {
                                id: string;
                                provider: string;
                                account_id: string;
                                state: string;
                                authorized: boolean;
                                scopes: string[];
                                token_expires_at: string | null;
                                last_error: string | null;
                                installed_at: string | null;
                                disconnected_at: string | null;
                                schema_ready_at: string | null;
                                last_synced_at: string | null;
                                api_usage: {
                                    used: number;
                                    limit: number;
                                    share: number;
                                    at: string;
                                    stopped_at: string | null;
                                    resume_at: string | null;
                                    reason: string | null;
                                } | null;
                                card_key_created_at: string | null;
                                created_at: string;
                            };
                            /** @enum {string} */
                            revocation: "revoked" | "already_invalid" | "failed" | "no_token";
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such connection in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/card-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue (or rotate) the key a CRM card back end sends (Salesforce: X-Scrm-Org-Key; Zoho: X-Scrm-Zoho-Key)
         * @description Answers the key once; only its hash is stored. Issuing a new key revokes the previous one at once: paste the new key into the org’s External Credential (Salesforce: WhatsApp_Backend_Key, parameter OrgKey) or Connection (Zoho CRM: whatsapp_crm, header X-Scrm-Zoho-Key). A platform key may issue for any connection, a workspace admin key for its own.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new key (shown only now) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            header: string;
                            connection_id: string;
                            created_at: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such connection */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or change a product and the names customers use for it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default [] */
                        aliases?: string[];
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sku: string;
                            name: string;
                            aliases: string[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a product (past mentions stay on messages and interests) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such product */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Products */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            products: {
                                sku: string;
                                name: string;
                                aliases: string[];
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/discount-pools/{pool}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pool's codes and who got them */
        get: {
            parameters: {
                query?: {
                    assigned?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    pool: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Codes in code order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codes: {
                                code: string;
                                contact_id: string | null;
                                assigned_at: string | null;
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Load discount codes into a pool (up to 10000 per call; repeats are stored once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pool: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        codes: string[];
                    };
                };
            };
            responses: {
                /** @description What was added and the pool now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pool: string;
                            total: number;
                            free: number;
                            assigned: number;
                            received: number;
                            added: number;
                            duplicates: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/discount-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Discount pools with how many codes are left */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Pools */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pools: {
                                pool: string;
                                total: number;
                                free: number;
                                assigned: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/discount-pools/{pool}/codes/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a code nobody got yet */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pool: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such code in the pool */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description The code was already given to a contact */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/discount-pools/{pool}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a pool and all its codes (refused while a rule hands out codes from it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    pool: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            removed: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such pool in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description A rule hands out codes from this pool; the message names the rules */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/order-lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order-lookup endpoint automation asks for order status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderLookupSettings"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the order-lookup endpoint (http/https only); secret signs requests with HMAC-SHA256, omit it to keep the stored one, null removes it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                        secret?: string | null;
                        /** @default 3000 */
                        timeout_ms?: number;
                    };
                };
            };
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderLookupSettings"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Stop asking an order service (CRM fields only) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/automation/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What automation did: each queued action with its state and why it was refused or failed */
        get: {
            parameters: {
                query?: {
                    contact_id?: string;
                    state?: "queued" | "running" | "done" | "refused" | "failed";
                    rule?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Runs, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: components["schemas"]["AutomationRun"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** URLs subscribed to events (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Subscriptions, newest first, active or not */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptions: components["schemas"]["EventSubscription"][];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe a URL to events (REST hook subscribe; Zapier and Make call this)
         * @description Events: message.received, message.status, contact.created, contact.tagged, segment.changed, review.created, alert.raised. Each delivery is a POST of {id, type, workspace_id, created_at, data} signed in X-Scrm-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>), retried with back-off for 24 hours; answering 410 unsubscribes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewEventSubscription"];
                };
            };
            responses: {
                /** @description Subscribed; the signing secret is shown this once */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscription: components["schemas"]["EventSubscription"];
                            secret: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unsubscribe (REST hook unsubscribe): deliveries still waiting are dropped, the log stays */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unsubscribed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's delivery log, newest first */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "sending" | "delivered" | "failed";
                    limit?: number;
                    before?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries; `next_before` pages on */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: components["schemas"]["EventDelivery"][];
                            next_before: number | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered or failed event again (a new day of retries) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delivery: components["schemas"]["EventDelivery"];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's audit trail, newest first
         * @description Every change made through the API or a card, every export, erasure, merge, takeover and send by a person: who, when, from which key or CRM user, what changed. Append-only.
         */
        get: {
            parameters: {
                query?: {
                    since?: string;
                    until?: string;
                    action?: string;
                    actor_id?: string;
                    target_id?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Entries, and a cursor for the next (older) page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["AuditEntry"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's data for an access request (zip)
         * @description A zip with `data.json` (profile, consents, tags, CRM links, every message) , `transcript.html` (a readable, escaped transcript) and `media/` (the files we kept). Admin keys only; audited as `contact.export`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The zip */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a person everywhere (right to erasure)
         * @description Deletes the contact, their messages and media, and every row that holds their number, WhatsApp ids or words (raw deliveries included); keeps an anonymous tombstone per message so redeliveries stay erased. The CRM records linked to the person are listed with what happens to each (`delete` a record our sync created, `mark` one the CRM had); the CRM calls run afterwards in the background sync (`GET /api/v1/erasures/{id}`). Refused with 409 while a legal hold is in force on the person or the workspace. Irreversible; admin keys only; audited as `contact.erase`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Must be "erase".
                         * @enum {string}
                         */
                        confirm: "erase";
                    };
                };
            };
            responses: {
                /** @description What was erased */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            erasure_id: string;
                            /** Format: uuid */
                            contact_id: string;
                            removed: {
                                [key: string]: number;
                            };
                            media_files_removed: number;
                            tombstones: number;
                            crm_records: {
                                connection_id: string;
                                object_type: string;
                                record_id: string;
                                /**
                                 * @description `delete`: our sync created the record, it is deleted (HubSpot: GDPR delete). `mark`: the CRM had it before us; it stays, our fields are emptied, our notes/communications/tasks on it removed, and it is flagged for the CRM’s own privacy deletion.
                                 * @enum {string}
                                 */
                                action: "delete" | "mark";
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description A legal hold is in force on the person or the workspace */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * CRM record erasures, newest first
         * @description Every CRM record an erasure reaches — from an erase request, or from a CRM’s own privacy deletion carried to the other connected CRMs — filtered by `state`. Admin keys only.
         */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "done" | "failed";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Record erasures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            crm_records: {
                                /** Format: uuid */
                                erasure_id: string;
                                connection_id: string;
                                object_type: string;
                                record_id: string;
                                /** @enum {string} */
                                action: "delete" | "mark";
                                /**
                                 * @description `failed`: the CRM refused for good; a review item (`GET /api/v1/review`) says why.
                                 * @enum {string}
                                 */
                                state: "pending" | "done" | "failed";
                                /** @enum {string|null} */
                                outcome: "deleted" | "already_gone" | "marked" | null;
                                activities_removed: number;
                                last_error: string | null;
                                created_at: string;
                                done_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erasures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the CRM side of an erasure stands
         * @description Per CRM record of an erased person (`erasure_id` of the erase answer): what is done there and how it went. The CRM calls run in the background sync, rate-limited, retried through outages. Admin keys only.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            erasure_id: string;
                            crm_records: {
                                /** Format: uuid */
                                erasure_id: string;
                                connection_id: string;
                                object_type: string;
                                record_id: string;
                                /** @enum {string} */
                                action: "delete" | "mark";
                                /**
                                 * @description `failed`: the CRM refused for good; a review item (`GET /api/v1/review`) says why.
                                 * @enum {string}
                                 */
                                state: "pending" | "done" | "failed";
                                /** @enum {string|null} */
                                outcome: "deleted" | "already_gone" | "marked" | null;
                                activities_removed: number;
                                last_error: string | null;
                                created_at: string;
                                done_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such erasure in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weekly report snapshots (service per agent, funnel per intent, cost), newest week first
         * @description Taken each Monday just after midnight in the workspace's zone for the week before, and kept as they were then.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Earliest week (its Monday) to list */
                    from?: string;
                    /** @description Latest week (its Monday) to list */
                    to?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored weeks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WeeklyReports"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Response times: median and p90 of every answer and of first answers, per day, week or agent
         * @description A customer waits from the earliest unanswered message until a person (an agent send or the WhatsApp Business app) answers; automated messages do not count. Seconds, whole. Median and p90 are percentile_disc: the smallest recorded wait with at least 50 % / 90 % of waits at or below it. With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "none" | "day" | "week" | "agent";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages per day or week, complaint rate, 24-hour conversations, hour-of-week heat map and peak hours
         * @description Counts come from quarter-hour rollups, so days and hours are exact in any zone (DST days have 23 or 25 hours). With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "day" | "week";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What Meta billed, priced with the workspace's rate card, and the cost per 24-hour conversation
         * @description Each billable message counts once (Meta repeats pricing on sent, delivered and read). Prices from PUT /api/v1/settings/analytics; categories without a price are listed in unpriced_categories. With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "none" | "day" | "week";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CostReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * First contact → qualified (buying intent) → order, for contacts first seen in the period
         * @description Qualified: an inbound message with intent price_discount, product_inquiry, quote or purchase_intent. Order: an inbound cart order or an order-status question. group_by=intent gives the order rate per qualifying intent; payment_method groups contacts by the first payment method they mentioned (cash_on_delivery, card, pix, boleto, bank_transfer, wallet, or not_mentioned); campaign by the click-to-WhatsApp ad (referral source_id) of their first message from one (organic for the rest). With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "none" | "day" | "week" | "intent" | "payment_method" | "campaign";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FunnelReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/churn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts at churn risk now, and how many became so per day or week
         * @description From the churn rule (interaction falling and sentiment low) that marks contacts at risk. With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "day" | "week";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChurnReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/product-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Monthly product suggestions: the products customers complain about, in their own words
         * @description Products named in customer messages (catalogue matcher) in a local month, most negative messages first (intent complaint or sentiment below 0.3), each with its most negative phrases and their trend against the month before, the theme those phrases are about (price, delivery, quality, information — read by the intent classifier) and a suggestion for that theme.
         */
        get: {
            parameters: {
                query: {
                    /** @description The local month (workspace's zone), YYYY-MM */
                    month: string;
                    /** @description Products listed */
                    products?: number;
                    /** @description Terms per product */
                    terms?: number;
                    kind?: "phrase" | "word";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductSuggestionsReport"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The words and phrases customers use most, per kind and language, with their trend against the period before
         * @description Counted per customer message (a message counts once per term) on the workspace's local days when the message arrived: stop words, numbers, links and addresses left out; Chinese segmented by Intl.Segmenter. `previous_messages` covers the period of the same length just before; trend: new (unused before), rising (≥ +25 % and ≥ 3 more messages), falling (≤ −20 % and ≥ 3 fewer), else steady. `share` is per customer message of the period, all languages. A `time_zone` other than the workspace's is refused. With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).
         */
        get: {
            parameters: {
                query: {
                    /** @description First local day of the period, YYYY-MM-DD */
                    from: string;
                    /** @description Last local day of the period (included), YYYY-MM-DD */
                    to: string;
                    group_by?: "none" | "language";
                    /** @description Zone the days and hours are counted in; default the workspace's (locale settings) */
                    time_zone?: string;
                    /** @description `word`, `phrase` (two or three words), or `all`: the top words and the top phrases */
                    kind?: "all" | "word" | "phrase";
                    /** @description Only customer messages detected in this language */
                    language?: "en" | "pt" | "es" | "zh" | "unknown";
                    /** @description Terms per kind (and per language with group_by=language) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeywordsReportAnswer"];
                        "text/csv": string;
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts the rules raised (complaint rate, agent response time, CRM sync success), newest first
         * @description Each alert holds the figures that raised it and a suggestion. Also delivered as the `alert.raised` event to event-webhook subscribers.
         */
        get: {
            parameters: {
                query?: {
                    state?: "open" | "resolved" | "all";
                    rule?: "complaint_rate" | "agent_response_time" | "sync_success" | "intent_conversion" | "api_health" | "sync_accuracy" | "crm_storage_budget";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alerts, and a cursor for the next page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: components["schemas"]["Alert"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an alert resolved (resolving again keeps the first time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The alert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such alert in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rate card (price per billable message per Meta category) and alert thresholds (defaults filled in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Analytics settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @default {
                             *       "currency": "USD",
                             *       "rates": {}
                             *     }
                             */
                            rate_card: {
                                /** @default USD */
                                currency: string;
                                /** @default {} */
                                rates: {
                                    [key: string]: number;
                                };
                            };
                            /**
                             * @default {
                             *       "complaint_rate_percent": 5,
                             *       "complaint_days": 3,
                             *       "agent_median_seconds": 360,
                             *       "sync_success_percent": 99,
                             *       "intent_conversion_percent": {
                             *         "price_discount": 12
                             *       },
                             *       "intent_conversion_min_contacts": 20
                             *     }
                             */
                            alerts: {
                                /** @default 5 */
                                complaint_rate_percent: number;
                                /** @default 3 */
                                complaint_days: number;
                                /** @default 360 */
                                agent_median_seconds: number;
                                /** @default 99 */
                                sync_success_percent: number;
                                /**
                                 * @default {
                                 *       "price_discount": 12
                                 *     }
                                 */
                                intent_conversion_percent: {
                                    price_discount?: number;
                                    product_inquiry?: number;
                                    quote?: number;
                                    purchase_intent?: number;
                                };
                                /** @default 20 */
                                intent_conversion_min_contacts: number;
                            };
                            /** @default null */
                            business_hours: {
                                mon?: {
                                    open: string;
                                    close: string;
                                }[];
                                tue?: {
                                    open: string;
                                    close: string;
                                }[];
                                wed?: {
                                    open: string;
                                    close: string;
                                }[];
                                thu?: {
                                    open: string;
                                    close: string;
                                }[];
                                fri?: {
                                    open: string;
                                    close: string;
                                }[];
                                sat?: {
                                    open: string;
                                    close: string;
                                }[];
                                sun?: {
                                    open: string;
                                    close: string;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Change the rate card and alert thresholds; omitted fields return to their defaults */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "currency": "USD",
                         *       "rates": {}
                         *     }
                         */
                        rate_card?: {
                            /** @default USD */
                            currency?: string;
                            /** @default {} */
                            rates?: {
                                [key: string]: number;
                            };
                        };
                        /**
                         * @default {
                         *       "complaint_rate_percent": 5,
                         *       "complaint_days": 3,
                         *       "agent_median_seconds": 360,
                         *       "sync_success_percent": 99,
                         *       "intent_conversion_percent": {
                         *         "price_discount": 12
                         *       },
                         *       "intent_conversion_min_contacts": 20
                         *     }
                         */
                        alerts?: {
                            /** @default 5 */
                            complaint_rate_percent?: number;
                            /** @default 3 */
                            complaint_days?: number;
                            /** @default 360 */
                            agent_median_seconds?: number;
                            /** @default 99 */
                            sync_success_percent?: number;
                            /**
                             * @default {
                             *       "price_discount": 12
                             *     }
                             */
                            intent_conversion_percent?: {
                                price_discount?: number;
                                product_inquiry?: number;
                                quote?: number;
                                purchase_intent?: number;
                            };
                            /** @default 20 */
                            intent_conversion_min_contacts?: number;
                        };
                        /** @default null */
                        business_hours?: {
                            mon?: {
                                open: string;
                                close: string;
                            }[];
                            tue?: {
                                open: string;
                                close: string;
                            }[];
                            wed?: {
                                open: string;
                                close: string;
                            }[];
                            thu?: {
                                open: string;
                                close: string;
                            }[];
                            fri?: {
                                open: string;
                                close: string;
                            }[];
                            sat?: {
                                open: string;
                                close: string;
                            }[];
                            sun?: {
                                open: string;
                                close: string;
                            }[];
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Analytics settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @default {
                             *       "currency": "USD",
                             *       "rates": {}
                             *     }
                             */
                            rate_card: {
                                /** @default USD */
                                currency: string;
                                /** @default {} */
                                rates: {
                                    [key: string]: number;
                                };
                            };
                            /**
                             * @default {
                             *       "complaint_rate_percent": 5,
                             *       "complaint_days": 3,
                             *       "agent_median_seconds": 360,
                             *       "sync_success_percent": 99,
                             *       "intent_conversion_percent": {
                             *         "price_discount": 12
                             *       },
                             *       "intent_conversion_min_contacts": 20
                             *     }
                             */
                            alerts: {
                                /** @default 5 */
                                complaint_rate_percent: number;
                                /** @default 3 */
                                complaint_days: number;
                                /** @default 360 */
                                agent_median_seconds: number;
                                /** @default 99 */
                                sync_success_percent: number;
                                /**
                                 * @default {
                                 *       "price_discount": 12
                                 *     }
                                 */
                                intent_conversion_percent: {
                                    price_discount?: number;
                                    product_inquiry?: number;
                                    quote?: number;
                                    purchase_intent?: number;
                                };
                                /** @default 20 */
                                intent_conversion_min_contacts: number;
                            };
                            /** @default null */
                            business_hours: {
                                mon?: {
                                    open: string;
                                    close: string;
                                }[];
                                tue?: {
                                    open: string;
                                    close: string;
                                }[];
                                wed?: {
                                    open: string;
                                    close: string;
                                }[];
                                thu?: {
                                    open: string;
                                    close: string;
                                }[];
                                fri?: {
                                    open: string;
                                    close: string;
                                }[];
                                sat?: {
                                    open: string;
                                    close: string;
                                }[];
                                sun?: {
                                    open: string;
                                    close: string;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Days messages stay in the threads before the daily job archives them (default 365) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Retention settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 365 */
                            days: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Change the retention (180 to 3650 days); an omitted value returns to 365 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 365 */
                        days?: number;
                    };
                };
            };
            responses: {
                /** @description Retention settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @default 365 */
                            days: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Place a legal hold on a person's history
         * @description While the hold is in force, retention neither archives nor removes the person’s messages. Placing a hold where one is in force answers that hold. Admin keys only; audited.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (a matter, a request): kept with the hold, shown to admins. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The hold */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contact_id: string | null;
                            reason: string;
                            placed_by: string;
                            placed_at: string;
                            lifted_at: string | null;
                            lifted_by: string | null;
                            lift_reason: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact, or no hold in force */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Lift the legal hold on a person's history
         * @description The hold stays listed with who lifted it and why. Admin keys only; audited.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (a matter, a request): kept with the hold, shown to admins. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The hold */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contact_id: string | null;
                            reason: string;
                            placed_by: string;
                            placed_at: string;
                            lifted_at: string | null;
                            lifted_by: string | null;
                            lift_reason: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact, or no hold in force */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Place a legal hold on the whole workspace's history
         * @description While it is in force retention archives nothing in the workspace. Admin keys only; audited.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (a matter, a request): kept with the hold, shown to admins. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The hold */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contact_id: string | null;
                            reason: string;
                            placed_by: string;
                            placed_at: string;
                            lifted_at: string | null;
                            lifted_by: string | null;
                            lift_reason: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact, or no hold in force */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Lift the workspace's legal hold */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (a matter, a request): kept with the hold, shown to admins. */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The hold */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            contact_id: string | null;
                            reason: string;
                            placed_by: string;
                            placed_at: string;
                            lifted_at: string | null;
                            lifted_by: string | null;
                            lift_reason: string | null;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No such contact, or no hold in force */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal holds of the workspace, in force and lifted, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Holds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            holds: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                contact_id: string | null;
                                reason: string;
                                placed_by: string;
                                placed_at: string;
                                lifted_at: string | null;
                                lifted_by: string | null;
                                lift_reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's monthly archive files of history past retention, newest month first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Archives */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archives: {
                                month: string;
                                messages: number;
                                row_counts: {
                                    [key: string]: number;
                                };
                                media_files: number;
                                codec: string;
                                raw_bytes: number;
                                compressed_bytes: number;
                                sha256: string;
                                created_at: string;
                                updated_at: string;
                                restored_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archives/{month}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a month's archived messages back into the threads
         * @description Rows come back with their ids and values, media files to their links; rows already present are left alone, rows whose contact or channel is gone are counted as skipped. The month then stays in the hot tables for 30 days before the daily job archives it again. Runs in batches and answers when done. Admin keys only; audited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    month: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What was restored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            month: string;
                            restored: {
                                [key: string]: number;
                            };
                            skipped: number;
                            media_files: number;
                            duration_ms: number;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description No archive of this workspace for that month */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace at a glance: messages today, open windows, queues, CRM sync, alerts, and the last 14 days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkspaceOverview"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Not allowed for this key */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable, migrations applied, background loops ticking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            driver: string;
                            checks: {
                                database: boolean;
                                migrations: boolean;
                                workers: boolean;
                            };
                            stalled_workers: string[];
                        };
                    };
                };
                /** @description Not ready (which check failed is in `checks`) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            driver: string;
                            checks: {
                                database: boolean;
                                migrations: boolean;
                                workers: boolean;
                            };
                            stalled_workers: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (Authorization: Bearer $METRICS_TOKEN) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Missing or wrong metrics token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Metrics are served on METRICS_PORT instead */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
                /** @description Metrics are off (neither METRICS_TOKEN nor METRICS_PORT set) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This description (OpenAPI 3.1) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Leads to the admin console */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect to /admin */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin console (sign in with an admin API key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The console page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The console is not built */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/{page}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the console: the same single-page app, which opens the page its address names */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    page: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The console page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The console is not built */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console's scripts and styles (content-hashed names, cached for a year) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/javascript": string;
                        "text/css": string;
                    };
                };
                /** @description No such asset */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/assets/swagger-ui-dist/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documentation page's own files (served locally: /docs works offline) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: "swagger-ui.css" | "swagger-ui-bundle.js";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/css": string;
                        "text/javascript": string;
                    };
                };
                /** @description No such asset */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "bad_request" | "validation_failed" | "invalid_json" | "invalid_envelope" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "conflict" | "send_refused" | "payload_too_large" | "not_configured" | "unavailable" | "crm_unavailable" | "internal";
                                message: string;
                                details?: {
                                    path: string;
                                    message: string;
                                }[];
                                reason?: string;
                                request_id?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A browsable page of this description */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description HTML page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        ConsoleSession: {
            /** Format: uuid */
            workspace_id: string;
            /** @enum {string} */
            scope: "admin" | "platform";
            expires_at: string;
        };
        Channel: {
            /** Format: uuid */
            id: string;
            phone_number_id: string;
            waba_id: string | null;
            display_phone_number: string;
            default_region: string;
            has_access_token: boolean;
            /** @enum {string} */
            ownership: "proven" | "unchecked";
            ownership_proven_at: string | null;
            verified_name: string | null;
            /** @description Messages per second this number may send */
            mps: number;
            /** @description Business-initiated recipients per rolling 24 h (null: unlimited) */
            tier_limit: number | null;
            coexistence: boolean;
            /** @description Sending paused after a block, until then */
            paused_until: string | null;
            paused_reason: string | null;
            /** @description Meta's last quality update (FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE) */
            quality_event: string | null;
            created_at: string;
        };
        NewChannel: {
            phone_number_id: string;
            display_phone_number?: string;
            default_region: string;
            waba_id?: string;
            access_token?: string;
        };
        DeadLetter: {
            /** @description A dead delivery id, or item-<n> for one item set aside from a delivery */
            id: string;
            /**
             * @description event: the whole delivery failed; item: one item failed and the rest of its delivery was stored
             * @enum {string}
             */
            kind: "event" | "item";
            source: string;
            received_at: string;
            attempts: number;
            /**
             * @description Classified reason; last_error says it in words (never SQL or data)
             * @enum {string|null}
             */
            reason: "database_rejected_text" | "database_rejected" | "database_unavailable" | "invalid_payload" | "worker_stopped" | "internal" | null;
            last_error: string | null;
            /** @description The delivery's numbers this key's workspace owns */
            phone_number_ids: string[];
            body_bytes: number;
            item: {
                /** @enum {string} */
                type: "message" | "status" | "preference" | "channel_event";
                /** @description wamid, or a hash */
                ref: string;
            } | null;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "admin" | "platform";
            /** Format: uuid */
            workspace_id: string;
            label: string;
            /** @description Seeded from ADMIN_API_KEY; replaced when it changes */
            from_config: boolean;
            created_at: string;
            /** @description To the minute */
            last_used_at: string | null;
            revoked_at: string | null;
            /** @description The key making this request */
            current: boolean;
        };
        MediaUpload: {
            /** Format: uuid */
            upload_id: string;
            /** @enum {string} */
            kind: "image" | "sticker" | "audio" | "video" | "document";
            /** Format: uuid */
            channel_id: string;
            filename: string | null;
            mime_type: string;
            bytes: number;
            width: number | null;
            height: number | null;
            source_bytes: number;
            /** @description Send before this; afterwards upload the file again */
            expires_at: string;
        };
        ContactChurn: {
            at_risk: boolean;
            since: string | null;
            reason: {
                [key: string]: unknown;
            } | null;
            history: {
                at: string;
                at_risk: boolean;
                reason: {
                    [key: string]: unknown;
                } | null;
            }[];
            weeks: {
                /** @description Monday of the local week, YYYY-MM-DD */
                week: string;
                inbound: number;
                outbound: number;
                /** @description Of what the person wrote that week, 0..1 */
                average_sentiment: number | null;
            }[];
        };
        Broadcast: {
            id: string;
            name: string;
            /** @enum {string} */
            state: "running" | "paused" | "cancelled" | "completed";
            /** @enum {string} */
            mode: "normal" | "spread";
            channel_id: string;
            template: {
                name: string;
                language: string;
            };
            audience: {
                tag: string;
            } | {
                /** @enum {string} */
                segment: "new" | "potential" | "high_intent" | "customer" | "at_risk" | "lost";
            } | {
                /** @description How many contacts were listed */
                contacts: number;
            };
            estimate: {
                recipients: number;
                api_calls: number;
                tier_limit: number | null;
                tier_room: number | null;
                mps: number;
                minutes_at_full_speed: number;
                /** @enum {string} */
                mode: "normal" | "spread";
                reason: string | null;
            };
            queued_recipients: number;
            refused: {
                [key: string]: number;
            };
            jobs: {
                [key: string]: number;
            };
            created_at: string;
        };
        Classification: {
            /**
             * @example price_discount
             * @enum {string}
             */
            intent: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
            /**
             * @description Calibrated probability
             * @example 0.97
             */
            confidence: number;
            /** @description Confidence too low to state the intent as a fact */
            suggestion: boolean;
            /** @description The primary intent first, then every other with confidence ≥ 0.1 */
            intents: {
                /** @enum {string} */
                value: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
                confidence: number;
            }[];
            /**
             * @description 0 = negative, 0.5 = neutral, 1 = positive
             * @example 0.5
             */
            sentiment: number;
            /**
             * @example pt
             * @enum {string}
             */
            language: "pt" | "es" | "en" | "zh" | "unknown";
        };
        ClassifyRequest: {
            /** @example oi, quanto custa o tênis preto? tem desconto no pix? */
            text: string;
        };
        Correction: {
            id: number;
            message_id: number;
            /** @enum {string} */
            field: "intent" | "sentiment";
            /** @description What the classifier had said */
            predicted: string | null;
            predicted_confidence: number | null;
            /** @description What the rep says */
            value: string;
            /** @description The rep confirmed the prediction */
            agreed: boolean;
            /** @description <scope>:<key id> of the call */
            corrected_by: string;
            /** @description The rep as the card named them */
            rep: string | null;
            corrected_at: string;
        };
        CorrectionRequest: {
            /** @enum {string} */
            field: "intent";
            /** @enum {string} */
            value: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
            rep?: string;
        } | {
            /** @enum {string} */
            field: "sentiment";
            /** @enum {string} */
            value: "negative" | "neutral" | "positive";
            rep?: string;
        };
        IntentAccuracy: {
            /** @enum {string} */
            intent: "order_status" | "price_discount" | "product_inquiry" | "store_location" | "complaint" | "quote" | "human_request" | "purchase_intent" | "other";
            reviewed: number;
            agreed: number;
            accuracy: number | null;
            paused: boolean;
            alert: {
                accuracy: number;
                reviewed: number;
                raised_at: string;
            } | null;
        };
        CrmStorageEstimate: {
            connection_id: string;
            provider: string;
            /** @example 2026-12 */
            month: string;
            /** @example America/Sao_Paulo */
            time_zone: string;
            /** @enum {string} */
            unit: "bytes" | "records";
            capacity: {
                value: number;
                /** @enum {string} */
                origin: "admin" | "crm" | "default";
                source: string;
            } | null;
            budget_percent: number;
            budget: number | null;
            this_month: {
                used: number;
                projected: number;
                used_share: number | null;
                projected_share: number | null;
            };
            last_month: {
                month: string;
                used: number;
            };
            kinds: {
                records: {
                    records_created: number;
                    writes: number;
                    bytes: number;
                    units: number;
                };
                message_logs: {
                    records_created: number;
                    writes: number;
                    bytes: number;
                    units: number;
                    skipped: number;
                };
                tasks: {
                    records_created: number;
                    writes: number;
                    bytes: number;
                    units: number;
                };
                files: {
                    records_created: number;
                    writes: number;
                    bytes: number;
                    units: number;
                };
            };
            thinning: {
                active: boolean;
                since: string | null;
                steps: ("automated_messages_not_logged" | "messages_one_log_per_contact_and_day")[];
            };
        };
        OrderLookupSettings: {
            configured: boolean;
            url: string | null;
            timeout_ms: number;
            secret_set: boolean;
        };
        AutomationRun: {
            id: string;
            contact_id: string;
            rule_id: string | null;
            rule_key: string | null;
            /** @description The inbound message that triggered the rule */
            message_id: string | null;
            action_type: string | null;
            action: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            state: "queued" | "running" | "done" | "refused" | "failed";
            attempts: number;
            /** @description Refusal reason (automation_paused, cap_exceeded:…, window_closed_template_required) or failure code */
            outcome: string | null;
            /** @description message_id of the queued send, the discount code given, the order found, the error */
            result: {
                [key: string]: unknown;
            } | null;
            created_at: string;
            run_after: string;
            finished_at: string | null;
        };
        EventSubscription: {
            /** Format: uuid */
            id: string;
            url: string;
            events: string[];
            description: string | null;
            active: boolean;
            disabled_reason: string | null;
            created_at: string;
        };
        NewEventSubscription: {
            /** Format: uri */
            url: string;
            events: ("message.received" | "message.status" | "contact.created" | "contact.tagged" | "segment.changed" | "review.created" | "alert.raised")[];
            description?: string;
        };
        EventDelivery: {
            id: number;
            /** Format: uuid */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            state: "pending" | "sending" | "delivered" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            last_status: number | null;
            last_error: string | null;
            delivered_at: string | null;
            created_at: string;
            payload: {
                [key: string]: unknown;
            };
        };
        AuditEntry: {
            id: string;
            at: string;
            /** @enum {string} */
            actor_type: "api_key" | "crm_user" | "system";
            actor_id: string | null;
            crm_user_id: string | null;
            scope: string | null;
            action: string;
            target_type: string | null;
            target_id: string | null;
            detail: {
                [key: string]: unknown;
            };
            status: number | null;
            request_id: string | null;
        };
        WeeklyReports: {
            weeks: {
                week_start: string;
                created_at: string;
                report: {
                    week_start: string;
                    week_end: string;
                    time_zone: string;
                    service: {
                        total: {
                            responses: number;
                            median_seconds: number | null;
                            p90_seconds: number | null;
                            first_responses: number;
                            first_median_seconds: number | null;
                            first_p90_seconds: number | null;
                            business_responses?: number;
                            business_median_seconds?: number | null;
                            business_p90_seconds?: number | null;
                            first_business_median_seconds?: number | null;
                            first_business_p90_seconds?: number | null;
                        };
                        rows: {
                            group: string;
                            responses: number;
                            median_seconds: number | null;
                            p90_seconds: number | null;
                            first_responses: number;
                            first_median_seconds: number | null;
                            first_p90_seconds: number | null;
                            business_responses?: number;
                            business_median_seconds?: number | null;
                            business_p90_seconds?: number | null;
                            first_business_median_seconds?: number | null;
                            first_business_p90_seconds?: number | null;
                        }[];
                    };
                    funnel: components["schemas"]["FunnelReport"];
                    cost: components["schemas"]["CostReport"];
                };
            }[];
        };
        FunnelReport: {
            total: {
                group: string;
                contacts: number;
                qualified: number;
                ordered: number;
                qualified_rate: number | null;
                qualified_order_rate: number | null;
            };
            rows: {
                group: string;
                contacts: number;
                qualified: number;
                ordered: number;
                qualified_rate: number | null;
                qualified_order_rate: number | null;
            }[];
        };
        CostReport: {
            currency: string;
            unpriced_categories: string[];
            total: {
                group: string;
                billable: {
                    [key: string]: number;
                };
                cost: number;
                conversations: number;
                cost_per_conversation: number | null;
            };
            rows: {
                group: string;
                billable: {
                    [key: string]: number;
                };
                cost: number;
                conversations: number;
                cost_per_conversation: number | null;
            }[];
        };
        ServiceReportAnswer: components["schemas"]["ServiceReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        ServiceReport: {
            total: {
                responses: number;
                median_seconds: number | null;
                p90_seconds: number | null;
                first_responses: number;
                first_median_seconds: number | null;
                first_p90_seconds: number | null;
                business_responses: number;
                business_median_seconds: number | null;
                business_p90_seconds: number | null;
                first_business_median_seconds: number | null;
                first_business_p90_seconds: number | null;
            };
            rows: {
                group: string;
                responses: number;
                median_seconds: number | null;
                p90_seconds: number | null;
                first_responses: number;
                first_median_seconds: number | null;
                first_p90_seconds: number | null;
                business_responses: number;
                business_median_seconds: number | null;
                business_p90_seconds: number | null;
                first_business_median_seconds: number | null;
                first_business_p90_seconds: number | null;
            }[];
        };
        ActivityReportAnswer: components["schemas"]["ActivityReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        ActivityReport: {
            rows: {
                group: string;
                inbound: number;
                outbound: number;
                complaints: number;
                complaint_rate: number | null;
                conversations: number;
            }[];
            hour_of_week: {
                weekday: number;
                hour: number;
                inbound: number;
                outbound: number;
            }[];
            peak_hours: {
                hour: number;
                inbound: number;
                share: number;
            }[];
        };
        CostReportAnswer: components["schemas"]["CostReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        FunnelReportAnswer: components["schemas"]["FunnelReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        ChurnReportAnswer: components["schemas"]["ChurnReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        ChurnReport: {
            at_risk_now: number;
            rows: {
                group: string;
                /** @description Became at risk in the group and still are */
                became_at_risk: number;
                average_sentiment: number | null;
                /** @description Every mark in the group, including contacts that recovered since */
                marked: number;
                /** @description Left churn risk in the group */
                recovered: number;
            }[];
            /** @description Contacts first seen in the period, by first-contact month */
            cohorts: {
                /** @description Local month the contacts first wrote, YYYY-MM */
                cohort: string;
                contacts: number;
                ever_at_risk: number;
                at_risk_now: number;
                recovered: number;
            }[];
        };
        ProductSuggestionsReport: {
            time_zone: string;
            month: string;
            previous_month: string;
            rows: {
                sku: string;
                name: string | null;
                messages: number;
                negative: number;
                negative_share: number;
                previous_negative: number;
                /** @enum {string} */
                trend: "new" | "rising" | "steady" | "falling";
                /** @enum {string} */
                theme: "price" | "delivery" | "quality" | "information" | "other";
                suggestion: string;
                phrases: {
                    /** @enum {string} */
                    kind: "word" | "phrase";
                    term: string;
                    messages: number;
                    negative: number;
                    previous_negative: number;
                    /** @enum {string} */
                    trend: "new" | "rising" | "steady" | "falling";
                    /** @enum {string} */
                    theme: "price" | "delivery" | "quality" | "information" | "other";
                }[];
            }[];
        };
        KeywordsReportAnswer: components["schemas"]["KeywordsReport"] & {
            time_zone: string;
            from: string;
            to: string;
            group_by: string;
        };
        KeywordsReport: {
            previous_from: string;
            previous_to: string;
            customer_messages: number;
            rows: {
                group: string;
                /** @enum {string} */
                kind: "word" | "phrase";
                term: string;
                messages: number;
                share: number | null;
                previous_messages: number;
                change: number | null;
                /** @enum {string} */
                trend: "new" | "rising" | "steady" | "falling";
            }[];
        };
        Alert: {
            id: string;
            /** @enum {string} */
            rule: "complaint_rate" | "agent_response_time" | "sync_success" | "intent_conversion" | "api_health" | "sync_accuracy" | "crm_storage_budget";
            subject: string;
            period: string;
            figures: {
                [key: string]: unknown;
            };
            suggestion: string | null;
            raised_at: string;
            resolved_at: string | null;
        };
        WorkspaceOverview: {
            /** @description The workspace's time zone (locale settings): days are its days */
            time_zone: string;
            today: {
                inbound: number;
                outbound: number;
            };
            /** @description Contacts who wrote in the last 24 hours */
            open_windows: number;
            queues: {
                sends_waiting: number;
                crm_changes_due: number;
                crm_changes_parked: number;
                review_open: number;
                dead_letters: number;
                /** @description More dead letters than counted */
                dead_letters_capped: boolean;
            };
            connections: {
                /** Format: uuid */
                id: string;
                provider: string;
                account_id: string;
                state: string;
                last_synced_at: string | null;
                last_error: string | null;
            }[];
            open_alerts: number;
            days: {
                day: string;
                inbound: number;
                outbound: number;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
