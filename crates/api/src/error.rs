//! The one error type of the API and its `application/problem+json` rendering.
//!
//! Every failure a handler can produce is an `ApiError`; its `code` is stable and documented.
//! A 500 never shows its cause to the caller; the cause chain is logged once, here.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use db::DbError;
use domain::problem::{ErrorCode, FieldError, Problem};
use domain::user::InvalidTransition;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Everything that can go wrong in a request.
///
/// `Debug` (what request logs show) prints only the code, never the detail: details can echo
/// input, and input can be personal data.
#[derive(thiserror::Error)]
pub enum ApiError {
    /// 400: the body or query could not be parsed.
    #[error("{0}")]
    BadRequest(String),
    /// 401: no valid credentials.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// 403: signed in but not allowed.
    #[error("you do not have permission to do this")]
    Forbidden,
    /// 403: the password was set by someone else and must be changed first.
    #[error("choose your own password first: the one you signed in with was set by someone else")]
    PasswordChangeRequired,
    /// 404: no such resource (or not visible to the caller).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 410: a resume link that expired.
    #[error("this link has expired; ask for a new one with your email")]
    LinkExpired,
    /// 405: the path exists but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409: conflicts with the current state (duplicate, wrong status).
    #[error("{detail}")]
    Conflict {
        /// Stable code.
        code: ErrorCode,
        /// What conflicts.
        detail: String,
    },
    /// 409: the new record looks like existing ones; resend with confirmation to create it.
    #[error(
        "organizations that look the same already exist; check them, or confirm to create this one anyway"
    )]
    PossibleDuplicate(Vec<domain::organization::DuplicateCandidate>),
    /// 412: `If-Match` names an old version.
    #[error("the record was changed by someone else; reload it and apply your change again")]
    VersionMismatch,
    /// 413: the body is too large.
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// 415: wrong content type.
    #[error("{0}")]
    UnsupportedMediaType(&'static str),
    /// 422: the request parsed but is invalid.
    #[error("{detail}")]
    Validation {
        /// Summary.
        detail: String,
        /// What is wrong, per field.
        errors: Vec<FieldError>,
    },
    /// 428: an update without `If-Match`.
    #[error("send If-Match with the ETag you read, so that nobody's change is lost")]
    PreconditionRequired,
    /// 428: `If-Match: *`, which cannot name the version the change was made on.
    #[error(
        "If-Match: * is not accepted here: send the ETag you read (like \"3\"), so that nobody's change is lost"
    )]
    IfMatchAny,
    /// 429: rate limited.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    TooManyRequests {
        /// Seconds to wait.
        retry_after_secs: u64,
    },
    /// 503: a dependency (the database) is down.
    #[error("the service is not ready")]
    Unavailable,
    /// 500: a bug or an outage; the cause is logged, never shown.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl std::fmt::Debug for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Internal(cause) => write!(f, "internal: {cause:#}"),
            other => write!(f, "{} ({})", other.code(), other.status_code().as_u16()),
        }
    }
}

impl ApiError {
    /// The stable machine-readable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Unauthorized(_) => ErrorCode::Unauthorized,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::PasswordChangeRequired => ErrorCode::PasswordChangeRequired,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::LinkExpired => ErrorCode::LinkExpired,
            ApiError::Conflict { code, .. } => *code,
            ApiError::PossibleDuplicate(_) => ErrorCode::PossibleDuplicate,
            ApiError::VersionMismatch => ErrorCode::VersionMismatch,
            ApiError::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::Validation { .. } => ErrorCode::ValidationFailed,
            ApiError::PreconditionRequired | ApiError::IfMatchAny => {
                ErrorCode::PreconditionRequired
            }
            ApiError::TooManyRequests { .. } => ErrorCode::RateLimited,
            ApiError::Unavailable => ErrorCode::Unavailable,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "Bad request",
            ApiError::Unauthorized(_) => "Not signed in",
            ApiError::Forbidden => "Forbidden",
            ApiError::PasswordChangeRequired => "Password change required",
            ApiError::NotFound(_) => "Not found",
            ApiError::MethodNotAllowed => "Method not allowed",
            ApiError::LinkExpired => "Link expired",
            ApiError::Conflict { .. } | ApiError::PossibleDuplicate(_) => "Conflict",
            ApiError::VersionMismatch => "Changed by someone else",
            ApiError::PayloadTooLarge(_) => "Too large",
            ApiError::UnsupportedMediaType(_) => "Unsupported media type",
            ApiError::Validation { .. } => "Invalid input",
            ApiError::PreconditionRequired | ApiError::IfMatchAny => "If-Match required",
            ApiError::TooManyRequests { .. } => "Too many requests",
            ApiError::Unavailable => "Service unavailable",
            ApiError::Internal(_) => "Internal error",
        }
    }

    /// A 422 from `validator` errors.
    pub fn validation(errors: &validator::ValidationErrors) -> Self {
        ApiError::Validation {
            detail: "Some fields are invalid.".into(),
            errors: domain::problem::field_errors(errors),
        }
    }

    /// The same error with its messages in the caller's language where the API has them
    /// (Spanish for `es`; anything else stays English).
    pub fn in_language(self, lang: &str) -> Self {
        match self {
            ApiError::Validation { detail, errors } if lang == "es" => ApiError::Validation {
                detail: domain::problem::spanish(&detail).unwrap_or(detail),
                errors: errors
                    .into_iter()
                    .map(|mut e| {
                        if let Some(m) = domain::problem::spanish(&e.message) {
                            e.message = m;
                        }
                        e
                    })
                    .collect(),
            },
            other => other,
        }
    }

    /// A 422 for one field.
    pub fn invalid_field(field: &str, code: &str, message: &str) -> Self {
        ApiError::Validation {
            detail: message.to_string(),
            errors: vec![FieldError::new(field, code, message)],
        }
    }

    /// A 409 for a status change not allowed from the current status.
    pub fn transition(e: InvalidTransition) -> Self {
        ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: format!("cannot {} a record that is {}", e.action, e.from),
        }
    }

    /// The problem body (without request id).
    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let detail = match self {
            ApiError::Internal(_) => {
                "Something went wrong on our side. It has been logged.".to_string()
            }
            other => {
                let d = other.to_string();
                let mut c = d.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => d,
                }
            }
        };
        Problem {
            type_: format!("https://partnerhub.example/problems/{}", self.code()),
            title: self.title().to_string(),
            status: status.as_u16(),
            detail,
            code: self.code(),
            errors: match self {
                ApiError::Validation { errors, .. } => errors.clone(),
                _ => vec![],
            },
            duplicates: match self {
                ApiError::PossibleDuplicate(found) => found.clone(),
                _ => vec![],
            },
            request_id: None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::PasswordChangeRequired => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::LinkExpired => StatusCode::GONE,
            ApiError::Conflict { .. } | ApiError::PossibleDuplicate(_) => StatusCode::CONFLICT,
            ApiError::VersionMismatch => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PreconditionRequired | ApiError::IfMatchAny => {
                StatusCode::PRECONDITION_REQUIRED
            }
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            tracing::error!(error.cause_chain = ?cause, "request failed");
        }
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if let ApiError::TooManyRequests { retry_after_secs } = self {
            res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        if let ApiError::Unauthorized(_) = self {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => ApiError::NotFound("record"),
            DbError::Stale => ApiError::VersionMismatch,
            DbError::Duplicate(_) => ApiError::Conflict {
                code: ErrorCode::Duplicate,
                detail: "a record with the same unique value already exists".into(),
            },
            DbError::ForeignCursor => crate::services::foreign_cursor(),
            DbError::MissingReference(m) => {
                tracing::warn!(constraint = %m, "unchecked reference reached the database");
                ApiError::invalid_field(
                    "body",
                    "unknown",
                    "The request refers to a record that does not exist.",
                )
            }
            other => ApiError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        DbError::from(e).into()
    }
}

/// Reads the database's "no such row" as a 404 that names what was looked for; anything else
/// keeps its own meaning.
pub trait OrNotFound<T> {
    /// `404 <what> not found` for a missing row.
    fn or_not_found(self, what: &'static str) -> ApiResult<T>;
}

impl<T> OrNotFound<T> for Result<T, DbError> {
    fn or_not_found(self, what: &'static str) -> ApiResult<T> {
        self.map_err(|e| match e {
            DbError::NotFound => ApiError::NotFound(what),
            e => e.into(),
        })
    }
}

/// Result of a handler or service.
pub type ApiResult<T> = Result<T, ApiError>;
