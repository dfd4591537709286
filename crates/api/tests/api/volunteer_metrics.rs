//! The volunteer dashboard over HTTP: exact numbers from a small data set, kept in step with
//! approvals and corrections, and scoped to what the caller may see.

use chrono::Utc;
use domain::{Role, SchoolId};
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};
use crate::opportunities::{cleared_volunteer, volunteer};

async fn metrics(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app
        .get(&format!("/api/v1/metrics/volunteers{query}"), token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn log(app: &TestApp, token: &str, school: SchoolId, minutes: u32) -> Value {
    let res = app
        .post("/api/v1/hours", token)
        .json(&json!({"school_id": school, "activity": "tutor",
            "work_date": Utc::now().date_naive().to_string(), "minutes": minutes}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn approve(app: &TestApp, token: &str, entries: &[&Value]) {
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let res = app
        .post("/api/v1/hours/decisions", token)
        .json(&json!({"entry_ids": ids, "decision": "approve"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[actix_web::test]
async fn the_dashboard_counts_by_the_definitions_and_follows_approvals_and_corrections() {
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let b = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (_, v1) = cleared_volunteer(&app, &staff, a, "one@example.org").await;
    let (_, v2) = cleared_volunteer(&app, &staff, b, "two@example.org").await;
    let (_, v3) = volunteer(&app, a, "three@example.org").await; // pending clearance

    let empty = metrics(&app, &staff, "").await;
    assert_eq!(
        (empty["registered"].clone(), empty["active"].clone()),
        (json!(2), json!(0))
    );
    assert_eq!(empty["new_registrations"], 3);
    assert_eq!(empty["goal"]["target"], 17500);
    assert!(
        empty["definitions"]["active"]
            .as_str()
            .unwrap()
            .starts_with("Active:")
    );

    let e1 = log(&app, &v1, a, 90).await;
    let e2 = log(&app, &v2, b, 60).await;
    let e3 = log(&app, &v3, a, 30).await;
    // Pending hours do not count.
    assert_eq!(metrics(&app, &staff, "").await["active"], 0);
    approve(&app, &staff, &[&e1, &e2, &e3]).await;
    let m = metrics(&app, &staff, "").await;
    assert_eq!(m["active"], 3);
    assert_eq!(m["minutes"], 180);
    assert_eq!(m["value_cents"], 3479 * 3);
    let by_school: Vec<(String, i64)> = m["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["minutes"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(by_school, [(a.to_string(), 120), (b.to_string(), 60)]);
    assert_eq!(
        m["by_month"].as_array().unwrap().last().unwrap()["active"],
        3
    );

    // A correction takes the approved minutes back until the correction is approved.
    let res = app
        .post(&format!("/api/v1/hours/{}/corrections", e1["id"].as_str().unwrap()), &v1)
        .json(&json!({"entry": {"school_id": a, "activity": "mentor",
            "work_date": Utc::now().date_naive().to_string(), "minutes": 45}, "reason": "Left early"}))
        .send()
        .await
        .unwrap();
    let fix: Value = res.json().await.unwrap();
    let m = metrics(&app, &staff, "").await;
    assert_eq!(
        (m["active"].clone(), m["minutes"].clone()),
        (json!(2), json!(90))
    );
    approve(&app, &staff, &[&fix]).await;
    let m = metrics(&app, &staff, "?group_by=activity").await;
    assert_eq!(
        (m["active"].clone(), m["minutes"].clone()),
        (json!(3), json!(135))
    );
    let acts: Vec<(&str, i64)> = m["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["key"].as_str().unwrap(), g["minutes"].as_i64().unwrap()))
        .collect();
    assert_eq!(acts, [("tutor", 90), ("mentor", 45)]);
    let kinds = metrics(&app, &staff, "?group_by=kind").await;
    assert_eq!(kinds["groups"][0]["key"], "community_member");
    assert_eq!(kinds["groups"][0]["active"], 3);

    // Coordinators see their schools; another school is refused; partners see nothing.
    let coord = &app.coordinator_of(a).await;
    let mine = metrics(&app, coord, "").await;
    assert_eq!(
        (mine["active"].clone(), mine["minutes"].clone()),
        (json!(2), json!(75))
    );
    assert_eq!(
        mine["registered"], 1,
        "one and three serve here; three is not cleared"
    );
    let res = app
        .get(&format!("/api/v1/metrics/volunteers?school_id={b}"), coord)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let (_, _, partner) = app.partner_org("Some Partner").await;
    let res = app
        .get("/api/v1/metrics/volunteers", &partner)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .get("/api/v1/metrics/volunteers", &v1)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[actix_web::test]
async fn hours_count_in_their_own_school_year_and_a_past_day_sees_only_what_was_approved_by_then() {
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (_, v1) = cleared_volunteer(&app, &staff, a, "one@example.org").await;
    let today = Utc::now().date_naive();
    let start = domain::volunteer::SchoolYear::default().start(today);
    let last_year = start - chrono::Days::new(1);

    let res = app
        .post("/api/v1/hours", &v1)
        .json(&json!({"school_id": a, "activity": "mentor",
            "work_date": last_year.to_string(), "minutes": 120}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let old: Value = res.json().await.unwrap();
    let new = log(&app, &v1, a, 30).await;
    approve(&app, &staff, &[&old, &new]).await;

    let now = metrics(&app, &staff, "?group_by=activity").await;
    assert_eq!(
        (now["active"].clone(), now["minutes"].clone()),
        (json!(1), json!(30)),
        "last school year's hours are not this year's"
    );
    assert_eq!(now["groups"].as_array().unwrap().len(), 1);
    assert_eq!(now["groups"][0]["key"], "tutor");

    let then = metrics(&app, &staff, &format!("?as_of={last_year}&group_by=month")).await;
    assert_eq!(
        (then["active"].clone(), then["minutes"].clone()),
        (json!(1), json!(120))
    );
    let months = then["groups"].as_array().unwrap();
    assert_eq!(months.len(), 12, "July through June");
    assert_eq!(
        months[0]["key"],
        (start - chrono::Months::new(12))
            .format("%Y-%m")
            .to_string()
    );
    assert_eq!(months[11]["active"], 1);
    assert_eq!(months[11]["minutes"], 120);
    assert_eq!(
        months.iter().filter(|m| m["active"] == 1).count(),
        1,
        "active from the month of the first approved hours on"
    );
}

#[actix_web::test]
async fn an_admin_changes_the_value_of_an_hour_and_the_dashboard_follows() {
    let app = TestApp::spawn().await;
    let a = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let admin = app.token_for(Role::Admin).await;
    let (_, v) = cleared_volunteer(&app, &staff, a, "one@example.org").await;
    let e = log(&app, &v, a, 120).await;
    approve(&app, &staff, &[&e]).await;
    let url = "/api/v1/settings/volunteer-hour-value";

    let res = app.get(url, &staff).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"0\"");
    let value: Value = res.json().await.unwrap();
    assert_eq!(
        (value["cents"].clone(), value["is_default"].clone()),
        (json!(3479), json!(true))
    );
    assert_eq!(metrics(&app, &staff, "").await["value_cents"], 6958);

    let put = |token: String, version: &'static str, cents: i64| {
        let app = &app;
        async move {
            app.put(url, &token)
                .header("if-match", version)
                .json(&json!({"cents": cents}))
                .send()
                .await
                .unwrap()
        }
    };
    assert_problem(put(staff.clone(), "\"0\"", 3600).await, 403, "forbidden").await;
    assert_problem(
        put(admin.clone(), "\"0\"", 5).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        put(admin.clone(), "\"3\"", 3600).await,
        412,
        "version_mismatch",
    )
    .await;
    let res = app
        .put(url, &admin)
        .json(&json!({"cents": 3600}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    let res = put(admin.clone(), "\"0\"", 3600).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let set: Value = res.json().await.unwrap();
    assert_eq!(
        (set["cents"].clone(), set["is_default"].clone()),
        (json!(3600), json!(false))
    );
    // Creating it twice from the default is a lost update: refused.
    assert_problem(
        put(admin.clone(), "\"0\"", 3700).await,
        412,
        "version_mismatch",
    )
    .await;
    let m = metrics(&app, &staff, "").await;
    assert_eq!(
        (m["hourly_value_cents"].clone(), m["value_cents"].clone()),
        (json!(3600), json!(7200))
    );
    let trail: Value = app
        .get("/api/v1/audit?entity=setting", &admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(trail[0]["changes"]["cents"]["after"], 3600);
    let (_, _, partner) = app.partner_org("Some Partner").await;
    let res = app.get(url, &partner).send().await.unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[actix_web::test]
async fn the_school_year_is_the_offices_and_active_follows_a_change_at_once() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let admin = app.token_for(Role::Admin).await;
    for who in ["july", "september", "june", "february"] {
        volunteer(&app, school, &format!("{who}@example.org")).await;
    }
    let import = |csv: String| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let res = app
                .post("/api/v1/hours/import", &staff)
                .header("content-type", "text/csv")
                .body(csv)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        }
    };
    import(
        "email,school,date,activity,minutes\n\
         july@example.org,E1,2026-07-20,tutor,60\n\
         september@example.org,E1,2026-09-10,tutor,60\n\
         june@example.org,E1,2026-06-10,tutor,60\n"
            .into(),
    )
    .await;
    let active = |as_of: &'static str| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let m: Value = app
                .get_json(&format!("/api/v1/metrics/volunteers?as_of={as_of}"), &staff)
                .await;
            (
                m["active"].as_u64().unwrap(),
                m["window_start"].as_str().unwrap().to_string(),
            )
        }
    };
    assert_eq!(
        active("2026-10-15").await,
        (2, "2026-07-01".into()),
        "July and September"
    );

    let set = |etag: &'static str, month: u32, token: String| {
        let app = &app;
        async move {
            app.put("/api/v1/settings/school-year", &token)
                .header("if-match", etag)
                .json(&json!({ "start_month": month }))
                .send()
                .await
                .unwrap()
        }
    };
    let year: Value = app
        .get_json(
            "/api/v1/settings/school-year",
            &app.coordinator_of(school).await,
        )
        .await;
    assert_eq!(
        (year["start_month"].as_u64(), year["is_default"].as_bool()),
        (Some(7), Some(true))
    );
    assert_eq!(year["version"], 0);

    assert_problem(set("\"0\"", 8, staff.clone()).await, 403, "forbidden").await;
    assert_problem(
        set("\"0\"", 13, admin.clone()).await,
        422,
        "validation_failed",
    )
    .await;
    let res = set("\"0\"", 8, admin.clone()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let year: Value = res.json().await.unwrap();
    assert!(
        year["active_definition"]
            .as_str()
            .unwrap()
            .ends_with("(August 1 to July 31)."),
        "{year}"
    );
    assert_eq!(
        active("2026-10-15").await,
        (1, "2026-08-01".into()),
        "September only"
    );
    assert_eq!(
        active("2026-07-25").await,
        (2, "2025-08-01".into()),
        "June and July"
    );

    // A stale version changes nothing.
    assert_problem(
        set("\"0\"", 1, admin.clone()).await,
        412,
        "version_mismatch",
    )
    .await;
    assert_eq!(set("\"1\"", 1, admin.clone()).await.status(), 200);
    assert_eq!(active("2026-10-15").await, (3, "2026-01-01".into()));
    // Hours approved after the change count in the new school years.
    import(
        "email,school,date,activity,minutes\nfebruary@example.org,E1,2026-02-01,mentor,30\n".into(),
    )
    .await;
    assert_eq!(active("2026-10-15").await.0, 4);
    let m: Value = app
        .get_json("/api/v1/metrics/volunteers?as_of=2026-10-15", &staff)
        .await;
    assert!(
        m["definitions"]["active"]
            .as_str()
            .unwrap()
            .ends_with("(January 1 to December 31).")
    );
    let audit: Value = app.get_json("/api/v1/audit?entity=setting", &admin).await;
    assert_eq!(audit.as_array().map(Vec::len), Some(2), "{audit}");
}
