//! Hours: logging, check-in and out (gated by the clearance), the automatic check-out at the cap,
//! approvals scoped to the coordinator's schools (BOLA by id), corrections that supersede.

use chrono::{Duration, Utc};
use domain::{Role, SchoolId};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};
use crate::opportunities::{cleared_volunteer, volunteer};

fn hours(school: SchoolId, minutes: u32) -> Value {
    json!({"school_id": school, "activity": "tutor",
        "work_date": Utc::now().date_naive().to_string(), "minutes": minutes, "note": "Math group"})
}

pub async fn log(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = app
        .post("/api/v1/hours", token)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn decide(
    app: &TestApp,
    token: &str,
    ids: &[&Value],
    decision: &str,
    reason: &str,
) -> reqwest::Response {
    let ids: Vec<&str> = ids.iter().map(|e| e["id"].as_str().unwrap()).collect();
    app.post("/api/v1/hours/decisions", token)
        .json(&json!({"entry_ids": ids, "decision": decision, "reason": reason}))
        .send()
        .await
        .unwrap()
}

async fn list(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let v: Value = app
        .get(&format!("/api/v1/hours{query}"), token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["items"].as_array().unwrap().clone()
}

#[actix_web::test]
async fn coordinators_decide_their_schools_hours_in_bulk_and_no_others() {
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let b = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let coord = app.coordinator_of(a).await;
    let (_, vol) = volunteer(&app, a, "v@example.org").await;
    let a1 = log(&app, &vol, &hours(a, 60)).await;
    assert_eq!(a1["status"], "pending");
    assert_eq!(a1["school_name"], "Mine Elementary");
    let a2 = log(&app, &vol, &hours(a, 30)).await;
    let a3 = log(&app, &vol, &hours(a, 45)).await;
    let b1 = log(&app, &vol, &hours(b, 90)).await;

    // The day is checked; other roles do not log.
    let mut future = hours(a, 60);
    future["work_date"] = json!((Utc::now().date_naive() + Duration::days(2)).to_string());
    let res = app
        .post("/api/v1/hours", &vol)
        .json(&future)
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "work_date");
    let res = app
        .post("/api/v1/hours", &coord)
        .json(&hours(a, 60))
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;

    // The review queue: this school's, oldest first.
    let queue = list(&app, &coord, "?status=pending").await;
    let ids: Vec<&Value> = queue.iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, [&a1["id"], &a2["id"], &a3["id"]]);
    assert_eq!(list(&app, &staff, "?status=pending").await.len(), 4);
    assert_eq!(
        list(&app, &vol, "").await.len(),
        4,
        "a volunteer sees their own"
    );
    let (_, _, partner) = app.partner_org("Some Partner").await;
    assert_problem(
        app.get("/api/v1/hours", &partner).send().await.unwrap(),
        403,
        "forbidden",
    )
    .await;

    // Another school's entry, alone or in a batch: 404 and nothing changes.
    assert_problem(
        decide(&app, &coord, &[&b1], "approve", "").await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        decide(&app, &coord, &[&a3, &b1], "approve", "").await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(
        list(&app, &coord, "?status=pending").await.len(),
        3,
        "all or none"
    );
    // Volunteers do not decide.
    assert_problem(
        decide(&app, &vol, &[&a1], "approve", "").await,
        403,
        "forbidden",
    )
    .await;

    let res = decide(&app, &coord, &[&a1, &a2], "approve", "").await;
    assert_eq!(res.status(), 200);
    let done: Vec<Value> = res.json().await.unwrap();
    assert!(done.iter().all(|e| e["status"] == "approved"));
    assert_problem(
        decide(&app, &coord, &[&a1], "approve", "").await,
        409,
        "invalid_transition",
    )
    .await;
    let p = assert_problem(
        decide(&app, &coord, &[&a3], "reject", " ").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "reason");
    let res = decide(&app, &coord, &[&a3], "reject", "Not a school day").await;
    let done: Vec<Value> = res.json().await.unwrap();
    assert_eq!(done[0]["status"], "rejected");
    assert_eq!(done[0]["reason"], "Not a school day");
    // Staff decide anywhere.
    assert_eq!(
        decide(&app, &staff, &[&b1], "approve", "").await.status(),
        200
    );
    let events: Value = app
        .get(
            &format!(
                "/api/v1/audit?entity=hours&id={}",
                a3["id"].as_str().unwrap()
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
    assert_eq!(actions, ["reject", "log"]);
}

#[actix_web::test]
async fn check_in_needs_a_current_clearance_and_check_out_closes_the_visit() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let visit = json!({"school_id": school, "activity": "tutor"});
    let (_, pending) = volunteer(&app, school, "p@example.org").await;
    let res = app
        .post("/api/v1/hours/check-in", &pending)
        .json(&visit)
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 409, "clearance_pending").await;
    assert!(p["detail"].as_str().unwrap().contains("being reviewed"));

    let (_, vol) = cleared_volunteer(&app, &staff, school, "v@example.org").await;
    let res = app
        .post("/api/v1/hours/check-out", &vol)
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "not_checked_in").await;
    let res = app
        .post("/api/v1/hours/check-in", &vol)
        .json(&visit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let open: Value = res.json().await.unwrap();
    assert_eq!(open["status"], "open");
    assert_eq!(open["source"], "check_in");
    let res = app
        .post("/api/v1/hours/check-in", &vol)
        .json(&visit)
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "already_checked_in").await;
    assert_eq!(list(&app, &vol, "?status=open").await[0]["id"], open["id"]);
    // An open visit cannot be decided yet.
    assert_problem(
        decide(&app, &staff, &[&open], "approve", "").await,
        409,
        "invalid_transition",
    )
    .await;

    let res = app
        .post("/api/v1/hours/check-out", &vol)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["id"], open["id"]);
    assert_eq!(closed["status"], "pending");
    assert_eq!(closed["minutes"], 1);
    assert_eq!(closed["auto_checked_out"], false);
    assert!(closed["checked_out_at"].is_string());
    let res = app
        .post("/api/v1/hours/check-out", &vol)
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "not_checked_in").await;
}

#[actix_web::test]
async fn a_forgotten_check_out_is_closed_at_the_cap_and_flagged_once() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (_, vol) = cleared_volunteer(&app, &staff, school, "v@example.org").await;
    let res = app
        .post("/api/v1/hours/check-in", &vol)
        .json(&json!({"school_id": school, "activity": "tutor"}))
        .send()
        .await
        .unwrap();
    let open: Value = res.json().await.unwrap();
    // Checked in ten hours ago.
    use db::entities::hour_entries as h;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let id = uuid::Uuid::parse_str(open["id"].as_str().unwrap()).unwrap();
    let checked_in = Utc::now() - Duration::hours(10);
    h::Entity::update_many()
        .col_expr(h::Column::CheckedInAt, Expr::value(checked_in))
        .filter(h::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let now = Utc::now();
    let closed = partnerhub_api::services::hours::close_forgotten(&app.db, now, 8)
        .await
        .unwrap();
    assert_eq!(closed, 1);
    assert_eq!(
        partnerhub_api::services::hours::close_forgotten(&app.db, now, 8)
            .await
            .unwrap(),
        0,
        "twice closes nothing twice"
    );
    let flagged = list(&app, &staff, "?flagged=true").await;
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0]["minutes"], 480);
    assert_eq!(flagged[0]["status"], "pending");
    assert_eq!(flagged[0]["auto_checked_out"], true);
    // The volunteer may check in again.
    let res = app
        .post("/api/v1/hours/check-in", &vol)
        .json(&json!({"school_id": school, "activity": "tutor"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
}

#[actix_web::test]
async fn a_correction_supersedes_the_entry_and_both_are_kept() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let coord = app.coordinator_of(school).await;
    let (_, vol) = volunteer(&app, school, "v@example.org").await;
    let (_, other) = volunteer(&app, school, "o@example.org").await;
    let first = log(&app, &vol, &hours(school, 60)).await;
    assert_eq!(
        decide(&app, &coord, &[&first], "approve", "")
            .await
            .status(),
        200
    );
    let url = format!(
        "/api/v1/hours/{}/corrections",
        first["id"].as_str().unwrap()
    );
    let fix = json!({"entry": hours(school, 90), "reason": "It was an hour and a half"});
    // Someone else's entry: 404.
    let res = app.post(&url, &other).json(&fix).send().await.unwrap();
    assert_problem(res, 404, "not_found").await;
    let res = app
        .post(&url, &vol)
        .json(&json!({"entry": hours(school, 90), "reason": ""}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
    let res = app.post(&url, &vol).json(&fix).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let second: Value = res.json().await.unwrap();
    assert_eq!(second["supersedes"], first["id"]);
    assert_eq!(second["status"], "pending");
    assert_eq!(second["reason"], "It was an hour and a half");
    // The old one no longer counts but is kept.
    let mine = list(&app, &vol, "").await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["id"], second["id"]);
    let all = list(&app, &vol, "?include_superseded=true").await;
    assert_eq!(all.len(), 2);
    let old = all.iter().find(|e| e["id"] == first["id"]).unwrap();
    assert_eq!(old["superseded_by"], second["id"]);
    assert_eq!(old["minutes"], 60, "never edited in place");
    let res = app.post(&url, &vol).json(&fix).send().await.unwrap();
    assert_problem(res, 409, "already_corrected").await;

    // A pending entry corrected before anyone decided: the old one cannot be approved.
    let third = log(&app, &vol, &hours(school, 20)).await;
    let res = app
        .post(
            &format!(
                "/api/v1/hours/{}/corrections",
                third["id"].as_str().unwrap()
            ),
            &coord,
        )
        .json(&json!({"entry": hours(school, 25), "reason": "Signed out at 3:25"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_problem(
        decide(&app, &coord, &[&third], "approve", "").await,
        409,
        "not_pending",
    )
    .await;
    // A chain: the correction is corrected in turn.
    let url2 = format!(
        "/api/v1/hours/{}/corrections",
        second["id"].as_str().unwrap()
    );
    let res = app
        .post(&url2, &staff)
        .json(&json!({"entry": hours(school, 80), "reason": "Per the sign-in sheet"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(list(&app, &vol, "?include_superseded=true").await.len(), 5);
}

#[actix_web::test]
async fn each_school_has_a_printable_check_in_code() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let res = app
        .client
        .get(app.url(&format!(
            "/api/v1/public/schools/{school}/check-in-code.svg"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let body = res.text().await.unwrap();
    assert!(body.contains("<svg"), "{body}");
    let res = app
        .client
        .get(app.url(&format!(
            "/api/v1/public/schools/{}/check-in-code.svg",
            SchoolId::new()
        )))
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
}

#[actix_web::test]
async fn hours_opportunities_and_volunteers_export_as_csv_within_the_callers_scope() {
    use crate::opportunities::{cleared_volunteer, opportunity};
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let b = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (_, va) = cleared_volunteer(&app, &staff, a, "a@example.org").await;
    let (_, vb) = cleared_volunteer(&app, &staff, b, "b@example.org").await;
    let today = chrono::Utc::now().date_naive().to_string();
    for (t, school, note) in [(&va, a, "=HYPERLINK(\"x\")"), (&vb, b, "Book fair")] {
        let res = app
            .post("/api/v1/hours", t)
            .json(
                &json!({"school_id": school, "activity": "tutor", "work_date": today,
                "minutes": 90, "note": note}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    for school in [a, b] {
        let res = app
            .post("/api/v1/opportunities", &staff)
            .json(&opportunity(school, 2))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    let coord = app.coordinator_of(a).await;
    let csv = |path: String, token: String| {
        let app = &app;
        async move {
            let res = app.get(&path, &token).send().await.unwrap();
            assert_eq!(res.status(), 200, "{path}");
            assert!(
                res.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/csv")
            );
            res.text().await.unwrap()
        }
    };

    let all = csv("/api/v1/hours/export".into(), staff.clone()).await;
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 3, "{all}");
    assert!(lines[0].starts_with("id,volunteer,school,activity,work_date,minutes,status"));
    assert!(all.contains("'=HYPERLINK"), "formulas stay text: {all}");
    // A date range: nothing was worked tomorrow, everything today.
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Days::new(1)).to_string();
    let none = csv(
        format!("/api/v1/hours/export?from={tomorrow}"),
        staff.clone(),
    )
    .await;
    assert_eq!(none.lines().count(), 1, "only the header: {none}");
    let range = csv(
        format!("/api/v1/hours/export?from={today}&to={today}"),
        staff.clone(),
    )
    .await;
    assert_eq!(range.lines().count(), 3);
    let mine = csv("/api/v1/hours/export".into(), coord.clone()).await;
    assert_eq!(
        mine.lines().count(),
        2,
        "only the coordinator's school: {mine}"
    );
    assert!(mine.contains("Mine Elementary") && !mine.contains("Other Elementary"));
    let own = csv("/api/v1/hours/export".into(), vb.clone()).await;
    assert_eq!(own.lines().count(), 2);
    assert!(own.contains("Book fair"));

    let opps = csv("/api/v1/opportunities/export".into(), va.clone()).await;
    assert_eq!(opps.lines().count(), 3, "{opps}");
    assert!(
        opps.lines()
            .next()
            .unwrap()
            .starts_with("id,title,school,activity,starts_at")
    );

    let people = csv("/api/v1/volunteers/export".into(), coord.clone()).await;
    assert_eq!(people.lines().count(), 2, "{people}");
    assert!(people.contains(",E1,") && !people.contains("b@example.org"));
    let res = app
        .get("/api/v1/volunteers/export", &va)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[actix_web::test]
async fn another_lists_cursor_is_a_422_on_the_date_ordered_lists_not_a_500() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    app.create_school("E1", "First Elementary").await;
    app.create_school("E2", "Second Elementary").await;
    let page: Value = app
        .get("/api/v1/schools?limit=1", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // A real cursor, but of the school list: its position is a name, not a time.
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    for list in ["/api/v1/hours", "/api/v1/opportunities"] {
        let res = app
            .get(&format!("{list}?cursor={cursor}"), &staff)
            .send()
            .await
            .unwrap();
        let p = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], "cursor", "{list}: {p}");
    }
}
