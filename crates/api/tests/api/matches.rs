//! Proposed matches: staff propose an offer for a need, the partner answers from its login,
//! and the need's status follows what the accepted matches cover; scoping per role.

use domain::Role;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{RoleCase, TestApp, assert_problem, check_roles, partnership_roles};

fn offer(org: &str, capacity: u32) -> Value {
    json!({
        "organization_id": org, "support_areas": ["academics"], "help_kind": "time",
        "description": "Volunteers read with K-2 students twice a week",
        "capacity_unit": "volunteer_slots", "capacity": capacity,
        "school_ids": [], "regions": [], "levels": [],
        "available_from": null, "available_until": null
    })
}

fn need(school: &str, priority: &str, rank: u32) -> Value {
    json!({
        "school_id": school, "school_year": 2026, "support_area": "academics",
        "priority_id": priority, "help_kind": "time", "description": format!("Reading buddies {rank}"),
        "ask_unit": "volunteer_slots", "ask_quantity": 12, "timeframe": "Spring",
        "rank": rank, "visible_to_partners": false, "internal_notes": "Ask Ms. Ruiz first"
    })
}

async fn created(app: &TestApp, token: &str, path: &str, body: &Value) -> Value {
    let res = app.post(path, token).json(body).send().await.unwrap();
    assert_eq!(res.status(), 201, "{path}: {}", res.text().await.unwrap());
    res.json().await.unwrap()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// A need of a new school (rank 1) and the id of the first priority.
async fn a_need(app: &TestApp, staff: &str, code: &str) -> (Value, String) {
    let school = app.create_school(code, &format!("School {code}")).await;
    let list = app.get_json("/api/v1/priorities", staff).await;
    let p = list[0]["id"].as_str().unwrap().to_string();
    let n = created(
        app,
        staff,
        "/api/v1/needs",
        &need(&school.to_string(), &p, 1),
    )
    .await;
    (n, p)
}

async fn propose(app: &TestApp, token: &str, path: &str, body: &Value) -> reqwest::Response {
    app.post(path, token).json(body).send().await.unwrap()
}

async fn step(app: &TestApp, token: &str, m: &Value, action: &str) -> reqwest::Response {
    app.post(&format!("/api/v1/matches/{}/transition", id(m)), token)
        .header("if-match", format!("\"{}\"", m["version"]))
        .json(&json!({"action": action, "reason": format!("{action} for the test")}))
        .send()
        .await
        .unwrap()
}

async fn stepped(app: &TestApp, token: &str, m: &Value, action: &str) -> Value {
    let res = step(app, token, m, action).await;
    assert_eq!(res.status(), 200, "{action}: {}", res.text().await.unwrap());
    res.json().await.unwrap()
}

#[actix_web::test]
async fn staff_propose_the_partner_accepts_and_the_need_is_met() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Queen City Readers").await;
    let (_, _, other_partner) = app.partner_org("Hornets Nest Tutors").await;
    let (n, _) = a_need(&app, &staff, "M1").await;
    let nid = id(&n);
    let o = created(&app, &staff, "/api/v1/offers", &offer(&org, 20)).await;
    let proposals = format!("/api/v1/needs/{nid}/proposals");

    let m = created(
        &app,
        &staff,
        &proposals,
        &json!({"offer_id": id(&o), "note": "They read at two schools of the region"}),
    )
    .await;
    assert_eq!(m["status"], "proposed");
    assert_eq!(m["quantity"], 12, "all of the ask: the offer gives more");
    assert_eq!(m["ask_unit"], "volunteer_slots");
    assert!(m["score"].as_u64().unwrap() > 0, "{m}");
    assert_eq!(m["organization_name"], "Queen City Readers");
    assert_eq!(m["need_description"], "Reading buddies 1");
    assert!(!m["proposed_by_name"].as_str().unwrap().is_empty());
    assert_eq!(m["answered_by"], Value::Null);
    assert!(m.get("internal_notes").is_none());
    // The partner's login is told, by email.
    let mail = db::entities::outbox::Entity::find()
        .filter(db::entities::outbox::Column::Kind.eq("match_proposed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(mail.len(), 1);
    assert!(
        mail[0].body.contains("Reading buddies 1"),
        "{}",
        mail[0].body
    );
    // The same offer again: 409.
    let res = propose(&app, &staff, &proposals, &json!({"offer_id": id(&o)})).await;
    assert_problem(res, 409, "duplicate").await;

    // The partner sees it (the need itself is not shown to partners); another partner does not.
    let mine = app.get_json("/api/v1/matches", &partner).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    let theirs = app.get_json("/api/v1/matches", &other_partner).await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0);
    let res = app
        .get(&format!("/api/v1/matches/{}", id(&m)), &other_partner)
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
    // A partner never proposes, even again.
    assert_problem(step(&app, &partner, &m, "propose").await, 403, "forbidden").await;

    // The partner accepts: the need is met, and its history says why.
    let accepted = stepped(&app, &partner, &m, "accept").await;
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["answered_by_name"], "Rosa Méndez");
    assert!(accepted["answered_at"].is_string());
    assert_eq!(accepted["status_reason"], "accept for the test");
    let met = app.get_json(&format!("/api/v1/needs/{nid}"), &staff).await;
    assert_eq!(met["status"], "met");
    assert_eq!(met["status_reason"], "Accepted matches cover 12 of 12.");
    let history = app
        .get_json(&format!("/api/v1/audit?entity=need&id={nid}"), &staff)
        .await;
    let follow = history
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "follow_matches")
        .expect("the need's change is audited");
    assert_eq!(follow["changes"]["match_id"], m["id"]);
    let trail = app
        .get_json(&format!("/api/v1/audit?entity=match&id={}", id(&m)), &staff)
        .await;
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"propose") && actions.contains(&"accept"),
        "{actions:?}"
    );
    // Answering twice: 409; a stale version: 412.
    assert_problem(
        step(&app, &partner, &accepted, "accept").await,
        409,
        "invalid_transition",
    )
    .await;
    assert_problem(
        step(&app, &partner, &m, "withdraw").await,
        412,
        "version_mismatch",
    )
    .await;

    // The partner can no longer give it: withdrawn, and the need is open again.
    let withdrawn = stepped(&app, &partner, &accepted, "withdraw").await;
    assert_eq!(withdrawn["status"], "withdrawn");
    let open = app.get_json(&format!("/api/v1/needs/{nid}"), &staff).await;
    assert_eq!(open["status"], "open");
    // Staff propose it again, and record the partner's "no" for it.
    let again = stepped(&app, &staff, &withdrawn, "propose").await;
    assert_eq!(again["status"], "proposed");
    assert_eq!(again["answered_by"], Value::Null);
    let declined = stepped(&app, &staff, &again, "decline").await;
    assert_eq!(declined["status"], "declined");
    assert!(!declined["answered_by_name"].as_str().unwrap().is_empty());
    let open = app.get_json(&format!("/api/v1/needs/{nid}"), &staff).await;
    assert_eq!(open["status"], "open", "a declined match covers nothing");

    // A smaller offer covers part of the ask: partly met.
    let small = created(&app, &staff, "/api/v1/offers", &offer(&org, 5)).await;
    let part = created(&app, &staff, &proposals, &json!({"offer_id": id(&small)})).await;
    assert_eq!(
        part["quantity"], 5,
        "what the offer gives, in the same unit"
    );
    stepped(&app, &partner, &part, "accept").await;
    let partly = app.get_json(&format!("/api/v1/needs/{nid}"), &staff).await;
    assert_eq!(partly["status"], "partly_met");
    // Filters.
    let by_need = app
        .get_json(
            &format!("/api/v1/matches?need_id={nid}&status=accepted"),
            &staff,
        )
        .await;
    assert_eq!(by_need["items"].as_array().unwrap().len(), 1);
    assert_eq!(by_need["items"][0]["offer_id"], small["id"]);
}

#[actix_web::test]
async fn only_an_active_offer_that_could_meet_an_open_need_is_proposed() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, _) = app.partner_org("Queen City Readers").await;
    let (n, _) = a_need(&app, &staff, "M2").await;
    let proposals = format!("/api/v1/needs/{}/proposals", id(&n));
    let field_of = |p: &Value| p["errors"][0]["field"].as_str().unwrap().to_string();

    // Unknown offer, bad quantity, a note too long: 422 by field.
    let res = propose(
        &app,
        &staff,
        &proposals,
        &json!({"offer_id": uuid::Uuid::now_v7(), "quantity": 0}),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(field_of(&p), "quantity");
    let res = propose(
        &app,
        &staff,
        &proposals,
        &json!({"offer_id": uuid::Uuid::now_v7()}),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(field_of(&p), "offer_id");
    // Another area and kind of help: it cannot meet the need.
    let mut body = offer(&org, 500);
    body["support_areas"] = json!(["health_wellness"]);
    body["help_kind"] = json!("treasure");
    body["capacity_unit"] = json!("dollars");
    let unrelated = created(&app, &staff, "/api/v1/offers", &body).await;
    let res = propose(
        &app,
        &staff,
        &proposals,
        &json!({"offer_id": id(&unrelated)}),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "cannot_meet");
    // A paused offer.
    let o = created(&app, &staff, "/api/v1/offers", &offer(&org, 20)).await;
    let res = app
        .post(&format!("/api/v1/offers/{}/transition", id(&o)), &staff)
        .header("if-match", "\"1\"")
        .json(&json!({"action": "pause"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = propose(&app, &staff, &proposals, &json!({"offer_id": id(&o)})).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "not_active");
    // A withdrawn need: 409; another school's need for its coordinator: 404 (read), and a
    // coordinator never proposes: 403.
    let res = app
        .post(&format!("/api/v1/needs/{}/transition", id(&n)), &staff)
        .header("if-match", "\"1\"")
        .json(&json!({"action": "withdraw"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let active = created(&app, &staff, "/api/v1/offers", &offer(&org, 20)).await;
    let res = propose(&app, &staff, &proposals, &json!({"offer_id": id(&active)})).await;
    assert_problem(res, 409, "invalid_transition").await;
}

#[actix_web::test]
async fn every_role_reaches_the_matches_it_should() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Queen City Readers").await;
    let (_, _, other_partner) = app.partner_org("Hornets Nest Tutors").await;
    let (n, _) = a_need(&app, &staff, "M3").await;
    let school: domain::SchoolId = n["school_id"].as_str().unwrap().parse().unwrap();
    let elsewhere = app.create_school("M4", "Elsewhere").await;
    let o = created(&app, &staff, "/api/v1/offers", &offer(&org, 20)).await;
    let m = created(
        &app,
        &staff,
        &format!("/api/v1/needs/{}/proposals", id(&n)),
        &json!({"offer_id": id(&o)}),
    )
    .await;
    let (nid, mid) = (id(&n), id(&m));
    let tokens = partnership_roles(&app, &staff, school, elsewhere, partner, other_partner).await;
    // (method, path, body, expected per role: admin, staff, coordinator of the need's school,
    // coordinator of another, the offer's partner, another partner, volunteer). Writes carry a
    // stale If-Match, so an allowed one answers 412 (or 409 for the same pair again).
    let cases: Vec<RoleCase<7>> = vec![
        (
            "GET",
            "/api/v1/matches".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/matches/{mid}"),
            None,
            [200, 200, 200, 404, 200, 404, 403],
        ),
        (
            "POST",
            format!("/api/v1/matches/{mid}/transition"),
            Some(json!({"action": "accept"})),
            [412, 412, 403, 404, 412, 404, 403],
        ),
        (
            "POST",
            format!("/api/v1/needs/{nid}/proposals"),
            Some(json!({"offer_id": id(&o)})),
            [409, 409, 403, 403, 403, 403, 403],
        ),
    ];
    check_roles(&app, &tokens, cases, |_, path| path.ends_with("transition")).await;
}

#[actix_web::test]
async fn a_withdrawn_need_withdraws_its_unanswered_proposals() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Queen City Readers").await;
    let (n, _) = a_need(&app, &staff, "M9").await;
    let proposals = format!("/api/v1/needs/{}/proposals", id(&n));
    let small = created(&app, &staff, "/api/v1/offers", &offer(&org, 5)).await;
    let open = created(&app, &staff, "/api/v1/offers", &offer(&org, 20)).await;
    let accepted = created(&app, &staff, &proposals, &json!({"offer_id": id(&small)})).await;
    let accepted = stepped(&app, &partner, &accepted, "accept").await;
    let pending = created(&app, &staff, &proposals, &json!({"offer_id": id(&open)})).await;
    let need = app
        .get_json(&format!("/api/v1/needs/{}", id(&n)), &staff)
        .await;
    let res = app
        .post(&format!("/api/v1/needs/{}/transition", id(&n)), &staff)
        .header("if-match", format!("\"{}\"", need["version"]))
        .json(&json!({"action": "withdraw", "reason": "The grant came through"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let m = app
        .get_json(&format!("/api/v1/matches/{}", id(&pending)), &partner)
        .await;
    assert_eq!(
        m["status"], "withdrawn",
        "the partner need not answer it now"
    );
    assert_eq!(m["status_reason"], "The school withdrew this need.");
    let kept = app
        .get_json(&format!("/api/v1/matches/{}", id(&accepted)), &partner)
        .await;
    assert_eq!(kept["status"], "accepted", "an answer given is history");
}
