//! The donation ledger: staff record cash and in-kind gifts, the totals add them up by partner,
//! school, support area and school year, a void takes one out (kept, with its reason), an
//! accepted match and an approved one-time event lead to their donation; scoping per role.

use domain::Role;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use crate::helpers::{RoleCase, TestApp, assert_problem, check_roles, partnership_roles};

fn gift(org: &str, school: Option<&str>, on: &str, kind: &str, value: u32) -> Value {
    json!({
        "organization_id": org, "school_id": school, "received_on": on, "kind": kind,
        "value_usd": value, "description": format!("{kind} gift of {value}"),
        "support_area": "academics"
    })
}

async fn recorded(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = app
        .post("/api/v1/donations", token)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn record(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.post("/api/v1/donations", token)
        .json(body)
        .send()
        .await
        .unwrap()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

async fn step(
    app: &TestApp,
    token: &str,
    d: &Value,
    action: &str,
    reason: &str,
) -> reqwest::Response {
    app.post(&format!("/api/v1/donations/{}/transition", id(d)), token)
        .header("if-match", format!("\"{}\"", d["version"]))
        .json(&json!({"action": action, "reason": reason}))
        .send()
        .await
        .unwrap()
}

/// (key or label, value) of each group, in the answer's order.
fn groups(t: &Value, field: &str) -> Vec<(String, u64)> {
    t["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g[field].as_str().unwrap().to_string(),
                g["value_usd"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn the_ledger_totals_what_was_given_and_a_void_takes_one_out() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (a, _, _) = app.partner_org("Queen City Readers").await;
    let (b, _, _) = app.partner_org("Hornets Nest Grocers").await;
    let s1 = app
        .create_school("D1", "Ashley Park Elementary")
        .await
        .to_string();
    let s2 = app.create_school("D2", "Bruns Academy").await.to_string();

    let cash = recorded(
        &app,
        &staff,
        &gift(&a, Some(&s1), "2026-11-20", "cash", 500),
    )
    .await;
    assert_eq!(cash["school_year"], 2026);
    assert_eq!(cash["school_year_label"], "2026-27");
    assert_eq!(cash["organization_name"], "Queen City Readers");
    assert_eq!(cash["school_name"], "Ashley Park Elementary");
    assert_eq!(cash["status"], "recorded");
    assert!(!cash["recorded_by_name"].as_str().unwrap().is_empty());
    let mut backpacks = gift(&b, None, "2026-09-01", "in_kind", 2400);
    backpacks["support_area"] = json!("school_life");
    backpacks["description"] = json!("  120 backpacks  ");
    let backpacks = recorded(&app, &staff, &backpacks).await;
    assert_eq!(backpacks["description"], "120 backpacks", "trimmed");
    assert_eq!(backpacks["school_id"], Value::Null);
    // June 2026 is still the 2025-26 school year (it starts in July).
    recorded(
        &app,
        &staff,
        &gift(&a, Some(&s2), "2026-06-30", "cash", 300),
    )
    .await;

    let t = app
        .get_json(
            "/api/v1/donations/totals?by=partner&school_year=2026",
            &staff,
        )
        .await;
    assert_eq!(
        (t["donations"].as_u64(), t["value_usd"].as_u64()),
        (Some(2), Some(2900))
    );
    assert_eq!(
        groups(&t, "label"),
        [
            ("Hornets Nest Grocers".into(), 2400),
            ("Queen City Readers".into(), 500)
        ]
    );
    assert_eq!(t["groups"][0]["in_kind_usd"], 2400);
    assert_eq!(t["groups"][0]["cash_usd"], 0);
    let t = app
        .get_json("/api/v1/donations/totals?by=school", &staff)
        .await;
    assert_eq!(
        groups(&t, "label"),
        [
            ("District-wide".into(), 2400),
            ("Ashley Park Elementary".into(), 500),
            ("Bruns Academy".into(), 300)
        ]
    );
    assert_eq!(t["groups"][1]["key"], s1.as_str());
    let t = app
        .get_json("/api/v1/donations/totals?by=school_year", &staff)
        .await;
    assert_eq!(
        groups(&t, "label"),
        [("2026-27".into(), 2900), ("2025-26".into(), 300)]
    );
    let t = app
        .get_json(
            "/api/v1/donations/totals?by=support_area&school_year=2026",
            &staff,
        )
        .await;
    assert_eq!(
        groups(&t, "label"),
        [("School life".into(), 2400), ("Academics".into(), 500)]
    );
    assert_eq!(t["groups"][0]["key"], "school_life");

    // Voided with a reason: kept in the ledger, out of the totals; restored: back in.
    assert_problem(
        step(&app, &staff, &backpacks, "void", " ").await,
        422,
        "validation_failed",
    )
    .await;
    let res = step(&app, &staff, &backpacks, "void", "Entered twice").await;
    assert_eq!(res.status(), 200);
    let voided: Value = res.json().await.unwrap();
    assert_eq!(voided["status"], "voided");
    assert_eq!(voided["status_reason"], "Entered twice");
    assert_problem(
        step(&app, &staff, &backpacks, "restore", "x").await,
        412,
        "version_mismatch",
    )
    .await;
    assert_problem(
        step(&app, &staff, &voided, "void", "again").await,
        409,
        "invalid_transition",
    )
    .await;
    let t = app
        .get_json(
            "/api/v1/donations/totals?by=partner&school_year=2026",
            &staff,
        )
        .await;
    assert_eq!(groups(&t, "label"), [("Queen City Readers".into(), 500)]);
    let list = app
        .get_json("/api/v1/donations?status=voided", &staff)
        .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let list = app
        .get_json("/api/v1/donations?school_year=2026", &staff)
        .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["items"][0]["id"], backpacks["id"], "newest first");
    let trail = app
        .get_json(
            &format!("/api/v1/audit?entity=donation&id={}", id(&backpacks)),
            &staff,
        )
        .await;
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"create") && actions.contains(&"void"),
        "{actions:?}"
    );
    let res = step(&app, &staff, &voided, "restore", "It was not a duplicate").await;
    assert_eq!(res.status(), 200);
    let t = app
        .get_json("/api/v1/donations/totals?by=school_year", &staff)
        .await;
    assert_eq!(t["value_usd"], 3200);

    // The export: every donation the caller sees, voided ones with their status.
    let res = app
        .get("/api/v1/donations/export", &staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("id,received_on,school_year,partner,school,kind,value_usd"));
    assert!(
        csv.contains("District-wide") && csv.contains("120 backpacks"),
        "{csv}"
    );

    // Bad input: a day after today, no value, no partner, an unknown school; 422 by field.
    let field = |p: &Value| p["errors"][0]["field"].as_str().unwrap().to_string();
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Days::new(2)).to_string();
    for (body, want) in [
        (gift(&a, None, &tomorrow, "cash", 5), "received_on"),
        (gift(&a, None, "2026-11-20", "cash", 0), "value_usd"),
        (gift(&a, None, "1999-12-31", "cash", 5), "received_on"),
        (
            json!({"received_on": "2026-11-20", "kind": "cash", "value_usd": 5, "description": "x"}),
            "organization_id",
        ),
        (
            gift(
                &a,
                Some(&uuid::Uuid::now_v7().to_string()),
                "2026-11-20",
                "cash",
                5,
            ),
            "school_id",
        ),
        (
            gift(
                &uuid::Uuid::now_v7().to_string(),
                None,
                "2026-11-20",
                "cash",
                5,
            ),
            "organization_id",
        ),
    ] {
        let p = assert_problem(record(&app, &staff, &body).await, 422, "validation_failed").await;
        assert_eq!(field(&p), want, "{body}");
    }
    let t = app
        .get_json("/api/v1/donations/totals?by=school_year", &staff)
        .await;
    assert_eq!(
        t["donations"], 3,
        "nothing was recorded by the refused ones"
    );
}

fn treasure_need(school: &str, priority: &str) -> Value {
    json!({
        "school_id": school, "school_year": 2026, "support_area": "school_life",
        "priority_id": priority, "help_kind": "treasure", "description": "Winter coats",
        "ask_unit": "dollars", "ask_quantity": 1000, "timeframe": "December",
        "rank": 1, "visible_to_partners": true, "internal_notes": ""
    })
}

#[actix_web::test]
async fn an_accepted_match_and_an_approved_event_lead_to_their_donation() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Hornets Nest Grocers").await;
    let (other, _, _) = app.partner_org("Queen City Readers").await;
    let school = app
        .create_school("D3", "Cotswold Elementary")
        .await
        .to_string();
    let priorities = app.get_json("/api/v1/priorities", &staff).await;
    let p = priorities[0]["id"].as_str().unwrap();
    let need: Value = app
        .post("/api/v1/needs", &staff)
        .json(&treasure_need(&school, p))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let offer: Value = app
        .post("/api/v1/offers", &staff)
        .json(&json!({
            "organization_id": org, "support_areas": ["school_life"], "help_kind": "treasure",
            "description": "Coats and gloves", "capacity_unit": "dollars", "capacity": 5000,
            "school_ids": [], "regions": [], "levels": [],
            "available_from": null, "available_until": null
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let m: Value = app
        .post(&format!("/api/v1/needs/{}/proposals", id(&need)), &staff)
        .json(&json!({"offer_id": id(&offer)}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let for_match = json!({"match_id": m["id"], "received_on": "2026-11-20", "kind": "in_kind",
        "value_usd": 1000, "description": "40 winter coats"});
    // Not yet accepted: 422.
    let p = assert_problem(
        record(&app, &staff, &for_match).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "not_accepted");
    let res = app
        .post(&format!("/api/v1/matches/{}/transition", id(&m)), &partner)
        .header("if-match", format!("\"{}\"", m["version"]))
        .json(&json!({"action": "accept"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Another partner than the match's: 422 mismatch.
    let mut wrong = for_match.clone();
    wrong["organization_id"] = json!(other);
    let p = assert_problem(record(&app, &staff, &wrong).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "mismatch");
    // The match names the partner, the school, the need and its support area.
    let d = recorded(&app, &staff, &for_match).await;
    assert_eq!(d["organization_id"], org.as_str());
    assert_eq!(d["school_id"], school.as_str());
    assert_eq!(d["need_id"], need["id"]);
    assert_eq!(d["support_area"], "school_life");
    let of_match = app
        .get_json(&format!("/api/v1/donations?match_id={}", id(&m)), &partner)
        .await;
    assert_eq!(
        of_match["items"].as_array().unwrap().len(),
        1,
        "the partner sees its own"
    );

    // A one-time event of an approved application: its partner, and its program as the event.
    let now = chrono::Utc::now();
    let application = db::entities::applications::ActiveModel {
        id: Set(domain::ApplicationId::new()),
        resume_token_hash: Set(String::new()),
        resume_token_expires_at: Set(None),
        status: Set(domain::intake::ApplicationStatus::Approved),
        form: Set(serde_json::to_string(&domain::application::ApplicationForm::default()).unwrap()),
        organization_name: Set("Queen City Readers".into()),
        program_title: Set("Fall reading festival".into()),
        search_key: Set("queen city readers".into()),
        organization_id: Set(Some(other.parse().unwrap())),
        matched_organization_id: Set(None),
        agreement_required: Set(false),
        owner_id: Set(None),
        collaborating_department: Set(String::new()),
        collaborating_school_id: Set(None),
        return_message: Set(None),
        submitted_at: Set(Some(now)),
        status_changed_at: Set(now),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let d = recorded(
        &app,
        &staff,
        &json!({"application_id": application.id, "received_on": "2026-10-03",
            "kind": "cash", "value_usd": 750, "description": "Raffle proceeds"}),
    )
    .await;
    assert_eq!(d["organization_id"], other.as_str());
    assert_eq!(d["event"], "Fall reading festival");
    assert_eq!(d["school_id"], Value::Null);
}

#[actix_web::test]
async fn every_role_reaches_the_donations_it_should() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Hornets Nest Grocers").await;
    let (_, _, other_partner) = app.partner_org("Queen City Readers").await;
    let school = app.create_school("D5", "Dilworth Elementary").await;
    let elsewhere = app.create_school("D6", "Elsewhere").await;
    let d = recorded(
        &app,
        &staff,
        &gift(&org, Some(&school.to_string()), "2026-11-20", "cash", 500),
    )
    .await;
    let did = id(&d);
    let tokens = partnership_roles(&app, &staff, school, elsewhere, partner, other_partner).await;
    // (method, path, body, expected per role: admin, staff, coordinator of the donation's
    // school, coordinator of another, the giving partner, another partner, volunteer). The
    // transition carries a stale If-Match, so an allowed one answers 412.
    let cases: Vec<RoleCase<7>> = vec![
        (
            "GET",
            "/api/v1/donations".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            "/api/v1/donations/totals?by=school".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            "/api/v1/donations/export".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/donations/{did}"),
            None,
            [200, 200, 200, 404, 200, 404, 403],
        ),
        (
            "POST",
            format!("/api/v1/donations/{did}/transition"),
            Some(json!({"action": "void", "reason": "test"})),
            [412, 412, 403, 404, 403, 404, 403],
        ),
        (
            "POST",
            "/api/v1/donations".into(),
            Some(gift(&org, None, "2026-11-20", "cash", 5)),
            [201, 201, 403, 403, 403, 403, 403],
        ),
    ];
    check_roles(&app, &tokens, cases, |m, p| {
        m == "POST" && p.ends_with("/transition")
    })
    .await;
    // What each one's list and totals hold: the coordinator of another school and another
    // partner see none of it.
    let count = |v: &Value| v["items"].as_array().unwrap().len();
    assert_eq!(
        count(&app.get_json("/api/v1/donations", &tokens[2]).await),
        1
    );
    assert_eq!(
        count(&app.get_json("/api/v1/donations", &tokens[3]).await),
        0
    );
    assert_eq!(
        count(&app.get_json("/api/v1/donations", &tokens[4]).await),
        3
    );
    assert_eq!(
        count(&app.get_json("/api/v1/donations", &tokens[5]).await),
        0
    );
    let t = app
        .get_json("/api/v1/donations/totals?by=partner", &tokens[3])
        .await;
    assert_eq!(t["value_usd"], 0);
    let t = app
        .get_json("/api/v1/donations/totals?by=partner", &tokens[2])
        .await;
    assert_eq!(t["value_usd"], 500);
}
