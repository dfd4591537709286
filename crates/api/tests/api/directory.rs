//! The family resource directory: the office publishes offers for families, families search
//! them without an account, in English or Spanish, and each use is counted by month.

use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{RoleCase, TestApp, assert_problem, check_roles, partnership_roles};

fn offer(org: &str) -> Value {
    json!({
        "organization_id": org, "support_areas": ["academics"], "help_kind": "talent",
        "description": "Math tutoring after school", "capacity_unit": "hours", "capacity": 40,
        "school_ids": [], "regions": [], "levels": [],
        "available_from": null, "available_until": null
    })
}

fn listing() -> Value {
    json!({
        "published": true, "category": "tutoring",
        "title_en": " Free math tutoring ", "title_es": "Tutoría de matemáticas gratuita",
        "summary_en": "Volunteer tutors after school, grades 3 to 8.",
        "summary_es": "Tutores voluntarios después de clases, grados 3 a 8.",
        "languages": ["es", "en", "es"], "how_to_reach": "Call 704-555-0100"
    })
}

async fn created_offer(app: &TestApp, staff: &str, body: &Value) -> String {
    let res = app
        .post("/api/v1/offers", staff)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn put_listing(
    app: &TestApp,
    token: &str,
    offer: &str,
    version: i32,
    body: &Value,
) -> reqwest::Response {
    app.put(&format!("/api/v1/offers/{offer}/listing"), token)
        .header("if-match", format!("\"{version}\""))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn public(app: &TestApp, query: &str) -> Vec<Value> {
    let res = app
        .client
        .get(app.url(&format!("/api/v1/public/resources{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{query}");
    assert!(res.headers().get("set-cookie").is_none(), "no cookie");
    res.json::<Vec<Value>>().await.unwrap()
}

#[actix_web::test]
async fn families_find_what_the_office_publishes_without_an_account() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, _) = app.partner_org("Queen City Readers").await;
    let tutoring = created_offer(&app, &staff, &offer(&org)).await;
    let school = app.create_school("D1", "Druid Hills").await;
    let mut pantry = offer(&org);
    pantry["school_ids"] = json!([school]);
    pantry["description"] = json!("A weekend food pantry");
    let pantry = created_offer(&app, &staff, &pantry).await;
    let unlisted = created_offer(&app, &staff, &offer(&org)).await;

    // Never listed: version 0, unpublished.
    let l = app
        .get_json(&format!("/api/v1/offers/{unlisted}/listing"), &staff)
        .await;
    assert_eq!(
        (l["version"].as_i64(), &l["published"]),
        (Some(0), &json!(false))
    );
    // Bad input: 422 by field; a stale version: 412.
    let mut bad = listing();
    bad["title_es"] = json!("   ");
    bad["languages"] = json!([]);
    let p = assert_problem(
        put_listing(&app, &staff, &tutoring, 0, &bad).await,
        422,
        "validation_failed",
    )
    .await;
    let mut fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort();
    assert_eq!(fields, ["languages", "title_es"]);
    assert_problem(
        put_listing(&app, &staff, &tutoring, 3, &listing()).await,
        412,
        "version_mismatch",
    )
    .await;

    let res = put_listing(&app, &staff, &tutoring, 0, &listing()).await;
    assert_eq!(res.status(), 200);
    let saved: Value = res.json().await.unwrap();
    assert_eq!(saved["title_en"], "Free math tutoring", "trimmed");
    assert_eq!(saved["languages"], json!(["en", "es"]));
    let mut food = listing();
    food["category"] = json!("food");
    food["title_en"] = json!("Weekend food pantry");
    food["title_es"] = json!("Despensa de fin de semana");
    food["languages"] = json!(["en"]);
    assert_eq!(
        put_listing(&app, &staff, &pantry, 0, &food).await.status(),
        200
    );

    // Families see both, by category (food first), each with its partner and how to reach it.
    let all = public(&app, "").await;
    let titles: Vec<&str> = all
        .iter()
        .map(|r| r["title_en"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Weekend food pantry", "Free math tutoring"]);
    assert_eq!(all[1]["partner_name"], "Queen City Readers");
    assert_eq!(all[1]["how_to_reach"], "Call 704-555-0100");
    assert!(
        all[1].get("description").is_none(),
        "the office's own text stays inside"
    );
    // Searches: words in either language, category, language, school, support area.
    let titles_of = |v: Vec<Value>| -> Vec<String> {
        v.iter()
            .map(|r| r["title_en"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        titles_of(public(&app, "?q=matem%C3%A1ticas").await),
        ["Free math tutoring"]
    );
    assert_eq!(
        titles_of(public(&app, "?category=food").await),
        ["Weekend food pantry"]
    );
    assert_eq!(
        titles_of(public(&app, "?language=es").await),
        ["Free math tutoring"]
    );
    let elsewhere = app.create_school("D2", "Elsewhere").await;
    assert_eq!(
        titles_of(public(&app, &format!("?school_id={elsewhere}")).await),
        ["Free math tutoring"],
        "the pantry names only Druid Hills"
    );
    assert_eq!(public(&app, "?support_area=health_wellness").await.len(), 0);
    let res = app
        .client
        .get(app.url(&format!(
            "/api/v1/public/resources?school_id={}",
            uuid::Uuid::now_v7()
        )))
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;

    // Hidden, or the offer paused: gone from the directory.
    let mut hidden = food.clone();
    hidden["published"] = json!(false);
    assert_eq!(
        put_listing(&app, &staff, &pantry, 1, &hidden)
            .await
            .status(),
        200
    );
    let res = app
        .post(&format!("/api/v1/offers/{tutoring}/transition"), &staff)
        .header("if-match", "\"1\"")
        .json(&json!({"action": "pause"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(public(&app, "").await.len(), 0);

    // The use, by month: views (no filter) and searches (a filter), and nothing else.
    let usage = app.get_json("/api/v1/metrics/directory", &staff).await;
    assert_eq!(usage["published"], 0);
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    assert_eq!(usage["months"][0]["month"], month);
    assert_eq!(usage["months"][0]["views"], 2);
    assert_eq!(
        usage["months"][0]["searches"], 5,
        "the unknown school is not a search"
    );
}

#[actix_web::test]
async fn every_role_reaches_the_directory_it_should() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let (org, _, partner) = app.partner_org("Queen City Readers").await;
    let (_, _, other_partner) = app.partner_org("Hornets Nest Tutors").await;
    let school = app.create_school("D3", "Druid Hills").await;
    let elsewhere = app.create_school("D4", "Elsewhere").await;
    let id = created_offer(&app, &staff, &offer(&org)).await;
    let tokens = partnership_roles(&app, &staff, school, elsewhere, partner, other_partner).await;
    // (method, path, body, expected per role: admin, staff, coordinator, another coordinator,
    // the offer's partner, another partner, volunteer); the write's If-Match is stale.
    let cases: Vec<RoleCase<7>> = vec![
        (
            "GET",
            format!("/api/v1/offers/{id}/listing"),
            None,
            [200, 200, 403, 403, 403, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/offers/{id}/listing"),
            Some(listing()),
            [412, 412, 403, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/metrics/directory".into(),
            None,
            [200, 200, 200, 200, 403, 403, 403],
        ),
    ];
    check_roles(&app, &tokens, cases, |method, _| method == "PUT").await;
}
