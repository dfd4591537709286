//! Opportunities and sign-ups: who may post, clearance gating, slots and the waitlist (also
//! under concurrent sign-ups), cancelling and promotion, and the roster's scope.

use chrono::{Duration, Utc};
use domain::{Role, SchoolId};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};

/// Registers a volunteer for `school`; answers (volunteer id, access token).
pub async fn volunteer(app: &TestApp, school: SchoolId, email: &str) -> (String, String) {
    let res = app
        .client
        .post(app.url("/api/v1/public/volunteers"))
        .json(&json!({
            "name": format!("Volunteer {email}"), "email": email, "phone": "704-555-0101",
            "password": "a-long-passphrase", "preferred_language": "en",
            "kind": "community_member", "school_ids": [school], "interests": ["tutor"],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    let login: Value = app
        .login(email, "a-long-passphrase")
        .await
        .json()
        .await
        .unwrap();
    (
        v["id"].as_str().unwrap().to_string(),
        login["access_token"].as_str().unwrap().to_string(),
    )
}

/// Staff record a clearance decision with the given dates.
pub async fn clearance(app: &TestApp, staff: &str, id: &str, status: &str, expires_days: i64) {
    let v: Value = app
        .get(&format!("/api/v1/volunteers/{id}"), staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let today = Utc::now().date_naive();
    let expires = today + Duration::days(expires_days);
    let res = app
        .post(&format!("/api/v1/volunteers/{id}/clearances"), staff)
        .header("if-match", format!("\"{}\"", v["version"]))
        .json(&json!({"kind": "annual_background_check", "status": status,
            "cleared_on": (expires - Duration::days(365)).to_string(),
            "expires_on": expires.to_string(), "reference": "SCREEN-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

/// A cleared volunteer (valid for a year).
pub async fn cleared_volunteer(
    app: &TestApp,
    staff: &str,
    school: SchoolId,
    email: &str,
) -> (String, String) {
    let (id, token) = volunteer(app, school, email).await;
    clearance(app, staff, &id, "cleared", 365).await;
    (id, token)
}

pub fn opportunity(school: SchoolId, slots: u32) -> Value {
    let start = Utc::now() + Duration::days(7);
    json!({
        "title": "Reading buddies", "activity": "read_with_student", "school_id": school,
        "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(1)).to_rfc3339(),
        "repeats_weekly_until": null, "slots": slots, "clearance_required": true,
        "minimum_age": null, "description": "Read with second graders.",
    })
}

pub async fn post_opportunity(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = app
        .post("/api/v1/opportunities", token)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn sign_up(app: &TestApp, token: &str, opp: &Value) -> reqwest::Response {
    app.post(
        &format!(
            "/api/v1/opportunities/{}/signups",
            opp["id"].as_str().unwrap()
        ),
        token,
    )
    .json(&json!({}))
    .send()
    .await
    .unwrap()
}

#[actix_web::test]
async fn coordinators_post_for_their_schools_and_everyone_signed_in_browses() {
    let app = TestApp::spawn().await;
    let mine = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let coord = app.coordinator_of(mine).await;
    let staff = app.token_for(Role::Staff).await;

    let a = post_opportunity(&app, &coord, &opportunity(mine, 2)).await;
    assert_eq!(a["school_name"], "Mine Elementary");
    assert_eq!(a["confirmed"], 0);
    assert_eq!(a["status"], "open");
    let res = app
        .post("/api/v1/opportunities", &coord)
        .json(&opportunity(other, 2))
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let b = post_opportunity(&app, &staff, &opportunity(other, 2)).await;
    for role in [Role::Partner, Role::Volunteer] {
        let t = app.token_for(role).await;
        let res = app
            .post("/api/v1/opportunities", &t)
            .json(&opportunity(mine, 2))
            .send()
            .await
            .unwrap();
        assert_problem(res, 403, "forbidden").await;
    }
    // Invalid input: the end before the start, an unknown school.
    let mut backwards = opportunity(mine, 2);
    backwards["ends_at"] = json!((Utc::now() + Duration::days(6)).to_rfc3339());
    let res = app
        .post("/api/v1/opportunities", &staff)
        .json(&backwards)
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "ends_at");
    let res = app
        .post("/api/v1/opportunities", &staff)
        .json(&opportunity(SchoolId::new(), 2))
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "school_id");

    // A volunteer browses; filters by school; past ones are left out.
    let (_, vol) = volunteer(&app, mine, "v@example.org").await;
    let mut past = opportunity(mine, 2);
    past["starts_at"] = json!((Utc::now() - Duration::days(3)).to_rfc3339());
    past["ends_at"] = json!((Utc::now() - Duration::days(3) + Duration::hours(1)).to_rfc3339());
    post_opportunity(&app, &staff, &past).await;
    let list: Value = app
        .get("/api/v1/opportunities", &vol)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&a["id"].as_str().unwrap()) && ids.contains(&b["id"].as_str().unwrap()));
    let only: Value = app
        .get(&format!("/api/v1/opportunities?school_id={other}"), &vol)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(only["items"].as_array().unwrap().len(), 1);
    assert_eq!(only["items"][0]["id"], b["id"]);
    // Paging: one at a time reaches both, in start order.
    let first: Value = app
        .get("/api/v1/opportunities?limit=1", &vol)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let cursor = first["next_cursor"].as_str().unwrap();
    let second: Value = app
        .get(
            &format!("/api/v1/opportunities?limit=1&cursor={cursor}"),
            &vol,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert!(second.get("next_cursor").is_none());
    // Without signing in: 401.
    let res = app
        .client
        .get(app.url("/api/v1/opportunities"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[actix_web::test]
async fn slots_fill_in_order_then_the_waitlist_and_a_cancel_moves_the_next_one_up() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let coord = app.coordinator_of(school).await;
    let opp = post_opportunity(&app, &coord, &opportunity(school, 1)).await;
    let (_, a) = cleared_volunteer(&app, &staff, school, "a@example.org").await;
    let (_, b) = cleared_volunteer(&app, &staff, school, "b@example.org").await;
    let (_, c) = cleared_volunteer(&app, &staff, school, "c@example.org").await;

    let res = sign_up(&app, &a, &opp).await;
    assert_eq!(res.status(), 201);
    let sa: Value = res.json().await.unwrap();
    assert_eq!(sa["status"], "confirmed");
    let sb: Value = sign_up(&app, &b, &opp).await.json().await.unwrap();
    assert_eq!(sb["status"], "waitlisted");
    assert_eq!(sb["waitlist_position"], 1);
    let sc: Value = sign_up(&app, &c, &opp).await.json().await.unwrap();
    assert_eq!(sc["waitlist_position"], 2);
    assert_problem(sign_up(&app, &b, &opp).await, 409, "already_signed_up").await;

    let url = format!("/api/v1/opportunities/{}", opp["id"].as_str().unwrap());
    let seen: Value = app
        .get(&url, &c)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (seen["confirmed"].clone(), seen["waitlisted"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(seen["my_signup"]["status"], "waitlisted");
    assert_eq!(seen["my_signup"]["waitlist_position"], 2);

    // Another volunteer cannot cancel A's sign-up; A can, and B moves up.
    let cancel = |t: &str, s: &Value| {
        app.post(
            &format!("/api/v1/signups/{}/cancel", s["id"].as_str().unwrap()),
            t,
        )
        .json(&json!({"reason": "sick"}))
        .send()
    };
    assert_problem(cancel(&c, &sa).await.unwrap(), 404, "not_found").await;
    let res = cancel(&a, &sa).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "cancelled");
    assert_problem(cancel(&a, &sa).await.unwrap(), 409, "invalid_transition").await;
    let roster: Value = app
        .get(&format!("{url}/signups"), &coord)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rows: Vec<(String, Value)> = roster
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["status"].as_str().unwrap().to_string(),
                s["waitlist_position"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("confirmed".to_string(), Value::Null),
            ("waitlisted".to_string(), json!(1))
        ]
    );
    assert_eq!(roster[0]["id"], sb["id"]);
    assert_eq!(roster[0]["volunteer_name"], "Volunteer b@example.org");
    // A signs up again: the end of the queue.
    let again: Value = sign_up(&app, &a, &opp).await.json().await.unwrap();
    assert_eq!(again["id"], sa["id"], "the same row, revived");
    assert_eq!(again["waitlist_position"], 2);
    // "mine" lists what I signed up for.
    let mine: Value = app
        .get("/api/v1/opportunities?mine=true", &b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["my_signup"]["status"], "confirmed");
    // More slots move the waitlist up; fewer than confirmed is refused.
    let o: Value = app
        .get(&url, &coord)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut body = opportunity(school, 2);
    body["starts_at"] = o["starts_at"].clone();
    body["ends_at"] = o["ends_at"].clone();
    let res = app
        .put(&url, &coord)
        .header("if-match", format!("\"{}\"", o["version"]))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let o: Value = res.json().await.unwrap();
    assert_eq!(
        (o["confirmed"].clone(), o["waitlisted"].clone()),
        (json!(2), json!(1))
    );
    body["slots"] = json!(1);
    let res = app
        .put(&url, &coord)
        .header("if-match", format!("\"{}\"", o["version"]))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "slots_below_confirmed").await;
    // Each change is in the audit trail.
    let events: Value = app
        .get(
            &format!(
                "/api/v1/audit?entity=signup&id={}",
                sb["id"].as_str().unwrap()
            ),
            &staff,
        )
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
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"sign_up") && actions.contains(&"promote"),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn a_volunteer_without_a_current_clearance_is_told_why() {
    let app = TestApp::spawn_with(|s| s.volunteers.clearance_grace_days = 14).await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let opp = post_opportunity(&app, &staff, &opportunity(school, 5)).await;
    let mut open = opportunity(school, 5);
    open["clearance_required"] = json!(false);
    let open = post_opportunity(&app, &staff, &open).await;

    let (_, pending) = volunteer(&app, school, "p@example.org").await;
    let p = assert_problem(
        sign_up(&app, &pending, &opp).await,
        409,
        "clearance_pending",
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("being reviewed"));
    // Not needed for this one.
    assert_eq!(sign_up(&app, &pending, &open).await.status(), 201);

    let (id, denied) = volunteer(&app, school, "d@example.org").await;
    clearance(&app, &staff, &id, "denied", 365).await;
    assert_problem(sign_up(&app, &denied, &opp).await, 409, "clearance_denied").await;

    let (id, grace) = volunteer(&app, school, "g@example.org").await;
    clearance(&app, &staff, &id, "cleared", -3).await;
    assert_eq!(sign_up(&app, &grace, &opp).await.status(), 201, "in grace");

    let (id, expired) = volunteer(&app, school, "e@example.org").await;
    clearance(&app, &staff, &id, "cleared", -15).await;
    let p = assert_problem(
        sign_up(&app, &expired, &opp).await,
        409,
        "clearance_expired",
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("Renew"));

    // A minimum age must be confirmed.
    let mut adults = opportunity(school, 5);
    adults["minimum_age"] = json!(18);
    let adults = post_opportunity(&app, &staff, &adults).await;
    let (_, ok) = cleared_volunteer(&app, &staff, school, "ok@example.org").await;
    let p = assert_problem(sign_up(&app, &ok, &adults).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "confirms_minimum_age");
    let res = app
        .post(
            &format!(
                "/api/v1/opportunities/{}/signups",
                adults["id"].as_str().unwrap()
            ),
            &ok,
        )
        .json(&json!({"confirms_minimum_age": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    // Only volunteers sign up.
    assert_problem(sign_up(&app, &staff, &opp).await, 403, "forbidden").await;
}

#[actix_web::test]
async fn concurrent_sign_ups_for_the_last_slots_never_overbook() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let opp = post_opportunity(&app, &staff, &opportunity(school, 3)).await;
    let mut tokens = vec![];
    for i in 0..8 {
        let (_, t) = cleared_volunteer(&app, &staff, school, &format!("c{i}@example.org")).await;
        tokens.push(t);
    }
    let answers = futures_util::future::join_all(tokens.iter().map(|t| {
        let app = &app;
        let opp = &opp;
        async move {
            let res = sign_up(app, t, opp).await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()
        }
    }))
    .await;
    let confirmed = answers
        .iter()
        .filter(|s| s["status"] == "confirmed")
        .count();
    assert_eq!(confirmed, 3);
    let roster: Value = app
        .get(
            &format!(
                "/api/v1/opportunities/{}/signups",
                opp["id"].as_str().unwrap()
            ),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let positions: Vec<Value> = roster
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["waitlist_position"].clone())
        .collect();
    assert_eq!(
        positions,
        [
            Value::Null,
            Value::Null,
            Value::Null,
            json!(1),
            json!(2),
            json!(3),
            json!(4),
            json!(5)
        ]
    );
}

#[actix_web::test]
async fn cancelling_an_opportunity_needs_a_reason_and_cancels_its_sign_ups() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let coord = app.coordinator_of(school).await;
    let stranger = app.coordinator_of(other).await;
    let opp = post_opportunity(&app, &coord, &opportunity(school, 2)).await;
    let (_, vol) = cleared_volunteer(&app, &staff, school, "a@example.org").await;
    assert_eq!(sign_up(&app, &vol, &opp).await.status(), 201);
    let url = format!(
        "/api/v1/opportunities/{}/cancel",
        opp["id"].as_str().unwrap()
    );
    // Another school's coordinator may not; the roster is not theirs either.
    let res = app
        .post(&url, &stranger)
        .header("if-match", "\"1\"")
        .json(&json!({"reason": "closed"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .get(
            &format!(
                "/api/v1/opportunities/{}/signups",
                opp["id"].as_str().unwrap()
            ),
            &stranger,
        )
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .post(&url, &coord)
        .json(&json!({"reason": "closed"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    let res = app
        .post(&url, &coord)
        .header("if-match", "\"1\"")
        .json(&json!({"reason": " "}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .post(&url, &coord)
        .header("if-match", "\"1\"")
        .json(&json!({"reason": "The school is closed for weather."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let o: Value = res.json().await.unwrap();
    assert_eq!(o["status"], "cancelled");
    assert_eq!(o["confirmed"], 0, "its sign-ups are cancelled");
    assert_problem(
        sign_up(&app, &vol, &opp).await,
        409,
        "opportunity_cancelled",
    )
    .await;
    let res = app
        .post(&url, &coord)
        .header("if-match", "\"2\"")
        .json(&json!({"reason": "again"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "invalid_transition").await;
    // Gone from the list unless asked for.
    let list: Value = app
        .get("/api/v1/opportunities", &vol)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["items"].as_array().unwrap().is_empty());
    let list: Value = app
        .get("/api/v1/opportunities?include_cancelled=true", &vol)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["items"][0]["cancel_reason"],
        "The school is closed for weather."
    );
}

#[actix_web::test]
async fn the_public_partner_list_offers_active_partners_only() {
    let app = TestApp::spawn().await;
    let (org, _, _) = app.partner_org("Reading Buddies").await;
    let list: Value = app
        .client
        .get(app.url("/api/v1/public/partners"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // `partner_org` makes a prospect with a login; it is not an active partner.
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"].as_str() != Some(org.as_str()))
    );
    use db::entities::organizations as o;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    o::Entity::update_many()
        .col_expr(o::Column::Status, Expr::value("active_partner"))
        .filter(o::Column::Id.eq(uuid::Uuid::parse_str(&org).unwrap()))
        .exec(&app.db)
        .await
        .unwrap();
    let list: Value = app
        .client
        .get(app.url("/api/v1/public/partners"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["id"], org.as_str());
    assert_eq!(list[0]["name"], "Reading Buddies");
}
