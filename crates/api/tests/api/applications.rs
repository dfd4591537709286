use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};

fn form(school: &str, email: &str) -> Value {
    json!({
        "organization": { "legal_name": "Reading Buddies", "org_type": "nonprofit", "tax_status": "nonprofit",
                          "website": "https://readingbuddies.example.org", "city": "Charlotte" },
        "contact": { "name": "Rosa Méndez", "title": "Director", "email": email, "phone": "704-555-0142" },
        "program": { "title": "Reading buddies", "description": "Volunteers read with K-2 students every week.",
                     "support_areas": ["academics"], "contributions": ["time"], "volunteers_expected": 12,
                     "commitment": "ongoing", "frequency": "weekly", "school_year": "2026-27",
                     "school_ids": [school], "grades": "K-2", "students_expected": 40 },
        "routing": { "free_for_participants": true, "uses_facilities": true, "contact_with_people": true,
                     "students_participate": true, "collects_data": true },
        "language": "es"
    })
}

struct Draft {
    token: String,
    version: i64,
}

async fn start(app: &TestApp, body: Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/public/applications"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn draft(app: &TestApp, f: Value) -> Draft {
    let res = start(app, json!({ "form": f })).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    Draft {
        token: body["resume_token"].as_str().unwrap().into(),
        version: body["application"]["version"].as_i64().unwrap(),
    }
}

async fn submit(app: &TestApp, d: &Draft) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/public/applications/{}/submit", d.token)))
        .header("if-match", format!("\"{}\"", d.version))
        .send()
        .await
        .unwrap()
}

/// A submitted application; its id.
pub async fn submitted(app: &TestApp, school: &str) -> String {
    let d = draft(app, form(school, "rosa@readingbuddies.example.org")).await;
    let res = submit(app, &d).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["id"].as_str().unwrap().into()
}

async fn step(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    let current = app
        .get(&format!("/api/v1/applications/{id}"), token)
        .send()
        .await
        .unwrap();
    let etag = current
        .headers()
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    app.post(&format!("/api/v1/applications/{id}/transitions"), token)
        .header("if-match", etag)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn put_with_etag(
    app: &TestApp,
    token: &str,
    id: &str,
    path: &str,
    body: Value,
) -> reqwest::Response {
    let current = app
        .get(&format!("/api/v1/applications/{id}"), token)
        .send()
        .await
        .unwrap();
    let etag = current
        .headers()
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    app.put(path, token)
        .header("if-match", etag)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn an_organization_applies_without_an_account_and_gets_a_resume_link() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let mut partial = form(&school, "rosa@readingbuddies.example.org");
    partial["program"]["support_areas"] = json!([]);

    let d = draft(&app, partial.clone()).await;
    let mail = db::repo::applications::messages_for(&app.db, "rosa@readingbuddies.example.org")
        .await
        .unwrap();
    assert_eq!(mail.len(), 1);
    assert!(
        mail[0].body.contains(&format!("/apply#{}", d.token)),
        "the resume link is queued: {}",
        mail[0].body
    );
    assert!(
        mail[0].subject.contains("solicitud"),
        "in the applicant's language"
    );

    // Incomplete: every problem is listed, nothing is sent.
    let p = assert_problem(submit(&app, &d).await, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "program.support_areas");
    assert_eq!(
        p["errors"][0]["message"],
        "Choose at least one support area."
    );
    // In Spanish when the caller asks for it.
    let res = app
        .client
        .post(app.url(&format!("/api/v1/public/applications/{}/submit", d.token)))
        .header("if-match", format!("\"{}\"", d.version))
        .header("accept-language", "es-MX,es;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "program.support_areas");
    assert_eq!(
        p["errors"][0]["message"],
        "Elija al menos un área de apoyo."
    );
    assert_eq!(p["detail"], "Faltan algunas respuestas o no son válidas.");

    // Resume by link, complete, send.
    let view: Value = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["status"], "draft");
    partial["program"]["support_areas"] = json!(["academics"]);
    let saved = app
        .client
        .put(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .header("if-match", format!("\"{}\"", d.version))
        .json(&partial)
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 200);
    let d = Draft {
        version: d.version + 1,
        ..d
    };
    let sent = submit(&app, &d).await;
    assert_eq!(sent.status(), 200);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(sent["status"], "submitted");
    assert_eq!(sent["history"][0]["action"], "submit");

    // The office sees it, with the organization recorded as an applicant.
    let staff = app.token_for(Role::Staff).await;
    let a: Value = app
        .get(
            &format!("/api/v1/applications/{}", sent["id"].as_str().unwrap()),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let org: Value = app
        .get(
            &format!(
                "/api/v1/organizations/{}",
                a["organization_id"].as_str().unwrap()
            ),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(org["status"], "applicant");
    assert_eq!(
        org["contacts"][0]["email"],
        "rosa@readingbuddies.example.org"
    );
    // Routing with reasons: a free nonprofit program in schools that also runs a survey.
    let processes: Vec<&str> = a["routing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["process"].as_str().unwrap())
        .collect();
    assert_eq!(processes, vec!["partnership_agreement", "data_collection"]);
    assert_eq!(a["routing"][1]["reasons"], json!(["collects_data"]));
    // A sent application cannot be edited through the link.
    let late = app
        .client
        .put(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .header("if-match", "\"3\"")
        .json(&partial)
        .send()
        .await
        .unwrap();
    assert_problem(late, 409, "not_editable").await;
}

#[actix_web::test]
async fn the_public_form_drops_bots_and_is_rate_limited() {
    let app = TestApp::spawn_with(|s| s.server.public_per_ip_per_minute = 3).await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();

    let bot = start(
        &app,
        json!({ "form": form(&school, "bot@example.org"), "fax_number": "555-0100" }),
    )
    .await;
    assert_eq!(bot.status(), 201, "a bot is not told it was caught");
    let token = bot.json::<Value>().await.unwrap()["resume_token"]
        .as_str()
        .unwrap()
        .to_string();
    let gone = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{token}")))
        .send()
        .await
        .unwrap();
    assert_problem(gone, 404, "not_found").await;
    assert!(
        db::repo::applications::messages_for(&app.db, "bot@example.org")
            .await
            .unwrap()
            .is_empty()
    );

    start(&app, json!({ "form": form(&school, "a@example.org") })).await;
    let limited = start(&app, json!({ "form": form(&school, "b@example.org") })).await;
    assert!(limited.headers().get("retry-after").is_some());
    assert_problem(limited, 429, "rate_limited").await;
}

#[actix_web::test]
async fn script_in_answers_is_stored_as_text_and_served_as_json() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let mut f = form(&school, "x@example.org");
    f["program"]["description"] = json!("<script>alert('x')</script> reading program");
    let d = draft(&app, f).await;
    let res = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(
        res.headers().get("x-content-type-options").unwrap(),
        "nosniff"
    );
    let v: Value = res.json().await.unwrap();
    assert_eq!(
        v["form"]["program"]["description"],
        "<script>alert('x')</script> reading program"
    );
}

#[actix_web::test]
async fn staff_vet_plan_formalize_and_approve_with_every_gate_enforced() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let id = submitted(&app, &school).await;
    let staff = app.token_for(Role::Staff).await;

    assert_eq!(
        step(&app, &staff, &id, json!({"action": "start_vetting"}))
            .await
            .status(),
        200
    );
    let early = step(&app, &staff, &id, json!({"action": "start_planning"})).await;
    assert_problem(early, 409, "criteria_not_met").await;
    for c in [
        "relationship_through_district",
        "formal_agreement",
        "linked_to_priorities",
        "joint_deliverables",
        "established_aligned",
    ] {
        let res = put_with_etag(
            &app,
            &staff,
            &id,
            &format!("/api/v1/applications/{id}/checklist/{c}"),
            json!({"answer": "yes", "note": "checked"}),
        )
        .await;
        assert_eq!(res.status(), 200, "{c}");
    }
    assert_eq!(
        step(&app, &staff, &id, json!({"action": "start_planning"}))
            .await
            .status(),
        200
    );

    // Planning: the virtual platform does not apply (no virtual component).
    let na = put_with_etag(
        &app,
        &staff,
        &id,
        &format!("/api/v1/applications/{id}/checklist/protected_virtual_platform"),
        json!({"answer": "yes"}),
    )
    .await;
    assert_problem(na, 422, "validation_failed").await;
    assert_problem(
        step(&app, &staff, &id, json!({"action": "start_formalizing"})).await,
        409,
        "planning_incomplete",
    )
    .await;
    for item in [
        "student_permission_forms",
        "volunteer_clearances",
        "final_report_agreement",
    ] {
        let res = put_with_etag(
            &app,
            &staff,
            &id,
            &format!("/api/v1/applications/{id}/checklist/{item}"),
            json!({"answer": "yes"}),
        )
        .await;
        assert_eq!(res.status(), 200, "{item}");
    }
    let res = step(&app, &staff, &id, json!({"action": "start_formalizing"})).await;
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    let tasks: Vec<&str> = a["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["process"].as_str().unwrap())
        .collect();
    assert_eq!(tasks, vec!["partnership_agreement", "data_collection"]);

    assert_problem(
        step(&app, &staff, &id, json!({"action": "approve"})).await,
        409,
        "subtasks_open",
    )
    .await;
    for (p, s) in [
        ("partnership_agreement", "done"),
        ("data_collection", "not_needed"),
    ] {
        let res = put_with_etag(
            &app,
            &staff,
            &id,
            &format!("/api/v1/applications/{id}/subtasks/{p}"),
            json!({"status": s}),
        )
        .await;
        assert_eq!(res.status(), 200, "{p}");
    }
    let res = step(&app, &staff, &id, json!({"action": "approve"})).await;
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["status"], "approved");
    let org: Value = app
        .get(
            &format!(
                "/api/v1/organizations/{}",
                a["organization_id"].as_str().unwrap()
            ),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(org["status"], "active_partner");
    // The answers became the partner's offer: its volunteers, areas and school.
    let offers = app
        .get_json(
            &format!(
                "/api/v1/offers?organization_id={}",
                a["organization_id"].as_str().unwrap()
            ),
            &staff,
        )
        .await;
    let offers = offers["items"].as_array().unwrap();
    assert_eq!(offers.len(), 1, "{offers:?}");
    assert_eq!(offers[0]["help_kind"], "time");
    assert_eq!(offers[0]["capacity_unit"], "volunteer_slots");
    assert_eq!(offers[0]["capacity"], 12);
    assert_eq!(offers[0]["support_areas"], json!(["academics"]));
    assert_eq!(offers[0]["status"], "active");
    assert!(
        offers[0]["description"]
            .as_str()
            .unwrap()
            .starts_with("Reading buddies: Volunteers read"),
        "{}",
        offers[0]["description"]
    );
    let steps: Vec<&str> = a["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["to"].is_string())
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        vec![
            "submitted",
            "vetting",
            "planning",
            "formalizing",
            "approved"
        ]
    );
    // Closed: nothing more.
    assert_problem(
        step(&app, &staff, &id, json!({"action": "decline", "note": "x"})).await,
        409,
        "invalid_transition",
    )
    .await;
}

#[actix_web::test]
async fn only_an_admin_may_override_unconfirmed_criteria_and_it_is_recorded() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let id = submitted(&app, &school).await;
    let staff = app.token_for(Role::Staff).await;
    let admin = app.token_for(Role::Admin).await;
    step(&app, &staff, &id, json!({"action": "start_vetting"})).await;

    let by_staff = step(
        &app,
        &staff,
        &id,
        json!({"action": "start_planning", "override_criteria": true}),
    )
    .await;
    assert_problem(by_staff, 403, "forbidden").await;
    let by_admin = step(&app, &admin, &id, json!({"action": "start_planning", "override_criteria": true, "note": "Long-standing partner"})).await;
    assert_eq!(by_admin.status(), 200);
    let a: Value = by_admin.json().await.unwrap();
    let last = a["history"].as_array().unwrap().last().unwrap().clone();
    assert!(
        last["note"].as_str().unwrap().starts_with("Admin override"),
        "{last}"
    );
}

#[actix_web::test]
async fn returning_for_information_sends_a_fresh_link_and_the_applicant_resubmits() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let id = submitted(&app, &school).await;
    let staff = app.token_for(Role::Staff).await;

    let no_note = step(
        &app,
        &staff,
        &id,
        json!({"action": "return_for_information"}),
    )
    .await;
    assert_eq!(
        assert_problem(no_note, 422, "validation_failed").await["errors"][0]["field"],
        "note"
    );
    let res = step(
        &app,
        &staff,
        &id,
        json!({"action": "return_for_information", "note": "Which grades exactly?"}),
    )
    .await;
    assert_eq!(res.status(), 200);

    let mail = db::repo::applications::messages_for(&app.db, "rosa@readingbuddies.example.org")
        .await
        .unwrap();
    let body = &mail[0].body;
    assert!(body.contains("Which grades exactly?"));
    let token = body.split("/apply#").nth(1).unwrap().trim().to_string();
    let v: Value = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "returned_for_information");
    assert_eq!(v["message"], "Which grades exactly?");
    let d = Draft {
        token,
        version: v["version"].as_i64().unwrap(),
    };
    let again: Value = submit(&app, &d).await.json().await.unwrap();
    assert_eq!(again["status"], "submitted");
}

#[actix_web::test]
async fn coordinators_see_only_their_schools_and_partners_only_their_organization() {
    let app = TestApp::spawn().await;
    let mine = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let in_mine = submitted(&app, &mine.to_string()).await;
    let mut f = form(&other.to_string(), "lee@other.example.org");
    f["organization"]["legal_name"] = json!("Other Org");
    f["organization"]["website"] = json!("https://other.example.org");
    let d = draft(&app, f).await;
    let in_other: Value = submit(&app, &d).await.json().await.unwrap();
    let in_other = in_other["id"].as_str().unwrap().to_string();

    let (email, password) = app.create_user(Role::SchoolCoordinator, vec![mine]).await;
    let coord: Value = app.login(&email, &password).await.json().await.unwrap();
    let coord = coord["access_token"].as_str().unwrap();
    let list: Value = app
        .get("/api/v1/applications", coord)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], in_mine.as_str());
    assert_eq!(
        app.get(&format!("/api/v1/applications/{in_mine}"), coord)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_problem(
        app.get(&format!("/api/v1/applications/{in_other}"), coord)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    let act = step(&app, coord, &in_mine, json!({"action": "start_vetting"})).await;
    assert_problem(act, 403, "forbidden").await;

    // A partner of the first organization: its application's status, never the other's,
    // and never staff-only notes.
    let staff = app.token_for(Role::Staff).await;
    let a: Value = app
        .get(&format!("/api/v1/applications/{in_mine}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let org_id = a["organization_id"].as_str().unwrap();
    let etag = format!("\"{}\"", a["version"]);
    app.post(&format!("/api/v1/applications/{in_mine}/notes"), &staff)
        .header("if-match", etag)
        .json(&json!({"text": "internal: check references"}))
        .send()
        .await
        .unwrap();
    let org: Value = app
        .get(&format!("/api/v1/organizations/{org_id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let contact = org["contacts"][0]["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/organizations/{org_id}/contacts/{contact}/login"),
        &staff,
    )
    .json(&json!({"password": "partner-password-1"}))
    .send()
    .await
    .unwrap();
    let partner = app
        .sign_in_as_owner("rosa@readingbuddies.example.org", "partner-password-1")
        .await;
    let partner = partner.as_str();

    let list: Value = app
        .get("/api/v1/applications", partner)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let v: Value = app
        .get(&format!("/api/v1/applications/{in_mine}/status"), partner)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["status"], "submitted");
    assert!(
        v["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["staff_only"] == false)
    );
    assert!(!v.to_string().contains("check references"));
    assert_problem(
        app.get(&format!("/api/v1/applications/{in_other}/status"), partner)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.get(&format!("/api/v1/applications/{in_mine}"), partner)
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    let volunteer = app.token_for(Role::Volunteer).await;
    assert_problem(
        app.get("/api/v1/applications", &volunteer)
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
}

#[actix_web::test]
async fn the_pipeline_counts_applications_per_stage() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let staff = app.token_for(Role::Staff).await;
    let first = submitted(&app, &school).await;
    let mut f = form(&school, "b@example.org");
    f["organization"]["legal_name"] = json!("Second Org");
    f["organization"]["website"] = json!("");
    let d = draft(&app, f).await;
    submit(&app, &d).await;
    draft(&app, form(&school, "c@example.org")).await; // drafts never count
    step(&app, &staff, &first, json!({"action": "start_vetting"})).await;

    let board: Value = app
        .get("/api/v1/applications/pipeline", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let count = |s: &str| {
        board
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["status"] == s)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count("submitted"), 1);
    assert_eq!(count("vetting"), 1);
    assert_eq!(count("approved"), 0);
    let filtered: Value = app
        .get("/api/v1/applications?status=vetting", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(filtered["items"][0]["id"], first.as_str());
}

#[actix_web::test]
async fn the_public_form_lists_active_schools_without_an_account() {
    let app = TestApp::spawn().await;
    app.create_school("E1", "First Elementary").await;
    let list: Value = app
        .client
        .get(app.url("/api/v1/public/schools"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["code"], "E1");
    assert_eq!(list[0]["name"], "First Elementary");
    assert!(
        list[0].get("address").is_none(),
        "only what the picker needs"
    );
}

#[actix_web::test]
async fn the_applicant_can_withdraw_with_a_reason() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let d = draft(&app, form(&school, "w@example.org")).await;
    let url = app.url(&format!("/api/v1/public/applications/{}/withdraw", d.token));

    let no_reason = app
        .client
        .post(&url)
        .header("if-match", "\"1\"")
        .json(&json!({"reason": " "}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(no_reason, 422, "validation_failed").await["errors"][0]["field"],
        "note"
    );
    let ok = app
        .client
        .post(&url)
        .header("if-match", "\"1\"")
        .json(&json!({"reason": "We lost our funding"}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let v: Value = ok.json().await.unwrap();
    assert_eq!(v["status"], "withdrawn");
    assert_eq!(v["history"][0]["note"], "We lost our funding");
    let again = app
        .client
        .post(&url)
        .header("if-match", "\"2\"")
        .json(&json!({"reason": "again"}))
        .send()
        .await
        .unwrap();
    assert_problem(again, 409, "invalid_transition").await;
}

#[actix_web::test]
async fn staff_export_the_pipeline_as_csv_and_others_may_not() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "First Elementary").await;
    submitted(&app, &school.to_string()).await;
    let staff = app.token_for(Role::Staff).await;
    let res = app
        .get("/api/v1/applications/export?status=submitted", &staff)
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,status,organization,program"));
    assert_eq!(lines.len(), 2);
    assert!(
        lines[1].contains(",submitted,Reading Buddies,Reading buddies,academics,E1,"),
        "{}",
        lines[1]
    );
    let (email, password) = app.create_user(Role::SchoolCoordinator, vec![school]).await;
    let coord: Value = app.login(&email, &password).await.json().await.unwrap();
    let res = app
        .get(
            "/api/v1/applications/export",
            coord["access_token"].as_str().unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[actix_web::test]
async fn a_one_time_event_skips_the_agreement_and_plans_the_guidelines_acknowledgement() {
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let mut f = form(&school, "day@example.org");
    f["program"]["commitment"] = json!("one_time");
    f["routing"]["collects_data"] = json!(false);
    let d = draft(&app, f).await;
    let sent: Value = submit(&app, &d).await.json().await.unwrap();
    let staff = app.token_for(Role::Staff).await;
    let a: Value = app
        .get(
            &format!("/api/v1/applications/{}", sent["id"].as_str().unwrap()),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        a["routing"],
        json!([]),
        "no formal agreement for a one-time event"
    );
    let ack = a["planning"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["item"] == "guidelines_acknowledged")
        .unwrap();
    assert_eq!(ack["applies"], true);
    assert_eq!(ack["rule"], "one_time_event");
    // The reason for the drop is given with the others.
    assert_eq!(
        a["waived"],
        json!([{"process": "partnership_agreement", "reasons": ["one_time_event"]}])
    );
    assert_eq!(a["agreement_required"], false);

    // Staff require it anyway, with a reason; it is recorded with who and why.
    let id = sent["id"].as_str().unwrap();
    let path = format!("/api/v1/applications/{id}/require-agreement");
    let etag = format!("\"{}\"", a["version"]);
    let p = assert_problem(
        app.post(&path, &staff)
            .header("if-match", &etag)
            .json(&json!({"note": ""}))
            .send()
            .await
            .unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "note");
    let coordinator = app.token_for(Role::SchoolCoordinator).await;
    assert_problem(
        app.post(&path, &coordinator)
            .header("if-match", &etag)
            .json(&json!({"note": "Weekly visits follow"}))
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    let res = app
        .post(&path, &staff)
        .header("if-match", &etag)
        .json(&json!({"note": "Weekly visits follow the event"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["agreement_required"], true);
    assert_eq!(a["waived"], json!([]));
    assert_eq!(a["routing"][0]["process"], "partnership_agreement");
    assert!(
        a["routing"][0]["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("required_by_staff"))
    );
    let entry = a["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["action"] == "require_agreement")
        .unwrap();
    assert_eq!(entry["note"], "Weekly visits follow the event");
    assert!(entry["actor_id"].is_string());
    // Nothing is waived any more: a second request is a conflict.
    assert_problem(
        app.post(&path, &staff)
            .header("if-match", format!("\"{}\"", a["version"]))
            .json(&json!({"note": "again"}))
            .send()
            .await
            .unwrap(),
        409,
        "agreement_not_waived",
    )
    .await;
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_application_endpoint() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E1", "First Elementary").await;
    let id = submitted(&app, &school.to_string()).await;
    let base = format!("/api/v1/applications/{id}");
    for &role in Role::ALL {
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
        let got = [
            (
                "pipeline",
                call("GET", "/api/v1/applications/pipeline".into(), None).await,
            ),
            (
                "list",
                call("GET", "/api/v1/applications".into(), None).await,
            ),
            (
                "export",
                call("GET", "/api/v1/applications/export".into(), None).await,
            ),
            ("get", call("GET", base.clone(), None).await),
            ("status", call("GET", format!("{base}/status"), None).await),
            (
                "transition",
                call(
                    "POST",
                    format!("{base}/transitions"),
                    Some(json!({"action": "start_vetting"})),
                )
                .await,
            ),
            (
                "checklist",
                call(
                    "PUT",
                    format!("{base}/checklist/formal_agreement"),
                    Some(json!({"answer": "yes"})),
                )
                .await,
            ),
            (
                "subtask",
                call(
                    "PUT",
                    format!("{base}/subtasks/data_collection"),
                    Some(json!({"status": "done"})),
                )
                .await,
            ),
            (
                "assign",
                call(
                    "PUT",
                    format!("{base}/assignment"),
                    Some(json!({"owner_id": null})),
                )
                .await,
            ),
            (
                "note",
                call(
                    "POST",
                    format!("{base}/notes"),
                    Some(json!({"text": "hello"})),
                )
                .await,
            ),
            (
                "require_agreement",
                call(
                    "POST",
                    format!("{base}/require-agreement"),
                    Some(json!({"note": "needed"})),
                )
                .await,
            ),
            (
                "organization_match",
                call(
                    "PUT",
                    format!("{base}/organization-match"),
                    Some(json!({"decision": "link"})),
                )
                .await,
            ),
        ];
        for (what, status) in got {
            let expected: &[u16] = match (role, what) {
                // The office may do everything; the stale If-Match answers 412 (or 409 for a step
                // that does not fit the status) instead of 401/403.
                (
                    Role::Admin | Role::Staff,
                    "transition" | "checklist" | "assign" | "note" | "require_agreement"
                    | "organization_match",
                ) => &[412],
                (Role::Admin | Role::Staff, "subtask") => &[409],
                (Role::Admin | Role::Staff, _) => &[200],
                (Role::SchoolCoordinator, "pipeline" | "list" | "get" | "status") => &[200],
                (Role::Partner, "pipeline" | "list") => &[200],
                (Role::Partner, "status") => &[404], // not their organization's
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
async fn staff_assign_any_staff_owner_a_department_and_a_collaborating_school() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await;
    let id = submitted(&app, &school.to_string()).await;
    let staff = app.token_for(Role::Staff).await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let colleague: Value = app.login(&email, &password).await.json().await.unwrap();
    let colleague_id = app
        .get(
            "/api/v1/auth/me",
            colleague["access_token"].as_str().unwrap(),
        )
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .clone();
    let path = format!("/api/v1/applications/{id}/assignment");
    let res = put_with_etag(
        &app,
        &staff,
        &id,
        &path,
        json!({"owner_id": colleague_id, "collaborating_department": "Literacy",
            "collaborating_school_id": uuid::Uuid::now_v7()}),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "collaborating_school_id");
    let res = put_with_etag(
        &app,
        &staff,
        &id,
        &path,
        json!({"owner_id": colleague_id, "collaborating_department": "Literacy",
            "collaborating_school_id": school}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["owner_id"], colleague_id);
    assert_eq!(a["collaborating_department"], "Literacy");
    assert_eq!(a["collaborating_school_id"], school.to_string());
    let events: Value = app
        .get(&format!("/api/v1/audit?entity=application&id={id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let assign = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "assign")
        .expect("assignment is audited");
    assert_eq!(assign["changes"]["owner_id"]["after"], colleague_id);
}

#[actix_web::test]
async fn a_signed_in_partner_answers_a_return_and_withdraws_from_a_fresh_link() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let id = submitted(&app, &school).await;
    let staff = app.token_for(Role::Staff).await;
    let res = step(
        &app,
        &staff,
        &id,
        json!({"action": "return_for_information", "note": "Which grades exactly?"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    // The contact gets a partner login.
    let a: Value = app
        .get(&format!("/api/v1/applications/{id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let org_id = a["organization_id"].as_str().unwrap();
    let org: Value = app
        .get(&format!("/api/v1/organizations/{org_id}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let contact = org["contacts"][0]["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/organizations/{org_id}/contacts/{contact}/login"),
        &staff,
    )
    .json(&json!({"password": "partner-password-1"}))
    .send()
    .await
    .unwrap();
    let partner = app
        .sign_in_as_owner("rosa@readingbuddies.example.org", "partner-password-1")
        .await;
    let partner = partner.as_str();
    let link = |token: &str| {
        app.post(&format!("/api/v1/applications/{id}/resume-link"), token)
            .send()
    };

    assert_problem(link(&staff).await.unwrap(), 403, "forbidden").await;
    let (_, _, stranger) = app.partner_org("Someone Else").await;
    assert_problem(link(&stranger).await.unwrap(), 404, "not_found").await;

    let res = link(partner).await.unwrap();
    assert_eq!(res.status(), 200);
    let token = res.json::<Value>().await.unwrap()["resume_token"]
        .as_str()
        .unwrap()
        .to_string();
    let v: Value = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["message"], "Which grades exactly?");
    let again: Value = submit(
        &app,
        &Draft {
            token: token.clone(),
            version: v["version"].as_i64().unwrap(),
        },
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(again["status"], "submitted");

    // Withdraw from a fresh link; the old one no longer opens the form.
    let token2 = link(partner).await.unwrap().json::<Value>().await.unwrap()["resume_token"]
        .as_str()
        .unwrap()
        .to_string();
    let old = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 404);
    let res = app
        .client
        .post(app.url(&format!("/api/v1/public/applications/{token2}/withdraw")))
        .header("if-match", format!("\"{}\"", again["version"]))
        .json(&json!({"reason": "We found another school."}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_problem(link(partner).await.unwrap(), 409, "application_closed").await;
}

#[actix_web::test]
async fn the_pipeline_filters_by_time_in_status() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let id = submitted(&app, &school).await;
    let staff = app.token_for(Role::Staff).await;
    let ids = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let list = |q: &'static str| {
        let req = app.get(&format!("/api/v1/applications{q}"), &staff).send();
        async move { req.await.unwrap().json::<Value>().await.unwrap() }
    };
    assert_eq!(ids(list("?min_days_in_status=0").await), [id.as_str()]);
    assert!(ids(list("?min_days_in_status=7").await).is_empty());
    // Ten days later, it is among those waiting a week or more.
    use db::entities::applications as a;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let ten_days_ago = chrono::Utc::now() - chrono::Duration::days(10);
    a::Entity::update_many()
        .col_expr(a::Column::StatusChangedAt, Expr::value(ten_days_ago))
        .filter(a::Column::Id.eq(uuid::Uuid::parse_str(&id).unwrap()))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(ids(list("?min_days_in_status=7").await), [id]);
}

#[actix_web::test]
async fn an_application_naming_a_school_that_does_not_exist_is_422_with_the_field_named() {
    let app = TestApp::spawn().await;
    let nowhere = uuid::Uuid::new_v4().to_string();
    let res = start(
        &app,
        json!({ "form": form(&nowhere, "rosa@readingbuddies.example.org") }),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "program.school_ids", "{p}");

    // Saving a draft with an unknown school is refused the same way, and nothing changes.
    let school = app.any_school().await.to_string();
    let d = draft(&app, form(&school, "rosa@readingbuddies.example.org")).await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .header("if-match", format!("\"{}\"", d.version))
        .json(&form(&nowhere, "rosa@readingbuddies.example.org"))
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "program.school_ids", "{p}");
    let view: Value = app
        .client
        .get(app.url(&format!("/api/v1/public/applications/{}", d.token)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["form"]["program"]["school_ids"][0], school.as_str());
    assert_eq!(view["version"], d.version);
}

#[actix_web::test]
async fn an_application_matching_an_existing_organization_waits_for_staff_to_confirm() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Reading Buddies").await;
    let staff = app.token_for(Role::Staff).await;
    let original = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    // A stranger names the organization (a similar name and the same website).
    let mut f = form(&school, "stranger@elsewhere.example.org");
    f["organization"]["website"] = original["website"].clone();
    let d = draft(&app, f.clone()).await;
    let stranger: Value = submit(&app, &d).await.json().await.unwrap();
    let id = stranger["id"].as_str().unwrap().to_string();

    let a = app
        .get_json(&format!("/api/v1/applications/{id}"), &staff)
        .await;
    assert!(a["organization_id"].is_null(), "{a}");
    assert_eq!(a["possible_match"]["organization_id"], org.as_str());
    assert_eq!(a["possible_match"]["legal_name"], "Reading Buddies");
    // Nothing was added to the real organization, and its logins do not see the application.
    let o = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    assert_eq!(o["contacts"].as_array().unwrap().len(), 1);
    let mine = app.get_json("/api/v1/applications", &partner).await;
    assert!(mine["items"].as_array().unwrap().is_empty(), "{mine}");
    assert_problem(
        app.get(&format!("/api/v1/applications/{id}/status"), &partner)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;

    // Staff decide it is not that organization: it gets one of its own.
    let resolve = |a: &Value, decision: &str| {
        app.put(
            &format!(
                "/api/v1/applications/{}/organization-match",
                a["id"].as_str().unwrap()
            ),
            &staff,
        )
        .header("if-match", format!("\"{}\"", a["version"]))
        .json(&json!({ "decision": decision }))
        .send()
    };
    let partner_token = app.token_for(Role::Partner).await;
    assert_problem(
        app.put(
            &format!("/api/v1/applications/{id}/organization-match"),
            &partner_token,
        )
        .header("if-match", format!("\"{}\"", a["version"]))
        .json(&json!({ "decision": "link" }))
        .send()
        .await
        .unwrap(),
        403,
        "forbidden",
    )
    .await;
    let res = resolve(&a, "new_organization").await.unwrap();
    assert_eq!(res.status(), 200);
    let a: Value = res.json().await.unwrap();
    let own = a["organization_id"].as_str().unwrap();
    assert_ne!(own, org.as_str());
    assert!(a["possible_match"].is_null());
    let new_org = app
        .get_json(&format!("/api/v1/organizations/{own}"), &staff)
        .await;
    assert_eq!(
        new_org["contacts"][0]["email"],
        "stranger@elsewhere.example.org"
    );
    assert_problem(resolve(&a, "link").await.unwrap(), 409, "no_match_pending").await;

    // The real partner applies again from another address, with its EIN (which the office
    // recorded meanwhile): the same EIN ranks first; staff link it, and it joins.
    let o = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    let res = app
        .put(&format!("/api/v1/organizations/{org}"), &staff)
        .header("if-match", format!("\"{}\"", o["version"]))
        .json(&json!({
            "legal_name": o["legal_name"], "org_type": o["org_type"], "tax_status": o["tax_status"],
            "ein": "12-3456789", "website": o["website"], "city": o["city"],
            "description": o["description"], "support_areas": o["support_areas"],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let f2 = {
        let mut f2 = form(&school, "second@readingbuddies.example.org");
        f2["organization"]["website"] = original["website"].clone();
        f2["organization"]["ein"] = json!("12-3456789");
        f2
    };
    let d2 = draft(&app, f2).await;
    let second: Value = submit(&app, &d2).await.json().await.unwrap();
    let a2 = app
        .get_json(
            &format!("/api/v1/applications/{}", second["id"].as_str().unwrap()),
            &staff,
        )
        .await;
    assert_eq!(
        a2["possible_match"]["organization_id"],
        org.as_str(),
        "{a2}"
    );
    let res = resolve(&a2, "link").await.unwrap();
    assert_eq!(res.status(), 200);
    let a2: Value = res.json().await.unwrap();
    assert_eq!(a2["organization_id"], org.as_str());
    let o = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    assert_eq!(o["contacts"].as_array().unwrap().len(), 2);
    let mine = app.get_json("/api/v1/applications", &partner).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["id"], a2["id"]);
}

#[actix_web::test]
async fn a_tax_status_contradicting_the_for_profit_answer_is_asked_and_government_is_named() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    // Declared for-profit, answered "not for-profit": the applicant is asked to settle it.
    let mut f = form(&school, "owner@shop.example.org");
    f["organization"]["tax_status"] = json!("for_profit");
    f["organization"]["org_type"] = json!("business");
    let d = draft(&app, f).await;
    let p = assert_problem(submit(&app, &d).await, 422, "validation_failed").await;
    let e = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "routing.for_profit")
        .unwrap_or_else(|| panic!("{p}"));
    assert_eq!(e["code"], "contradicts_tax_status");

    // A government agency is routed to the agreement as a government agency, not a nonprofit.
    let mut g = form(&school, "liaison@county.example.gov");
    g["organization"]["legal_name"] = json!("County Library");
    g["organization"]["website"] = json!("https://library.county.example.gov");
    g["organization"]["tax_status"] = json!("government");
    g["organization"]["org_type"] = json!("government_agency");
    let d = draft(&app, g).await;
    let sent: Value = submit(&app, &d).await.json().await.unwrap();
    let staff = app.token_for(Role::Staff).await;
    let a = app
        .get_json(
            &format!("/api/v1/applications/{}", sent["id"].as_str().unwrap()),
            &staff,
        )
        .await;
    assert_eq!(a["routing"][0]["process"], "partnership_agreement");
    assert_eq!(a["routing"][0]["reasons"][0], "government_agency", "{a}");
}

#[actix_web::test]
async fn a_resume_link_expires_and_the_applicant_asks_for_a_fresh_one_by_email() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let app = TestApp::spawn().await;
    let school = app
        .create_school("E1", "First Elementary")
        .await
        .to_string();
    let email = "rosa@readingbuddies.example.org";
    let d = draft(&app, form(&school, email)).await;
    let open = |token: String| {
        let app = &app;
        async move {
            app.client
                .get(app.url(&format!("/api/v1/public/applications/{token}")))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(open(d.token.clone()).await.status(), 200);

    // Thirty days later the link no longer opens, saves or submits the application.
    db::entities::applications::Entity::update_many()
        .col_expr(
            db::entities::applications::Column::ResumeTokenExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(db::entities::applications::Column::Status.eq("draft"))
        .exec(&app.db)
        .await
        .unwrap();
    let p = assert_problem(open(d.token.clone()).await, 410, "link_expired").await;
    assert!(p["detail"].as_str().unwrap().contains("ask for a new one"));
    assert_problem(submit(&app, &d).await, 410, "link_expired").await;

    let ask = |body: Value| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/v1/public/applications/resume-links"))
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let before = db::repo::applications::messages_for(&app.db, email)
        .await
        .unwrap()
        .len();
    // The same answer for an address that never applied, and nothing is sent.
    assert_eq!(
        ask(json!({"email": "nobody@example.org"})).await.status(),
        202
    );
    assert!(
        db::repo::applications::messages_for(&app.db, "nobody@example.org")
            .await
            .unwrap()
            .is_empty()
    );
    let p = assert_problem(
        ask(json!({"email": "not an email"})).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "email");

    assert_eq!(
        ask(json!({"email": "ROSA@readingbuddies.example.org"}))
            .await
            .status(),
        202
    );
    let mail = db::repo::applications::messages_for(&app.db, email)
        .await
        .unwrap();
    assert_eq!(mail.len(), before + 1, "one fresh link");
    let tokens: Vec<String> = mail
        .iter()
        .filter_map(|m| {
            m.body
                .split("/apply#")
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
                .map(str::to_string)
        })
        .collect();
    let fresh = tokens
        .into_iter()
        .find(|t| *t != d.token)
        .expect("a message carries a fresh link");
    let res = open(fresh).await;
    assert_eq!(res.status(), 200);
    let view: Value = res.json().await.unwrap();
    assert_eq!(view["status"], "draft");
    // The old link is gone for good.
    assert_problem(open(d.token.clone()).await, 404, "not_found").await;
}
