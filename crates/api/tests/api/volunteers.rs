//! Volunteers: registration, the clearance ledger and standing, scoping.

use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};

fn registration(email: &str, school: &str) -> Value {
    json!({
        "name": "Ana López", "email": email, "phone": "704-555-0101",
        "password": "a-long-passphrase", "preferred_language": "es",
        "kind": "parent_guardian", "organization_id": null, "school_ids": [school],
        "interests": ["read_with_student", "chaperone"], "availability": "Tuesday mornings",
        "fax_number": "",
    })
}

async fn register(app: &TestApp, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/public/volunteers"))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn token(app: &TestApp, email: &str) -> String {
    let res: Value = app
        .login(email, "a-long-passphrase")
        .await
        .json()
        .await
        .unwrap();
    res["access_token"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn a_volunteer_registers_signs_in_and_sees_a_pending_clearance() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let res = register(&app, &registration("Ana@Example.org", &school)).await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["email"], "ana@example.org");
    assert_eq!(v["standing"]["standing"], "pending");
    assert_eq!(v["clearances"][0]["status"], "pending");
    assert_eq!(v["interests"].as_array().unwrap().len(), 2);

    let me: Value = app
        .get(
            "/api/v1/volunteers/me",
            &token(&app, "ana@example.org").await,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["id"], v["id"]);
    assert_eq!(me["name"], "Ana López");

    // The same email again.
    let res = register(&app, &registration("ana@example.org", &school)).await;
    assert_problem(res, 409, "already_registered").await;
}

#[actix_web::test]
async fn registration_is_validated_in_the_callers_language_and_bots_are_dropped() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let mut bad = registration("not-an-email", &school);
    bad["phone"] = json!("12");
    bad["password"] = json!("short");
    let res = register(&app, &bad).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<_> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "password", "phone"]);
    let res = app
        .client
        .post(app.url("/api/v1/public/volunteers"))
        .header("accept-language", "es")
        .json(&bad)
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        p["errors"][0]["message"],
        "Escriba un correo electrónico válido."
    );

    let mut partner = registration("pat@example.org", &school);
    partner["kind"] = json!("partner_affiliated");
    let p = assert_problem(register(&app, &partner).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "organization_id");
    let mut nowhere = registration("pat@example.org", &school);
    nowhere["school_ids"] = json!([uuid::Uuid::now_v7()]);
    let p = assert_problem(register(&app, &nowhere).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "school_ids");

    let mut bot = registration("bot@example.org", &school);
    bot["fax_number"] = json!("555-0000");
    assert_eq!(register(&app, &bot).await.status(), 201);
    assert_eq!(
        app.login("bot@example.org", "a-long-passphrase")
            .await
            .status(),
        401
    );
}

#[actix_web::test]
async fn staff_record_clearances_and_the_standing_follows() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let v: Value = register(&app, &registration("ana@example.org", &school))
        .await
        .json()
        .await
        .unwrap();
    let id = v["id"].as_str().unwrap();
    let url = format!("/api/v1/volunteers/{id}/clearances");
    let today = chrono::Utc::now().date_naive();
    let cleared = json!({"kind": "annual_background_check", "status": "cleared",
        "cleared_on": today.to_string(), "expires_on": (today + chrono::Days::new(365)).to_string(),
        "reference": "SCREEN-48213"});
    let staff = app.token_for(Role::Staff).await;
    let coord = app.token_for(Role::SchoolCoordinator).await;
    let volunteer = token(&app, "ana@example.org").await;
    for t in [&coord, &volunteer] {
        let res = app
            .post(&url, t)
            .header("if-match", "\"1\"")
            .json(&cleared)
            .send()
            .await
            .unwrap();
        assert_problem(res, 403, "forbidden").await;
    }
    assert_problem(
        app.post(&url, &staff).json(&cleared).send().await.unwrap(),
        428,
        "precondition_required",
    )
    .await;
    let mut no_dates = cleared.clone();
    no_dates["expires_on"] = json!(null);
    let p = assert_problem(
        app.post(&url, &staff)
            .header("if-match", "\"1\"")
            .json(&no_dates)
            .send()
            .await
            .unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "expires_on");
    let res = app
        .post(&url, &staff)
        .header("if-match", "\"1\"")
        .json(&cleared)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["standing"]["standing"], "current");
    assert_eq!(
        v["clearances"].as_array().unwrap().len(),
        2,
        "the ledger keeps both"
    );
    assert_eq!(v["clearances"][0]["reference"], "SCREEN-48213");
    // The old version is stale now.
    let res = app
        .post(&url, &staff)
        .header("if-match", "\"1\"")
        .json(&cleared)
        .send()
        .await
        .unwrap();
    assert_problem(res, 412, "version_mismatch").await;
    // The volunteer sees it too.
    let me: Value = app
        .get("/api/v1/volunteers/me", &volunteer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["standing"]["standing"], "current");
    assert_eq!(me["standing"]["renewal_due"], false);
}

#[actix_web::test]
async fn coordinators_see_their_schools_volunteers_and_a_volunteer_only_themself() {
    let app = TestApp::spawn().await;
    let mine = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let a: Value = register(&app, &registration("a@example.org", &mine.to_string()))
        .await
        .json()
        .await
        .unwrap();
    let b: Value = register(&app, &registration("b@example.org", &other.to_string()))
        .await
        .json()
        .await
        .unwrap();
    let (email, password) = app.create_user(Role::SchoolCoordinator, vec![mine]).await;
    let coord: Value = app.login(&email, &password).await.json().await.unwrap();
    let coord = coord["access_token"].as_str().unwrap().to_string();
    let staff = app.token_for(Role::Staff).await;
    let ids = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let list = |t: String| {
        let req = app.get("/api/v1/volunteers", &t).send();
        async move { req.await.unwrap().json::<Value>().await.unwrap() }
    };
    assert_eq!(ids(list(staff.clone()).await).len(), 2);
    assert_eq!(ids(list(coord.clone()).await), [a["id"].as_str().unwrap()]);
    let get = |t: &str, v: &Value| {
        app.get(
            &format!("/api/v1/volunteers/{}", v["id"].as_str().unwrap()),
            t,
        )
        .send()
    };
    assert_eq!(get(&coord, &a).await.unwrap().status(), 200);
    assert_problem(get(&coord, &b).await.unwrap(), 404, "not_found").await;
    let va = token(&app, "a@example.org").await;
    assert_eq!(get(&va, &a).await.unwrap().status(), 200);
    assert_problem(get(&va, &b).await.unwrap(), 404, "not_found").await;
    assert_problem(
        app.get("/api/v1/volunteers", &va).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;
    let (_, _, partner) = app.partner_org("Some Partner").await;
    assert_problem(get(&partner, &a).await.unwrap(), 403, "forbidden").await;
    assert_problem(
        app.get("/api/v1/volunteers/me", &staff)
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    // Unauthenticated: 401.
    let res = app
        .client
        .get(app.url("/api/v1/volunteers"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}
