use domain::Role;
use serde_json::Value;

use crate::helpers::{TestApp, assert_problem, school_input};

#[actix_web::test]
async fn each_change_writes_an_audit_event_with_actor_fields_and_request_id() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let created = app
        .post("/api/v1/schools", &staff)
        .json(&school_input("E7", "Seven Oaks Elementary"))
        .send()
        .await
        .unwrap();
    let created: Value = created.json().await.unwrap();
    let id = created["id"].as_str().unwrap();
    let mut edit = school_input("E7", "Seven Pines Elementary");
    edit.title_i = true;
    let res = app
        .put(&format!("/api/v1/schools/{id}"), &staff)
        .header("if-match", "\"1\"")
        .json(&edit)
        .send()
        .await
        .unwrap();
    let request_id = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();

    let events: Value = app
        .get(&format!("/api/v1/audit?entity=school&id={id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 2);
    let update = &events[0];
    assert_eq!(update["action"], "update");
    assert_eq!(update["request_id"], request_id);
    assert!(update["actor_id"].is_string());
    assert_eq!(update["changes"]["name"]["before"], "Seven Oaks Elementary");
    assert_eq!(update["changes"]["name"]["after"], "Seven Pines Elementary");
    assert_eq!(update["changes"]["title_i"]["after"], true);
    assert!(update["changes"].get("version").is_none());
    assert_eq!(events[1]["action"], "create");
}

#[actix_web::test]
async fn only_admin_and_staff_read_the_audit_log() {
    let app = TestApp::spawn().await;
    for &role in Role::ALL {
        let token = app.token_for(role).await;
        let res = app
            .get("/api/v1/audit?entity=school", &token)
            .send()
            .await
            .unwrap();
        let expected = if matches!(role, Role::Admin | Role::Staff) {
            200
        } else {
            403
        };
        assert_eq!(res.status().as_u16(), expected, "{role}");
    }
    let admin = app.token_for(Role::Admin).await;
    let res = app
        .get("/api/v1/audit?entity=spaceship", &admin)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn the_user_account_trail_is_for_admins_and_signed_in_answers_are_not_cached() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(domain::Role::Staff).await;
    let admin = app.token_for(domain::Role::Admin).await;
    let res = app
        .get("/api/v1/audit?entity=user", &staff)
        .send()
        .await
        .unwrap();
    crate::helpers::assert_problem(res, 403, "forbidden").await;
    let res = app
        .get("/api/v1/audit?entity=user", &admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    // Staff keep the other trails.
    let res = app
        .get("/api/v1/audit?entity=school", &staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    // An anonymous public list keeps its own caching.
    let res = app
        .client
        .get(app.url("/api/v1/public/schools"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "public, max-age=300");
}
