//! Every route of the API, wired in one place. One folder per resource, one file per action.

pub mod agreements;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod donations;
pub mod goals;
pub mod health;
pub mod hours;
pub mod matches;
pub mod matching;
pub mod metrics;
pub mod needs;
pub mod offers;
pub mod opportunities;
pub mod organizations;
pub mod priorities;
pub mod public_applications;
pub mod schools;
pub mod settings;
pub mod signups;
pub mod staff;
pub mod users;
pub mod volunteers;

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{HttpRequest, HttpResponse, Resource, web};

use crate::error::ApiError;

/// A resource whose unmatched methods answer 405 as problem+json, with the methods it does
/// answer in `Allow` (read from the OpenAPI document, which a test keeps in step with the code).
fn resource(path: &str) -> Resource {
    web::resource(path).default_service(web::to(|req: HttpRequest| async move {
        use actix_web::ResponseError;
        let mut res = ApiError::MethodNotAllowed.error_response();
        if let Some(allow) = req
            .match_pattern()
            .and_then(|p| crate::openapi::allowed_methods(&p))
            .and_then(|m| actix_web::http::header::HeaderValue::from_str(m).ok())
        {
            res.headers_mut()
                .insert(actix_web::http::header::ALLOW, allow);
        }
        Ok::<HttpResponse, ApiError>(res)
    }))
}

/// Reads a raw upload body, answering 413 as soon as it passes `limit` bytes.
pub async fn read_body(mut payload: web::Payload, limit: usize) -> Result<Vec<u8>, ApiError> {
    use futures_util::StreamExt;
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("the upload was interrupted: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A CSV export: `text/csv` in UTF-8, downloaded as `filename` (every export answers this way).
pub fn csv_attachment(filename: &str, csv: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(csv)
}

/// The raw body of a CSV upload (imports), refused unless it is sent as `text/csv`.
pub async fn csv_body(
    req: &HttpRequest,
    state: &crate::state::AppState,
    payload: web::Payload,
) -> Result<Vec<u8>, ApiError> {
    let ct = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.starts_with("text/csv") {
        return Err(ApiError::UnsupportedMediaType(
            "send the file with Content-Type: text/csv",
        ));
    }
    read_body(payload, state.settings.server.upload_limit_bytes).await
}

/// The address a request comes from: the TCP peer, or — when the peer is one of the
/// configured reverse proxies — the last address in `X-Forwarded-For` that is not a proxy.
pub fn client_ip(req: &HttpRequest, server: &crate::config::ServerSettings) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return String::new();
    };
    if !server.trusted_proxies.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<std::net::IpAddr> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|a| !server.trusted_proxies.contains(a))
        .unwrap_or(&peer)
        .to_string()
}

/// 404 as problem+json for any unknown API path.
pub async fn not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound("resource"))
}

/// Registers `/healthz`, `/readyz` and everything under `/api/v1`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(resource("/healthz").route(web::get().to(health::healthz)))
        .service(resource("/readyz").route(web::get().to(health::readyz)))
        .service(
            web::scope("/api/v1")
                .service(resource("/auth/login").route(web::post().to(auth::login::login)))
                .service(resource("/auth/refresh").route(web::post().to(auth::refresh::refresh)))
                .service(resource("/auth/logout").route(web::post().to(auth::logout::logout)))
                .service(resource("/auth/me").route(web::get().to(auth::me::me)))
                .service(
                    resource("/auth/password")
                        .route(web::post().to(auth::change_password::change_password)),
                )
                .service(
                    resource("/auth/password-reset").route(
                        web::post().to(auth::request_password_reset::request_password_reset),
                    ),
                )
                .service(
                    resource("/auth/password-reset/confirm")
                        .route(web::post().to(auth::reset_password::reset_password)),
                )
                .service(
                    resource("/schools")
                        .route(web::get().to(schools::list::list))
                        .route(web::post().to(schools::create::create)),
                )
                .service(resource("/schools/import").route(web::post().to(schools::import::import)))
                .service(
                    resource("/schools/{id}")
                        .route(web::get().to(schools::get::get))
                        .route(web::put().to(schools::update::update)),
                )
                .service(
                    resource("/schools/{id}/archive")
                        .route(web::post().to(schools::archive::archive)),
                )
                .service(
                    resource("/schools/{id}/restore")
                        .route(web::post().to(schools::restore::restore)),
                )
                .service(
                    resource("/users")
                        .route(web::get().to(users::list::list))
                        .route(web::post().to(users::create::create)),
                )
                .service(
                    resource("/users/{id}")
                        .route(web::get().to(users::get::get))
                        .route(web::put().to(users::update::update)),
                )
                .service(
                    resource("/users/{id}/deactivate")
                        .route(web::post().to(users::deactivate::deactivate)),
                )
                .service(
                    resource("/users/{id}/reactivate")
                        .route(web::post().to(users::reactivate::reactivate)),
                )
                .service(
                    resource("/organizations")
                        .route(web::get().to(organizations::list::list))
                        .route(web::post().to(organizations::create::create)),
                )
                .service(
                    resource("/organizations/export")
                        .route(web::get().to(organizations::export::export)),
                )
                .service(
                    resource("/organizations/{id}")
                        .route(web::get().to(organizations::get::get))
                        .route(web::put().to(organizations::update::update)),
                )
                .service(
                    resource("/organizations/{id}/contacts")
                        .route(web::post().to(organizations::add_contact::add_contact)),
                )
                .service(
                    resource("/organizations/{id}/contacts/{contact_id}")
                        .route(web::put().to(organizations::update_contact::update_contact))
                        .route(web::delete().to(organizations::remove_contact::remove_contact)),
                )
                .service(
                    resource("/organizations/{id}/contacts/{contact_id}/login")
                        .route(web::post().to(organizations::give_login::give_login)),
                )
                .service(
                    resource("/public/schools")
                        .route(web::get().to(public_applications::schools::schools)),
                )
                .service(
                    resource("/public/applications")
                        .route(web::post().to(public_applications::start::start)),
                )
                .service(
                    resource("/public/applications/resume-links")
                        .route(web::post().to(public_applications::request_links::request_links)),
                )
                .service(
                    resource("/public/applications/{token}")
                        .route(web::get().to(public_applications::view::view))
                        .route(web::put().to(public_applications::save::save)),
                )
                .service(
                    resource("/public/applications/{token}/submit")
                        .route(web::post().to(public_applications::submit::submit)),
                )
                .service(
                    resource("/public/applications/{token}/withdraw")
                        .route(web::post().to(public_applications::withdraw::withdraw)),
                )
                .service(resource("/applications").route(web::get().to(applications::list::list)))
                .service(
                    resource("/applications/export")
                        .route(web::get().to(applications::export::export)),
                )
                .service(
                    resource("/applications/pipeline")
                        .route(web::get().to(applications::pipeline::pipeline)),
                )
                .service(
                    resource("/applications/{id}").route(web::get().to(applications::get::get)),
                )
                .service(
                    resource("/applications/{id}/status")
                        .route(web::get().to(applications::partner_view::partner_view)),
                )
                .service(
                    resource("/applications/{id}/resume-link")
                        .route(web::post().to(applications::resume_link::resume_link)),
                )
                .service(
                    resource("/applications/{id}/transitions")
                        .route(web::post().to(applications::transition::transition)),
                )
                .service(
                    resource("/applications/{id}/checklist/{item}")
                        .route(web::put().to(applications::answer_check::answer_check)),
                )
                .service(
                    resource("/applications/{id}/subtasks/{process}")
                        .route(web::put().to(applications::update_subtask::update_subtask)),
                )
                .service(
                    resource("/applications/{id}/assignment")
                        .route(web::put().to(applications::assign::assign)),
                )
                .service(
                    resource("/applications/{id}/require-agreement")
                        .route(web::post().to(applications::require_agreement::require_agreement)),
                )
                .service(
                    resource("/applications/{id}/organization-match")
                        .route(web::put().to(applications::resolve_match::resolve_match)),
                )
                .service(
                    resource("/applications/{id}/notes")
                        .route(web::post().to(applications::add_note::add_note)),
                )
                .service(
                    resource("/agreements")
                        .route(web::get().to(agreements::list::list))
                        .route(web::post().to(agreements::create::create)),
                )
                .service(
                    resource("/agreements/export").route(web::get().to(agreements::export::export)),
                )
                .service(
                    resource("/agreements/attention")
                        .route(web::get().to(agreements::attention::attention)),
                )
                .service(
                    resource("/agreements/{id}")
                        .route(web::get().to(agreements::get::get))
                        .route(web::put().to(agreements::update::update)),
                )
                .service(
                    resource("/agreements/{id}/transitions")
                        .route(web::post().to(agreements::transition::transition)),
                )
                .service(
                    resource("/agreements/{id}/signatures")
                        .route(web::post().to(agreements::sign::sign)),
                )
                .service(
                    resource("/agreements/{id}/documents")
                        .route(web::post().to(agreements::upload_document::upload_document)),
                )
                .service(
                    resource("/agreements/{id}/documents/{version}")
                        .route(web::get().to(agreements::download_document::download_document)),
                )
                .service(
                    resource("/agreements/{id}/deliverables/{deliverable_id}")
                        .route(web::put().to(agreements::update_deliverable::update_deliverable)),
                )
                .service(
                    resource("/agreements/{id}/final-report")
                        .route(web::put().to(agreements::submit_final_report::submit_final_report)),
                )
                .service(
                    resource("/agreements/{id}/final-report/review").route(
                        web::post().to(agreements::review_final_report::review_final_report),
                    ),
                )
                .service(
                    resource("/metrics/agreements")
                        .route(web::get().to(metrics::agreements::agreements)),
                )
                .service(
                    resource("/settings/volunteer-hour-value")
                        .route(web::get().to(settings::hour_value::hour_value))
                        .route(web::put().to(settings::set_hour_value::set_hour_value)),
                )
                .service(
                    resource("/settings/school-year")
                        .route(web::get().to(settings::school_year::school_year))
                        .route(web::put().to(settings::set_school_year::set_school_year)),
                )
                .service(
                    resource("/metrics/volunteers")
                        .route(web::get().to(metrics::volunteers::volunteers)),
                )
                .service(
                    resource("/metrics/needs-coverage")
                        .route(web::get().to(metrics::needs_coverage::needs_coverage)),
                )
                .service(
                    resource("/priorities")
                        .route(web::get().to(priorities::list::list))
                        .route(web::post().to(priorities::create::create)),
                )
                .service(
                    resource("/priorities/{id}").route(web::put().to(priorities::update::update)),
                )
                .service(
                    resource("/needs")
                        .route(web::get().to(needs::list::list))
                        .route(web::post().to(needs::create::create)),
                )
                .service(
                    resource("/needs/assessment")
                        .route(web::get().to(needs::assessment::assessment))
                        .route(web::put().to(needs::open_assessment::open_assessment)),
                )
                .service(
                    resource("/needs/{id}")
                        .route(web::get().to(needs::get::get))
                        .route(web::put().to(needs::update::update)),
                )
                .service(
                    resource("/needs/{id}/transition")
                        .route(web::post().to(needs::transition::transition)),
                )
                .service(
                    resource("/needs/{id}/matches").route(web::get().to(needs::matches::matches)),
                )
                .service(
                    resource("/needs/{id}/proposals")
                        .route(web::post().to(needs::propose::propose)),
                )
                .service(resource("/matches").route(web::get().to(matches::list::list)))
                .service(resource("/matches/{id}").route(web::get().to(matches::get::get)))
                .service(
                    resource("/matches/{id}/transition")
                        .route(web::post().to(matches::transition::transition)),
                )
                .service(
                    resource("/donations")
                        .route(web::get().to(donations::list::list))
                        .route(web::post().to(donations::create::create)),
                )
                .service(
                    resource("/donations/totals").route(web::get().to(donations::totals::totals)),
                )
                .service(
                    resource("/donations/export").route(web::get().to(donations::export::export)),
                )
                .service(resource("/donations/{id}").route(web::get().to(donations::get::get)))
                .service(
                    resource("/donations/{id}/transition")
                        .route(web::post().to(donations::transition::transition)),
                )
                .service(
                    resource("/offers")
                        .route(web::get().to(offers::list::list))
                        .route(web::post().to(offers::create::create)),
                )
                .service(
                    resource("/offers/{id}")
                        .route(web::get().to(offers::get::get))
                        .route(web::put().to(offers::update::update)),
                )
                .service(
                    resource("/offers/{id}/transition")
                        .route(web::post().to(offers::transition::transition)),
                )
                .service(
                    resource("/offers/{id}/matches").route(web::get().to(offers::matches::matches)),
                )
                .service(
                    resource("/offers/{id}/listing")
                        .route(web::get().to(offers::listing::listing))
                        .route(web::put().to(offers::set_listing::set_listing)),
                )
                .service(
                    resource("/metrics/directory")
                        .route(web::get().to(metrics::directory::directory)),
                )
                .service(
                    resource("/matching/weights")
                        .route(web::get().to(matching::weights::weights))
                        .route(web::put().to(matching::set_weights::set_weights)),
                )
                .service(resource("/goals").route(web::get().to(goals::list::list)))
                .service(resource("/goals/{key}").route(web::put().to(goals::update::update)))
                .service(
                    resource("/public/volunteers")
                        .route(web::post().to(volunteers::register::register)),
                )
                .service(
                    resource("/public/badges/{token}")
                        .route(web::get().to(volunteers::check_badge::check_badge)),
                )
                .service(
                    resource("/public/schools/{id}/check-in-code.svg")
                        .route(web::get().to(public_applications::check_in_code::check_in_code)),
                )
                .service(
                    resource("/public/resources")
                        .route(web::get().to(public_applications::resources::resources)),
                )
                .service(
                    resource("/public/partners")
                        .route(web::get().to(public_applications::partners::partners)),
                )
                .service(
                    resource("/opportunities")
                        .route(web::get().to(opportunities::list::list))
                        .route(web::post().to(opportunities::create::create)),
                )
                .service(
                    resource("/opportunities/export")
                        .route(web::get().to(opportunities::export::export)),
                )
                .service(
                    resource("/opportunities/{id}")
                        .route(web::get().to(opportunities::get::get))
                        .route(web::put().to(opportunities::update::update)),
                )
                .service(
                    resource("/opportunities/{id}/cancel")
                        .route(web::post().to(opportunities::cancel::cancel)),
                )
                .service(
                    resource("/opportunities/{id}/signups")
                        .route(web::get().to(opportunities::roster::roster))
                        .route(web::post().to(opportunities::sign_up::sign_up)),
                )
                .service(
                    resource("/signups/{id}/cancel").route(web::post().to(signups::cancel::cancel)),
                )
                .service(
                    resource("/hours")
                        .route(web::get().to(hours::list::list))
                        .route(web::post().to(hours::log::log)),
                )
                .service(
                    resource("/hours/check-in").route(web::post().to(hours::check_in::check_in)),
                )
                .service(
                    resource("/hours/check-out").route(web::post().to(hours::check_out::check_out)),
                )
                .service(resource("/hours/export").route(web::get().to(hours::export::export)))
                .service(resource("/hours/import").route(web::post().to(hours::import::import)))
                .service(resource("/hours/decisions").route(web::post().to(hours::decide::decide)))
                .service(
                    resource("/hours/{id}/corrections")
                        .route(web::post().to(hours::correct::correct)),
                )
                .service(resource("/volunteers").route(web::get().to(volunteers::list::list)))
                .service(resource("/volunteers/me").route(web::get().to(volunteers::me::me)))
                .service(
                    resource("/volunteers/me/stop").route(web::post().to(volunteers::stop::stop)),
                )
                .service(
                    resource("/volunteers/me/badge").route(web::get().to(volunteers::badge::badge)),
                )
                .service(
                    resource("/volunteers/export").route(web::get().to(volunteers::export::export)),
                )
                .service(
                    resource("/volunteers/import")
                        .route(web::post().to(volunteers::import::import)),
                )
                .service(
                    resource("/volunteers/duplicates")
                        .route(web::get().to(volunteers::duplicates::duplicates)),
                )
                .service(resource("/volunteers/{id}").route(web::get().to(volunteers::get::get)))
                .service(
                    resource("/volunteers/{id}/badge/revoke")
                        .route(web::post().to(volunteers::revoke_badges::revoke_badges)),
                )
                .service(
                    resource("/volunteers/{id}/end")
                        .route(web::post().to(volunteers::end_profile::end_profile)),
                )
                .service(
                    resource("/volunteers/{id}/reinstate")
                        .route(web::post().to(volunteers::reinstate::reinstate)),
                )
                .service(
                    resource("/volunteers/{id}/merge")
                        .route(web::post().to(volunteers::merge::merge)),
                )
                .service(
                    resource("/volunteers/{id}/clearances")
                        .route(web::post().to(volunteers::record_clearance::record_clearance)),
                )
                .service(
                    resource("/volunteers/{id}/parent-leader")
                        .route(web::put().to(volunteers::parent_leader::parent_leader)),
                )
                .service(resource("/staff").route(web::get().to(staff::list::list)))
                .service(resource("/audit").route(web::get().to(audit::list::list)))
                .service(resource("/openapi.json").route(web::get().to(crate::openapi::serve)))
                .default_service(web::to(not_found)),
        )
        .service(web::scope("/api").default_service(web::to(not_found)));
}

/// JSON bodies: size limit (413), content type (415), syntax (400), meaning (422).
pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(move |err, _req: &HttpRequest| {
            let e = match &err {
                JsonPayloadError::Overflow { .. }
                | JsonPayloadError::OverflowKnownLength { .. } => ApiError::PayloadTooLarge(limit),
                JsonPayloadError::ContentType => {
                    ApiError::UnsupportedMediaType("send JSON with Content-Type: application/json")
                }
                JsonPayloadError::Deserialize(d) if d.is_data() => {
                    let msg = d.to_string();
                    // serde names the field it missed: report it like any other field error.
                    let errors = msg
                        .strip_prefix("missing field `")
                        .and_then(|r| r.split('`').next())
                        .map(|f| {
                            vec![domain::problem::FieldError::new(
                                f,
                                "required",
                                format!("{f} is required."),
                            )]
                        })
                        .unwrap_or_default();
                    ApiError::Validation {
                        detail: format!("The body does not match the expected shape: {msg}"),
                        errors,
                    }
                }
                JsonPayloadError::Deserialize(d) => {
                    ApiError::BadRequest(format!("The body is not valid JSON: {d}"))
                }
                other => ApiError::BadRequest(format!("The body cannot be read: {other}")),
            };
            e.into()
        })
}

/// Query strings that do not parse: 422 naming the problem.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _req| {
        ApiError::Validation {
            detail: format!("A query parameter is invalid: {err}"),
            errors: vec![],
        }
        .into()
    })
}

/// Path parameters that do not parse (a malformed id) name no resource: 404.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|_err: PathError, _req| ApiError::NotFound("resource").into())
}
