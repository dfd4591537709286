//! School needs, the plan's priorities and the coverage of "three primary needs at every
//! school": scoping per role, ranks, statuses, and coverage on a fixed set of schools.

use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{RoleCase, TestApp, assert_problem, check_roles};

/// The id of the seeded priority with this code.
async fn priority(app: &TestApp, token: &str, code: &str) -> String {
    let list = app.get_json("/api/v1/priorities", token).await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code)
        .unwrap_or_else(|| panic!("no priority {code}: {list}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn need(school: &str, priority: &str, rank: u32) -> Value {
    json!({
        "school_id": school, "school_year": 2026, "support_area": "academics",
        "priority_id": priority, "help_kind": "time", "description": format!("Reading buddies {rank}"),
        "ask_unit": "volunteer_slots", "ask_quantity": 12, "timeframe": "Spring semester",
        "rank": rank, "visible_to_partners": true, "internal_notes": "Ask Ms. Ruiz first"
    })
}

async fn record(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.post("/api/v1/needs", token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn recorded(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = record(app, token, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn step(app: &TestApp, token: &str, n: &Value, action: &str) -> reqwest::Response {
    app.post(
        &format!("/api/v1/needs/{}/transition", n["id"].as_str().unwrap()),
        token,
    )
    .header("if-match", format!("\"{}\"", n["version"]))
    .json(&json!({"action": action, "reason": "because"}))
    .send()
    .await
    .unwrap()
}

#[actix_web::test]
async fn a_coordinator_records_ranks_and_changes_only_their_schools_needs() {
    let app = TestApp::spawn().await;
    let mine = app
        .create_school("E101", "Ashley Park Elementary")
        .await
        .to_string();
    let other = app.create_school("E102", "Bruns Academy").await.to_string();
    let coordinator = app.coordinator_of(mine.parse().unwrap()).await;
    let literacy = priority(&app, &coordinator, "early_literacy_k2").await;

    let first = recorded(&app, &coordinator, &need(&mine, &literacy, 1)).await;
    assert_eq!(first["status"], "open");
    assert_eq!(first["primary"], true);
    assert_eq!(first["priority_name"], "Early literacy (K-2)");
    assert_eq!(first["school_name"], "Ashley Park Elementary");

    // Each rank once per school and year; another school's need: 404; bad input: 422 by field.
    assert_problem(
        record(&app, &coordinator, &need(&mine, &literacy, 1)).await,
        409,
        "rank_taken",
    )
    .await;
    assert_problem(
        record(&app, &coordinator, &need(&other, &literacy, 1)).await,
        404,
        "not_found",
    )
    .await;
    let mut bad = need(&mine, &literacy, 0);
    bad["description"] = json!("");
    bad["ask_unit"] = json!("dollars");
    let problem = assert_problem(
        record(&app, &coordinator, &bad).await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in ["description", "rank", "ask_unit"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    let mut unknown = need(&mine, &literacy, 2);
    unknown["priority_id"] = json!(uuid::Uuid::now_v7());
    assert_problem(
        record(&app, &coordinator, &unknown).await,
        422,
        "validation_failed",
    )
    .await;

    // Staff see it; the coordinator of another school does not.
    let staff = app.token_for(Role::Staff).await;
    let id = first["id"].as_str().unwrap();
    app.get_json(&format!("/api/v1/needs/{id}"), &staff).await;
    let outsider = app.coordinator_of(other.parse().unwrap()).await;
    let res = app
        .get(&format!("/api/v1/needs/{id}"), &outsider)
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
    let page = app.get_json("/api/v1/needs", &outsider).await;
    assert_eq!(page["items"], json!([]));

    // A change needs the version read; the school and year stay.
    let mut changed = need(&mine, &literacy, 3);
    changed["ask_quantity"] = json!(20);
    let put = |body: Value, version: &Value| {
        app.put(&format!("/api/v1/needs/{id}"), &coordinator)
            .header("if-match", format!("\"{version}\""))
            .json(&body)
            .send()
    };
    let res = put(changed.clone(), &first["version"]).await.unwrap();
    assert_eq!(res.status(), 200);
    let after: Value = res.json().await.unwrap();
    assert_eq!(
        (
            after["rank"].clone(),
            after["ask_quantity"].clone(),
            after["version"].clone()
        ),
        (json!(3), json!(20), json!(2))
    );
    assert_problem(
        put(changed.clone(), &first["version"]).await.unwrap(),
        412,
        "version_mismatch",
    )
    .await;
    let mut moved = changed.clone();
    moved["school_year"] = json!(2027);
    assert_problem(
        put(moved, &after["version"]).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;

    // Met; a met need cannot be withdrawn, only reopened; every step is audited.
    let res = step(&app, &coordinator, &after, "meet").await;
    assert_eq!(res.status(), 200);
    let met: Value = res.json().await.unwrap();
    assert_eq!(
        (met["status"].clone(), met["status_reason"].clone()),
        (json!("met"), json!("because"))
    );
    assert_problem(
        step(&app, &coordinator, &met, "withdraw").await,
        409,
        "invalid_transition",
    )
    .await;
    let trail = app
        .get_json(&format!("/api/v1/audit?entity=need&id={id}"), &staff)
        .await;
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["meet", "update", "create"]);
}

#[actix_web::test]
async fn a_withdrawn_need_frees_its_rank_and_cannot_come_back_over_another() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let staff = app.token_for(Role::Staff).await;
    let math = priority(&app, &staff, "mathematics").await;
    let first = recorded(&app, &staff, &need(&school, &math, 2)).await;
    let res = step(&app, &staff, &first, "withdraw").await;
    assert_eq!(res.status(), 200);
    let withdrawn: Value = res.json().await.unwrap();
    recorded(&app, &staff, &need(&school, &math, 2)).await;
    assert_problem(
        step(&app, &staff, &withdrawn, "reopen").await,
        409,
        "rank_taken",
    )
    .await;
}

#[actix_web::test]
async fn partners_read_the_needs_shown_to_partners_without_internal_notes() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let staff = app.token_for(Role::Staff).await;
    let math = priority(&app, &staff, "mathematics").await;
    let shown = recorded(&app, &staff, &need(&school, &math, 1)).await;
    let mut hidden = need(&school, &math, 2);
    hidden["visible_to_partners"] = json!(false);
    let hidden = recorded(&app, &staff, &hidden).await;
    assert_eq!(shown["internal_notes"], "Ask Ms. Ruiz first");

    let (_, _, partner) = app.partner_org("Needs Partner").await;
    let page = app.get_json("/api/v1/needs", &partner).await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], shown["id"]);
    assert!(items[0].get("internal_notes").is_none(), "{}", items[0]);
    let res = app
        .get(
            &format!("/api/v1/needs/{}", hidden["id"].as_str().unwrap()),
            &partner,
        )
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
    let volunteer = app.token_for(Role::Volunteer).await;
    let res = app.get("/api/v1/needs", &volunteer).send().await.unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[actix_web::test]
async fn coverage_counts_active_schools_with_three_primary_needs_that_are_not_withdrawn() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let p = priority(&app, &staff, "whole_child_well_being").await;
    let mut ids = Vec::new();
    for (code, name) in [
        ("A1", "Ashley Park"),
        ("B1", "Bruns"),
        ("C1", "Cotswold"),
        ("D1", "Devonshire"),
    ] {
        ids.push(app.create_school(code, name).await.to_string());
    }
    let (a, b, c, d) = (&ids[0], &ids[1], &ids[2], &ids[3]);
    // Ashley Park: three primary needs. Bruns: two primary and a secondary one.
    for rank in [1, 2, 3] {
        recorded(&app, &staff, &need(a, &p, rank)).await;
    }
    for rank in [1, 2, 4] {
        recorded(&app, &staff, &need(b, &p, rank)).await;
    }
    // Cotswold: three primary needs, one of them withdrawn.
    let mut last = Value::Null;
    for rank in [1, 2, 3] {
        last = recorded(&app, &staff, &need(c, &p, rank)).await;
    }
    assert_eq!(step(&app, &staff, &last, "withdraw").await.status(), 200);
    // Devonshire: three primary needs, then archived: it leaves the count.
    for rank in [1, 2, 3] {
        recorded(&app, &staff, &need(d, &p, rank)).await;
    }
    let res = app
        .post(&format!("/api/v1/schools/{d}/archive"), &staff)
        .header("if-match", "\"1\"")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    let cov = app
        .get_json("/api/v1/metrics/needs-coverage?school_year=2026", &staff)
        .await;
    assert_eq!(
        (
            cov["schools"].clone(),
            cov["covered"].clone(),
            cov["percent"].clone()
        ),
        (json!(3), json!(1), json!(33.3))
    );
    assert_eq!(cov["school_year_label"], "2026-27");
    let lacking: Vec<(&str, u64)> = cov["lacking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["primary_needs"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lacking, [("Bruns", 2), ("Cotswold", 2)]);
    assert_eq!(
        cov["by_region"],
        json!([{"key": "West", "schools": 3, "covered": 1}])
    );
    assert_eq!(
        (cov["goal"]["key"].clone(), cov["goal"]["target"].clone()),
        (json!("needs_coverage"), json!(100))
    );
    // Another year has nothing; the drill-down narrows; a coordinator sees their schools.
    let next = app
        .get_json("/api/v1/metrics/needs-coverage?school_year=2027", &staff)
        .await;
    assert_eq!(
        (next["covered"].clone(), next["schools"].clone()),
        (json!(0), json!(3))
    );
    let east = app
        .get_json(
            "/api/v1/metrics/needs-coverage?school_year=2026&region=East",
            &staff,
        )
        .await;
    assert_eq!(east["schools"], 0);
    let coordinator = app.coordinator_of(a.parse().unwrap()).await;
    let own = app
        .get_json(
            "/api/v1/metrics/needs-coverage?school_year=2026",
            &coordinator,
        )
        .await;
    assert_eq!(
        (own["schools"].clone(), own["covered"].clone()),
        (json!(1), json!(1))
    );
    let res = app
        .get("/api/v1/metrics/needs-coverage?school_year=1999", &staff)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn admins_keep_the_plans_priorities_and_a_retired_one_is_not_offered() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let staff = app.token_for(Role::Staff).await;
    let seeded = app.get_json("/api/v1/priorities", &staff).await;
    let codes: Vec<&str> = seeded
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        &codes[..4],
        [
            "early_literacy_k2",
            "literacy_3_8",
            "mathematics",
            "post_graduation_readiness"
        ]
    );
    assert!(codes.contains(&"whole_child_well_being"));

    let body = json!({"code": "attendance", "name": "Attendance", "name_es": "Asistencia", "kind": "pillar", "position": 9});
    let res = app
        .post("/api/v1/priorities", &staff)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .post("/api/v1/priorities", &admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let added: Value = res.json().await.unwrap();
    let res = app
        .post("/api/v1/priorities", &admin)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_problem(res, 409, "duplicate").await;
    let mut bad = body.clone();
    bad["code"] = json!("Not A Code");
    let res = app
        .post("/api/v1/priorities", &admin)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;

    // Retired: kept on the needs that name it, refused for new ones.
    let school = app.any_school().await.to_string();
    let id = added["id"].as_str().unwrap().to_string();
    let kept = recorded(&app, &staff, &need(&school, &id, 1)).await;
    let mut retired = body.clone();
    retired["active"] = json!(false);
    let res = app
        .put(&format!("/api/v1/priorities/{id}"), &admin)
        .header("if-match", "\"1\"")
        .json(&retired)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let problem = assert_problem(
        record(&app, &staff, &need(&school, &id, 2)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "priority_id");
    let res = app
        .put(
            &format!("/api/v1/needs/{}", kept["id"].as_str().unwrap()),
            &staff,
        )
        .header("if-match", "\"1\"")
        .json(&need(&school, &id, 1))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "a need keeps its retired priority");
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_needs_endpoint() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let elsewhere = app.create_school("Z900", "Elsewhere Middle").await;
    let (_, _, partner) = app.partner_org("Role Needs Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let p = priority(&app, &staff, "mathematics").await;
    let n = recorded(&app, &staff, &need(&school, &p, 1)).await;
    let id = n["id"].as_str().unwrap().to_string();
    let mut internal = need(&school, &p, 2);
    internal["visible_to_partners"] = json!(false);
    let hidden = recorded(&app, &staff, &internal).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let pid = p.clone();
    let tokens = [
        app.token_for(Role::Admin).await,
        staff.clone(),
        app.coordinator_of(school.parse().unwrap()).await, // of the need's school
        app.coordinator_of(elsewhere).await,               // of another school
        partner,
        app.token_for(Role::Volunteer).await,
    ];
    let mut bad = need(&school, &p, 3);
    bad["description"] = json!("");
    let bad_priority = json!({"code": "", "name": "", "kind": "goal"});
    // (method, path, body, expected per role: admin, staff, coordinator, coordinator of
    // another school, partner, volunteer). Another school's need is not there for its
    // coordinator (404), nor a need kept from partners for a partner.
    let cases: Vec<RoleCase<6>> = vec![
        (
            "GET",
            "/api/v1/needs".into(),
            None,
            [200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/needs/{id}"),
            None,
            [200, 200, 200, 404, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/needs/{hidden}"),
            None,
            [200, 200, 200, 404, 404, 403],
        ),
        (
            "POST",
            "/api/v1/needs".into(),
            Some(bad.clone()),
            [422, 422, 422, 404, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/needs/{id}"),
            Some(need(&school, &p, 1)),
            [412, 412, 412, 404, 403, 403],
        ),
        (
            "POST",
            format!("/api/v1/needs/{id}/transition"),
            Some(json!({"action": "meet"})),
            [412, 412, 412, 404, 403, 403],
        ),
        (
            "GET",
            "/api/v1/needs/assessment".into(),
            None,
            [200, 200, 200, 200, 200, 403],
        ),
        (
            "PUT",
            "/api/v1/needs/assessment".into(),
            Some(json!({"school_year": 2026})),
            [412, 412, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/priorities".into(),
            None,
            [200, 200, 200, 200, 200, 200],
        ),
        (
            "POST",
            "/api/v1/priorities".into(),
            Some(bad_priority.clone()),
            [422, 403, 403, 403, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/priorities/{pid}"),
            Some(bad_priority),
            [422, 403, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/metrics/needs-coverage".into(),
            None,
            [200, 200, 200, 200, 403, 403],
        ),
    ];
    check_roles(&app, &tokens, cases, |method, path| {
        (method != "GET" && (path.contains(&id) || path.ends_with("assessment")))
            || path.ends_with(&pid)
    })
    .await;
}

#[actix_web::test]
async fn opening_the_assessment_reminds_the_coordinators_of_schools_lacking_needs() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let p = priority(&app, &staff, "mathematics").await;
    let covered = app.create_school("A2", "Albemarle Road").await;
    let lacking = app.create_school("B2", "Barringer").await;
    for rank in [1, 2, 3] {
        recorded(&app, &staff, &need(&covered.to_string(), &p, rank)).await;
    }
    recorded(&app, &staff, &need(&lacking.to_string(), &p, 1)).await;
    let (done, _) = app
        .create_user(Role::SchoolCoordinator, vec![covered])
        .await;
    let (late, late_password) = app
        .create_user(Role::SchoolCoordinator, vec![lacking])
        .await;

    let before = app.get_json("/api/v1/needs/assessment", &staff).await;
    assert_eq!(
        (before["school_year"].clone(), before["version"].clone()),
        (Value::Null, json!(0))
    );
    let open = |token: &str, version: &str| {
        app.put("/api/v1/needs/assessment", token)
            .header("if-match", format!("\"{version}\""))
            .json(&json!({"school_year": 2026}))
            .send()
    };
    let res = app.login(&late, &late_password).await;
    let coordinator: Value = res.json().await.unwrap();
    let coordinator = coordinator["access_token"].as_str().unwrap().to_string();
    assert_problem(open(&coordinator, "0").await.unwrap(), 403, "forbidden").await;
    let res = open(&staff, "0").await.unwrap();
    assert_eq!(res.status(), 200);
    let opened: Value = res.json().await.unwrap();
    assert_eq!(opened["assessment"]["school_year_label"], "2026-27");
    assert_eq!(
        (
            opened["schools_lacking"].clone(),
            opened["reminders_queued"].clone()
        ),
        (json!(1), json!(1))
    );
    let sent = db::repo::applications::messages_for(&app.db, &late)
        .await
        .unwrap();
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].body.contains("Barringer (B2): 1 of 3"),
        "{}",
        sent[0].body
    );
    assert!(
        db::repo::applications::messages_for(&app.db, &done)
            .await
            .unwrap()
            .is_empty()
    );
    assert_problem(open(&staff, "0").await.unwrap(), 412, "version_mismatch").await;
    let now = app.get_json("/api/v1/needs/assessment", &coordinator).await;
    assert_eq!(
        (now["school_year"].clone(), now["version"].clone()),
        (json!(2026), json!(1))
    );
}
