//! Partners' offers and their scored matching to school needs: who records which offer, the
//! statuses, the reasons behind each score, the weights as data, and scoping per role.

use domain::Role;
use domain::school::SchoolLevel;
use partnerhub_api::services::{self, Actor};
use serde_json::{Value, json};

use crate::helpers::{
    RoleCase, TestApp, assert_problem, check_roles, partnership_roles, school_input,
};

fn offer(org: &str) -> Value {
    json!({
        "organization_id": org, "support_areas": ["academics"], "help_kind": "time",
        "description": "Volunteers read with K-2 students twice a week",
        "capacity_unit": "volunteer_slots", "capacity": 20,
        "school_ids": [], "regions": [], "levels": [],
        "available_from": null, "available_until": null
    })
}

async fn post(app: &TestApp, token: &str, path: &str, body: &Value) -> reqwest::Response {
    app.post(path, token).json(body).send().await.unwrap()
}

async fn created(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = post(app, token, "/api/v1/offers", body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn priority(app: &TestApp, token: &str) -> String {
    let list = app.get_json("/api/v1/priorities", token).await;
    list[0]["id"].as_str().unwrap().to_string()
}

fn need(school: &str, priority: &str, rank: u32) -> Value {
    json!({
        "school_id": school, "school_year": 2026, "support_area": "academics",
        "priority_id": priority, "help_kind": "time", "description": format!("Reading buddies {rank}"),
        "ask_unit": "volunteer_slots", "ask_quantity": 12, "timeframe": "Spring",
        "rank": rank, "visible_to_partners": true, "internal_notes": "Ask Ms. Ruiz first"
    })
}

#[actix_web::test]
async fn a_partner_keeps_its_own_offers_and_staff_keep_anyones() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Queen City Readers").await;
    let (other_org, _, other) = app.partner_org("Hornets Nest Tutors").await;
    let school = app.any_school().await.to_string();

    let mut body = offer(&org);
    body["school_ids"] = json!([school]);
    body["regions"] = json!([" West ", "West"]);
    let mine = created(&app, &partner, &body).await;
    assert_eq!(mine["status"], "active");
    assert_eq!(mine["organization_name"], "Queen City Readers");
    assert_eq!(mine["regions"], json!(["West"]), "trimmed, without repeats");
    assert_eq!(mine["school_ids"], json!([school]));

    // Another organization's: 404; bad input: 422 by field; unknown schools: 422.
    assert_problem(
        post(&app, &partner, "/api/v1/offers", &offer(&other_org)).await,
        404,
        "not_found",
    )
    .await;
    let mut bad = offer(&org);
    bad["support_areas"] = json!([]);
    bad["capacity_unit"] = json!("dollars");
    bad["available_from"] = json!("2026-10-01");
    bad["available_until"] = json!("2026-09-01");
    let problem = assert_problem(
        post(&app, &partner, "/api/v1/offers", &bad).await,
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
    for f in ["support_areas", "capacity_unit"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    let mut unknown = offer(&org);
    unknown["school_ids"] = json!([uuid::Uuid::now_v7()]);
    let problem = assert_problem(
        post(&app, &staff, "/api/v1/offers", &unknown).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "school_ids");

    // Staff record for any partner; each partner lists only its own.
    created(&app, &staff, &offer(&other_org)).await;
    let own = app.get_json("/api/v1/offers", &partner).await;
    assert_eq!(own["items"].as_array().unwrap().len(), 1);
    let all = app.get_json("/api/v1/offers", &staff).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let id = mine["id"].as_str().unwrap();
    let res = app
        .get(&format!("/api/v1/offers/{id}"), &other)
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;

    // Changed with If-Match; the partner stays; paused, resumed, closed; a wrong step: 409.
    let mut changed = body.clone();
    changed["capacity"] = json!(30);
    let res = app
        .put(&format!("/api/v1/offers/{id}"), &partner)
        .header("if-match", "\"1\"")
        .json(&changed)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let changed_offer: Value = res.json().await.unwrap();
    assert_eq!(changed_offer["capacity"], 30);
    assert_eq!(changed_offer["school_ids"], json!([school]), "lists kept");
    let mut moved = changed.clone();
    moved["organization_id"] = json!(other_org);
    let res = app
        .put(&format!("/api/v1/offers/{id}"), &staff)
        .header("if-match", "\"2\"")
        .json(&moved)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
    let step = |token: String, version: i64, action: &'static str| {
        let app = &app;
        async move {
            app.post(&format!("/api/v1/offers/{id}/transition"), &token)
                .header("if-match", format!("\"{version}\""))
                .json(&json!({"action": action, "reason": "season"}))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(step(partner.clone(), 2, "pause").await.status(), 200);
    assert_problem(
        step(partner.clone(), 3, "pause").await,
        409,
        "invalid_transition",
    )
    .await;
    let paused = app
        .get_json(
            "/api/v1/offers?status=paused&support_area=academics",
            &staff,
        )
        .await;
    assert_eq!(paused["items"][0]["id"], id);
    let none = app
        .get_json(
            "/api/v1/offers?status=paused&support_area=school_life",
            &staff,
        )
        .await;
    assert_eq!(none["items"], json!([]));
    assert_eq!(step(staff.clone(), 3, "close").await.status(), 200);
    let audit = app
        .get_json(&format!("/api/v1/audit?entity=offer&id={id}"), &staff)
        .await;
    assert!(
        audit.as_array().unwrap().len() >= 4,
        "created, changed, paused, closed: {audit}"
    );
}

#[actix_web::test]
async fn a_need_gets_the_offers_that_could_meet_it_ranked_with_their_reasons() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let west = app.create_school("W1", "Westerly Hills Elementary").await;
    let mut input = school_input("E1", "Eastway High");
    input.region = "East".into();
    input.level = SchoolLevel::High;
    let east = services::schools::add(&app.db, &Actor::system(), input)
        .await
        .unwrap()
        .id;
    let p = priority(&app, &staff).await;
    let n = post(
        &app,
        &staff,
        "/api/v1/needs",
        &need(&west.to_string(), &p, 1),
    )
    .await;
    assert_eq!(n.status(), 201);
    let n: Value = n.json().await.unwrap();
    let nid = n["id"].as_str().unwrap();

    let (good, _, good_partner) = app.partner_org("Good Standing Readers").await;
    let (plain, _, plain_partner) = app.partner_org("Plain Readers").await;
    // The partner in good standing has an active MOU at the school.
    crate::agreements::active(
        &app,
        &staff,
        &good_partner,
        crate::agreements::terms(&good, &west.to_string()),
    )
    .await;
    let mut at_school = offer(&good);
    at_school["school_ids"] = json!([west.to_string()]);
    let at_school = created(&app, &staff, &at_school).await;
    let district = created(&app, &staff, &offer(&plain)).await;
    let mut elsewhere = offer(&plain);
    elsewhere["regions"] = json!(["East"]);
    let elsewhere = created(&app, &staff, &elsewhere).await;
    let mut other_kind = offer(&plain);
    other_kind["support_areas"] = json!(["school_life"]);
    other_kind["help_kind"] = json!("treasure");
    other_kind["capacity_unit"] = json!("dollars");
    created(&app, &staff, &other_kind).await;

    let matches = app
        .get_json(&format!("/api/v1/needs/{nid}/matches"), &staff)
        .await;
    let ranked: Vec<&str> = matches
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["offer"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ranked,
        [
            at_school["id"].as_str().unwrap(),
            district["id"].as_str().unwrap()
        ],
        "the East offer and the one of another area and kind are no candidates"
    );
    let reasons = |m: &Value| -> Vec<String> {
        m["score"]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reason"].as_str().unwrap().to_string())
            .collect()
    };
    let best = &matches[0];
    for r in [
        "support_area",
        "help_kind",
        "serves_school",
        "capacity_covers",
        "good_standing",
        "primary_need",
    ] {
        assert!(reasons(best).contains(&r.to_string()), "{r}: {best}");
    }
    let sum: u64 = best["score"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["points"].as_u64().unwrap())
        .sum();
    assert_eq!(best["score"]["total"].as_u64().unwrap(), sum);
    assert!(reasons(&matches[1]).contains(&"serves_district".to_string()));

    // The weights are data: an admin sets the school's reach to nothing and the partner's
    // standing to everything; the order follows.
    let admin = app.token_for(Role::Admin).await;
    let w = app.get_json("/api/v1/matching/weights", &staff).await;
    assert_eq!(
        (w["is_default"].clone(), w["version"].clone()),
        (json!(true), json!(0))
    );
    let put = |token: String, version: &'static str, body: Value| {
        let app = &app;
        async move {
            app.put("/api/v1/matching/weights", &token)
                .header("if-match", version)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    assert_problem(
        put(staff.clone(), "\"0\"", json!({"good_standing": 0})).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        put(admin.clone(), "\"0\"", json!({"good_standing": 101})).await,
        422,
        "validation_failed",
    )
    .await;
    let res = put(
        admin.clone(),
        "\"0\"",
        json!({"serves_school": 0, "good_standing": 0, "serves_district": 60}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let set: Value = res.json().await.unwrap();
    assert_eq!(set["weights"]["support_area"], 30, "left out: the default");
    let matches = app
        .get_json(&format!("/api/v1/needs/{nid}/matches?limit=1"), &staff)
        .await;
    assert_eq!(matches.as_array().unwrap().len(), 1);
    assert_eq!(matches[0]["offer"]["id"], district["id"]);

    // For an offer: the needs it could meet; the partner sees no internal notes.
    let east_need = post(
        &app,
        &staff,
        "/api/v1/needs",
        &need(&east.to_string(), &p, 2),
    )
    .await;
    assert_eq!(east_need.status(), 201);
    let eid = elsewhere["id"].as_str().unwrap();
    let for_offer = app
        .get_json(
            &format!("/api/v1/offers/{eid}/matches?school_year=2026"),
            &plain_partner,
        )
        .await;
    let needs: Vec<&Value> = for_offer.as_array().unwrap().iter().collect();
    assert_eq!(needs.len(), 1, "only the East school's need: {for_offer}");
    assert_eq!(needs[0]["need"]["school_id"], east.to_string());
    assert!(needs[0]["need"].get("internal_notes").is_none());
    let did = district["id"].as_str().unwrap();
    let both = app
        .get_json(
            &format!("/api/v1/offers/{did}/matches?school_year=2026"),
            &staff,
        )
        .await;
    assert_eq!(both.as_array().unwrap().len(), 2);
    let res = app
        .get(&format!("/api/v1/offers/{did}/matches?limit=0"), &staff)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .get(
            &format!("/api/v1/needs/{nid}/matches?school_year=1999"),
            &staff,
        )
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_offer_endpoint() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await;
    let elsewhere = app.create_school("Z901", "Elsewhere Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Role Offers Partner").await;
    let (_, _, other_partner) = app.partner_org("Another Offers Partner").await;
    let o = created(&app, &staff, &offer(&org)).await;
    let id = o["id"].as_str().unwrap().to_string();
    let p = priority(&app, &staff).await;
    let n = post(
        &app,
        &staff,
        "/api/v1/needs",
        &need(&school.to_string(), &p, 1),
    )
    .await;
    let nid = n.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let tokens = partnership_roles(&app, &staff, school, elsewhere, partner, other_partner).await;
    let mut bad = offer(&org);
    bad["description"] = json!("");
    // (method, path, body, expected per role: admin, staff, coordinator of the need's school,
    // coordinator of another, the offer's partner, another partner, volunteer).
    let cases: Vec<RoleCase<7>> = vec![
        (
            "GET",
            "/api/v1/offers".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/offers/{id}"),
            None,
            [200, 200, 200, 200, 200, 404, 403],
        ),
        (
            "POST",
            "/api/v1/offers".into(),
            Some(bad.clone()),
            [422, 422, 403, 403, 422, 404, 403],
        ),
        (
            "PUT",
            format!("/api/v1/offers/{id}"),
            Some(offer(&org)),
            [412, 412, 403, 403, 412, 404, 403],
        ),
        (
            "POST",
            format!("/api/v1/offers/{id}/transition"),
            Some(json!({"action": "pause"})),
            [412, 412, 403, 403, 412, 404, 403],
        ),
        (
            "GET",
            format!("/api/v1/offers/{id}/matches"),
            None,
            [200, 200, 200, 200, 200, 404, 403],
        ),
        (
            "GET",
            format!("/api/v1/needs/{nid}/matches"),
            None,
            [200, 200, 200, 404, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/matching/weights".into(),
            None,
            [200, 200, 200, 200, 200, 200, 403],
        ),
        (
            "PUT",
            "/api/v1/matching/weights".into(),
            Some(json!({"support_area": 30})),
            [412, 403, 403, 403, 403, 403, 403],
        ),
    ];
    check_roles(&app, &tokens, cases, |method, path| {
        method == "PUT" || path.ends_with("transition")
    })
    .await;
}
