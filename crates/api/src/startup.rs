//! Builds the application in one place: `main` and the tests both call `Application::build`.

use actix_cors::Cors;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{Compress, DefaultHeaders, Next, from_fn};
use actix_web::{App, Error, HttpMessage, HttpResponse, HttpServer, web};
use sea_orm::DatabaseConnection;
use secrecy::ExposeSecret;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder, TracingLogger};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::auth::rate_limit::{IpLimiter, LoginLimiter};
use crate::auth::tokens::TokenKeys;
use crate::config::{Settings, redact_url};
use crate::routes;
use crate::state::AppState;
use crate::storage::LocalDirStore;

/// A built, bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    db: DatabaseConnection,
}

/// Opens the database from settings (and migrates when configured).
pub async fn open_database(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let url = settings.database.url.expose_secret();
    let db = db::connect(url, settings.database.max_connections)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open database {}: {e}", redact_url(url)))?;
    if settings.database.auto_migrate {
        db::migrate(&db).await?;
    }
    Ok(db)
}

impl Application {
    /// Opens the database, migrates it in dev, binds the port (0 = any free one).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let db = open_database(&settings).await?;
        let listener = TcpListener::bind((settings.server.host.as_str(), settings.server.port))?;
        let port = listener.local_addr()?.port();
        let state = AppState {
            db: db.clone(),
            keys: TokenKeys::new(&settings.auth),
            login_limiter: LoginLimiter::new(
                settings.auth.login_per_ip_per_minute,
                settings.auth.login_per_account_per_minute,
            ),
            public_limiter: IpLimiter::new(settings.server.public_per_ip_per_minute),
            documents: Arc::new(LocalDirStore::new(&settings.storage.documents_dir)),
            settings: Arc::new(settings),
        };
        crate::jobs::start(db.clone(), state.settings.clone());
        let server = run(listener, state)?;
        Ok(Application { port, server, db })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The database pool (tests arrange data through it).
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Serves until SIGTERM / Ctrl-C, then finishes in-flight requests (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// The request span: id, method, route template (never the raw URL: queries can hold
/// personal data), status, user id.
struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(req: &ServiceRequest) -> Span {
        let request_id = req
            .extensions()
            .get::<RequestId>()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
        tracing::info_span!(
            "http_request",
            request_id = %request_id,
            http.method = %req.method(),
            http.route = %route,
            http.status_code = tracing::field::Empty,
            user.id = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Returns the request id as `x-request-id` (and in every problem's `request_id`, to quote
/// when reporting it) and logs one line per request with its latency.
async fn request_id_and_log(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = req.extensions().get::<RequestId>().map(|r| r.to_string());
    let started = Instant::now();
    let authenticated = req.headers().contains_key(header::AUTHORIZATION);
    let mut res = next.call(req).await?.map_into_boxed_body();
    // An answer to a signed-in caller is theirs alone: no shared or browser cache keeps it.
    if authenticated && !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    if let Some(id) = id {
        if let Ok(v) = HeaderValue::from_str(&id) {
            res.headers_mut()
                .insert(HeaderName::from_static("x-request-id"), v);
        }
        let problem = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
            v.as_bytes()
                .starts_with(crate::error::PROBLEM_JSON.as_bytes())
        });
        if problem {
            res = with_request_id(res, &id);
        }
    }
    tracing::info!(
        http.status_code = res.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request finished"
    );
    Ok(res)
}

/// The same problem with `request_id` filled in (problems are small, in-memory JSON bodies;
/// anything else passes unchanged).
fn with_request_id(res: ServiceResponse<BoxBody>, id: &str) -> ServiceResponse<BoxBody> {
    let (req, res) = res.into_parts();
    let (res, body) = res.into_parts();
    let body = match body.try_into_bytes() {
        Ok(bytes) => match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(serde_json::Value::Object(mut problem)) => {
                problem.insert("request_id".into(), id.into());
                match serde_json::to_vec(&problem) {
                    Ok(v) => BoxBody::new(v),
                    Err(_) => BoxBody::new(bytes),
                }
            }
            _ => BoxBody::new(bytes),
        },
        Err(body) => body,
    };
    ServiceResponse::new(req, res.set_body(body))
}

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ))
}

fn cors(origins: &[String]) -> Cors {
    let mut c = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::ACCEPT,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            HeaderName::from_static("x-request-id"),
        ])
        .supports_credentials()
        .max_age(3600);
    for o in origins {
        c = c.allowed_origin(o);
    }
    c
}

fn run(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    let spa_dir = PathBuf::from(&state.settings.server.spa_dir);
    let spa_index = spa_dir.join("index.html");
    let has_spa = spa_index.is_file();
    if !has_spa {
        tracing::warn!(spa.dir = %spa_dir.display(), "no built SPA found; only the API is served (run `just spa`)");
    }
    let json_limit = state.settings.server.json_limit_bytes;
    let origins = state.settings.server.cors_origins.clone();
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        let mut app = App::new()
            .wrap(cors(&origins))
            .wrap(security_headers())
            .wrap(from_fn(request_id_and_log))
            .wrap(TracingLogger::<RequestSpan>::new())
            .app_data(data.clone())
            .app_data(routes::json_config(json_limit))
            .app_data(routes::query_config())
            .app_data(routes::path_config())
            .configure(routes::configure)
            .service(web::resource("/docs").route(web::get().to(|| async {
                HttpResponse::PermanentRedirect()
                    .insert_header((header::LOCATION, "/docs/"))
                    .finish()
            })))
            .service(SwaggerUi::new("/docs/{_:.*}").config(Config::new(["/api/v1/openapi.json"])));
        if has_spa {
            let index = spa_index.clone();
            // The SPA's files are compressed for browsers that accept it (the wasm shrinks to
            // about a third); API answers are not, so no secret shares a compressed body with
            // text a client sent (BREACH).
            app = app.service(
                web::scope("").wrap(Compress::default()).service(
                    actix_files::Files::new("/", &spa_dir)
                        .index_file("index.html")
                        .default_handler(fn_service(move |req: ServiceRequest| {
                            let index = index.clone();
                            async move {
                                // Client-side routes (/schools/…) get the app; it routes itself.
                                let (req, _) = req.into_parts();
                                let file = actix_files::NamedFile::open(&index)?;
                                let res = file
                                    .use_etag(false)
                                    .use_last_modified(false)
                                    .into_response(&req);
                                Ok(ServiceResponse::new(req, res))
                            }
                        })),
                ),
            );
        } else {
            app = app.default_service(web::to(routes::not_found));
        }
        app
    })
    .shutdown_timeout(30)
    .listen(listener)?
    .run();
    Ok(server)
}
