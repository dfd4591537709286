use domain::Role;
use jsonwebtoken::{EncodingKey, Header, encode};
use serde_json::json;

use crate::helpers::{JWT_SECRET, TestApp, assert_problem, refresh_cookie};

#[actix_web::test]
async fn signing_in_returns_a_short_lived_token_and_an_http_only_refresh_cookie() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;

    let res = app.login(&email.to_uppercase(), &password).await;

    assert_eq!(res.status(), 200);
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/api/v1/auth"),
        "{cookie}"
    );
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_u64().unwrap() <= 900);
    assert_eq!(body["user"]["role"], "staff");
    let me: serde_json::Value = app
        .get("/api/v1/auth/me", body["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], email);
}

#[actix_web::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let (email, _) = app.create_user(Role::Staff, vec![]).await;

    let wrong = assert_problem(
        app.login(&email, "not-the-password").await,
        401,
        "unauthorized",
    )
    .await;
    let unknown = assert_problem(
        app.login("nobody@example.test", "not-the-password").await,
        401,
        "unauthorized",
    )
    .await;

    assert_eq!(wrong["detail"], unknown["detail"]);
}

#[actix_web::test]
async fn sign_in_is_rate_limited_per_account() {
    let app = TestApp::spawn_with(|s| s.auth.login_per_account_per_minute = 3).await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    for _ in 0..3 {
        assert_eq!(app.login(&email, "wrong-password").await.status(), 401);
    }

    let res = app.login(&email, &password).await;

    assert!(res.headers().get("retry-after").is_some());
    assert_problem(res, 429, "rate_limited").await;
}

#[actix_web::test]
async fn sign_in_is_rate_limited_per_ip() {
    let app = TestApp::spawn_with(|s| s.auth.login_per_ip_per_minute = 2).await;
    app.login("a@example.test", "x").await;
    app.login("b@example.test", "x").await;

    assert_problem(app.login("c@example.test", "x").await, 429, "rate_limited").await;
}

async fn login_from(app: &TestApp, forwarded_for: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "email": "someone@example.test", "password": "x" }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[actix_web::test]
async fn a_client_cannot_escape_the_limit_by_claiming_another_address() {
    let app = TestApp::spawn_with(|s| {
        s.auth.login_per_ip_per_minute = 2;
        s.auth.login_per_account_per_minute = 1000;
    })
    .await;
    assert_eq!(login_from(&app, "198.51.100.1").await, 401);
    assert_eq!(login_from(&app, "198.51.100.2").await, 401);
    assert_eq!(
        login_from(&app, "198.51.100.3").await,
        429,
        "the header is ignored"
    );
}

#[actix_web::test]
async fn behind_a_trusted_proxy_each_client_address_has_its_own_limit() {
    let app = TestApp::spawn_with(|s| {
        s.auth.login_per_ip_per_minute = 2;
        s.auth.login_per_account_per_minute = 1000;
        s.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    // A client-written address before the proxy's own entry does not count.
    for _ in 0..2 {
        assert_eq!(login_from(&app, "203.0.113.9, 198.51.100.1").await, 401);
    }
    assert_eq!(login_from(&app, "203.0.113.10, 198.51.100.1").await, 429);
    assert_eq!(
        login_from(&app, "198.51.100.2").await,
        401,
        "another client"
    );
}

fn token(sub: &str, exp_offset: i64, aud: &str) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({ "sub": sub, "role": "admin", "iss": "partnerhub", "aud": aud, "iat": now, "exp": now + exp_offset });
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(JWT_SECRET.as_bytes()),
    )
    .unwrap()
}

#[actix_web::test]
async fn expired_or_foreign_audience_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Admin, vec![]).await;
    let body: serde_json::Value = app.login(&email, &password).await.json().await.unwrap();
    let sub = body["user"]["id"].as_str().unwrap();

    let expired = app
        .get("/api/v1/auth/me", &token(sub, -60, "partnerhub-api"))
        .send()
        .await
        .unwrap();
    let foreign = app
        .get("/api/v1/auth/me", &token(sub, 600, "another-app"))
        .send()
        .await
        .unwrap();
    let valid = app
        .get("/api/v1/auth/me", &token(sub, 600, "partnerhub-api"))
        .send()
        .await
        .unwrap();

    assert_problem(expired, 401, "unauthorized").await;
    assert_problem(foreign, 401, "unauthorized").await;
    assert_eq!(valid.status(), 200);
}

async fn refresh(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", format!("ph_refresh={cookie}"))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn refreshing_rotates_the_token_and_reusing_an_old_one_ends_the_session() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let first = refresh_cookie(app.login(&email, &password).await.headers()).unwrap();

    let res = refresh(&app, &first).await;
    assert_eq!(res.status(), 200);
    let second = refresh_cookie(res.headers()).unwrap();
    assert_ne!(first, second);
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(body["access_token"].is_string());

    // The old token again: reuse. The whole family is revoked, including the new token.
    assert_problem(refresh(&app, &first).await, 401, "unauthorized").await;
    assert_problem(refresh(&app, &second).await, 401, "unauthorized").await;
}

#[actix_web::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Volunteer, vec![]).await;
    let cookie = refresh_cookie(app.login(&email, &password).await.headers()).unwrap();

    let res = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", format!("ph_refresh={cookie}"))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), 204);
    assert_problem(refresh(&app, &cookie).await, 401, "unauthorized").await;
}

#[actix_web::test]
async fn refreshing_without_a_cookie_is_401() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;
}

#[actix_web::test]
async fn a_deactivated_user_loses_access_token_and_session_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let res = app.login(&email, &password).await;
    let cookie = refresh_cookie(res.headers()).unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap().to_string();
    let id = body["user"]["id"].as_str().unwrap().to_string();

    let res = app
        .post(&format!("/api/v1/users/{id}/deactivate"), &admin)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    assert_problem(
        app.get("/api/v1/auth/me", &access).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    assert_problem(refresh(&app, &cookie).await, 401, "unauthorized").await;
    assert_problem(app.login(&email, &password).await, 401, "unauthorized").await;
}

#[actix_web::test]
async fn no_token_is_401_with_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .get(app.url("/api/v1/auth/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("www-authenticate").unwrap(), "Bearer");
    assert_problem(res, 401, "unauthorized").await;
}

async fn ask_reset(app: &TestApp, email: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/password-reset"))
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap()
}

async fn set_password(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/password-reset/confirm"))
        .json(&json!({ "token": token, "password": password }))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_forgotten_password_is_reset_once_with_the_emailed_link_and_sessions_end() {
    use crate::imports::link_token;
    use db::repo::applications::messages_for;
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let session = refresh_cookie(app.login(&email, &password).await.headers()).unwrap();

    // The same answer for an unknown address, and nothing is sent.
    assert_eq!(ask_reset(&app, "nobody@example.org").await.status(), 202);
    assert!(
        messages_for(&app.db, "nobody@example.org")
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(ask_reset(&app, &email.to_uppercase()).await.status(), 202);
    let token = link_token(&app, &email, "password_reset").await;

    let res = set_password(&app, &token, "short").await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "password");
    let res = set_password(&app, "not-a-token", "a-brand-new-password").await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "expired");

    assert_eq!(
        set_password(&app, &token, "a-brand-new-password")
            .await
            .status(),
        204
    );
    assert_eq!(app.login(&email, &password).await.status(), 401);
    assert_eq!(
        app.login(&email, "a-brand-new-password").await.status(),
        200
    );
    assert_eq!(refresh(&app, &session).await.status(), 401, "sessions end");
    // A link works once.
    let res = set_password(&app, &token, "yet-another-password").await;
    assert_problem(res, 422, "validation_failed").await;

    let res = ask_reset(&app, "not-an-email").await;
    assert_problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn a_deactivated_account_gets_no_reset_link() {
    use db::repo::applications::messages_for;
    let app = TestApp::spawn().await;
    let (email, _) = app.create_user(Role::Staff, vec![]).await;
    let account = db::repo::users::find_by_email(&app.db, &email)
        .await
        .unwrap()
        .unwrap();
    db::repo::users::set_status(
        &app.db,
        account.user.id,
        account.user.version,
        domain::user::UserStatus::Deactivated,
    )
    .await
    .unwrap();
    assert_eq!(ask_reset(&app, &email).await.status(), 202);
    assert!(messages_for(&app.db, &email).await.unwrap().is_empty());
}

#[actix_web::test]
async fn a_reset_request_takes_its_floor_whether_or_not_the_account_exists() {
    use partnerhub_api::services::passwords::RESET_REQUEST_FLOOR;
    let app = TestApp::spawn().await;
    let (email, _) = app.create_user(Role::Staff, vec![]).await;
    for address in [email.as_str(), "nobody@example.org"] {
        let started = std::time::Instant::now();
        assert_eq!(ask_reset(&app, address).await.status(), 202);
        assert!(started.elapsed() >= RESET_REQUEST_FLOOR, "{address}");
    }
}

#[actix_web::test]
async fn a_session_ends_at_its_absolute_lifetime_however_often_it_is_refreshed() {
    let app = TestApp::spawn_with(|s| s.auth.session_max_days = 0).await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let signed_in = app.login(&email, &password).await;
    assert_eq!(signed_in.status(), 200);
    let cookie = refresh_cookie(signed_in.headers()).unwrap();
    assert_problem(refresh(&app, &cookie).await, 401, "unauthorized").await;
}

async fn change(app: &TestApp, token: &str, current: &str, new: &str) -> reqwest::Response {
    app.post("/api/v1/auth/password", token)
        .json(&json!({"current_password": current, "new_password": new}))
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_password_an_admin_set_must_be_changed_before_anything_else_answers() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let res = app
        .post("/api/v1/users", &admin)
        .json(
            &json!({"email": "new.staff@example.org", "display_name": "New Staff",
            "role": "staff", "password": "given-by-the-admin"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let created: serde_json::Value = res.json().await.unwrap();
    assert_eq!(created["password_change_required"], true);

    let res = app
        .login("new.staff@example.org", "given-by-the-admin")
        .await;
    assert_eq!(res.status(), 200);
    let old_cookie = refresh_cookie(res.headers()).unwrap();
    let first: serde_json::Value = res.json().await.unwrap();
    assert_eq!(first["user"]["password_change_required"], true);
    let given = first["access_token"].as_str().unwrap().to_string();
    // Only the own profile and the change answer.
    let me = app.get_json("/api/v1/auth/me", &given).await;
    assert_eq!(me["password_change_required"], true);
    for path in [
        "/api/v1/schools",
        "/api/v1/organizations",
        "/api/v1/volunteers",
    ] {
        let res = app.get(path, &given).send().await.unwrap();
        assert_problem(res, 403, "password_change_required").await;
    }

    // The current password is checked; the new one is long enough and new.
    for (current, new, field) in [
        (
            "not-the-one-given",
            "a-brand-new-passphrase",
            "current_password",
        ),
        ("given-by-the-admin", "given-by-the-admin", "new_password"),
        ("given-by-the-admin", "short", "new_password"),
    ] {
        let p = assert_problem(
            change(&app, &given, current, new).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    let res = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .json(&json!({"current_password": "x", "new_password": "a-brand-new-passphrase"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;

    let res = change(&app, &given, "given-by-the-admin", "a-brand-new-passphrase").await;
    assert_eq!(res.status(), 200);
    assert!(refresh_cookie(res.headers()).is_some(), "a new session");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["user"]["password_change_required"], false);
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(
        app.get("/api/v1/schools", token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // The sessions started before the change are over; the old password no longer signs in.
    assert_eq!(refresh(&app, &old_cookie).await.status(), 401);
    assert_eq!(
        app.login("new.staff@example.org", "given-by-the-admin")
            .await
            .status(),
        401
    );
    let again = app
        .login("new.staff@example.org", "a-brand-new-passphrase")
        .await;
    assert_eq!(again.status(), 200);
    let again: serde_json::Value = again.json().await.unwrap();
    assert_eq!(again["user"]["password_change_required"], false);

    // Audited, without either password.
    let id = created["id"].as_str().unwrap();
    let trail = app
        .get_json(&format!("/api/v1/audit?entity=user&id={id}"), &admin)
        .await;
    let event = trail
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "change_password")
        .expect("the change is audited");
    assert_eq!(event["changes"], json!({"was_required": true}));
    assert!(!trail.to_string().contains("passphrase"), "{trail}");
}

#[actix_web::test]
async fn anyone_signed_in_changes_their_own_password() {
    let app = TestApp::spawn().await;
    for &role in Role::ALL {
        let schools = if role == Role::SchoolCoordinator {
            vec![app.any_school().await]
        } else {
            vec![]
        };
        let (email, password) = app.create_user(role, schools).await;
        let res = app.login(&email, &password).await;
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["user"]["password_change_required"], false, "{role}");
        let token = body["access_token"].as_str().unwrap();
        let res = change(&app, token, &password, "another-long-passphrase").await;
        assert_eq!(res.status(), 200, "{role}");
        assert_eq!(
            app.login(&email, "another-long-passphrase").await.status(),
            200
        );
    }
}

/// Knowing the caller costs one query: the account, its schools and its organization are read
/// together (every authenticated request does it, so three round trips would be paid on each).
#[actix_web::test]
async fn the_caller_is_read_in_one_query() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let app = TestApp::spawn().await;
    let a = app.create_school("Q101", "Quail Hollow Middle").await;
    let b = app.create_school("Q102", "Queens Grant High").await;
    let (coordinator, _) = app.create_user(Role::SchoolCoordinator, vec![b, a]).await;
    let (staff, _) = app.create_user(Role::Staff, vec![]).await;

    let statements = Arc::new(AtomicUsize::new(0));
    let mut db = app.db.clone();
    let seen = statements.clone();
    db.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });

    let found = db::repo::users::find_by_email(&db, &coordinator)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(statements.swap(0, Ordering::SeqCst), 1, "find_by_email");
    let mut both = vec![a, b];
    both.sort();
    assert_eq!(found.user.school_ids, both);
    assert_eq!(found.user.organization_id, None);

    let again = db::repo::users::get(&db, found.user.id).await.unwrap();
    assert_eq!(statements.swap(0, Ordering::SeqCst), 1, "get");
    assert_eq!(again.user, found.user);

    let lone = db::repo::users::find_by_email(&db, &staff)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(statements.swap(0, Ordering::SeqCst), 1);
    assert!(lone.user.school_ids.is_empty());

    assert!(
        db::repo::users::find_by_email(&db, "nobody@example.test")
            .await
            .unwrap()
            .is_none()
    );
}
