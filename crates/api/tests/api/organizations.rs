use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, refresh_cookie};

fn org(name: &str, ein: Option<&str>, website: &str) -> Value {
    json!({
        "legal_name": name,
        "org_type": "nonprofit",
        "tax_status": "nonprofit",
        "ein": ein,
        "website": website,
        "city": "Charlotte",
        "description": "Reading buddies for K-2",
        "support_areas": ["academics", "social_emotional_learning"],
    })
}

async fn create(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post("/api/v1/organizations", token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn created(app: &TestApp, token: &str, body: Value) -> Value {
    let res = create(app, token, body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn add_contact(
    app: &TestApp,
    token: &str,
    org: &Value,
    name: &str,
    email: &str,
    primary: bool,
) -> Value {
    let id = org["id"].as_str().unwrap();
    let res = app
        .post(&format!("/api/v1/organizations/{id}/contacts"), token)
        .header("if-match", format!("\"{}\"", org["version"]))
        .json(&json!({"name": name, "title": "Director", "email": email, "phone": "704-555-0100", "is_primary": primary}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[actix_web::test]
async fn staff_build_an_organization_with_contacts_and_one_primary() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let o = created(
        &app,
        &staff,
        org(
            "Helping Hands, Inc.",
            Some("12-3456789"),
            "https://helpinghands.org",
        ),
    )
    .await;
    assert_eq!(o["status"], "prospect");
    assert_eq!(
        o["support_areas"],
        json!(["academics", "social_emotional_learning"])
    );

    let o = add_contact(&app, &staff, &o, "Ana Ruiz", "ana@helpinghands.org", true).await;
    let o = add_contact(&app, &staff, &o, "Ben Cole", "ben@helpinghands.org", true).await;

    let contacts = o["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0]["name"], "Ben Cole", "primary first");
    assert_eq!(
        contacts.iter().filter(|c| c["is_primary"] == true).count(),
        1
    );
    assert_eq!(o["version"], 3);
}

#[actix_web::test]
async fn a_likely_duplicate_is_reported_and_can_be_overridden() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let first = created(
        &app,
        &staff,
        org(
            "Helping Hands, Inc.",
            Some("12-3456789"),
            "https://www.helpinghands.org",
        ),
    )
    .await;

    let same_ein = create(
        &app,
        &staff,
        org("Totally Different", Some("12-3456789"), ""),
    )
    .await;
    let p = assert_problem(same_ein, 409, "possible_duplicate").await;
    assert_eq!(p["duplicates"][0]["id"], first["id"]);
    assert_eq!(p["duplicates"][0]["reason"], "same_ein");

    let similar = create(
        &app,
        &staff,
        org("The Helping Hands", None, "https://helpinghands.org/about"),
    )
    .await;
    let p = assert_problem(similar, 409, "possible_duplicate").await;
    assert_eq!(p["duplicates"][0]["reason"], "similar_name_same_website");

    let other_site = create(
        &app,
        &staff,
        org("Helping Hands", None, "https://hands.example.org"),
    )
    .await;
    assert_eq!(
        other_site.status(),
        201,
        "a similar name alone is not a duplicate"
    );

    let mut confirmed = org("The Helping Hands", None, "https://helpinghands.org");
    confirmed["confirm_not_duplicate"] = json!(true);
    assert_eq!(create(&app, &staff, confirmed).await.status(), 201);
}

#[actix_web::test]
async fn invalid_ein_website_and_contact_fields_are_reported_per_field() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let p = assert_problem(
        create(&app, &staff, org("X Org", Some("123456789"), "helping.org")).await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["ein", "website"]);

    let o = created(&app, &staff, org("Good Org", None, "")).await;
    let res = app
        .post(
            &format!(
                "/api/v1/organizations/{}/contacts",
                o["id"].as_str().unwrap()
            ),
            &staff,
        )
        .header("if-match", "\"1\"")
        .json(&json!({"name": "", "email": "not-an-email", "phone": "call me"}))
        .send()
        .await
        .unwrap();
    let p = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["email", "name", "phone"]);
}

#[actix_web::test]
async fn contact_changes_need_the_organizations_current_version() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let o = created(&app, &staff, org("Good Org", None, "")).await;
    let id = o["id"].as_str().unwrap();
    let o = add_contact(&app, &staff, &o, "Ana Ruiz", "ana@good.org", true).await;
    let contact = o["contacts"][0]["id"].as_str().unwrap();
    let path = format!("/api/v1/organizations/{id}/contacts/{contact}");

    let missing = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    assert_problem(missing, 428, "precondition_required").await;
    let stale = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&staff)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_problem(stale, 412, "version_mismatch").await;
    let other = created(&app, &staff, org("Other Org", None, "")).await;
    let wrong_org = format!(
        "/api/v1/organizations/{}/contacts/{contact}",
        other["id"].as_str().unwrap()
    );
    let res = app
        .client
        .delete(app.url(&wrong_org))
        .bearer_auth(&staff)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;

    let ok = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&staff)
        .header("if-match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.unwrap();
    assert!(body["contacts"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn a_partner_login_sees_only_its_own_organization() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let mine = created(&app, &staff, org("Mine Org", None, "")).await;
    let theirs = created(&app, &staff, org("Theirs Org", None, "")).await;
    let mine = add_contact(&app, &staff, &mine, "Ana Ruiz", "ana@mine.org", true).await;
    let (id, contact) = (
        mine["id"].as_str().unwrap(),
        mine["contacts"][0]["id"].as_str().unwrap(),
    );

    let res = app
        .post(
            &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
            &staff,
        )
        .json(&json!({"password": "partner-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["contacts"][0]["has_login"], true);
    let again = app
        .post(
            &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
            &staff,
        )
        .json(&json!({"password": "partner-password-1"}))
        .send()
        .await
        .unwrap();
    assert_problem(again, 409, "already_has_login").await;

    let login: Value = app
        .login("ana@mine.org", "partner-password-1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(login["user"]["role"], "partner");
    assert_eq!(login["user"]["organization_id"], mine["id"]);
    // Staff chose the password: nothing answers before the partner chooses their own.
    let given = login["access_token"].as_str().unwrap();
    assert_problem(
        app.get("/api/v1/organizations", given)
            .send()
            .await
            .unwrap(),
        403,
        "password_change_required",
    )
    .await;
    let partner = &app
        .sign_in_as_owner("ana@mine.org", "partner-password-1")
        .await;
    let list: Value = app
        .get("/api/v1/organizations", partner)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], mine["id"]);
    assert_eq!(
        app.get(&format!("/api/v1/organizations/{id}"), partner)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let other = app
        .get(
            &format!("/api/v1/organizations/{}", theirs["id"].as_str().unwrap()),
            partner,
        )
        .send()
        .await
        .unwrap();
    assert_problem(other, 404, "not_found").await;
    let write = app
        .put(&format!("/api/v1/organizations/{id}"), partner)
        .header("if-match", "\"2\"")
        .json(&org("Mine", None, ""))
        .send()
        .await
        .unwrap();
    assert_problem(write, 403, "forbidden").await;
}

#[actix_web::test]
async fn each_role_gets_what_it_may_from_every_organization_endpoint() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let o = created(&app, &staff, org("Probe Org", None, "")).await;
    let id = o["id"].as_str().unwrap();
    for &role in Role::ALL {
        let token = app.token_for(role).await;
        let office = matches!(role, Role::Admin | Role::Staff);
        let read = app
            .get("/api/v1/organizations", &token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let export = app
            .get("/api/v1/organizations/export", &token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let get = app
            .get(&format!("/api/v1/organizations/{id}"), &token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let write = create(&app, &token, org(&format!("New {role}"), None, ""))
            .await
            .status()
            .as_u16();
        let contact = app
            .post(&format!("/api/v1/organizations/{id}/contacts"), &token)
            .header("if-match", "\"999\"")
            .json(&json!({"name": "X", "email": "x@example.org"}))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let expected_read = if role == Role::Volunteer { 403 } else { 200 };
        assert_eq!(read, expected_read, "{role} list");
        assert_eq!(export, if office { 200 } else { 403 }, "{role} export");
        let expected_get = match role {
            Role::Volunteer => 403,
            Role::Partner => 404, // not their organization
            _ => 200,
        };
        assert_eq!(get, expected_get, "{role} get");
        assert_eq!(write, if office { 201 } else { 403 }, "{role} create");
        let expected_contact = match role {
            Role::Admin | Role::Staff => 412,
            Role::Partner => 404, // not their organization
            _ => 403,
        };
        assert_eq!(contact, expected_contact, "{role} add contact");
    }
}

#[actix_web::test]
async fn the_directory_filters_and_exports_inert_csv() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    created(&app, &staff, org("Alpha Tutors", None, "")).await;
    let mut b = org("=HYPERLINK(\"http://evil\")", None, "");
    b["org_type"] = json!("business");
    b["tax_status"] = json!("for_profit");
    b["support_areas"] = json!(["work_based_learning"]);
    created(&app, &staff, b).await;

    let by_area: Value = app
        .get(
            "/api/v1/organizations?support_area=work_based_learning",
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_area["items"].as_array().unwrap().len(), 1);
    let by_type: Value = app
        .get("/api/v1/organizations?org_type=nonprofit&q=alpha", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_type["items"][0]["legal_name"], "Alpha Tutors");
    let bad = app
        .get("/api/v1/organizations?support_area=space", &staff)
        .send()
        .await
        .unwrap();
    assert_problem(bad, 422, "validation_failed").await;

    let res = app
        .get("/api/v1/organizations/export?org_type=business", &staff)
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
    assert!(lines[0].starts_with("legal_name,org_type,tax_status"));
    assert_eq!(lines.len(), 2);
    assert!(lines[1].starts_with("\"'=HYPERLINK"), "{}", lines[1]);
}

#[actix_web::test]
async fn organization_changes_are_audited() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let o = created(&app, &staff, org("Audited Org", None, "")).await;
    let id = o["id"].as_str().unwrap();
    let mut edit = org("Audited Org", None, "");
    edit["city"] = json!("Matthews");
    let res = app
        .put(&format!("/api/v1/organizations/{id}"), &staff)
        .header("if-match", "\"1\"")
        .json(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let events: Value = app
        .get(
            &format!("/api/v1/audit?entity=organization&id={id}"),
            &staff,
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(events[0]["action"], "update");
    assert_eq!(events[0]["changes"]["city"]["after"], "Matthews");
    assert_eq!(events[1]["action"], "create");
}

#[actix_web::test]
async fn the_directory_filters_by_school_served() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let school = app.create_school("E1", "First Elementary").await;
    let other = app.create_school("E2", "Second Elementary").await;
    created(&app, &staff, org("Not Applied Org", None, "")).await;
    let form = json!({
        "organization": { "legal_name": "Applied Org", "org_type": "nonprofit", "tax_status": "nonprofit" },
        "contact": { "name": "Ann", "email": "ann@applied.example.org" },
        "program": { "title": "Tutoring", "description": "Tutoring after lunch for grade 3.", "support_areas": ["academics"],
                     "contributions": ["time"], "commitment": "one_time", "school_ids": [school] }
    });
    let d: Value = app
        .client
        .post(app.url("/api/v1/public/applications"))
        .json(&json!({ "form": form }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = d["resume_token"].as_str().unwrap();
    let sent = app
        .client
        .post(app.url(&format!("/api/v1/public/applications/{token}/submit")))
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);

    let served: Value = app
        .get(&format!("/api/v1/organizations?school_id={school}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = served["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["legal_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Applied Org"]);
    let none: Value = app
        .get(&format!("/api/v1/organizations?school_id={other}"), &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(none["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn a_partner_keeps_their_own_contacts_up_to_date_but_not_anyone_elses() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let mine = created(&app, &staff, org("Mine Org", None, "")).await;
    let theirs = created(&app, &staff, org("Theirs Org", None, "")).await;
    let mine = add_contact(&app, &staff, &mine, "Ana Ruiz", "ana@mine.org", true).await;
    let (id, contact) = (
        mine["id"].as_str().unwrap(),
        mine["contacts"][0]["id"].as_str().unwrap(),
    );
    app.post(
        &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
        &staff,
    )
    .json(&json!({"password": "partner-password-1"}))
    .send()
    .await
    .unwrap();
    let partner = app
        .sign_in_as_owner("ana@mine.org", "partner-password-1")
        .await;

    let o = add_contact(&app, &partner, &mine, "Bo Diaz", "bo@mine.org", false).await;
    assert_eq!(o["contacts"].as_array().unwrap().len(), 2);
    let edit = app.put(&format!("/api/v1/organizations/{id}/contacts/{contact}"), &partner)
        .header("if-match", format!("\"{}\"", o["version"]))
        .json(&json!({"name": "Ana Ruiz", "title": "Executive director", "email": "ana@mine.org", "is_primary": true}))
        .send().await.unwrap();
    assert_eq!(edit.status(), 200);

    let other = app
        .post(
            &format!(
                "/api/v1/organizations/{}/contacts",
                theirs["id"].as_str().unwrap()
            ),
            &partner,
        )
        .header("if-match", "\"1\"")
        .json(&json!({"name": "X", "email": "x@theirs.org"}))
        .send()
        .await
        .unwrap();
    assert_problem(other, 404, "not_found").await;
    let remove = app
        .client
        .delete(app.url(&format!("/api/v1/organizations/{id}/contacts/{contact}")))
        .bearer_auth(&partner)
        .header("if-match", "\"4\"")
        .send()
        .await
        .unwrap();
    assert_problem(remove, 403, "forbidden").await;
    let volunteer = app.token_for(Role::Volunteer).await;
    let v = app
        .post(&format!("/api/v1/organizations/{id}/contacts"), &volunteer)
        .header("if-match", "\"1\"")
        .json(&json!({"name": "X", "email": "x@mine.org"}))
        .send()
        .await
        .unwrap();
    assert_problem(v, 403, "forbidden").await;
}

#[actix_web::test]
async fn removing_a_contact_ends_their_partner_login_at_once() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let o = created(&app, &staff, org("Leaving Org", None, "")).await;
    let o = add_contact(&app, &staff, &o, "Ana Ruiz", "ana@leaving.org", true).await;
    let (id, contact) = (
        o["id"].as_str().unwrap().to_string(),
        o["contacts"][0]["id"].as_str().unwrap().to_string(),
    );
    let res = app
        .post(
            &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
            &staff,
        )
        .json(&json!({"password": "partner-password-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    app.sign_in_as_owner("ana@leaving.org", "partner-password-1")
        .await;
    let signed_in = app.login("ana@leaving.org", "partner-password-1-own").await;
    let cookie = refresh_cookie(signed_in.headers()).unwrap();
    let login: Value = signed_in.json().await.unwrap();
    let partner = login["access_token"].as_str().unwrap().to_string();
    let user_id = login["user"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        app.get(&format!("/api/v1/organizations/{id}"), &partner)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let o = app
        .get_json(&format!("/api/v1/organizations/{id}"), &staff)
        .await;
    let res = app
        .client
        .delete(app.url(&format!("/api/v1/organizations/{id}/contacts/{contact}")))
        .bearer_auth(&staff)
        .header("if-match", format!("\"{}\"", o["version"]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // The access token, the refresh cookie and the password all stop working.
    let read = app
        .get(&format!("/api/v1/organizations/{id}"), &partner)
        .send()
        .await
        .unwrap();
    assert_problem(read, 401, "unauthorized").await;
    let refreshed = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", format!("ph_refresh={cookie}"))
        .send()
        .await
        .unwrap();
    assert_problem(refreshed, 401, "unauthorized").await;
    assert_eq!(
        app.login("ana@leaving.org", "partner-password-1")
            .await
            .status(),
        401
    );
    // The account is deactivated and no longer linked to the organization, with the reason audited.
    let admin = app.token_for(Role::Admin).await;
    let user = app
        .get_json(&format!("/api/v1/users/{user_id}"), &admin)
        .await;
    assert_eq!(user["status"], "deactivated");
    assert!(user["organization_id"].is_null());
}
