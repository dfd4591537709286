//! Agreements: lifecycle and roles, signatures, documents, the daily job, the quarterly count.

use chrono::{Days, NaiveDate, Utc};
use db::repo::agreements::{self as repo, NewHistory};
use domain::agreement::AgreementStatus;
use domain::{AgreementId, Role};
use partnerhub_api::services::agreements::run_due;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};

const PDF: &[u8] = include_bytes!("../fixtures/mou.pdf");
const DOCX: &[u8] = include_bytes!("../fixtures/mou.docx");

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub fn terms(org: &str, school: &str) -> Value {
    json!({
        "title": "Reading buddies MOU",
        "kind": "community_partnership",
        "organization_id": org,
        "application_id": null,
        "school_ids": [school],
        "department": "Literacy",
        "owner_id": null,
        "partner_contact_id": null,
        "effective_from": (today() - Days::new(10)).to_string(),
        "expires_on": (today() + Days::new(365)).to_string(),
        "renewal_term_months": 12,
        "notice_period_days": 30,
        "deliverables": [{"description": "Volunteers read with K-2 students", "responsible": "partner",
            "metric": "students served weekly", "target": "40", "due_on": null, "cadence": "weekly"}],
    })
}

fn etag(v: &Value) -> String {
    format!("\"{}\"", v["version"])
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    let got = res.status().as_u16();
    let body: Value = res.json().await.unwrap();
    assert_eq!(got, status, "{body}");
    body
}

pub async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    json_of(
        app.post("/api/v1/agreements", token)
            .json(&body)
            .send()
            .await
            .unwrap(),
        201,
    )
    .await
}

async fn step(app: &TestApp, token: &str, a: &Value, body: Value) -> reqwest::Response {
    app.post(
        &format!(
            "/api/v1/agreements/{}/transitions",
            a["id"].as_str().unwrap()
        ),
        token,
    )
    .header("if-match", etag(a))
    .json(&body)
    .send()
    .await
    .unwrap()
}

async fn sign(app: &TestApp, token: &str, a: &Value, party: &str) -> reqwest::Response {
    app.post(
        &format!(
            "/api/v1/agreements/{}/signatures",
            a["id"].as_str().unwrap()
        ),
        token,
    )
    .header("if-match", etag(a))
    .json(&json!({"party": party, "signer_name": "Pat Jones", "consent": true}))
    .send()
    .await
    .unwrap()
}

/// A draft taken to awaiting signatures.
async fn sent(app: &TestApp, staff: &str, body: Value) -> Value {
    let a = create(app, staff, body).await;
    let a = json_of(
        step(app, staff, &a, json!({"action": "submit_for_review"})).await,
        200,
    )
    .await;
    json_of(
        step(app, staff, &a, json!({"action": "send_for_signature"})).await,
        200,
    )
    .await
}

/// An agreement signed by both parties.
pub async fn active(app: &TestApp, staff: &str, partner: &str, body: Value) -> Value {
    let a = sent(app, staff, body).await;
    let a = json_of(sign(app, staff, &a, "district").await, 200).await;
    json_of(sign(app, partner, &a, "partner").await, 200).await
}

#[actix_web::test]
async fn staff_draft_send_and_both_parties_sign_then_it_is_active() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, contact, partner) = app.partner_org("Reading Buddies").await;
    let staff = app.token_for(Role::Staff).await;

    let mut body = terms(&org, &school);
    body["partner_contact_id"] = json!(contact);
    body["deliverables"] = json!([]);
    let a = create(&app, &staff, body.clone()).await;
    assert_eq!(a["status"], "draft");
    assert_eq!(a["organization_name"], "Reading Buddies");
    assert_eq!(a["partner_contact_name"], "Rosa Méndez");
    assert_eq!(a["history"][0]["action"], "create");

    // Not before review; and not without a deliverable.
    assert_problem(
        step(&app, &staff, &a, json!({"action": "send_for_signature"})).await,
        409,
        "invalid_transition",
    )
    .await;
    let a = json_of(
        step(&app, &staff, &a, json!({"action": "submit_for_review"})).await,
        200,
    )
    .await;
    assert_problem(
        step(&app, &staff, &a, json!({"action": "send_for_signature"})).await,
        409,
        "agreement_incomplete",
    )
    .await;
    // Terms change in review: a deliverable is added.
    body["deliverables"] = terms(&org, &school)["deliverables"].clone();
    let a = json_of(
        app.put(
            &format!("/api/v1/agreements/{}", a["id"].as_str().unwrap()),
            &staff,
        )
        .header("if-match", etag(&a))
        .json(&body)
        .send()
        .await
        .unwrap(),
        200,
    )
    .await;
    assert_eq!(a["deliverables"].as_array().unwrap().len(), 1);
    let a = json_of(
        step(&app, &staff, &a, json!({"action": "send_for_signature"})).await,
        200,
    )
    .await;
    assert_eq!(a["status"], "awaiting_signatures");
    // Locked now.
    assert_problem(
        app.put(
            &format!("/api/v1/agreements/{}", a["id"].as_str().unwrap()),
            &staff,
        )
        .header("if-match", etag(&a))
        .json(&body)
        .send()
        .await
        .unwrap(),
        409,
        "agreement_locked",
    )
    .await;

    // Staff cannot sign for the partner; the partner cannot sign for the district.
    assert_problem(sign(&app, &staff, &a, "partner").await, 403, "forbidden").await;
    assert_problem(sign(&app, &partner, &a, "district").await, 403, "forbidden").await;
    // Consent and a typed name are required.
    let res = app
        .post(
            &format!(
                "/api/v1/agreements/{}/signatures",
                a["id"].as_str().unwrap()
            ),
            &partner,
        )
        .header("if-match", etag(&a))
        .json(&json!({"party": "partner", "signer_name": "", "consent": false}))
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<_> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"consent") && fields.contains(&"signer_name"),
        "{p}"
    );

    let a = json_of(sign(&app, &staff, &a, "district").await, 200).await;
    assert_eq!(a["status"], "awaiting_signatures");
    assert_problem(
        sign(&app, &staff, &a, "district").await,
        409,
        "already_signed",
    )
    .await;
    // A signature on an old version is refused.
    let stale = json!({"version": a["version"].as_i64().unwrap() - 1, "id": a["id"]});
    assert_problem(
        sign(&app, &partner, &stale, "partner").await,
        412,
        "version_mismatch",
    )
    .await;
    let a = json_of(sign(&app, &partner, &a, "partner").await, 200).await;
    assert_eq!(a["status"], "active");
    let sigs = a["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2);
    // The partner's view carries no signer addresses; the office's does.
    assert!(
        sigs.iter()
            .all(|s| s["ip"] == "" && s["signer_name"] == "Pat Jones")
    );
    let office = app
        .get_json(
            &format!("/api/v1/agreements/{}", a["id"].as_str().unwrap()),
            &staff,
        )
        .await;
    assert!(
        office["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["ip"] == "127.0.0.1")
    );
    let actions: Vec<_> = a["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "create",
            "submit_for_review",
            "send_for_signature",
            "sign_district",
            "sign_partner",
            "activate"
        ]
    );
    let activation = a["history"].as_array().unwrap().last().unwrap();
    assert!(activation["actor_id"].is_null(), "the system activates");
    // The partnership is active.
    let o = json_of(
        app.get(&format!("/api/v1/organizations/{org}"), &staff)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(o["status"], "active_partner");
    // Every step is in the audit log.
    let audit = json_of(
        app.get(
            &format!(
                "/api/v1/audit?entity=agreement&id={}",
                a["id"].as_str().unwrap()
            ),
            &staff,
        )
        .send()
        .await
        .unwrap(),
        200,
    )
    .await;
    assert!(audit.as_array().unwrap().len() >= 7, "{audit}");
}

#[actix_web::test]
async fn signed_before_the_effective_date_it_waits_for_the_job() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Future Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let mut body = terms(&org, &school);
    let starts = today() + Days::new(20);
    body["effective_from"] = json!(starts.to_string());
    let a = active(&app, &staff, &partner, body).await;
    assert_eq!(a["status"], "awaiting_signatures");
    let id: AgreementId = a["id"].as_str().unwrap().parse().unwrap();

    assert_eq!(run_due(&app.db, today()).await.unwrap().activated, 0);
    let r = run_due(&app.db, starts).await.unwrap();
    assert_eq!(r.activated, 1);
    assert_eq!(run_due(&app.db, starts).await.unwrap().activated, 0);
    let row = repo::get(&app.db, id).await.unwrap();
    assert_eq!(row.status, AgreementStatus::Active);
    let h = repo::history(&app.db, id).await.unwrap();
    assert_eq!(h.last().unwrap().effective_on, starts);
}

#[actix_web::test]
async fn the_job_expires_once_and_reminds_once_per_threshold() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Expiring Partner").await;
    let (owner_email, owner_password) = app.create_user(Role::Staff, vec![]).await;
    let owner: Value = app
        .login(&owner_email, &owner_password)
        .await
        .json()
        .await
        .unwrap();
    let owner_id = app
        .get("/api/v1/auth/me", owner["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .clone();
    let staff = app.token_for(Role::Staff).await;
    let mut body = terms(&org, &school);
    let last_day = today() + Days::new(100);
    body["expires_on"] = json!(last_day.to_string());
    body["owner_id"] = owner_id;
    let a = active(&app, &staff, &partner, body).await;
    assert_eq!(a["status"], "active");
    assert_eq!(a["owner_name"], "Test staff");
    let id: AgreementId = a["id"].as_str().unwrap().parse().unwrap();
    let messages = |kind: &'static str| {
        let db = app.db.clone();
        let email = owner_email.clone();
        async move {
            db::repo::applications::messages_for(&db, &email)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.kind == kind)
                .count()
        }
    };

    // 100 days out: nothing. 90, 60, 30 days out: one reminder each, never twice.
    assert_eq!(run_due(&app.db, today()).await.unwrap().reminders, 0);
    for (days_before, expected) in [(90u64, 1usize), (60, 2), (30, 3)] {
        let day = last_day - Days::new(days_before);
        assert_eq!(
            run_due(&app.db, day).await.unwrap().reminders,
            1,
            "{days_before}"
        );
        assert_eq!(
            run_due(&app.db, day).await.unwrap().reminders,
            0,
            "{days_before}"
        );
        assert_eq!(messages("agreement_renewal").await, expected);
    }
    // The needs-attention list shows it with its latest reminder (as seen today: not yet in
    // the 90-day window, so empty; the repository view is checked instead).
    let rows = vec![repo::get(&app.db, id).await.unwrap()];
    assert_eq!(repo::reminders_for(&app.db, &rows).await.unwrap()[&id], 30);

    // The last day still counts; the day after, it expires, once.
    assert_eq!(run_due(&app.db, last_day).await.unwrap().expired, 0);
    let after = last_day + Days::new(1);
    let r1 = run_due(&app.db, after).await.unwrap();
    let r2 = run_due(&app.db, after).await.unwrap();
    assert_eq!((r1.expired, r2.expired), (1, 0));
    assert_eq!(messages("agreement_expired").await, 1);
    let h = repo::history(&app.db, id).await.unwrap();
    assert_eq!(h.iter().filter(|e| e.action == "expire").count(), 1);
    assert_eq!(h.last().unwrap().effective_on, after);
    // Its last agreement ended: the partnership is inactive, with an audit event.
    let o = json_of(
        app.get(&format!("/api/v1/organizations/{org}"), &staff)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(o["status"], "inactive");
    let audit = json_of(
        app.get(
            &format!("/api/v1/audit?entity=organization&id={org}"),
            &staff,
        )
        .send()
        .await
        .unwrap(),
        200,
    )
    .await;
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "deactivate" && e["actor_id"].is_null()),
        "{audit}"
    );
}

#[actix_web::test]
async fn renewal_keeps_it_in_force_with_a_new_term_and_termination_needs_a_reason() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Renewing Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let a = active(&app, &staff, &partner, terms(&org, &school)).await;
    let a = json_of(
        step(&app, &staff, &a, json!({"action": "start_renewal"})).await,
        200,
    )
    .await;
    assert_eq!(a["status"], "renewal_pending");
    let old = a["expires_on"].as_str().unwrap().to_string();
    assert_problem(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "renew", "new_expires_on": old}),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let new = (today() + Days::new(730)).to_string();
    let a = json_of(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "renew", "new_expires_on": new}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(a["status"], "active");
    assert_eq!(a["expires_on"], new.as_str());
    // Only the system expires or activates.
    assert_problem(
        step(&app, &staff, &a, json!({"action": "expire"})).await,
        403,
        "forbidden",
    )
    .await;
    let p = assert_problem(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "terminate", "note": " "}),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "note");
    let a = json_of(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "terminate", "note": "Program ended early"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(a["status"], "terminated");
    assert_eq!(a["end_reason"], "Program ended early");
    assert_problem(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "terminate", "note": "again"}),
        )
        .await,
        409,
        "invalid_transition",
    )
    .await;
}

#[actix_web::test]
async fn concurrent_edits_are_answered_412_and_writes_need_if_match() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, _) = app.partner_org("Busy Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let a = create(&app, &staff, terms(&org, &school)).await;
    let url = format!("/api/v1/agreements/{}", a["id"].as_str().unwrap());
    let mut first = terms(&org, &school);
    first["title"] = json!("First edit");
    let mut second = terms(&org, &school);
    second["title"] = json!("Second edit");
    let (r1, r2) = tokio::join!(
        app.put(&url, &staff)
            .header("if-match", etag(&a))
            .json(&first)
            .send(),
        app.put(&url, &staff)
            .header("if-match", etag(&a))
            .json(&second)
            .send(),
    );
    let mut codes = [r1.unwrap().status().as_u16(), r2.unwrap().status().as_u16()];
    codes.sort();
    assert_eq!(codes, [200, 412]);
    assert_problem(
        app.put(&url, &staff).json(&first).send().await.unwrap(),
        428,
        "precondition_required",
    )
    .await;
}

#[actix_web::test]
async fn terms_are_validated_and_parties_checked() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, _) = app.partner_org("Checked Partner").await;
    let (other_org, other_contact, _) = app.partner_org("Other Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let post = |body: Value| app.post("/api/v1/agreements", &staff).json(&body).send();

    let mut b = terms(&org, &school);
    b["expires_on"] = b["effective_from"].clone();
    let p = assert_problem(post(b).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "expires_on");
    let mut b = terms(&org, &school);
    b["partner_contact_id"] = json!(other_contact);
    let p = assert_problem(post(b).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "partner_contact_id");
    let mut b = terms(&org, &school);
    b["organization_id"] = json!(uuid::Uuid::now_v7());
    let p = assert_problem(post(b).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "organization_id");
    let mut b = terms(&org, &school);
    b["owner_id"] = app
        .get("/api/v1/auth/me", &app.token_for(Role::Volunteer).await)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .clone();
    let p = assert_problem(post(b).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "owner_id");
    let mut b = terms(&org, &school);
    b["deliverables"][0]["description"] = json!("");
    let p = assert_problem(post(b).await.unwrap(), 422, "validation_failed").await;
    assert!(
        p["errors"][0]["field"]
            .as_str()
            .unwrap()
            .contains("description"),
        "{p}"
    );

    // From an application: it must be approved, and the organization must be its own.
    let appl = db::repo::applications::insert_draft(
        &app.db,
        "hash-1".into(),
        chrono::Utc::now(),
        &Default::default(),
    )
    .await
    .unwrap();
    let mut b = terms(&org, &school);
    b["application_id"] = json!(appl.id);
    assert_problem(
        post(b.clone()).await.unwrap(),
        409,
        "application_not_approved",
    )
    .await;
    let appl_id = appl.id;
    db::repo::applications::set_status(
        &app.db,
        appl_id,
        appl.version,
        domain::intake::ApplicationStatus::Approved,
        None,
        true,
    )
    .await
    .unwrap();
    db::repo::applications::set_organization(&app.db, appl_id, other_org.parse().unwrap())
        .await
        .unwrap();
    let p = assert_problem(post(b.clone()).await.unwrap(), 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "organization_id");
    b["organization_id"] = json!(other_org);
    let a = create(&app, &staff, b).await;
    assert_eq!(a["application_id"], appl.id.to_string());
}

#[actix_web::test]
async fn documents_are_versioned_checked_by_content_and_only_for_staff_and_the_partner() {
    let app = TestApp::spawn_with(|s| s.storage.document_limit_bytes = 4096).await;
    let school = app.any_school().await;
    let (org, _, partner) = app.partner_org("Docs Partner").await;
    let (_, _, other_partner) = app.partner_org("Nosy Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let a = create(&app, &staff, terms(&org, &school.to_string())).await;
    let id = a["id"].as_str().unwrap();
    let upload = |token: &str, name: &str, bytes: Vec<u8>| {
        app.post(
            &format!("/api/v1/agreements/{id}/documents?filename={name}"),
            token,
        )
        .header("content-type", "application/octet-stream")
        .body(bytes)
        .send()
    };

    let v1 = json_of(upload(&staff, "mou.pdf", PDF.to_vec()).await.unwrap(), 201).await;
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["content_type"], "application/pdf");
    assert_eq!(v1["size_bytes"], PDF.len());
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(PDF)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(v1["sha256"], sha.as_str());
    // The partner uploads the signed Word version.
    let v2 = json_of(
        upload(&partner, "signed.docx", DOCX.to_vec())
            .await
            .unwrap(),
        201,
    )
    .await;
    assert_eq!(v2["version"], 2);
    assert!(
        v2["content_type"]
            .as_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    // Named .pdf, but a PNG: refused by its bytes.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR0000000000".to_vec();
    assert_problem(
        upload(&staff, "mou.pdf", png).await.unwrap(),
        415,
        "unsupported_media_type",
    )
    .await;
    assert_problem(
        upload(&staff, "mou.pdf", b"plain text".to_vec())
            .await
            .unwrap(),
        415,
        "unsupported_media_type",
    )
    .await;
    let mut big = PDF.to_vec();
    big.resize(5000, b' ');
    assert_problem(
        upload(&staff, "big.pdf", big).await.unwrap(),
        413,
        "payload_too_large",
    )
    .await;

    let a = json_of(
        app.get(&format!("/api/v1/agreements/{id}"), &staff)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(a["documents"].as_array().unwrap().len(), 2);

    // Downloads: staff and the partner; another partner does not know it exists.
    for token in [&staff, &partner] {
        let res = app
            .get(&format!("/api/v1/agreements/{id}/documents/1"), token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "application/pdf");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("mou.pdf")
        );
        assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);
    }
    assert_problem(
        app.get(
            &format!("/api/v1/agreements/{id}/documents/1"),
            &other_partner,
        )
        .send()
        .await
        .unwrap(),
        404,
        "not_found",
    )
    .await;
    assert_problem(
        upload(&other_partner, "x.pdf", PDF.to_vec()).await.unwrap(),
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.get(&format!("/api/v1/agreements/{id}/documents/9"), &staff)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    // A coordinator of the school sees the agreement, not its documents.
    let (email, password) = app.create_user(Role::SchoolCoordinator, vec![school]).await;
    let coord: Value = app.login(&email, &password).await.json().await.unwrap();
    let coord = coord["access_token"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/agreements/{id}"), coord)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_problem(
        app.get(&format!("/api/v1/agreements/{id}/documents/1"), coord)
            .send()
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
}

#[actix_web::test]
async fn the_partner_reports_results_and_staff_accept_them() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Reporting Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let draft = create(&app, &staff, terms(&org, &school)).await;
    let id = draft["id"].as_str().unwrap().to_string();
    let deliverable = draft["deliverables"][0]["id"].clone();
    let report = json!({"summary": "We read with 38 students every week.",
        "results": [{"deliverable_id": deliverable, "achieved": "38 students weekly", "met": false}]});
    let put_report = |token: &str, a: &Value, body: &Value| {
        app.put(&format!("/api/v1/agreements/{id}/final-report"), token)
            .header("if-match", etag(a))
            .json(body)
            .send()
    };
    assert_problem(
        put_report(&partner, &draft, &report).await.unwrap(),
        409,
        "not_started",
    )
    .await;
    let a = active(&app, &staff, &partner, terms(&org, &school)).await;
    let id = a["id"].as_str().unwrap().to_string();
    let deliverable = a["deliverables"][0]["id"].clone();
    let report = json!({"summary": "We read with 38 students every week.",
        "results": [{"deliverable_id": deliverable, "achieved": "38 students weekly", "met": false}]});
    let put_report = |token: &str, a: &Value, body: &Value| {
        app.put(&format!("/api/v1/agreements/{id}/final-report"), token)
            .header("if-match", etag(a))
            .json(body)
            .send()
    };
    let incomplete = json!({"summary": "We read with students.", "results": []});
    let p = assert_problem(
        put_report(&partner, &a, &incomplete).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "results");
    let a = json_of(put_report(&partner, &a, &report).await.unwrap(), 200).await;
    assert_eq!(a["final_report"]["review_status"], "submitted");
    let review = |token: &str, a: &Value, body: Value| {
        app.post(
            &format!("/api/v1/agreements/{id}/final-report/review"),
            token,
        )
        .header("if-match", etag(a))
        .json(&body)
        .send()
    };
    assert_problem(
        review(&partner, &a, json!({"accepted": true}))
            .await
            .unwrap(),
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        review(&staff, &a, json!({"accepted": false}))
            .await
            .unwrap(),
        422,
        "validation_failed",
    )
    .await;
    let a = json_of(
        review(&staff, &a, json!({"accepted": true, "note": "Thank you"}))
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(a["final_report"]["review_status"], "accepted");
    assert_eq!(a["deliverables"][0]["status"], "not_met");
    assert!(
        a["deliverables"][0]["evidence"]
            .as_str()
            .unwrap()
            .contains("38 students")
    );
    assert_problem(
        put_report(&partner, &a, &report).await.unwrap(),
        409,
        "final_report_accepted",
    )
    .await;
}

/// Inserts a dated step directly (a history that happened before this test ran).
async fn happened(
    app: &TestApp,
    id: AgreementId,
    on: NaiveDate,
    action: &str,
    to: AgreementStatus,
) {
    repo::add_history(
        &app.db,
        id,
        NewHistory {
            actor: None,
            action,
            from: None,
            to: Some(to),
            note: None,
            effective_on: on,
        },
    )
    .await
    .unwrap();
}

#[actix_web::test]
async fn active_mous_are_counted_per_quarter_from_the_dated_history() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let staff = app.token_for(Role::Staff).await;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut ids = vec![];
    for name in ["Alpha Org", "Beta Org", "Gamma Org"] {
        let (org, _, _) = app.partner_org(name).await;
        let a = create(&app, &staff, terms(&org, &school)).await;
        ids.push(a["id"].as_str().unwrap().parse::<AgreementId>().unwrap());
    }
    use AgreementStatus as S;
    // Alpha: active all year, renewed mid-Q4 2024.
    happened(&app, ids[0], d(2024, 7, 1), "activate", S::Active).await;
    happened(
        &app,
        ids[0],
        d(2024, 10, 20),
        "start_renewal",
        S::RenewalPending,
    )
    .await;
    happened(&app, ids[0], d(2024, 11, 5), "renew", S::Active).await;
    // Beta: terminated early in Q1 2025.
    happened(&app, ids[1], d(2024, 9, 15), "activate", S::Active).await;
    happened(&app, ids[1], d(2025, 2, 1), "terminate", S::Terminated).await;
    // Gamma: from Q2 2025.
    happened(&app, ids[2], d(2025, 4, 10), "activate", S::Active).await;

    let get = || {
        app.get(
            "/api/v1/metrics/agreements?from=2024-07-01&to=2025-06-30&group_by=quarter",
            &staff,
        )
        .send()
    };
    let m = json_of(get().await.unwrap(), 200).await;
    let counts: Vec<_> = m["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["quarter"].as_str().unwrap().to_string(),
                q["active_partners"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("2024-Q3".to_string(), 2),
            ("2024-Q4".to_string(), 2),
            ("2025-Q1".to_string(), 1),
            ("2025-Q2".to_string(), 2)
        ]
    );
    assert_eq!(m["quarters"][1]["renewed"][0], ids[0].to_string());
    assert_eq!(m["quarters"][2]["terminated"][0], ids[1].to_string());
    assert_eq!(m["quarters"][3]["new"][0], ids[2].to_string());
    assert_eq!(m["goal"]["baseline"], 102);
    assert_eq!(m["goal"]["target"], 154);
    assert_eq!(m["goal"]["deadline"], "2025-06-30");
    assert!(m["definition"].as_str().unwrap().contains("last day"));
    // Drill-down names every agreement behind the numbers.
    let named: Vec<_> = m["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].clone())
        .collect();
    for id in &ids {
        assert!(named.contains(&json!(id.to_string())));
    }

    // Today's changes do not move past quarters.
    let (org, _, partner) = app.partner_org("Delta Org").await;
    active(&app, &staff, &partner, terms(&org, &school)).await;
    let first = json_of(
        step(
            &app,
            &staff,
            &create(&app, &staff, terms(&org, &school)).await,
            json!({"action": "terminate", "note": "never mind"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(first["status"], "terminated");
    let again = json_of(get().await.unwrap(), 200).await;
    assert_eq!(again["quarters"], m["quarters"]);

    // Bad input is named.
    assert_problem(
        app.get("/api/v1/metrics/agreements?group_by=month", &staff)
            .send()
            .await
            .unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get(
            "/api/v1/metrics/agreements?from=2025-01-01&to=2024-01-01",
            &staff,
        )
        .send()
        .await
        .unwrap(),
        422,
        "validation_failed",
    )
    .await;
}

#[actix_web::test]
async fn only_an_admin_changes_the_goal() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let staff = app.token_for(Role::Staff).await;
    let goals = json_of(app.get("/api/v1/goals", &staff).send().await.unwrap(), 200).await;
    let mous = goals
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "active_mous")
        .unwrap()
        .clone();
    let body = json!({"baseline": 120, "target": 170, "deadline": "2026-06-30"});
    let put = |token: &str| {
        app.put("/api/v1/goals/active_mous", token)
            .header("if-match", etag(&mous))
            .json(&body)
            .send()
    };
    assert_problem(put(&staff).await.unwrap(), 403, "forbidden").await;
    let g = json_of(put(&admin).await.unwrap(), 200).await;
    assert_eq!(g["target"], 170);
    assert_problem(put(&admin).await.unwrap(), 412, "version_mismatch").await;
    assert_problem(
        app.put("/api/v1/goals/nonsense", &admin)
            .header("if-match", "\"1\"")
            .json(&body)
            .send()
            .await
            .unwrap(),
        404,
        "not_found",
    )
    .await;
    let m = json_of(
        app.get("/api/v1/metrics/agreements", &staff)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(m["goal"]["baseline"], 120);
}

#[actix_web::test]
async fn lists_filter_scope_and_export() {
    let app = TestApp::spawn().await;
    let mine = app.create_school("E1", "Mine Elementary").await;
    let other = app.create_school("E2", "Other Elementary").await;
    let (org, _, partner) = app.partner_org("Listed Partner").await;
    let (other_org, _, other_partner) = app.partner_org("Unlisted Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let mut soon = terms(&org, &mine.to_string());
    soon["expires_on"] = json!((today() + Days::new(45)).to_string());
    soon["title"] = json!("=Soon to expire");
    let a1 = active(&app, &staff, &partner, soon).await;
    let a2 = create(&app, &staff, terms(&other_org, &other.to_string())).await;
    let _ = other_partner;

    let items = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let list = |token: String, q: &'static str| {
        let req = app.get(&format!("/api/v1/agreements{q}"), &token).send();
        async move { json_of(req.await.unwrap(), 200).await }
    };
    assert_eq!(items(list(staff.clone(), "").await).len(), 2);
    assert_eq!(
        items(list(staff.clone(), "?status=active").await),
        [a1["id"].as_str().unwrap()]
    );
    assert_eq!(
        items(list(staff.clone(), "?expiring_within_days=60").await),
        [a1["id"].as_str().unwrap()]
    );
    assert!(items(list(staff.clone(), "?expiring_within_days=30").await).is_empty());
    assert_eq!(items(list(staff.clone(), "?q=soon").await).len(), 1);
    assert_eq!(
        items(list(staff.clone(), "?kind=community_partnership&limit=1").await).len(),
        1
    );
    assert_problem(
        app.get("/api/v1/agreements?expiring_within_days=99999", &staff)
            .send()
            .await
            .unwrap(),
        422,
        "validation_failed",
    )
    .await;
    // Partners and coordinators see their own.
    assert_eq!(
        items(list(partner.clone(), "").await),
        [a1["id"].as_str().unwrap()]
    );
    let (email, password) = app.create_user(Role::SchoolCoordinator, vec![other]).await;
    let coord: Value = app.login(&email, &password).await.json().await.unwrap();
    let coord = coord["access_token"].as_str().unwrap().to_string();
    assert_eq!(
        items(list(coord.clone(), "").await),
        [a2["id"].as_str().unwrap()]
    );
    assert_problem(
        app.get(
            &format!("/api/v1/agreements/{}", a1["id"].as_str().unwrap()),
            &coord,
        )
        .send()
        .await
        .unwrap(),
        404,
        "not_found",
    )
    .await;

    // Needs attention: the one expiring within 90 days.
    let att = json_of(
        app.get("/api/v1/agreements/attention", &staff)
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(att.as_array().unwrap().len(), 1);
    assert_eq!(att[0]["days_left"], 45);

    let res = app
        .get("/api/v1/agreements/export?status=active", &staff)
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
    assert!(
        csv.starts_with("id,title,kind,status,partner,schools"),
        "{csv}"
    );
    assert!(
        csv.contains("'=Soon to expire"),
        "formulas are made inert: {csv}"
    );
    assert!(csv.contains("E1"));
    assert_eq!(csv.lines().count(), 2);
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_agreement_endpoint() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Role Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let a = create(&app, &staff, terms(&org, &school)).await;
    let id = a["id"].as_str().unwrap().to_string();
    let deliverable = a["deliverables"][0]["id"].as_str().unwrap().to_string();
    let tokens = [
        (Role::Admin, app.token_for(Role::Admin).await),
        (Role::Staff, staff.clone()),
        (
            Role::SchoolCoordinator,
            app.token_for(Role::SchoolCoordinator).await,
        ),
        (Role::Partner, partner.clone()),
        (Role::Volunteer, app.token_for(Role::Volunteer).await),
    ];
    // (method, path, body, expected per role: admin, staff, coordinator, partner, volunteer).
    // The coordinator's school is the agreement's (any_school), so it is visible to them.
    let mut bad = terms(&org, &school);
    bad["title"] = json!("");
    let cases: Vec<(&str, String, Option<Value>, [u16; 5])> = vec![
        (
            "GET",
            "/api/v1/agreements".into(),
            None,
            [200, 200, 200, 200, 403],
        ),
        (
            "GET",
            "/api/v1/agreements/export".into(),
            None,
            [200, 200, 200, 200, 403],
        ),
        (
            "GET",
            "/api/v1/agreements/attention".into(),
            None,
            [200, 200, 200, 200, 403],
        ),
        (
            "GET",
            format!("/api/v1/agreements/{id}"),
            None,
            [200, 200, 200, 200, 403],
        ),
        (
            "POST",
            "/api/v1/agreements".into(),
            Some(bad.clone()),
            [422, 422, 403, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/agreements/{id}"),
            Some(terms(&org, &school)),
            [412, 412, 403, 403, 403],
        ),
        (
            "POST",
            format!("/api/v1/agreements/{id}/transitions"),
            Some(json!({"action": "submit_for_review"})),
            [412, 412, 403, 403, 403],
        ),
        (
            "POST",
            format!("/api/v1/agreements/{id}/signatures"),
            Some(json!({"party": "district", "signer_name": "X Y", "consent": true})),
            [412, 412, 403, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/agreements/{id}/deliverables/{deliverable}"),
            Some(json!({"status": "in_progress"})),
            [412, 412, 403, 403, 403],
        ),
        (
            "PUT",
            format!("/api/v1/agreements/{id}/final-report"),
            Some(json!({"summary": "Results of the year.", "results": []})),
            [412, 412, 403, 412, 403],
        ),
        (
            "POST",
            format!("/api/v1/agreements/{id}/final-report/review"),
            Some(json!({"accepted": true})),
            [412, 412, 403, 403, 403],
        ),
        (
            "GET",
            format!("/api/v1/agreements/{id}/documents/1"),
            None,
            [404, 404, 403, 404, 403],
        ),
        (
            "GET",
            "/api/v1/metrics/agreements".into(),
            None,
            [200, 200, 200, 403, 403],
        ),
        (
            "GET",
            "/api/v1/goals".into(),
            None,
            [200, 200, 200, 403, 403],
        ),
        (
            "GET",
            "/api/v1/staff".into(),
            None,
            [200, 200, 403, 403, 403],
        ),
        (
            "PUT",
            "/api/v1/goals/active_mous".into(),
            Some(json!({"baseline": 1, "target": 2, "deadline": "2026-06-30"})),
            [412, 403, 403, 403, 403],
        ),
    ];
    for (method, path, body, expected) in &cases {
        for ((role, token), want) in tokens.iter().zip(expected) {
            let mut req = match *method {
                "GET" => app.get(path, token),
                "POST" => app.post(path, token),
                _ => app.put(path, token),
            };
            // A stale ETag: whoever gets past the role check meets 412, proving the check ran.
            req = req.header("if-match", "\"999\"");
            if let Some(b) = body {
                req = req.json(b);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status().as_u16(), *want, "{role:?} {method} {path}");
        }
        // And nobody without a token.
        let res = app.client.get(app.url(path)).send().await.unwrap();
        if *method == "GET" {
            assert_eq!(res.status(), 401, "{path}");
        }
    }
    // Upload: staff and the partner may; coordinators and volunteers may not.
    for ((role, token), want) in tokens.iter().zip([201u16, 201, 403, 201, 403]) {
        let res = app
            .post(
                &format!("/api/v1/agreements/{id}/documents?filename=a.pdf"),
                token,
            )
            .body(PDF.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), want, "{role:?} upload");
    }
}

#[actix_web::test]
async fn owner_pickers_list_active_office_staff_only() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    app.create_user(Role::SchoolCoordinator, vec![app.any_school().await])
        .await;
    app.create_user(Role::Admin, vec![]).await;
    let list = json_of(app.get("/api/v1/staff", &staff).send().await.unwrap(), 200).await;
    let names: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Test admin", "Test staff"]);
}

#[actix_web::test]
async fn a_partnership_that_ends_ends_its_partner_logins() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Ending Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let me = app.get_json("/api/v1/auth/me", &partner).await;
    let a = active(&app, &staff, &partner, terms(&org, &school)).await;
    assert_eq!(
        app.get(
            &format!("/api/v1/agreements/{}", a["id"].as_str().unwrap()),
            &partner
        )
        .send()
        .await
        .unwrap()
        .status(),
        200
    );
    let a = json_of(
        step(
            &app,
            &staff,
            &a,
            json!({"action": "terminate", "note": "Program ended"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(a["status"], "terminated");
    let o = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    assert_eq!(o["status"], "inactive");
    // The organization is inactive: its partner login is ended in the same step.
    let read = app
        .get(
            &format!("/api/v1/agreements/{}", a["id"].as_str().unwrap()),
            &partner,
        )
        .send()
        .await
        .unwrap();
    assert_problem(read, 401, "unauthorized").await;
    let admin = app.token_for(Role::Admin).await;
    let audit = app
        .get_json(
            &format!(
                "/api/v1/audit?entity=user&id={}",
                me["id"].as_str().unwrap()
            ),
            &admin,
        )
        .await;
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "end_partner_access"),
        "{audit}"
    );
}

#[actix_web::test]
async fn the_file_is_locked_once_signatures_are_requested_and_each_signature_names_its_version() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, _, partner) = app.partner_org("Locked Partner").await;
    let staff = app.token_for(Role::Staff).await;
    let a = create(&app, &staff, terms(&org, &school)).await;
    let id = a["id"].as_str().unwrap().to_string();
    let upload = |token: &str, bytes: &'static [u8]| {
        app.post(
            &format!("/api/v1/agreements/{id}/documents?filename=mou.pdf"),
            token,
        )
        .header("content-type", "application/octet-stream")
        .body(bytes)
        .send()
    };
    let v1 = json_of(upload(&staff, PDF).await.unwrap(), 201).await;
    let a = json_of(
        step(&app, &staff, &a, json!({"action": "submit_for_review"})).await,
        200,
    )
    .await;
    let a = json_of(
        step(&app, &staff, &a, json!({"action": "send_for_signature"})).await,
        200,
    )
    .await;
    for token in [&staff, &partner] {
        assert_problem(upload(token, DOCX).await.unwrap(), 409, "document_locked").await;
    }
    let a = json_of(sign(&app, &staff, &a, "district").await, 200).await;
    assert_eq!(a["signatures"][0]["document_sha256"], v1["sha256"]);
    let a = json_of(sign(&app, &partner, &a, "partner").await, 200).await;
    assert_eq!(a["status"], "active");
    assert_eq!(a["documents"].as_array().unwrap().len(), 1);
    for s in a["signatures"].as_array().unwrap() {
        assert_eq!(s["document_sha256"], v1["sha256"], "{s}");
        // The partner's view carries no signer addresses.
        assert_eq!(s["ip"], "", "{s}");
    }
    assert_problem(upload(&staff, DOCX).await.unwrap(), 409, "document_locked").await;
    let office = app
        .get_json(&format!("/api/v1/agreements/{id}"), &staff)
        .await;
    assert!(
        office["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| !s["ip"].as_str().unwrap().is_empty()),
        "{office}"
    );
}

#[actix_web::test]
async fn only_the_named_signatory_signs_for_the_partner() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let (org, signatory, partner) = app.partner_org("Signing Partner").await;
    let staff = app.token_for(Role::Staff).await;
    // A second contact of the same organization with a login of their own.
    let o = app
        .get_json(&format!("/api/v1/organizations/{org}"), &staff)
        .await;
    let o: Value = app
        .post(&format!("/api/v1/organizations/{org}/contacts"), &staff)
        .header("if-match", format!("\"{}\"", o["version"]))
        .json(
            &json!({"name": "Lee Park", "title": "Coordinator", "email": "lee@signing.example.org",
            "phone": "704-555-0111", "is_primary": false}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let second = o["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == "lee@signing.example.org")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .post(
            &format!("/api/v1/organizations/{org}/contacts/{second}/login"),
            &staff,
        )
        .json(&json!({"password": "partner-password-2"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let colleague = app
        .sign_in_as_owner("lee@signing.example.org", "partner-password-2")
        .await;

    let mut body = terms(&org, &school);
    body["partner_contact_id"] = json!(signatory);
    let a = sent(&app, &staff, body).await;
    assert_problem(
        sign(&app, &colleague, &a, "partner").await,
        403,
        "forbidden",
    )
    .await;
    let a = json_of(sign(&app, &partner, &a, "partner").await, 200).await;
    assert_eq!(a["signatures"][0]["party"], "partner");
}

#[actix_web::test]
async fn the_mou_goal_counts_partnership_agreements_only_and_says_so() {
    let app = TestApp::spawn().await;
    let school = app.any_school().await.to_string();
    let staff = app.token_for(Role::Staff).await;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut ids = vec![];
    for (name, kind) in [
        ("Partner Org", "community_partnership"),
        ("Facilities Org", "facilities_use"),
        ("Data Org", "data_sharing"),
    ] {
        let (org, _, _) = app.partner_org(name).await;
        let mut body = terms(&org, &school);
        body["kind"] = json!(kind);
        let a = create(&app, &staff, body).await;
        ids.push(a["id"].as_str().unwrap().parse::<AgreementId>().unwrap());
    }
    for id in &ids {
        happened(
            &app,
            *id,
            d(2025, 1, 15),
            "activate",
            AgreementStatus::Active,
        )
        .await;
    }
    let m = app
        .get_json(
            "/api/v1/metrics/agreements?from=2025-01-01&to=2025-06-30&group_by=quarter",
            &staff,
        )
        .await;
    assert_eq!(m["goal"]["counted_kinds"], json!(["community_partnership"]));
    for q in m["quarters"].as_array().unwrap() {
        assert_eq!(q["active_partners"], 1, "{q}");
        // The drill-down names the counted agreement only.
        assert_eq!(q["active"], json!([ids[0].to_string()]), "{q}");
    }
    assert_eq!(m["agreements"].as_array().unwrap().len(), 1);

    // An admin may count facilities-use agreements too; the next answer follows.
    let admin = app.token_for(Role::Admin).await;
    let goal = &m["goal"];
    let res = app
        .put("/api/v1/goals/active_mous", &admin)
        .header("if-match", format!("\"{}\"", goal["version"]))
        .json(&json!({"baseline": goal["baseline"], "target": goal["target"],
            "deadline": goal["deadline"], "counted_kinds": ["community_partnership", "facilities_use"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let m = app
        .get_json(
            "/api/v1/metrics/agreements?from=2025-01-01&to=2025-06-30&group_by=quarter",
            &staff,
        )
        .await;
    assert_eq!(m["quarters"][0]["active_partners"], 2);
}
