#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly by design"
)]

//! The query log: every statement at debug level under `partnerhub_db::sql`, without the bound
//! values (which hold emails, names and phone numbers).
//!
//! A test binary of its own: tracing decides per call site whether anyone listens, and a
//! subscriber set for one thread races with other tests' threads meeting the same call site.
//! Alone in its process, the test sees every event it causes.

use std::io::Write;
use std::sync::{Arc, Mutex};

use domain::Role;

#[path = "api/helpers.rs"]
#[allow(
    dead_code,
    reason = "the shared helpers serve the other test binary too"
)]
mod helpers;

use helpers::TestApp;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture(filter: &str) -> (Captured, tracing::subscriber::DefaultGuard) {
    let out = Captured::default();
    let writer = out.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    // Other tests' threads may have met the log's call site while no subscriber listened;
    // recompute its interest now that one does.
    tracing::callsite::rebuild_interest_cache();
    (out, guard)
}

#[actix_web::test]
async fn statements_are_logged_at_debug_level_without_their_values() {
    let app = TestApp::spawn().await;
    let (email, _) = app.create_user(Role::Staff, vec![]).await;

    let (log, guard) = capture("info,partnerhub_db::sql=debug");
    let found = db::repo::users::find_by_email(&app.db, &email)
        .await
        .unwrap();
    drop(guard);
    assert!(found.is_some());
    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("partnerhub_db::sql"), "{text}");
    assert!(text.contains("FROM \"users\""), "{text}");
    assert!(text.contains("elapsed_us="), "{text}");
    assert!(
        !text.contains(&email),
        "a bound value reached the log: {text}"
    );

    let (quiet, guard) = capture("info");
    db::repo::users::find_by_email(&app.db, &email)
        .await
        .unwrap();
    drop(guard);
    assert!(
        quiet.0.lock().unwrap().is_empty(),
        "logged at the default level"
    );
}
