//! Bulk imports: a volunteer roster (checked, deduplicated, invited) and past hours (approved,
//! counted on the dashboard); bad files report every row and import nothing.

use chrono::{Datelike, Duration, Utc};
use db::repo::applications::messages_for;
use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};
use crate::opportunities::{cleared_volunteer, volunteer};

async fn import(
    app: &TestApp,
    what: &str,
    token: &str,
    csv: &str,
    query: &str,
) -> reqwest::Response {
    app.post(&format!("/api/v1/{what}/import{query}"), token)
        .header("content-type", "text/csv")
        .body(csv.to_string())
        .send()
        .await
        .unwrap()
}

async fn ok(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn volunteer_count(app: &TestApp, staff: &str) -> usize {
    let page: Value = app.get_json("/api/v1/volunteers?limit=100", staff).await;
    page["items"].as_array().unwrap().len()
}

/// The one-time link's token in the last message of this kind to `email`.
pub async fn link_token(app: &TestApp, email: &str, kind: &str) -> String {
    let sent = messages_for(&app.db, email).await.unwrap();
    let m = sent.iter().find(|m| m.kind == kind).expect("a message");
    let after = m.body.split("/reset-password#").nth(1).expect("a link");
    after
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_string()
}

fn fields(p: &Value) -> Vec<String> {
    p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn a_roster_is_checked_imported_once_and_its_volunteers_set_their_password() {
    let app = TestApp::spawn().await;
    let e1 = app.create_school("E101", "Ashley Park Elementary").await;
    app.create_school("M202", "Albemarle Road Middle").await;
    app.partner_org("Reading Buddies").await;
    let staff = app.token_for(Role::Staff).await;
    volunteer(&app, e1, "already@example.org").await;
    // Registered as "Volunteer twin@example.org" with phone 704-555-0101.
    volunteer(&app, e1, "twin@example.org").await;
    let before = volunteer_count(&app, &staff).await;

    let cleared = Utc::now().date_naive() - Duration::days(30);
    let expires = cleared + Duration::days(364);
    let csv = format!(
        "First Name,Last Name,Email,Phone,Language,Type,Schools,Interests,Registered On,Cleared On,Expires On,Reference,Parent Leader Role,Organization\n\
         Ana,López,Ana.Lopez@example.org,(704) 555-0177,es,parent,E101;M202,tutor;chaperone,2025-09-02,{cleared},{expires},SCR-77,PTA secretary,\n\
         Bo,Chen,bo@example.org,704-555-0178,en,partner,e101,mentor,,,,,,Reading Buddies\n\
         Al Ready,,already@example.org,704-555-0199,,community,E101,,,,,,,\n\
         Volunteer twin@example.org,,someone-else@example.org,1 704 555 0101,,community,E101,,,,,,,\n"
    );

    // A dry run says what would happen and stores nothing.
    let dry = ok(import(&app, "volunteers", &staff, &csv, "?dry_run=true").await).await;
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["imported"], 2);
    assert_eq!(dry["invited"], 0);
    let skipped: Vec<_> = dry["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["line"].as_u64().unwrap())
        .collect();
    assert_eq!(skipped, vec![4, 5], "same email; same name and phone");
    assert_eq!(volunteer_count(&app, &staff).await, before);

    let done = ok(import(&app, "volunteers", &staff, &csv, "").await).await;
    assert_eq!(done["dry_run"], false);
    assert_eq!(
        (done["imported"].as_u64(), done["invited"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(volunteer_count(&app, &staff).await, before + 2);

    // Importing the same file again adds nobody.
    let again = ok(import(&app, "volunteers", &staff, &csv, "").await).await;
    assert_eq!(again["imported"], 0);
    assert_eq!(again["skipped"].as_array().unwrap().len(), 4);

    // Ana's profile: cleared from the file, her registration date, a parent leader.
    let account = db::repo::users::find_by_email(&app.db, "ana.lopez@example.org")
        .await
        .unwrap()
        .unwrap();
    let profile = db::repo::volunteers::by_user(&app.db, account.user.id)
        .await
        .unwrap();
    let ana: Value = app
        .get_json(&format!("/api/v1/volunteers/{}", profile.id), &staff)
        .await;
    assert_eq!(ana["name"], "Ana López");
    assert_eq!(ana["preferred_language"], "es");
    assert_eq!(ana["standing"]["standing"], "current", "{ana}");
    assert_eq!(ana["clearances"][0]["reference"], "SCR-77");
    assert_eq!(ana["school_ids"].as_array().unwrap().len(), 2);
    assert_eq!(ana["parent_leader_role"], "PTA secretary");
    assert!(
        ana["created_at"]
            .as_str()
            .unwrap()
            .starts_with("2025-09-02")
    );

    // She cannot sign in until she chooses a password with her invitation (in Spanish).
    assert_eq!(app.login("ana.lopez@example.org", "").await.status(), 422);
    assert_eq!(app.login("ana.lopez@example.org", "!").await.status(), 401);
    let sent = messages_for(&app.db, "ana.lopez@example.org")
        .await
        .unwrap();
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].subject.contains("voluntario"),
        "{}",
        sent[0].subject
    );
    let token = link_token(&app, "ana.lopez@example.org", "volunteer_invitation").await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/password-reset/confirm"))
        .json(&json!({"token": token, "password": "ana-chose-this-one"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let me: Value = app
        .login("ana.lopez@example.org", "ana-chose-this-one")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["user"]["role"], "volunteer");

    // Bo is linked to the partner organization and waits for his clearance.
    let bo = db::repo::users::find_by_email(&app.db, "bo@example.org")
        .await
        .unwrap()
        .unwrap();
    let bo = db::repo::volunteers::by_user(&app.db, bo.user.id)
        .await
        .unwrap();
    assert!(bo.organization_id.is_some());
    assert!(bo.cleared_until.is_none());
}

#[actix_web::test]
async fn a_bad_roster_lists_every_problem_by_line_and_imports_nothing() {
    let app = TestApp::spawn().await;
    app.create_school("E101", "Ashley Park Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (admin_email, _) = app.create_user(Role::Admin, vec![]).await;
    let csv = format!(
        "name,email,phone,kind,schools\n\
         Ana López,ana@example.org,704-555-0101,parent,E101\n\
         Bo Chen,bo@example.org,704-555-0102,parent,X999\n\
         Ana Again,ANA@example.org,704-555-0103,parent,E101\n\
         Cy Staff,{admin_email},704-555-0104,employee,E101\n\
         Di Partner,di@example.org,704-555-0105,partner,E101\n"
    );
    let p = assert_problem(
        import(&app, "volunteers", &staff, &csv, "?dry_run=true").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&p),
        vec![
            "line 3: schools",
            "line 4: email",
            "line 5: email",
            "line 6: organization"
        ],
        "{p}"
    );
    assert_problem(
        import(&app, "volunteers", &staff, &csv, "").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(volunteer_count(&app, &staff).await, 0);
    assert!(
        messages_for(&app.db, "ana@example.org")
            .await
            .unwrap()
            .is_empty()
    );

    let p = assert_problem(
        import(&app, "volunteers", &staff, "email,phone\na@b.org,1\n", "").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&p),
        vec!["line 1", "line 1"],
        "kind and schools missing"
    );
}

#[actix_web::test]
async fn past_hours_import_as_approved_count_on_the_dashboard_and_only_once() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E101", "Ashley Park Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    cleared_volunteer(&app, &staff, school, "ana@example.org").await;
    let today = Utc::now().date_naive();
    let yesterday = today - Duration::days(1);
    let csv = format!(
        "Volunteer Email,School Code,Date,Activity,Hours,Minutes,Note\n\
         ANA@example.org,e101,{yesterday},Reading,1.5,,Second grade\n\
         ana@example.org,E101,{yesterday},mentor,,45,\n"
    );
    let dry = ok(import(&app, "hours", &staff, &csv, "?dry_run=true").await).await;
    assert_eq!(
        (dry["imported"].as_u64(), dry["minutes"].as_i64()),
        (Some(2), Some(135))
    );
    let m: Value = app.get_json("/api/v1/metrics/volunteers", &staff).await;
    assert_eq!(
        (m["active"].as_u64(), m["minutes"].as_i64()),
        (Some(0), Some(0))
    );

    let done = ok(import(&app, "hours", &staff, &csv, "").await).await;
    assert_eq!(
        (done["imported"].as_u64(), done["minutes"].as_i64()),
        (Some(2), Some(135))
    );
    let list: Value = app.get_json("/api/v1/hours?status=approved", &staff).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|e| e["source"] == "imported"), "{list}");
    let m: Value = app
        .get_json(&format!("/api/v1/metrics/volunteers?as_of={today}"), &staff)
        .await;
    // Yesterday is in this school year unless today is July 1.
    if today.month() != 7 || today.day() != 1 {
        assert_eq!(
            (m["active"].as_u64(), m["minutes"].as_i64()),
            (Some(1), Some(135)),
            "{m}"
        );
    }

    let again = ok(import(&app, "hours", &staff, &csv, "").await).await;
    assert_eq!(again["imported"], 0);
    assert_eq!(again["skipped"].as_array().unwrap().len(), 2);
}

#[actix_web::test]
async fn a_bad_hours_file_lists_every_problem_and_imports_nothing() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E101", "Ashley Park Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    cleared_volunteer(&app, &staff, school, "ana@example.org").await;
    let today = Utc::now().date_naive();
    let day = today - Duration::days(3);
    let tomorrow = today + Duration::days(1);
    let csv = format!(
        "email,school,date,activity,minutes\n\
         ana@example.org,E101,{day},tutor,60\n\
         nobody@example.org,E101,{day},tutor,60\n\
         ana@example.org,X999,{day},tutor,60\n\
         ana@example.org,E101,{tomorrow},tutor,60\n\
         ana@example.org,E101,{day},tutor,60\n\
         ana@example.org,E101,{day},tutor,0\n"
    );
    let p = assert_problem(
        import(&app, "hours", &staff, &csv, "").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&p),
        vec![
            "line 3: email",
            "line 4: school",
            "line 5: date",
            "line 6: date",
            "line 7: minutes"
        ],
        "{p}"
    );
    let list: Value = app.get_json("/api/v1/hours", &staff).await;
    assert!(list["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn imports_are_for_the_office_and_take_csv() {
    let app = TestApp::spawn().await;
    let school = app.create_school("E101", "Ashley Park Elementary").await;
    let csv = "name,email,phone,kind,schools\nAna López,ana@example.org,704-555-0101,parent,E101\n";
    for what in ["volunteers", "hours"] {
        for (role, status) in [
            (Role::Admin, None),
            (Role::Staff, None),
            (Role::SchoolCoordinator, Some(403)),
            (Role::Partner, Some(403)),
            (Role::Volunteer, Some(403)),
        ] {
            let token = if role == Role::SchoolCoordinator {
                app.coordinator_of(school).await
            } else {
                app.token_for(role).await
            };
            let res = import(&app, what, &token, csv, "?dry_run=true").await;
            match status {
                Some(s) => {
                    assert_problem(res, s, "forbidden").await;
                }
                // A roster is not an hours file: the office gets the hours' report.
                None if what == "hours" => {
                    assert_problem(res, 422, "validation_failed").await;
                }
                None => {
                    ok(res).await;
                }
            }
        }
        let res = app
            .client
            .post(app.url(&format!("/api/v1/{what}/import")))
            .header("content-type", "text/csv")
            .body(csv)
            .send()
            .await
            .unwrap();
        assert_problem(res, 401, "unauthorized").await;
        let staff = app.token_for(Role::Staff).await;
        let res = app
            .post(&format!("/api/v1/{what}/import"), &staff)
            .json(&json!({"csv": csv}))
            .send()
            .await
            .unwrap();
        assert_problem(res, 415, "unsupported_media_type").await;
    }
}
