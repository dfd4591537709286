use domain::Role;

use crate::helpers::{TestApp, assert_problem};

#[actix_web::test]
async fn an_unknown_api_route_is_a_404_problem() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .get(app.url("/api/v1/spaceships"))
        .send()
        .await
        .unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let p = assert_problem(res, 404, "not_found").await;
    assert_eq!(
        p["request_id"],
        id.as_str(),
        "the id to quote is in the problem too"
    );
    let res = app
        .client
        .get(app.url("/api/v2/schools"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
}

#[actix_web::test]
async fn a_wrong_method_is_a_405_problem() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .delete(app.url("/api/v1/schools"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["allow"], "GET, POST");
    assert_problem(res, 405, "method_not_allowed").await;
    let res = app
        .client
        .post(app.url("/api/v1/schools/01a205e1-5e5f-7124-aeee-246a84093505"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["allow"],
        "GET, PUT",
        "with a path parameter too"
    );
    assert_problem(res, 405, "method_not_allowed").await;
}

#[actix_web::test]
async fn a_body_over_the_limit_is_a_413_problem() {
    let app = TestApp::spawn_with(|s| s.server.json_limit_bytes = 1024).await;
    let staff = app.token_for(Role::Staff).await;
    let big = serde_json::json!({ "code": "E1", "name": "x".repeat(5000) });
    let res = app
        .post("/api/v1/schools", &staff)
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_problem(res, 413, "payload_too_large").await;
}

#[actix_web::test]
async fn malformed_json_is_400_and_a_missing_field_is_422_naming_it() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let res = app
        .post("/api/v1/schools", &staff)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_problem(res, 400, "bad_request").await;
    let res = app
        .post("/api/v1/schools", &staff)
        .json(&serde_json::json!({"code": "E1"}))
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "name");
}

#[actix_web::test]
async fn a_malformed_id_is_404_and_a_missing_record_too() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    assert_problem(
        app.get("/api/v1/schools/not-a-uuid", &staff)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    let missing = format!("/api/v1/schools/{}", uuid::Uuid::new_v4());
    assert_problem(
        app.get(&missing, &staff).send().await.unwrap(),
        404,
        "not_found",
    )
    .await;
}

#[actix_web::test]
async fn probes_answer_and_every_response_has_a_request_id_and_security_headers() {
    let app = TestApp::spawn().await;
    let live = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let h = ready.headers();
    assert!(h.get("x-request-id").is_some());
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("x-frame-options").unwrap(), "DENY");
    assert!(h.get("content-security-policy").is_some());
}

#[actix_web::test]
async fn cors_allows_only_configured_origins() {
    let app =
        TestApp::spawn_with(|s| s.server.cors_origins = vec!["https://foundation.example".into()])
            .await;
    let allowed = app
        .client
        .get(app.url("/healthz"))
        .header("origin", "https://foundation.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .unwrap(),
        "https://foundation.example"
    );
    let other = app
        .client
        .get(app.url("/healthz"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[actix_web::test]
async fn the_docs_ui_and_the_spec_are_served() {
    let app = TestApp::spawn().await;
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
    let spec: serde_json::Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
}
