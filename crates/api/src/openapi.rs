//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes.
//!
//! `api-spec/openapi.json` is this document, committed; `just spec` regenerates it and a test
//! fails when they differ. Every operation lists every status it can answer, each error as
//! `application/problem+json` (added here, by rule, so no handler can forget one).

use actix_web::HttpResponse;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::routes;

const DESCRIPTION: &str = r#"PartnerHub: partner intake, MOUs, school needs and volunteers for the Community Partnerships & Family Engagement office.

## Authentication
`POST /api/v1/auth/login` answers a bearer access token (JWT, at most 15 minutes) and sets the `ph_refresh` HttpOnly cookie. `POST /api/v1/auth/refresh` with that cookie rotates it and answers a new access token; a refresh token works once, and presenting a used one ends every session of that sign-in.

## Errors
Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail`, a stable `code` and, on 422, `errors`: a list of `{field, code, message}`. The `x-request-id` response header identifies the request.

## Concurrency
Records carry a `version`, sent as the `ETag` on reads. Writes to an existing record require `If-Match` with that ETag: 428 without it, 412 when the record changed meanwhile.

## Lists
Lists take `limit` (1–100, default 25) and `cursor` (the previous page's `next_cursor`); pages are keyset-based and stable. Filters are query parameters named after fields; `q` is free-text search; `sort` names one field, ties broken by id."#;

/// The whole API.
#[derive(OpenApi)]
#[openapi(
    info(title = "PartnerHub API", version = "1.0.0", description = DESCRIPTION,
        license(name = "MIT", identifier = "MIT")),
    paths(
        routes::health::healthz,
        routes::health::readyz,
        routes::auth::login::login,
        routes::auth::refresh::refresh,
        routes::auth::logout::logout,
        routes::auth::me::me,
        routes::auth::change_password::change_password,
        routes::auth::request_password_reset::request_password_reset,
        routes::auth::reset_password::reset_password,
        routes::volunteers::import::import,
        routes::hours::import::import,
        routes::schools::list::list,
        routes::schools::create::create,
        routes::schools::import::import,
        routes::schools::get::get,
        routes::schools::update::update,
        routes::schools::archive::archive,
        routes::schools::restore::restore,
        routes::users::list::list,
        routes::users::create::create,
        routes::users::get::get,
        routes::users::update::update,
        routes::users::deactivate::deactivate,
        routes::users::reactivate::reactivate,
        routes::staff::list::list,
        routes::organizations::list::list,
        routes::organizations::export::export,
        routes::organizations::create::create,
        routes::organizations::get::get,
        routes::organizations::update::update,
        routes::organizations::add_contact::add_contact,
        routes::organizations::update_contact::update_contact,
        routes::organizations::remove_contact::remove_contact,
        routes::organizations::give_login::give_login,
        routes::public_applications::schools::schools,
        routes::public_applications::start::start,
        routes::public_applications::request_links::request_links,
        routes::public_applications::view::view,
        routes::public_applications::save::save,
        routes::public_applications::submit::submit,
        routes::public_applications::withdraw::withdraw,
        routes::applications::list::list,
        routes::applications::export::export,
        routes::applications::pipeline::pipeline,
        routes::applications::get::get,
        routes::applications::partner_view::partner_view,
        routes::applications::resume_link::resume_link,
        routes::applications::transition::transition,
        routes::applications::answer_check::answer_check,
        routes::applications::update_subtask::update_subtask,
        routes::applications::assign::assign,
        routes::applications::resolve_match::resolve_match,
        routes::applications::require_agreement::require_agreement,
        routes::applications::add_note::add_note,
        routes::agreements::list::list,
        routes::agreements::export::export,
        routes::agreements::attention::attention,
        routes::agreements::create::create,
        routes::agreements::get::get,
        routes::agreements::update::update,
        routes::agreements::transition::transition,
        routes::agreements::sign::sign,
        routes::agreements::upload_document::upload_document,
        routes::agreements::download_document::download_document,
        routes::agreements::update_deliverable::update_deliverable,
        routes::agreements::submit_final_report::submit_final_report,
        routes::agreements::review_final_report::review_final_report,
        routes::metrics::agreements::agreements,
        routes::metrics::volunteers::volunteers,
        routes::metrics::needs_coverage::needs_coverage,
        routes::priorities::list::list,
        routes::priorities::create::create,
        routes::priorities::update::update,
        routes::needs::list::list,
        routes::needs::create::create,
        routes::needs::get::get,
        routes::needs::update::update,
        routes::needs::transition::transition,
        routes::needs::assessment::assessment,
        routes::needs::open_assessment::open_assessment,
        routes::needs::matches::matches,
        routes::offers::list::list,
        routes::offers::create::create,
        routes::offers::get::get,
        routes::offers::update::update,
        routes::offers::transition::transition,
        routes::offers::matches::matches,
        routes::needs::propose::propose,
        routes::matches::list::list,
        routes::matches::get::get,
        routes::matches::transition::transition,
        routes::donations::create::create,
        routes::donations::list::list,
        routes::donations::totals::totals,
        routes::donations::export::export,
        routes::donations::get::get,
        routes::donations::transition::transition,
        routes::offers::listing::listing,
        routes::offers::set_listing::set_listing,
        routes::public_applications::resources::resources,
        routes::metrics::directory::directory,
        routes::matching::weights::weights,
        routes::matching::set_weights::set_weights,
        routes::settings::hour_value::hour_value,
        routes::settings::set_hour_value::set_hour_value,
        routes::settings::school_year::school_year,
        routes::settings::set_school_year::set_school_year,
        routes::volunteers::register::register,
        routes::volunteers::me::me,
        routes::volunteers::list::list,
        routes::volunteers::get::get,
        routes::volunteers::record_clearance::record_clearance,
        routes::volunteers::parent_leader::parent_leader,
        routes::volunteers::badge::badge,
        routes::volunteers::check_badge::check_badge,
        routes::volunteers::revoke_badges::revoke_badges,
        routes::volunteers::duplicates::duplicates,
        routes::volunteers::merge::merge,
        routes::volunteers::end_profile::end_profile,
        routes::volunteers::reinstate::reinstate,
        routes::volunteers::stop::stop,
        routes::volunteers::export::export,
        routes::hours::export::export,
        routes::opportunities::export::export,
        routes::public_applications::partners::partners,
        routes::public_applications::check_in_code::check_in_code,
        routes::opportunities::list::list,
        routes::opportunities::create::create,
        routes::opportunities::get::get,
        routes::opportunities::update::update,
        routes::opportunities::cancel::cancel,
        routes::opportunities::sign_up::sign_up,
        routes::opportunities::roster::roster,
        routes::signups::cancel::cancel,
        routes::hours::list::list,
        routes::hours::log::log,
        routes::hours::check_in::check_in,
        routes::hours::check_out::check_out,
        routes::hours::correct::correct,
        routes::hours::decide::decide,
        routes::goals::list::list,
        routes::goals::update::update,
        routes::audit::list::list,
    ),
    // Types that only query parameters name are not collected from the operations: list them.
    components(schemas(
        domain::problem::Problem,
        domain::problem::FieldError,
        domain::problem::ErrorCode,
        domain::school::SchoolSort
    )),
    modifiers(&Security, &ProblemResponses),
    tags(
        (name = "auth", description = "Sign in, refresh, sign out, set a forgotten password"),
        (name = "schools", description = "The district's school directory"),
        (name = "users", description = "Accounts and roles (admin)"),
        (name = "organizations", description = "Partner organizations and their contacts"),
        (name = "public", description = "The partnership application (no account needed)"),
        (name = "applications", description = "The office's intake process"),
        (name = "agreements", description = "MOUs: terms, deliverables, documents, signatures, renewals"),
        (name = "metrics", description = "Counts against the district's goals"),
        (name = "volunteers", description = "Volunteer registration, profiles and clearances"),
        (name = "needs", description = "Schools' needs (the needs assessment) and the strategic-plan priorities they align with"),
        (name = "offers", description = "What partners offer (time, treasure, talent) and its scored matching to school needs"),
        (name = "directory", description = "The family resource directory: offers the office publishes for families"),
        (name = "donations", description = "The donation ledger (treasure): cash and in-kind gifts, their totals and export"),
        (name = "matches", description = "Offers proposed for school needs, the partners' answers, and the needs they meet"),
        (name = "opportunities", description = "Volunteer opportunities at schools, sign-ups and the waitlist"),
        (name = "hours", description = "Volunteer hours: logging, check-in and out, approvals, corrections"),
        (name = "audit", description = "Who changed what, when"),
        (name = "health", description = "Probes"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "refresh_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "ph_refresh",
                "The HttpOnly refresh cookie set by /api/v1/auth/login",
            ))),
        );
    }
}

struct ProblemResponses;

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                crate::error::PROBLEM_JSON,
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

/// The error statuses an operation can answer, decided from its shape.
fn error_statuses(path: &str, op: &Operation) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("500", "Internal error (the cause is logged, never shown)")];
    let params = op.parameters.iter().flatten().filter_map(|p| match p {
        RefOr::T(p) => Some(p),
        RefOr::Ref(_) => None,
    });
    let mut has_query = false;
    let mut has_if_match = false;
    for p in params {
        match p.parameter_in {
            ParameterIn::Query => has_query = true,
            ParameterIn::Header if p.name.eq_ignore_ascii_case("if-match") => has_if_match = true,
            _ => {}
        }
    }
    let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
    if path.starts_with("/api/") {
        out.push(("503", "The database is not reachable"));
    }
    if secured {
        out.push(("401", "Not signed in, or the session ended"));
        out.push(("403", "Signed in, but the role does not allow this"));
    }
    if op.request_body.is_some() {
        out.push(("400", "The body is not valid JSON (or cannot be read)"));
        out.push((
            "409",
            "Conflicts with the current state (duplicate, wrong status)",
        ));
        out.push(("413", "The body is too large"));
        out.push(("415", "Wrong Content-Type"));
        out.push(("422", "Invalid input; `errors` lists each field"));
    }
    if has_query {
        out.push((
            "422",
            "A query parameter is invalid; `errors` lists each field",
        ));
    }
    if path.contains('{') {
        out.push(("404", "No such record (or not visible to you)"));
    }
    if has_if_match {
        out.push(("400", "If-Match is not an entity tag"));
        out.push(("409", "The status does not allow this change"));
        out.push((
            "412",
            "The record changed since you read it: reload and apply again",
        ));
        out.push(("428", "If-Match is missing, or is `*`"));
    }
    let reset = path.starts_with("/api/v1/auth/password-reset");
    let limited = path == "/api/v1/auth/login" || path == "/api/v1/auth/password";
    if limited || reset || path.starts_with("/api/v1/public/") {
        if path == "/api/v1/auth/login" {
            out.push(("401", "The email or password is not correct"));
        }
        out.push(("429", "Too many attempts; see Retry-After"));
    }
    if path.starts_with("/api/v1/auth/") && !reset {
        out.push(("401", "No session, or the session ended"));
    }
    if path.starts_with("/api/v1/public/applications/{token}") {
        out.push(("410", "The resume link expired: ask for a new one (`POST /api/v1/public/applications/resume-links`)"));
    }
    if path == "/readyz" {
        out.push(("503", "The database is not reachable"));
    }
    out
}

/// What `If-Match` accepts, the same on every operation: one entity tag (`"3"` or `W/"3"`).
pub const IF_MATCH_PATTERN: &str = r#"^(W/)?"[0-9]{1,9}"$"#;

/// Every `If-Match` parameter gets the one definition of the header (see [`crate::concurrency`]).
fn declare_if_match(op: &mut Operation) {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    for p in op.parameters.iter_mut().flatten() {
        let RefOr::T(p) = p else { continue };
        if p.parameter_in == ParameterIn::Header && p.name.eq_ignore_ascii_case("if-match") {
            let what = p
                .description
                .take()
                .unwrap_or_else(|| "The ETag you read".into());
            p.description = Some(format!(
                "{what}, like `\"3\"` (a weak `W/\"3\"` is read the same). Missing, or `*` (which \
                 cannot say which version your change was made on): 428. Not an entity tag: 400. \
                 A version that is no longer current: 412."
            ));
            p.schema = Some(RefOr::T(Schema::Object(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(IF_MATCH_PATTERN))
                    .examples(["\"1\""])
                    .build(),
            )));
        }
    }
}

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                declare_if_match(op);
                for (status, description) in error_statuses(path, op) {
                    op.responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| problem(description));
                }
            }
        }
    }
}

/// The methods the API answers on a path pattern (`/api/v1/schools/{id}`), as an `Allow`
/// header value: what the document lists for it.
pub fn allowed_methods(pattern: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static ALLOW: OnceLock<HashMap<String, String>> = OnceLock::new();
    ALLOW
        .get_or_init(|| {
            ApiDoc::openapi()
                .paths
                .paths
                .into_iter()
                .map(|(path, item)| {
                    let methods: Vec<&str> = [
                        ("GET", item.get.is_some()),
                        ("POST", item.post.is_some()),
                        ("PUT", item.put.is_some()),
                        ("PATCH", item.patch.is_some()),
                        ("DELETE", item.delete.is_some()),
                    ]
                    .into_iter()
                    .filter_map(|(m, has)| has.then_some(m))
                    .collect();
                    (path, methods.join(", "))
                })
                .collect()
        })
        .get(pattern)
        .map(String::as_str)
}

/// The document as pretty JSON with a trailing newline (the committed form).
pub fn json() -> String {
    let mut s = ApiDoc::openapi().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}

/// `GET /api/v1/openapi.json`.
pub async fn serve() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(json())
}
