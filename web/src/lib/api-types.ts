// Generated from openapi.json by scripts/api-types.mjs (openapi-typescript): do not edit.
// Regenerate with `npm run api-types -- ../build/release/cdcwb` after changing the API.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealth"];
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
        /** Readiness: the database answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API's OpenAPI 3.1 document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their memberships and the CSRF token */
        get: operations["getSession"];
        put?: never;
        /** Sign in with a user name and password, and "code" (a TOTP or recovery code) when the account has two-factor sign-in; sets the session cookie. After a few failures for the account or from the address, attempts wait (429 with Retry-After) */
        post: operations["signIn"];
        /** Sign out: ends the session and clears the cookie */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
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
        /** Change the caller's own preferences: {"lang": "ja" | "en"} */
        patch: operations["updateMyPreferences"];
        trace?: never;
    };
    "/api/v1/vocabulary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Levels, assignments, phases, cycles and the other closed vocabularies in both languages, the rubrics' level texts and the quadrant advisor's tables */
        get: operations["getVocabulary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The loaded catalogues, crosswalks and templates */
        get: operations["listCatalogues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalogs/{catalog}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One catalogue: categories and services with names, descriptions and sourcing */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{template}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template: the level of every service */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crosswalks/{crosswalk}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One crosswalk: every link between the two catalogues, and the unmatched items */
        get: operations["getCrosswalk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations the caller belongs to (all, for site administrators) */
        get: operations["listOrganisations"];
        put?: never;
        /** Create an organisation, optionally starting from a template's levels */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation's settings */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        /** Delete an organisation and everything in it (the audit log keeps its history) */
        delete: operations["deleteOrganisation"];
        options?: never;
        head?: never;
        /** Change the name, reference template, evaluation interval or whether approvals need someone other than who recorded the evaluation (If-Match: revision) */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/api/v1/orgs/{org}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's members and their roles */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/members/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a user a role here: {"role": "assessor"} */
        put: operations["setMemberRole"];
        post?: never;
        /** Remove a user from the organisation */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live evaluation: scores, findings, changes since the last evaluation, trend, what is due, draft actions (?date=YYYY-MM-DD) */
        get: operations["getReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation as a cdcwb/v1 assessment file (YAML) */
        get: operations["exportOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every service of the organisation's matrix (figure 4), in catalogue order */
        get: operations["listServiceEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace many entries at once, all or nothing: {"services": [{"service", "revision", …}]} */
        patch: operations["updateServiceEntries"];
        trace?: never;
    };
    "/api/v1/orgs/{org}/services/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service's entry; its ETag is its revision */
        get: operations["getServiceEntry"];
        /** Replace one service's entry (If-Match or "revision": the revision edited); a stale revision is a 409 with the current entry */
        put: operations["updateServiceEntry"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/custom-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's own services: id, category, names, descriptions, sourcing */
        get: operations["listCustomServices"];
        put?: never;
        /** Add an organisation-specific service (and its empty entry) */
        post: operations["addCustomService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/custom-services/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a custom service (refused while an action links it) */
        delete: operations["removeCustomService"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's evidence files */
        get: operations["listEvidence"];
        put?: never;
        /** Upload an evidence file: the raw bytes as the body, its type as Content-Type, ?filename=… */
        post: operations["uploadEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/evidence/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one evidence file */
        get: operations["downloadEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every recorded evaluation, oldest first, with finding counts and approval */
        get: operations["listEvaluations"];
        put?: never;
        /** Run the evaluations on the current matrix and record them: {"date", "kinds", "note", "id"} (all optional) */
        post: operations["runEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/evaluations/{evaluation}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evaluation: the matrix it judged and its findings */
        get: operations["getEvaluation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/evaluations/{evaluation}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off an evaluation (once), dated today; by someone other than who recorded it when the organisation separates the duties */
        post: operations["approveEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two evaluations: ?from=ID&to=ID (to omitted: the current matrix) */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overall and per-category scores over every recorded evaluation */
        get: operations["listTrends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The trigger events recorded */
        get: operations["listEvents"];
        put?: never;
        /** Record a trigger event: {"date", "kind", "note"} */
        post: operations["recordEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evaluations due and why (?date=YYYY-MM-DD, default today) */
        get: operations["listDueEvaluations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every improvement action, with its phase, cycle, status and history */
        get: operations["listActions"];
        put?: never;
        /** Create an action (an empty id is numbered A-<n>) */
        post: operations["createAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action; its ETag is its revision */
        get: operations["getAction"];
        /** Replace an action (If-Match or "revision") */
        put: operations["updateAction"];
        post?: never;
        /** Delete an action (If-Match: its revision) */
        delete: operations["deleteAction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/actions/{action}/escalation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a short-cycle action into the long cycle: {"note", "date", "revision"} */
        post: operations["escalateAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/action-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Draft actions for the current findings no open action answers (not saved) */
        get: operations["listActionDrafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user */
        get: operations["listUsers"];
        put?: never;
        /** Create a user: {"username", "password", "display_name", "lang", "is_admin"} */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user and their memberships */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Disable or enable an account, or set its password: {"disabled", "password"} */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's API tokens (never the tokens themselves) */
        get: operations["listTokens"];
        put?: never;
        /** Create an API token for the caller: {"name", "scope": "read" | "read_write", "password" (the caller's, again), "days" (default 90, at most 365)}; the token is shown once */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller's API tokens */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's open sessions: when each began and was last used, the address it was opened from, and which one is making this request (never the tokens) */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        /** Sign out everywhere else: ends every session of the caller except the one making this request (which must be a session, not an API token) */
        delete: operations["endMyOtherSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{session}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of the caller's sessions, by the id GET /api/v1/me/sessions gives */
        delete: operations["endMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the caller's own password: {"current_password", "new_password"}; ends their other sessions */
        post: operations["changeMyPassword"];
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
        /** The audit log, newest first: ?org, entity, entity_id, actor, since, until, limit (1–1000), before (paging) */
        get: operations["listAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's audit log, newest first (same filters as /api/v1/audit) */
        get: operations["listOrganisationAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks every audit chain (the site-wide one and each organisation's, deleted ones included) and names the first record of each that is not as written */
        get: operations["verifyAuditChains"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks the organisation's audit chain and names the first record that is not as written */
        get: operations["verifyOrganisationAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the caller's two-factor sign-in is on, required, and how many recovery codes are left */
        get: operations["getTwoFactor"];
        put?: never;
        /** Start setting up two-factor sign-in: a new secret, its otpauth:// URI and the URI as a QR code (an SVG path in module units); confirm with a code */
        post: operations["startTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/two-factor/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor sign-in on with a first code: {"code"}; answers the 10 one-time recovery codes, shown this once */
        post: operations["confirmTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/two-factor/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor sign-in off: {"password", "code"} (a current code or a recovery code) */
        post: operations["disableTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user}/two-factor/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn another user's two-factor sign-in off when they lost their device: {"password"} (the administrator's own); ends the user's sessions, keeps their API tokens (audited) */
        post: operations["resetUserTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/site-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The site's settings: whom two-factor sign-in is required of */
        get: operations["getSiteSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the site's settings: {"two_factor_required": "none" | "admins" | "everyone"} (audited) */
        patch: operations["updateSiteSettings"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LocalizedText: {
            en: string;
            ja: string;
        };
        Finding: {
            evaluation: components["schemas"]["EvaluationKind"];
            severity: components["schemas"]["Severity"];
            code: string;
            service: string;
            level: components["schemas"]["Level"] | null;
            reference_level: components["schemas"]["Level"] | null;
            assignment: components["schemas"]["Assignment"] | null;
            quadrant: components["schemas"]["Quadrant"] | null;
            as_is: number | null;
            to_be: number | null;
            message: components["schemas"]["LocalizedText"];
        };
        Aggregate: {
            counted: number;
            not_applicable: number;
            incomplete: number;
            as_is: number | null;
            to_be: number | null;
            gap: number | null;
        };
        ActionValue: {
            id: string;
            title: string;
            services: string[];
            phase: components["schemas"]["Phase"];
            phase_overridden: boolean;
            cycle: components["schemas"]["Cycle"];
            owner: string;
            due: string | null;
            status: components["schemas"]["ActionStatus"];
            resources: string;
            finding: string | null;
            history: {
                date: string;
                what: string;
                from: string;
                to: string;
                note: string;
            }[];
            open: boolean;
            overdue: boolean;
            can_escalate: boolean;
        };
        DraftAction: components["schemas"]["ActionValue"] & {
            texts: {
                title: components["schemas"]["LocalizedText"];
                resources: components["schemas"]["LocalizedText"];
            };
            parameters: {
                code: string;
                service: string;
                from: number | null;
                to: number | null;
                quadrant: components["schemas"]["Quadrant"] | null;
            };
        };
        /** @enum {string} */
        ScoreSlot: "insource" | "outsource" | "unassigned";
        /** @enum {string} */
        ProfileIssue: "unassigned" | "quadrant_mismatch" | "missing_owner" | "missing_provider";
        TriggerEvent: {
            date: string;
            kind: components["schemas"]["TriggerKind"];
            note: string;
        };
        DueEvaluation: {
            evaluation: components["schemas"]["EvaluationKind"];
            last_done: string | null;
            events: components["schemas"]["TriggerEvent"][];
            scheduled_date: string | null;
        };
        /** @enum {string} */
        Level: "not_required" | "basic" | "standard" | "advanced" | "optional";
        /** @enum {string} */
        Assignment: "insource" | "outsource" | "both" | "unassigned";
        /** @enum {string} */
        Phase: "strategic" | "operation" | "response";
        /** @enum {string} */
        Severity: "error" | "warning" | "info";
        /** @enum {string} */
        NodeKind: "category" | "service" | "area" | "function" | "internal";
        /** @enum {string} */
        TriggerKind: "business_change" | "new_threat" | "organisation_change" | "provider_change" | "schedule";
        /** @enum {string} */
        EvaluationKind: "catalogue" | "profile" | "portfolio";
        /** @enum {string} */
        Cycle: "short" | "long";
        /** @enum {string} */
        ActionStatus: "open" | "in_progress" | "done" | "cancelled";
        /** @enum {string} */
        Quadrant: "I" | "II" | "III" | "IV";
        /** @enum {string} */
        Information: "internal" | "external";
        Change: {
            service: string;
            field: string;
            before: string | null;
            after: string | null;
        };
        Vocabulary: {
            levels: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            assignments: {
                id: string;
                name: components["schemas"]["LocalizedText"];
                score_pairs: components["schemas"]["ScoreSlot"][];
                needs_owner: boolean;
                needs_provider: boolean;
            }[];
            phases: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            cycles: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            evaluation_kinds: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            trigger_kinds: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            severities: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            action_statuses: {
                id: string;
                name: components["schemas"]["LocalizedText"];
            }[];
            score_options: {
                insource: {
                    as_is: components["schemas"]["Score"][];
                    to_be: components["schemas"]["Score"][];
                };
                outsource: {
                    as_is: components["schemas"]["Score"][];
                    to_be: components["schemas"]["Score"][];
                };
                unassigned: {
                    as_is: components["schemas"]["Score"][];
                    to_be: components["schemas"]["Score"][];
                };
            };
            whole_pair_scores: components["schemas"]["Score"][];
            rubrics: {
                insource: {
                    name: components["schemas"]["LocalizedText"];
                    levels: {
                        1: components["schemas"]["LocalizedText"];
                        2: components["schemas"]["LocalizedText"];
                        3: components["schemas"]["LocalizedText"];
                        4: components["schemas"]["LocalizedText"];
                        5: components["schemas"]["LocalizedText"];
                        "n/a": components["schemas"]["LocalizedText"];
                    };
                };
                outsource: {
                    name: components["schemas"]["LocalizedText"];
                    levels: {
                        1: components["schemas"]["LocalizedText"];
                        2: components["schemas"]["LocalizedText"];
                        3: components["schemas"]["LocalizedText"];
                        4: components["schemas"]["LocalizedText"];
                        5: components["schemas"]["LocalizedText"];
                        "n/a": components["schemas"]["LocalizedText"];
                    };
                };
            };
            quadrants: {
                id: components["schemas"]["Quadrant"];
                balance: string;
                guidance: components["schemas"]["LocalizedText"];
                mismatch: {
                    insource: components["schemas"]["LocalizedText"] | null;
                    outsource: components["schemas"]["LocalizedText"] | null;
                    both: components["schemas"]["LocalizedText"] | null;
                    unassigned: components["schemas"]["LocalizedText"] | null;
                };
            }[];
            quadrant_of: {
                information: components["schemas"]["Information"];
                specialist_skill: boolean;
                quadrant: components["schemas"]["Quadrant"];
            }[];
            limits: {
                organisation_id: {
                    pattern: string;
                    max_length: number;
                };
                evaluation_interval_days: {
                    min: number;
                    max: number;
                    default: number;
                };
                username: {
                    pattern: string;
                    max_length: number;
                };
                password: {
                    min_length: number;
                    max_bytes: number;
                };
                token_lifetime_days: {
                    min: number;
                    max: number;
                    default: number;
                };
            };
        };
        Library: {
            catalogs: ({
                id: string;
                title: components["schemas"]["LocalizedText"];
                version: string;
                edition_date: string;
                publisher: components["schemas"]["LocalizedText"];
                licence_note: components["schemas"]["LocalizedText"];
                languages: string[];
            } & {
                counts: {
                    [key: string]: number;
                };
                source: string;
            })[];
            crosswalks: {
                id: string;
                from: string;
                to: string;
                version: string;
                links: number;
                source: string;
            }[];
            templates: {
                id: string;
                catalog: string;
                name: components["schemas"]["LocalizedText"];
                source: string;
            }[];
        };
        CatalogueDocument: {
            catalog: {
                id: string;
                title: components["schemas"]["LocalizedText"];
                version: string;
                edition_date: string;
                publisher: components["schemas"]["LocalizedText"];
                licence_note: components["schemas"]["LocalizedText"];
                languages: string[];
            } & {
                source: string;
            };
            nodes: {
                id: string;
                kind: components["schemas"]["NodeKind"];
                parent: string | null;
                name: components["schemas"]["LocalizedText"];
                description: components["schemas"]["LocalizedText"];
                aliases: {
                    lang: string | null;
                    name: string;
                    source: string;
                }[];
                phase?: components["schemas"]["Phase"] | null;
                sourcing?: {
                    information: components["schemas"]["Information"];
                    specialist_skill: boolean;
                    quadrant: components["schemas"]["Quadrant"];
                    reason: components["schemas"]["LocalizedText"];
                };
            }[];
        };
        TemplateDocument: {
            template: {
                id: string;
                catalog: string;
                name: components["schemas"]["LocalizedText"];
                audience: components["schemas"]["LocalizedText"];
                source: string;
            };
            levels: {
                service: string;
                name: components["schemas"]["LocalizedText"];
                level: components["schemas"]["Level"];
            }[];
        };
        Review: {
            /** @enum {string} */
            format: "cdcwb/v1";
            organisation: {
                id: string;
                name: string;
            };
            catalog: string;
            reference_template: string | null;
            date: string;
            summary: {
                error: number;
                warning: number;
                info: number;
            };
            scores: {
                overall: {
                    counted: number;
                    not_applicable: number;
                    incomplete: number;
                    as_is: number | null;
                    to_be: number | null;
                    gap: number | null;
                };
                phases: {
                    strategic: {
                        counted: number;
                        not_applicable: number;
                        incomplete: number;
                        as_is: number | null;
                        to_be: number | null;
                        gap: number | null;
                    };
                    operation: {
                        counted: number;
                        not_applicable: number;
                        incomplete: number;
                        as_is: number | null;
                        to_be: number | null;
                        gap: number | null;
                    };
                    response: {
                        counted: number;
                        not_applicable: number;
                        incomplete: number;
                        as_is: number | null;
                        to_be: number | null;
                        gap: number | null;
                    };
                };
                categories: {
                    counted: number;
                    not_applicable: number;
                    incomplete: number;
                    as_is: number | null;
                    to_be: number | null;
                    gap: number | null;
                    id: string;
                    name: components["schemas"]["LocalizedText"];
                    phase: components["schemas"]["Phase"] | null;
                }[];
            };
            services: {
                id: string;
                name: components["schemas"]["LocalizedText"];
                category: string;
                custom: boolean;
                level: components["schemas"]["Level"] | null;
                assignment: components["schemas"]["Assignment"];
                owner: string;
                provider: string;
                quadrant: components["schemas"]["Quadrant"] | null;
                /** @enum {string} */
                score_state: "scored" | "not_applicable" | "incomplete";
                as_is: number | null;
                to_be: number | null;
                gap: number | null;
                in_catalogue: boolean;
            }[];
            findings: components["schemas"]["Finding"][];
            due: components["schemas"]["DueEvaluation"][];
            changes_since: {
                evaluation: string;
                date: string;
                changes: components["schemas"]["Change"][];
            } | null;
            trends: {
                scope: string;
                points: {
                    counted: number;
                    not_applicable: number;
                    incomplete: number;
                    as_is: number | null;
                    to_be: number | null;
                    gap: number | null;
                    evaluation: string;
                    date: string;
                }[];
            }[];
            actions: components["schemas"]["ActionValue"][];
            draft_actions: components["schemas"]["DraftAction"][];
        };
        /** @enum {string} */
        Lang: "en" | "ja";
        /** @enum {string} */
        Role: "admin" | "assessor" | "approver" | "viewer";
        /** @enum {string} */
        Score: "1" | "2" | "3" | "4" | "5" | "n/a";
        Sourcing: {
            information: components["schemas"]["Information"];
            specialist_skill: boolean;
        };
        ScorePair: {
            as_is: components["schemas"]["Score"] | null;
            to_be: components["schemas"]["Score"] | null;
        };
        ServiceEntryValue: {
            service: string;
            level: components["schemas"]["Level"] | null;
            assignment: components["schemas"]["Assignment"];
            owner: string;
            provider: string;
            sourcing: components["schemas"]["Sourcing"] | null;
            insource: components["schemas"]["ScorePair"];
            outsource: components["schemas"]["ScorePair"];
            unassigned: components["schemas"]["ScorePair"];
            rationale: string;
            evidence: string[];
            capacity: string;
            capability: string;
        };
        ServiceEntry: components["schemas"]["ServiceEntryValue"] & {
            name: components["schemas"]["LocalizedText"];
            category: string;
            phase: components["schemas"]["Phase"];
            custom: boolean;
            quadrant: components["schemas"]["Quadrant"] | null;
            quadrant_mismatch: components["schemas"]["LocalizedText"] | null;
            in_catalogue: boolean;
            scored: boolean;
            score_pairs: components["schemas"]["ScoreSlot"][];
            gaps: {
                insource: number | null;
                outsource: number | null;
                unassigned: number | null;
            };
            gap: number | null;
            profile_issues: components["schemas"]["ProfileIssue"][];
            revision: number;
            updated_at: string;
            updated_by: string;
        };
        ServiceEntryInput: {
            service?: string;
            level?: components["schemas"]["Level"] | null;
            assignment?: components["schemas"]["Assignment"];
            owner?: string;
            provider?: string;
            sourcing?: components["schemas"]["Sourcing"] | null;
            insource?: {
                as_is?: (number | components["schemas"]["Score"]) | null;
                to_be?: (number | components["schemas"]["Score"]) | null;
            };
            outsource?: {
                as_is?: (number | components["schemas"]["Score"]) | null;
                to_be?: (number | components["schemas"]["Score"]) | null;
            };
            unassigned?: {
                as_is?: (number | components["schemas"]["Score"]) | null;
                to_be?: (number | components["schemas"]["Score"]) | null;
            };
            rationale?: string;
            evidence?: string[];
            capacity?: string;
            capability?: string;
            name?: components["schemas"]["LocalizedText"];
            category?: string;
            phase?: components["schemas"]["Phase"];
            custom?: boolean;
            quadrant?: components["schemas"]["Quadrant"] | null;
            quadrant_mismatch?: components["schemas"]["LocalizedText"] | null;
            in_catalogue?: boolean;
            scored?: boolean;
            score_pairs?: components["schemas"]["ScoreSlot"][];
            gaps?: {
                insource: number | null;
                outsource: number | null;
                unassigned: number | null;
            };
            gap?: number | null;
            profile_issues?: components["schemas"]["ProfileIssue"][];
            revision?: number;
            updated_at?: string;
            updated_by?: string;
        };
        ServiceEntriesInput: {
            services: (components["schemas"]["ServiceEntryInput"] & {
                service: string;
                revision: number;
            })[];
        };
        OrganisationInput: {
            id: string;
            name: string;
            catalog?: string;
            template?: string;
        };
        OrganisationSettingsInput: {
            name?: string;
            reference_template?: string | null;
            evaluation_interval_days?: number;
            separate_approver?: boolean;
            revision?: number;
        };
        MembershipInput: {
            role: components["schemas"]["Role"];
        };
        UserInput: {
            username: string;
            password: string;
            display_name?: string;
            lang?: components["schemas"]["Lang"];
            is_admin?: boolean;
        };
        UserChangeInput: {
            disabled?: boolean;
            password?: string;
        };
        PreferencesInput: {
            lang: components["schemas"]["Lang"];
        };
        TokenInput: {
            name: string;
            scope: components["schemas"]["TokenScope"];
            password: string;
            /** @default 90 */
            days: number;
        };
        Credentials: {
            username: string;
            password: string;
            code?: string;
        };
        PasswordChangeInput: {
            current_password: string;
            new_password: string;
        };
        EscalationInput: {
            note?: string;
            date?: string;
            revision?: number;
        };
        EvaluationInput: {
            id?: string;
            date?: string;
            kinds?: components["schemas"]["EvaluationKind"][];
            note?: string;
        };
        ApprovalInput: {
            date?: string;
        };
        Organisation: {
            id: string;
            name: string;
            catalog: string;
            reference_template: string;
            evaluation_interval_days: number;
            separate_approver: boolean;
            custom_services: number;
            revision: number;
            created_at: string;
        };
        Action: components["schemas"]["ActionValue"] & {
            revision: number;
            updated_at: string;
            updated_by: string;
        };
        ActionInput: {
            id?: string;
            title?: string;
            services?: string[];
            phase?: components["schemas"]["Phase"] | null;
            phase_overridden?: boolean;
            cycle?: components["schemas"]["Cycle"];
            owner?: string;
            due?: string | null;
            status?: components["schemas"]["ActionStatus"];
            resources?: string;
            finding?: string | null;
            history?: {
                date: string;
                what: string;
                from: string;
                to: string;
                note: string;
            }[];
            open?: boolean;
            overdue?: boolean;
            can_escalate?: boolean;
            texts?: {
                title: components["schemas"]["LocalizedText"];
                resources: components["schemas"]["LocalizedText"];
            };
            parameters?: {
                code: string;
                service: string;
                from: number | null;
                to: number | null;
                quadrant: components["schemas"]["Quadrant"] | null;
            };
            revision?: number;
            updated_at?: string;
            updated_by?: string;
        };
        Event: components["schemas"]["TriggerEvent"] & {
            id: number;
            created_at: string;
            created_by: string;
        };
        EventInput: {
            date: string;
            kind: components["schemas"]["TriggerKind"];
            note?: string;
        };
        EvaluationSummary: {
            id: string;
            date: string;
            kinds: components["schemas"]["EvaluationKind"][];
            note: string;
            reference_template: string;
            approved_by: string | null;
            approved_on: string | null;
            findings_count: {
                error: number;
                warning: number;
                info: number;
            };
            created_at: string;
            created_by: string;
        };
        Evaluation: components["schemas"]["EvaluationSummary"] & {
            findings: components["schemas"]["Finding"][];
            services: components["schemas"]["ServiceEntryValue"][];
        };
        User: {
            username: string;
            display_name: string;
            is_admin: boolean;
            disabled: boolean;
            lang: components["schemas"]["Lang"];
            created_at: string;
        };
        Membership: {
            org: string;
            org_name: string;
            user: string;
            role: components["schemas"]["Role"];
        };
        Token: {
            id: number;
            user: string;
            name: string;
            prefix: string;
            scope: components["schemas"]["TokenScope"];
            created_at: string;
            expires_at: string | null;
            last_used_at: string | null;
            revoked_at: string | null;
        };
        /** @enum {string} */
        TokenScope: "read" | "read_write";
        SessionInfo: {
            id: string;
            created_at: string;
            last_seen_at: string;
            expires_at: string;
            address: string;
            current: boolean;
        };
        AuditRecord: {
            id: number;
            at: string;
            actor: string;
            org: string | null;
            entity: string;
            entity_id: string;
            operation: string;
            before: unknown;
            after: unknown;
            hash: string | null;
        };
        AuditChain: {
            chain: string;
            org: string | null;
            records: number;
            head_id: number;
            head_hash: string;
            verified: boolean;
            broken: {
                record_id: number;
                /** @enum {string} */
                kind: "edited" | "removed" | "reordered" | "truncated" | "head";
                message: string;
            } | null;
        };
        AuditVerification: {
            verified: boolean;
            chains: components["schemas"]["AuditChain"][];
        };
        Evidence: {
            sha256: string;
            reference: string;
            filename: string;
            media_type: string;
            size: number;
            created_at: string;
            created_by: string;
        };
        CustomService: {
            id: string;
            category: string;
            name: components["schemas"]["LocalizedText"];
            description: components["schemas"]["LocalizedText"];
            sourcing: components["schemas"]["Sourcing"] | null;
        };
        CustomServiceInput: {
            id: string;
            category: string;
            name: {
                en?: string;
                ja?: string;
            };
            description?: {
                en?: string;
                ja?: string;
            };
            sourcing?: components["schemas"]["Sourcing"] | null;
        };
        Error: {
            error: {
                request_id: string;
                /** @enum {string} */
                code: "invalid_input" | "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "headers_too_large" | "too_many_requests" | "internal" | "unavailable";
                message: string;
                field?: string;
            };
            current?: unknown;
        };
    };
    responses: {
        /** @description Invalid input: the error names the field and what is allowed */
        InvalidInput: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not signed in, or the session or token is no longer valid */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not allowed for the caller's role, or a missing CSRF token */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource (or not visible to the caller) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Conflict: changed by someone else, or exists (with "current": the record as it is now) */
        Conflict: {
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
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
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
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
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
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        schema_version: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        paths: unknown;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        csrf_token: string | null;
                        expires_at?: string;
                        memberships: components["schemas"]["Membership"][];
                        two_factor: {
                            enabled: boolean;
                            must_enrol: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        csrf_token: string | null;
                        expires_at?: string;
                        memberships: components["schemas"]["Membership"][];
                        two_factor: {
                            enabled: boolean;
                            must_enrol: boolean;
                        };
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getVocabulary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vocabulary"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listCatalogues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Library"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                catalog: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueDocument"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDocument"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCrosswalk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                crosswalk: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        from_catalog: string;
                        to_catalog: string;
                        version: string;
                        note: components["schemas"]["LocalizedText"];
                        links: {
                            from: string;
                            to: string;
                            relation: string;
                        }[];
                        unmatched_from: {
                            id: string;
                            note: components["schemas"]["LocalizedText"];
                        }[];
                        unmatched_to: {
                            id: string;
                            note: components["schemas"]["LocalizedText"];
                        }[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organisations: (components["schemas"]["Organisation"] & {
                            role: components["schemas"]["Role"] | null;
                        })[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrganisationInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrganisationSettingsInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: components["schemas"]["Membership"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    setMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                user: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MembershipInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        org: string;
                        user: string;
                        role: components["schemas"]["Role"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getReview: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listServiceEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        org: string;
                        catalog: string;
                        services: components["schemas"]["ServiceEntry"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateServiceEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ServiceEntriesInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        services: components["schemas"]["ServiceEntry"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getServiceEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceEntry"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateServiceEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                service: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ServiceEntryInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceEntry"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listCustomServices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        custom_services: components["schemas"]["CustomService"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addCustomService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CustomServiceInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceEntry"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    removeCustomService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evidence: components["schemas"]["Evidence"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    uploadEvidence: {
        parameters: {
            query?: {
                filename?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    downloadEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listEvaluations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evaluations: components["schemas"]["EvaluationSummary"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    runEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EvaluationInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                evaluation: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    approveEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                evaluation: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApprovalInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationSummary"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listChanges: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        changes: components["schemas"]["Change"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listTrends: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trends: {
                            scope: string;
                            points: {
                                evaluation: string;
                                date: string;
                                value: components["schemas"]["Aggregate"];
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["Event"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    recordEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EventInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listDueEvaluations: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        due: components["schemas"]["DueEvaluation"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: components["schemas"]["Action"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    deleteAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    escalateAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EscalationInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listActionDrafts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        drafts: components["schemas"]["DraftAction"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["User"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UserInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"] & {
                        memberships: components["schemas"]["Membership"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UserChangeInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: components["schemas"]["Token"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TokenInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"] & {
                        token: string;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: components["schemas"]["SessionInfo"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    endMyOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ended: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    endMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PasswordChangeInput"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listAuditRecords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: components["schemas"]["AuditRecord"][];
                        next_before: number | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listOrganisationAuditRecords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        records: components["schemas"]["AuditRecord"][];
                        next_before: number | null;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    verifyAuditChains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    verifyOrganisationAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChain"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        pending: boolean;
                        must_enrol: boolean;
                        recovery_codes_left: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    startTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        uri: string;
                        qr: {
                            size: number;
                            path: string;
                        };
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    confirmTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recovery_codes: string[];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    disableTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    resetUserTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions_ended: number;
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getSiteSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        two_factor_required: "none" | "admins" | "everyone";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSiteSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    two_factor_required: "none" | "admins" | "everyone";
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        two_factor_required: "none" | "admins" | "everyone";
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
