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

    // The same email again: the same answer as a new registration, nothing stored, and the
    // address's owner is told by message.
    let res = register(&app, &registration("ana@example.org", &school)).await;
    assert_eq!(res.status(), 201);
    let again: Value = res.json().await.unwrap();
    assert_ne!(again["id"], v["id"]);
    assert_eq!(again["standing"]["standing"], "pending");
    assert_eq!(again["clearances"][0]["status"], "pending");
    let msgs = db::repo::applications::messages_for(&app.db, "ana@example.org")
        .await
        .unwrap();
    assert!(
        msgs.iter()
            .any(|m| m.kind == "already_registered" && m.body.contains("/forgot-password")),
        "the owner is told"
    );
    let staff = app.token_for(Role::Staff).await;
    let list = app.get_json("/api/v1/volunteers", &staff).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "nothing stored");
    assert_eq!(
        me["id"],
        app.get_json(
            "/api/v1/volunteers/me",
            &token(&app, "ana@example.org").await
        )
        .await["id"]
    );
    // Staff addresses too: no answer tells them apart.
    let (staff_email, _) = app.create_user(Role::Staff, vec![]).await;
    let res = register(&app, &registration(&staff_email, &school)).await;
    assert_eq!(res.status(), 201);
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

async fn profile(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/api/v1/volunteers/{id}"), token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn flag(
    app: &TestApp,
    token: &str,
    id: &str,
    version: &Value,
    body: Value,
) -> reqwest::Response {
    app.put(&format!("/api/v1/volunteers/{id}/parent-leader"), token)
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn coordinators_flag_their_schools_parent_leaders_and_the_dashboard_counts_them() {
    use crate::opportunities::volunteer;
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let b = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (id, own) = volunteer(&app, a, "parent@example.org").await;
    let mine = app.coordinator_of(a).await;
    let other = app.coordinator_of(b).await;
    let v = profile(&app, &staff, &id).await;
    let pta = json!({"parent_leader": true, "role": "PTA treasurer"});

    let res = app
        .put(&format!("/api/v1/volunteers/{id}/parent-leader"), &mine)
        .json(&pta)
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    assert_problem(
        flag(&app, &other, &id, &v["version"], pta.clone()).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        flag(&app, &own, &id, &v["version"], pta.clone()).await,
        403,
        "forbidden",
    )
    .await;
    let (_, _, partner) = app.partner_org("Some Partner").await;
    assert_problem(
        flag(&app, &partner, &id, &v["version"], pta.clone()).await,
        403,
        "forbidden",
    )
    .await;
    let p = assert_problem(
        flag(
            &app,
            &mine,
            &id,
            &v["version"],
            json!({"parent_leader": true, "role": " "}),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "role");

    let res = flag(&app, &mine, &id, &v["version"], pta.clone()).await;
    assert_eq!(res.status(), 200);
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let flagged: Value = res.json().await.unwrap();
    assert_eq!(
        (
            flagged["parent_leader"].clone(),
            flagged["parent_leader_role"].clone()
        ),
        (json!(true), json!("PTA treasurer"))
    );
    assert_eq!(etag, format!("\"{}\"", flagged["version"]));
    // The version read before the change is stale now.
    assert_problem(
        flag(&app, &mine, &id, &v["version"], pta.clone()).await,
        412,
        "version_mismatch",
    )
    .await;
    let m: Value = app
        .get("/api/v1/metrics/volunteers", &mine)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        m["parent_leaders"], 0,
        "a parent leader counts in a year they volunteer"
    );
    let today = chrono::Utc::now().date_naive();
    let res = app
        .post("/api/v1/hours/import", &staff)
        .header("content-type", "text/csv")
        .body(format!(
            "email,school,date,activity,minutes\nparent@example.org,E1,{today},tutor,60\n"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let m: Value = app.get_json("/api/v1/metrics/volunteers", &mine).await;
    assert_eq!(m["parent_leaders"], 1);

    let admin = app.token_for(Role::Admin).await;
    let res = flag(
        &app,
        &admin,
        &id,
        &flagged["version"],
        json!({"parent_leader": false, "role": "ignored when unflagging"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let unflagged: Value = res.json().await.unwrap();
    assert_eq!(
        (
            unflagged["parent_leader"].clone(),
            unflagged["parent_leader_role"].clone()
        ),
        (json!(false), Value::Null)
    );

    let events: Value = app
        .get(&format!("/api/v1/audit?entity=volunteer&id={id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .filter(|a| a.contains("parent_leader"))
        .collect();
    assert_eq!(actions.len(), 2, "{events}");
    assert!(actions.contains(&"flag_parent_leader") && actions.contains(&"unflag_parent_leader"));
}

#[actix_web::test]
async fn staff_revoke_a_lost_badge_and_only_the_new_one_checks_out() {
    use crate::opportunities::cleared_volunteer;
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (id, token) = cleared_volunteer(&app, &staff, a, "ana@example.org").await;
    let badge_code = || {
        let app = &app;
        let token = token.clone();
        async move {
            app.get_json("/api/v1/volunteers/me/badge", &token).await["token"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let check = |code: String| {
        let app = &app;
        async move {
            app.client
                .get(app.url(&format!("/api/v1/public/badges/{code}")))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let lost = badge_code().await;
    assert_eq!(check(lost.clone()).await, 200);

    let profile = app
        .get_json(&format!("/api/v1/volunteers/{id}"), &staff)
        .await;
    let revoke = |token: String, etag: String, reason: &'static str| {
        let app = &app;
        let id = id.clone();
        async move {
            app.post(&format!("/api/v1/volunteers/{id}/badge/revoke"), &token)
                .header("if-match", etag)
                .json(&json!({ "reason": reason }))
                .send()
                .await
                .unwrap()
        }
    };
    let etag = format!("\"{}\"", profile["version"]);
    let coordinator = app.coordinator_of(a).await;
    assert_problem(
        revoke(coordinator, etag.clone(), "Lost it").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        revoke(staff.clone(), etag.clone(), "").await,
        422,
        "validation_failed",
    )
    .await;
    let res = revoke(staff.clone(), etag.clone(), "Lost at the front desk").await;
    assert_eq!(res.status(), 200);
    assert_problem(
        revoke(staff.clone(), etag, "Again").await,
        412,
        "version_mismatch",
    )
    .await;

    assert_eq!(
        check(lost).await,
        404,
        "the lost badge no longer checks out"
    );
    let new = badge_code().await;
    assert_eq!(
        check(new).await,
        200,
        "the volunteer's page shows a new one"
    );
    let audit = app
        .get_json(&format!("/api/v1/audit?entity=volunteer&id={id}"), &staff)
        .await;
    let revoked = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "revoke_badges")
        .expect("audited");
    assert_eq!(revoked["changes"]["reason"], "Lost at the front desk");
}

#[actix_web::test]
async fn a_badge_carries_a_qr_code_anyone_can_check_without_learning_why_not() {
    use crate::opportunities::{clearance, cleared_volunteer};
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (id, token) = cleared_volunteer(&app, &staff, a, "ana@example.org").await;

    let res = app
        .get("/api/v1/volunteers/me/badge", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let badge: Value = res.json().await.unwrap();
    assert_eq!(badge["volunteer_id"], id.as_str());
    assert!(badge["qr_svg"].as_str().unwrap().contains("<svg"));
    let url = badge["verify_url"].as_str().unwrap();
    let (_, code) = url.rsplit_once("/badge/").expect("a badge address");
    assert_eq!(code, badge["token"].as_str().unwrap());

    let check = |code: String| {
        let app = &app;
        async move {
            app.client
                .get(app.url(&format!("/api/v1/public/badges/{code}")))
                .send()
                .await
                .unwrap()
        }
    };
    let res = check(code.to_string()).await;
    assert_eq!(res.status(), 200);
    let seen: Value = res.json().await.unwrap();
    assert_eq!(seen["name"], "Volunteer A.");
    assert_eq!(seen["may_serve"], true);
    let expires = (chrono::Utc::now().date_naive() + chrono::Duration::days(365)).to_string();
    assert_eq!(seen["valid_through"], expires.as_str());

    // Denied later: the same badge says so, and never why.
    clearance(&app, &staff, &id, "denied", 365).await;
    let res = check(code.to_string()).await;
    let body = res.text().await.unwrap();
    let seen: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (seen["may_serve"].clone(), seen["valid_through"].clone()),
        (json!(false), Value::Null)
    );
    assert!(!body.contains("denied"), "{body}");

    // Not a badge: a made-up token, or a sign-in token.
    assert_problem(check("not-a-badge".into()).await, 404, "not_found").await;
    assert_problem(check(token.clone()).await, 404, "not_found").await;
    // Only volunteers have badges.
    let res = app
        .get("/api/v1/volunteers/me/badge", &staff)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .client
        .get(app.url("/api/v1/volunteers/me/badge"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthorized").await;
}

#[actix_web::test]
async fn renewal_reminders_are_queued_once_per_expiry_in_the_volunteers_language() {
    use crate::opportunities::{clearance, volunteer};
    use chrono::{Days, Utc};
    use db::repo::applications::messages_for;
    use partnerhub_api::services::volunteers::remind_renewals;
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (soon, _) = volunteer(&app, a, "soon@example.org").await;
    clearance(&app, &staff, &soon, "cleared", 20).await;
    let (later, _) = volunteer(&app, a, "later@example.org").await;
    clearance(&app, &staff, &later, "cleared", 200).await;
    let res = register(&app, &registration("ana@example.org", &a.to_string())).await;
    let ana: Value = res.json().await.unwrap();
    let ana = ana["id"].as_str().unwrap().to_string();
    clearance(&app, &staff, &ana, "cleared", 30).await;
    let (_pending, _) = volunteer(&app, a, "pending@example.org").await;
    let today = Utc::now().date_naive();

    assert_eq!(remind_renewals(&app.db, today).await.unwrap(), 2);
    assert_eq!(
        remind_renewals(&app.db, today).await.unwrap(),
        0,
        "once per expiry"
    );
    let sent = messages_for(&app.db, "soon@example.org").await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].kind, "clearance_renewal");
    let expiry = (today + Days::new(20)).to_string();
    assert_eq!(
        sent[0].subject,
        format!("Renew your volunteer clearance before {expiry}")
    );
    let es = messages_for(&app.db, "ana@example.org").await.unwrap();
    assert_eq!(es.len(), 1);
    assert!(
        es[0].subject.starts_with("Renueve su autorización"),
        "{}",
        es[0].subject
    );
    assert!(
        messages_for(&app.db, "later@example.org")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        messages_for(&app.db, "pending@example.org")
            .await
            .unwrap()
            .is_empty()
    );

    // The other clearance's window opens 30 days before it ends.
    assert_eq!(
        remind_renewals(&app.db, today + Days::new(169))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        remind_renewals(&app.db, today + Days::new(170))
            .await
            .unwrap(),
        1
    );
    // A renewal brings a new expiry, and its own reminder in time; never the old one again.
    clearance(&app, &staff, &soon, "cleared", 385).await;
    assert_eq!(remind_renewals(&app.db, today).await.unwrap(), 0);
    assert_eq!(
        remind_renewals(&app.db, today + Days::new(360))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        messages_for(&app.db, "soon@example.org")
            .await
            .unwrap()
            .len(),
        2
    );
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_volunteer_endpoint() {
    use crate::opportunities::{cleared_volunteer, opportunity};
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "First Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (vid, _) = cleared_volunteer(&app, &staff, school, "someone@example.org").await;
    let nobody = uuid::Uuid::now_v7();
    let today = chrono::Utc::now().date_naive().to_string();

    for &role in Role::ALL {
        // A fresh opportunity each time, so no answer depends on an earlier role's call.
        let res = app
            .post("/api/v1/opportunities", &staff)
            .json(&opportunity(school, 2))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let opp: Value = res.json().await.unwrap();
        let oid = opp["id"].as_str().unwrap().to_string();
        let schools = if role == Role::SchoolCoordinator {
            vec![school]
        } else {
            vec![]
        };
        let (email, password) = app.create_user(role, schools).await;
        let login: Value = app.login(&email, &password).await.json().await.unwrap();
        let token = login["access_token"].as_str().unwrap();
        let call = |method: &str, path: String, body: Option<Value>| {
            let mut req = app
                .client
                .request(method.parse().unwrap(), app.url(&path))
                .bearer_auth(token)
                .header("if-match", "\"999\"");
            if let Some(b) = body {
                req = req.json(&b);
            }
            async move { req.send().await.unwrap().status().as_u16() }
        };
        let csv = |path: &str| {
            let req = app
                .client
                .post(app.url(path))
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body("not,a,roster\n1,2,3\n");
            async move { req.send().await.unwrap().status().as_u16() }
        };
        let entry =
            json!({"school_id": school, "activity": "tutor", "work_date": today, "minutes": 60});
        let got = [
            (
                "browse",
                call("GET", "/api/v1/opportunities".into(), None).await,
            ),
            (
                "post",
                call(
                    "POST",
                    "/api/v1/opportunities".into(),
                    Some(opportunity(school, 1)),
                )
                .await,
            ),
            (
                "opportunity",
                call("GET", format!("/api/v1/opportunities/{oid}"), None).await,
            ),
            (
                "change",
                call(
                    "PUT",
                    format!("/api/v1/opportunities/{oid}"),
                    Some(opportunity(school, 3)),
                )
                .await,
            ),
            (
                "roster",
                call("GET", format!("/api/v1/opportunities/{oid}/signups"), None).await,
            ),
            (
                "sign_up",
                call(
                    "POST",
                    format!("/api/v1/opportunities/{oid}/signups"),
                    Some(json!({})),
                )
                .await,
            ),
            (
                "cancel_signup",
                call(
                    "POST",
                    format!("/api/v1/signups/{nobody}/cancel"),
                    Some(json!({})),
                )
                .await,
            ),
            ("hours", call("GET", "/api/v1/hours".into(), None).await),
            (
                "log",
                call("POST", "/api/v1/hours".into(), Some(entry.clone())).await,
            ),
            (
                "check_in",
                call(
                    "POST",
                    "/api/v1/hours/check-in".into(),
                    Some(json!({"school_id": school, "activity": "tutor"})),
                )
                .await,
            ),
            (
                "check_out",
                call("POST", "/api/v1/hours/check-out".into(), Some(json!({}))).await,
            ),
            (
                "decide",
                call(
                    "POST",
                    "/api/v1/hours/decisions".into(),
                    Some(json!({"entry_ids": [nobody], "decision": "approve"})),
                )
                .await,
            ),
            (
                "correct",
                call(
                    "POST",
                    format!("/api/v1/hours/{nobody}/corrections"),
                    Some(json!({"entry": entry, "reason": "typo"})),
                )
                .await,
            ),
            (
                "metrics",
                call("GET", "/api/v1/metrics/volunteers".into(), None).await,
            ),
            (
                "volunteers",
                call("GET", "/api/v1/volunteers".into(), None).await,
            ),
            (
                "volunteer",
                call("GET", format!("/api/v1/volunteers/{vid}"), None).await,
            ),
            (
                "me",
                call("GET", "/api/v1/volunteers/me".into(), None).await,
            ),
            (
                "badge",
                call("GET", "/api/v1/volunteers/me/badge".into(), None).await,
            ),
            (
                "parent_leader",
                call(
                    "PUT",
                    format!("/api/v1/volunteers/{vid}/parent-leader"),
                    Some(json!({"parent_leader": false})),
                )
                .await,
            ),
            (
                "clearance",
                call(
                    "POST",
                    format!("/api/v1/volunteers/{vid}/clearances"),
                    Some(json!({"kind": "training", "status": "pending"})),
                )
                .await,
            ),
            (
                "cancel_opportunity",
                call(
                    "POST",
                    format!("/api/v1/opportunities/{oid}/cancel"),
                    Some(json!({"reason": "Rain"})),
                )
                .await,
            ),
            (
                "duplicates",
                call("GET", "/api/v1/volunteers/duplicates".into(), None).await,
            ),
            (
                "merge",
                call(
                    "POST",
                    format!("/api/v1/volunteers/{vid}/merge"),
                    Some(json!({"duplicate_id": nobody, "reason": "The same person twice"})),
                )
                .await,
            ),
            (
                "export_volunteers",
                call("GET", "/api/v1/volunteers/export".into(), None).await,
            ),
            (
                "export_opportunities",
                call("GET", "/api/v1/opportunities/export".into(), None).await,
            ),
            (
                "export_hours",
                call("GET", "/api/v1/hours/export".into(), None).await,
            ),
            (
                "hour_value",
                call("GET", "/api/v1/settings/volunteer-hour-value".into(), None).await,
            ),
            (
                "set_hour_value",
                call(
                    "PUT",
                    "/api/v1/settings/volunteer-hour-value".into(),
                    Some(json!({"cents": 3000})),
                )
                .await,
            ),
            (
                "school_year",
                call("GET", "/api/v1/settings/school-year".into(), None).await,
            ),
            (
                "set_school_year",
                call(
                    "PUT",
                    "/api/v1/settings/school-year".into(),
                    Some(json!({"start_month": 8})),
                )
                .await,
            ),
            (
                "import_volunteers",
                csv("/api/v1/volunteers/import?dry_run=true").await,
            ),
            (
                "import_hours",
                csv("/api/v1/hours/import?dry_run=true").await,
            ),
            (
                "revoke_badges",
                call(
                    "POST",
                    format!("/api/v1/volunteers/{vid}/badge/revoke"),
                    Some(json!({"reason": "Lost it"})),
                )
                .await,
            ),
            (
                "end_profile",
                call(
                    "POST",
                    format!("/api/v1/volunteers/{vid}/end"),
                    Some(json!({"reason": "Moved away"})),
                )
                .await,
            ),
            (
                "reinstate",
                call(
                    "POST",
                    format!("/api/v1/volunteers/{vid}/reinstate"),
                    Some(json!({"reason": "Came back"})),
                )
                .await,
            ),
            (
                "stop",
                call("POST", "/api/v1/volunteers/me/stop".into(), Some(json!({}))).await,
            ),
        ];
        for (what, status) in got {
            let office = matches!(role, Role::Admin | Role::Staff | Role::SchoolCoordinator);
            let expected: &[u16] = match (role, what) {
                // Everyone signed in browses opportunities.
                (_, "browse" | "opportunity" | "export_opportunities") => &[200],
                // Only volunteers sign up, log, check in and have a profile of their own; this
                // volunteer login has none yet.
                (
                    Role::Volunteer,
                    "sign_up" | "log" | "check_in" | "check_out" | "me" | "badge" | "stop",
                ) => &[404],
                (Role::Volunteer, "cancel_signup" | "correct") => &[404],
                (Role::Volunteer, "hours" | "export_hours") => &[404],
                (Role::Volunteer, "volunteer") => &[404], // someone else's profile
                // The office: coordinators for their school, staff and admin anywhere.
                (_, "post") if office => &[201],
                (_, "change" | "parent_leader" | "cancel_opportunity") if office => &[412], // a stale If-Match
                (
                    _,
                    "roster" | "hours" | "metrics" | "volunteers" | "volunteer" | "export_hours"
                    | "export_volunteers" | "hour_value" | "school_year",
                ) if office => &[200],
                (_, "decide" | "correct" | "cancel_signup") if office => &[404], // no such one
                (Role::Admin | Role::Staff, "clearance" | "revoke_badges" | "end_profile") => {
                    &[412]
                }
                // The profile has not ended.
                (Role::Admin | Role::Staff, "reinstate") => &[409],
                // The volunteer office: duplicates, merges (no such duplicate) and imports
                // (not a roster: every problem listed).
                (Role::Admin | Role::Staff, "duplicates") => &[200],
                (Role::Admin | Role::Staff, "merge") => &[404],
                (Role::Admin | Role::Staff, "import_volunteers" | "import_hours") => &[422],
                // Settings: admins only (a stale If-Match).
                (Role::Admin, "set_hour_value" | "set_school_year") => &[412],
                _ => &[403],
            };
            assert!(
                expected.contains(&status),
                "{role} {what}: {status}, expected {expected:?}"
            );
        }
    }
}

#[actix_web::test]
async fn staff_find_duplicates_by_name_and_phone_and_a_merge_keeps_every_hour_and_sign_up() {
    use crate::opportunities::{clearance, opportunity};
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let first: Value = register(&app, &registration("ana@example.org", &a.to_string()))
        .await
        .json()
        .await
        .unwrap();
    let mut again = registration("ana.work@example.org", &a.to_string());
    again["phone"] = json!("(704) 555 0101");
    again["kind"] = json!("employee");
    again["interests"] = json!(["mentor"]);
    let second: Value = register(&app, &again).await.json().await.unwrap();
    let mut namesake = registration("other.ana@example.org", &a.to_string());
    namesake["phone"] = json!("704-555-0199");
    assert_eq!(register(&app, &namesake).await.status(), 201);
    let (keep, dup) = (
        first["id"].as_str().unwrap().to_string(),
        second["id"].as_str().unwrap().to_string(),
    );
    clearance(&app, &staff, &keep, "cleared", 365).await;
    clearance(&app, &staff, &dup, "cleared", 200).await;

    let res = app
        .get("/api/v1/volunteers/duplicates", &staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let groups: Value = res.json().await.unwrap();
    assert_eq!(groups.as_array().unwrap().len(), 1, "{groups}");
    assert_eq!(groups[0]["why"], "same_name_and_phone");
    let ids: Vec<&str> = groups[0]["volunteers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [keep.as_str(), dup.as_str()]);
    let coord = app.coordinator_of(a).await;
    let res = app
        .get("/api/v1/volunteers/duplicates", &coord)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;

    // Each profile has approved hours; the duplicate holds the only slot, the kept one waits.
    let (tk, td) = (
        token(&app, "ana@example.org").await,
        token(&app, "ana.work@example.org").await,
    );
    let today = chrono::Utc::now().date_naive().to_string();
    let mut entries = vec![];
    for (t, minutes) in [(&tk, 30), (&td, 60)] {
        let e: Value = app
            .post("/api/v1/hours", t)
            .json(&json!({"school_id": a, "activity": "tutor", "work_date": today, "minutes": minutes}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        entries.push(e["id"].as_str().unwrap().to_string());
    }
    let res = app
        .post("/api/v1/hours/decisions", &staff)
        .json(&json!({"entry_ids": entries, "decision": "approve"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let opp: Value = app
        .post("/api/v1/opportunities", &staff)
        .json(&opportunity(a, 1))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let oid = opp["id"].as_str().unwrap();
    for (t, status) in [(&td, "confirmed"), (&tk, "waitlisted")] {
        let s: Value = app
            .post(&format!("/api/v1/opportunities/{oid}/signups"), t)
            .json(&json!({"confirms_minimum_age": true}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(s["status"], status, "{s}");
    }
    let metrics = |t: String| {
        let app = &app;
        async move {
            let m: Value = app
                .get("/api/v1/metrics/volunteers?group_by=kind", &t)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            m
        }
    };
    let before = metrics(staff.clone()).await;
    assert_eq!(
        (before["active"].clone(), before["minutes"].clone()),
        (json!(2), json!(90))
    );

    let v = profile(&app, &staff, &keep).await;
    let merge = |t: String, version: Value, body: Value| {
        let app = &app;
        let keep = keep.clone();
        async move {
            app.post(&format!("/api/v1/volunteers/{keep}/merge"), &t)
                .header("if-match", format!("\"{version}\""))
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let body = json!({"duplicate_id": dup, "reason": "Registered twice, once with a work email"});
    assert_problem(
        merge(coord.clone(), v["version"].clone(), body.clone()).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        merge(
            staff.clone(),
            v["version"].clone(),
            json!({"duplicate_id": keep, "reason": "x"}),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        merge(staff.clone(), json!(999), body.clone()).await,
        412,
        "version_mismatch",
    )
    .await;
    let res = merge(staff.clone(), v["version"].clone(), body.clone()).await;
    assert_eq!(res.status(), 200);
    let merged: Value = res.json().await.unwrap();
    assert_eq!(merged["id"], keep.as_str());
    let interests = merged["interests"].as_array().unwrap();
    assert!(interests.contains(&json!("mentor")) && interests.contains(&json!("chaperone")));
    assert_eq!(
        merged["clearances"].as_array().unwrap().len(),
        4,
        "both ledgers kept"
    );

    // Every hour is still there, now the kept profile's; the dashboard counts one person.
    let hours: Value = app
        .get(&format!("/api/v1/hours?volunteer_id={keep}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut minutes: Vec<i64> = hours["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["minutes"].as_i64().unwrap())
        .collect();
    minutes.sort();
    assert_eq!(minutes, [30, 60]);
    let after = metrics(staff.clone()).await;
    assert_eq!(
        (after["active"].clone(), after["minutes"].clone()),
        (json!(1), json!(90))
    );
    let kinds: Vec<(&str, i64)> = after["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["key"].as_str().unwrap(), g["minutes"].as_i64().unwrap()))
        .collect();
    assert_eq!(kinds, [("parent_guardian", 90)], "the kept profile's kind");
    // The better sign-up stays: the kept profile now holds the slot.
    let roster: Value = app
        .get(&format!("/api/v1/opportunities/{oid}/signups"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let roster = roster.as_array().unwrap();
    assert_eq!(roster.len(), 1, "{roster:?}");
    assert_eq!(
        (
            roster[0]["volunteer_id"].as_str().unwrap(),
            roster[0]["status"].as_str().unwrap()
        ),
        (keep.as_str(), "confirmed")
    );

    // The duplicate is gone and its login no longer signs in; the trail says where it went.
    let res = app
        .get(&format!("/api/v1/volunteers/{dup}"), &staff)
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
    assert_eq!(
        app.login("ana.work@example.org", "a-long-passphrase")
            .await
            .status(),
        401
    );
    let trail: Value = app
        .get(&format!("/api/v1/audit?entity=volunteer&id={dup}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "merged_into" && e["changes"]["into"] == keep.as_str()),
        "{trail}"
    );
    let res = app
        .get("/api/v1/volunteers/duplicates", &staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), json!([]));
}

#[actix_web::test]
async fn a_coordinator_reads_the_standing_but_not_the_clearance_ledger() {
    let app = TestApp::spawn().await;
    let school = app.create_school("L1", "Ledger Elementary").await;
    let v: Value = register(&app, &registration("ana@example.org", &school.to_string()))
        .await
        .json()
        .await
        .unwrap();
    let id = v["id"].as_str().unwrap();
    let staff = app.token_for(Role::Staff).await;
    let denied = json!({"kind": "annual_background_check", "status": "denied",
        "cleared_on": null, "expires_on": null, "reference": "SCREEN-99120"});
    let res = app
        .post(&format!("/api/v1/volunteers/{id}/clearances"), &staff)
        .header("if-match", "\"1\"")
        .json(&denied)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let path = format!("/api/v1/volunteers/{id}");

    let coord = app.coordinator_of(school).await;
    let seen = app.get_json(&path, &coord).await;
    assert_eq!(seen["standing"]["standing"], "denied");
    assert_eq!(seen["clearances"], json!([]), "{seen}");
    assert!(!seen.to_string().contains("SCREEN-99120"));
    // Flagging a parent leader answers the profile the same way.
    let flagged = app
        .put(&format!("{path}/parent-leader"), &coord)
        .header("if-match", format!("\"{}\"", seen["version"]))
        .json(&json!({"parent_leader": true, "role": "PTA president"}))
        .send()
        .await
        .unwrap();
    assert_eq!(flagged.status(), 200);
    assert!(!flagged.text().await.unwrap().contains("SCREEN-99120"));

    // Staff and the volunteer read the ledger.
    let office = app.get_json(&path, &staff).await;
    assert_eq!(office["clearances"][0]["reference"], "SCREEN-99120");
    let own = app
        .get_json(&path, &token(&app, "ana@example.org").await)
        .await;
    assert_eq!(own["clearances"][0]["status"], "denied");
}
