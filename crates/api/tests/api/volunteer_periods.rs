//! Counting as of a date: parent leaders hold dated roles and count while they hold one and are
//! active that school year; a profile that ended stops counting from the day it ended. Exact
//! numbers on a fixed data set, on days before, on and after each change.

use chrono::Utc;
use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};
use crate::opportunities::cleared_volunteer;

/// `(registered, active, parent_leaders)` on `as_of`.
async fn counts(app: &TestApp, token: &str, as_of: &str) -> (u64, u64, u64) {
    let m: Value = app
        .get_json(&format!("/api/v1/metrics/volunteers?as_of={as_of}"), token)
        .await;
    (
        m["registered"].as_u64().unwrap(),
        m["active"].as_u64().unwrap(),
        m["parent_leaders"].as_u64().unwrap(),
    )
}

async fn csv(app: &TestApp, token: &str, what: &str, body: &str) {
    let res = app
        .post(&format!("/api/v1/{what}/import"), token)
        .header("content-type", "text/csv")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

/// The profile's id and version, by the email it was imported with.
async fn profile_of(app: &TestApp, token: &str, email: &str) -> Value {
    let page: Value = app.get_json("/api/v1/volunteers?limit=100", token).await;
    for v in page["items"].as_array().unwrap() {
        let p: Value = app
            .get_json(
                &format!("/api/v1/volunteers/{}", v["id"].as_str().unwrap()),
                token,
            )
            .await;
        if p["email"] == email {
            return p;
        }
    }
    panic!("no profile for {email}");
}

async fn send(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    version: &Value,
    body: Value,
) -> reqwest::Response {
    app.client
        .request(method, app.url(path))
        .bearer_auth(token)
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn parent_leaders_and_volunteers_who_left_count_as_of_the_day_asked() {
    let app = TestApp::spawn().await;
    app.create_school("E1", "Mine Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    // Four parents registered and cleared on August 1. Di holds a role from the roster but
    // never volunteers.
    csv(
        &app,
        &staff,
        "volunteers",
        "name,email,phone,kind,schools,registered_on,cleared_on,expires_on,parent_leader_role\n\
         Ana,ana@example.org,704-555-0101,parent,E1,2026-08-01,2026-08-01,2027-07-31,\n\
         Bo,bo@example.org,704-555-0102,parent,E1,2026-08-01,2026-08-01,2027-07-31,\n\
         Cy,cy@example.org,704-555-0103,parent,E1,2026-08-01,2026-08-01,2027-07-31,\n\
         Di,di@example.org,704-555-0104,parent,E1,2026-08-01,2026-08-01,2027-07-31,PTA secretary\n",
    )
    .await;
    csv(
        &app,
        &staff,
        "hours",
        "email,school,date,activity,minutes\n\
         ana@example.org,E1,2026-08-20,tutor,60\n\
         cy@example.org,E1,2026-08-25,tutor,60\n\
         bo@example.org,E1,2026-10-05,tutor,60\n",
    )
    .await;
    let put = reqwest::Method::PUT;
    let post = reqwest::Method::POST;
    // Ana takes a role on September 15; Bo on September 1, before he volunteers.
    for (email, on) in [
        ("ana@example.org", "2026-09-15"),
        ("bo@example.org", "2026-09-01"),
    ] {
        let p = profile_of(&app, &staff, email).await;
        let res = send(
            &app,
            &staff,
            put.clone(),
            &format!(
                "/api/v1/volunteers/{}/parent-leader",
                p["id"].as_str().unwrap()
            ),
            &p["version"],
            json!({"parent_leader": true, "role": "PTA treasurer", "on": on}),
        )
        .await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }
    // Cy left on October 10.
    let cy = profile_of(&app, &staff, "cy@example.org").await;
    let res = send(
        &app,
        &staff,
        post.clone(),
        &format!("/api/v1/volunteers/{}/end", cy["id"].as_str().unwrap()),
        &cy["version"],
        json!({"on": "2026-10-10", "reason": "Moved out of the district"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let cy: Value = res.json().await.unwrap();
    assert_eq!(cy["ended"]["ended_on"], "2026-10-10");
    assert_eq!(cy["ended"]["reason"], "Moved out of the district");
    // Ana steps down on November 1.
    let ana = profile_of(&app, &staff, "ana@example.org").await;
    let res = send(
        &app,
        &staff,
        put.clone(),
        &format!(
            "/api/v1/volunteers/{}/parent-leader",
            ana["id"].as_str().unwrap()
        ),
        &ana["version"],
        json!({"parent_leader": false, "on": "2026-11-01"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let ana: Value = res.json().await.unwrap();
    assert_eq!(ana["parent_leader"], false);
    assert_eq!(
        ana["parent_leader_roles"],
        json!([{"role": "PTA treasurer", "started_on": "2026-09-15", "ended_on": "2026-11-01"}])
    );

    // (registered, active, parent leaders): each person once, on the day asked.
    for (day, expected, why) in [
        ("2026-07-15", (0, 0, 0), "before anyone registered"),
        (
            "2026-08-31",
            (4, 2, 0),
            "Ana and Cy active; no role held yet",
        ),
        (
            "2026-09-30",
            (4, 2, 1),
            "Ana holds her role; Bo's starts but he is not active yet",
        ),
        (
            "2026-10-09",
            (4, 3, 2),
            "the day before Cy left; Bo active and a leader",
        ),
        ("2026-10-10", (3, 2, 2), "the day Cy left"),
        ("2026-10-31", (3, 2, 2), "the day before Ana stepped down"),
        ("2026-11-01", (3, 2, 1), "the day Ana stepped down"),
        (
            "2026-11-15",
            (3, 2, 1),
            "after; Di holds a role but never volunteered",
        ),
    ] {
        assert_eq!(counts(&app, &staff, day).await, expected, "{day}: {why}");
    }
    // The month series counts each month as of its end: Cy in August and September only.
    let m: Value = app
        .get_json(
            "/api/v1/metrics/volunteers?as_of=2026-11-15&group_by=month",
            &staff,
        )
        .await;
    let series: Vec<u64> = m["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["active"].as_u64().unwrap())
        .collect();
    assert_eq!(series, [0, 2, 2, 2, 2], "July to November");
    assert!(
        m["definitions"]["parent_leader"]
            .as_str()
            .unwrap()
            .contains("already counted among the active volunteers"),
        "{m}"
    );
    // The school table agrees with the total.
    let by_school: Value = app
        .get_json("/api/v1/metrics/volunteers?as_of=2026-10-10", &staff)
        .await;
    assert_eq!(by_school["groups"][0]["active"], 2);
    // Their hours stay in the history.
    assert_eq!(by_school["minutes"], 180);

    // A role change on a day before the role started, or in the future, is refused.
    let bo = profile_of(&app, &staff, "bo@example.org").await;
    let bo_path = format!(
        "/api/v1/volunteers/{}/parent-leader",
        bo["id"].as_str().unwrap()
    );
    let tomorrow = (Utc::now().date_naive() + chrono::Days::new(1)).to_string();
    for body in [
        json!({"parent_leader": false, "on": "2026-08-31"}),
        json!({"parent_leader": false, "on": tomorrow}),
    ] {
        let p = assert_problem(
            send(&app, &staff, put.clone(), &bo_path, &bo["version"], body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "on", "{p}");
    }
    // An ended profile is not flagged again, nor ended twice.
    let cy_id = cy["id"].as_str().unwrap();
    assert_problem(
        send(
            &app,
            &staff,
            put.clone(),
            &format!("/api/v1/volunteers/{cy_id}/parent-leader"),
            &cy["version"],
            json!({"parent_leader": true, "role": "PTA treasurer"}),
        )
        .await,
        409,
        "volunteer_ended",
    )
    .await;
    assert_problem(
        send(
            &app,
            &staff,
            post.clone(),
            &format!("/api/v1/volunteers/{cy_id}/end"),
            &cy["version"],
            json!({"reason": "Again"}),
        )
        .await,
        409,
        "volunteer_already_ended",
    )
    .await;
    let audit: Value = app
        .get_json(
            &format!("/api/v1/audit?entity=volunteer&id={cy_id}"),
            &staff,
        )
        .await;
    let ended = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "end_profile")
        .expect("the end is audited");
    assert_eq!(ended["changes"]["reason"], "Moved out of the district");
    assert!(ended["actor_id"].is_string(), "{ended}");
}

#[actix_web::test]
async fn a_volunteer_stops_volunteering_and_staff_reinstate_them() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (id, me) = cleared_volunteer(&app, &staff, school, "eve@example.org").await;
    let today = Utc::now().date_naive().to_string();
    let before = app
        .get_json(&format!("/api/v1/volunteers/{id}"), &staff)
        .await;
    assert!(before["ended"].is_null());

    // Only the volunteer stops their own; others may not end profiles.
    let stop = |token: String, body: Value| {
        let app = &app;
        async move {
            app.post("/api/v1/volunteers/me/stop", &token)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    assert_problem(stop(staff.clone(), json!({})).await, 403, "forbidden").await;
    let end_path = format!("/api/v1/volunteers/{id}/end");
    for token in [
        app.coordinator_of(school).await,
        app.coordinator_of(other).await,
        me.clone(),
        app.partner_org("Some Partner").await.2,
    ] {
        let res = send(
            &app,
            &token,
            reqwest::Method::POST,
            &end_path,
            &before["version"],
            json!({"reason": "Not theirs to end"}),
        )
        .await;
        assert_problem(res, 403, "forbidden").await;
    }
    // Staff: the If-Match, a reason and a day between registration and today are required.
    let res = app
        .post(&end_path, &staff)
        .json(&json!({"reason": "Moved away"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    for (body, field) in [
        (json!({"reason": "x"}), "reason"),
        (json!({"reason": "Moved away", "on": "2026-01-01"}), "on"),
    ] {
        let p = assert_problem(
            send(
                &app,
                &staff,
                reqwest::Method::POST,
                &end_path,
                &before["version"],
                body,
            )
            .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    assert_eq!(
        counts(&app, &staff, &today).await.0,
        1,
        "registered before stopping"
    );

    let res = stop(me.clone(), json!({"reason": "Starting a new job"})).await;
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["ended"]["ended_on"], today.as_str());
    assert_eq!(v["ended"]["reason"], "Starting a new job");
    assert_eq!(
        counts(&app, &staff, &today).await.0,
        0,
        "not registered from today"
    );
    assert_problem(
        stop(me.clone(), json!({})).await,
        409,
        "volunteer_already_ended",
    )
    .await;
    // They can still read their page, but no longer check in or log hours.
    assert_eq!(
        app.get_json("/api/v1/volunteers/me", &me).await["ended"]["ended_on"],
        today.as_str()
    );
    let res = app
        .post("/api/v1/hours/check-in", &me)
        .json(&json!({"school_id": school, "activity": "tutor"}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "volunteer_ended").await;
    let res = app
        .post("/api/v1/hours", &me)
        .json(&json!({"school_id": school, "activity": "tutor", "work_date": today, "minutes": 30}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "volunteer_ended").await;
    let list: Value = app.get_json("/api/v1/volunteers", &staff).await;
    assert_eq!(list["items"][0]["ended_on"], today.as_str());

    // Staff reinstate with a reason; once.
    let reinstate = format!("/api/v1/volunteers/{id}/reinstate");
    let res = send(
        &app,
        &staff,
        reqwest::Method::POST,
        &reinstate,
        &v["version"],
        json!({"reason": "Came back for the spring"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let back: Value = res.json().await.unwrap();
    assert!(back["ended"].is_null());
    assert_eq!(counts(&app, &staff, &today).await.0, 1);
    assert_problem(
        send(
            &app,
            &staff,
            reqwest::Method::POST,
            &reinstate,
            &back["version"],
            json!({"reason": "Again"}),
        )
        .await,
        409,
        "volunteer_not_ended",
    )
    .await;
    let trail: Value = app
        .get_json(&format!("/api/v1/audit?entity=volunteer&id={id}"), &staff)
        .await;
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"stop_volunteering"), "{actions:?}");
    assert!(actions.contains(&"reinstate_profile"), "{actions:?}");
}
