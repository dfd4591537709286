//! Every CSV export holds at most `exports.max_rows` rows: more matches answer 422
//! `too_many_rows` (narrow the filters), never a partial file.

use chrono::Utc;
use domain::Role;
use serde_json::json;

use crate::helpers::{TestApp, assert_problem};
use crate::opportunities::{cleared_volunteer, opportunity, post_opportunity};

#[actix_web::test]
async fn every_export_refuses_more_rows_than_the_cap_and_says_how_to_narrow_it() {
    let app = TestApp::spawn_with(|s| s.exports.max_rows = 1).await;
    let school = app.create_school("E1", "First Elementary").await;
    let staff = app.token_for(Role::Staff).await;
    let (first, _, _) = app.partner_org("First Partner").await;
    app.partner_org("Second Partner").await;
    let today = Utc::now().date_naive().to_string();
    for email in ["one@example.org", "two@example.org"] {
        let (_, token) = cleared_volunteer(&app, &staff, school, email).await;
        crate::hours::log(
            &app,
            &token,
            &json!({"school_id": school, "activity": "tutor", "work_date": today, "minutes": 30}),
        )
        .await;
        post_opportunity(&app, &staff, &opportunity(school, 2)).await;
        crate::agreements::create(
            &app,
            &staff,
            crate::agreements::terms(&first, &school.to_string()),
        )
        .await;
        crate::applications::submitted(&app, &school.to_string()).await;
    }
    for path in [
        "/api/v1/organizations/export",
        "/api/v1/volunteers/export",
        "/api/v1/hours/export",
        "/api/v1/opportunities/export",
        "/api/v1/agreements/export",
        "/api/v1/applications/export",
    ] {
        let res = app.get(path, &staff).send().await.unwrap();
        let p = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["code"], "too_many_rows", "{path}: {p}");
        assert!(
            p["errors"][0]["message"]
                .as_str()
                .unwrap()
                .starts_with("More than 1 rows match"),
            "{path}: {p}"
        );
    }
    // Narrowed to one row, it is the file.
    let res = app
        .get("/api/v1/organizations/export?q=First", &staff)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

/// Every export answers the same way: UTF-8 CSV, downloaded under the resource's name.
#[actix_web::test]
async fn every_export_is_a_csv_download_named_for_its_resource() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    for name in [
        "organizations",
        "volunteers",
        "hours",
        "opportunities",
        "agreements",
        "applications",
    ] {
        let res = app
            .get(&format!("/api/v1/{name}/export"), &staff)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{name}");
        assert_eq!(
            res.headers()["content-type"],
            "text/csv; charset=utf-8",
            "{name}"
        );
        assert_eq!(
            res.headers()["content-disposition"],
            format!("attachment; filename=\"{name}.csv\"").as_str(),
            "{name}"
        );
        let csv = res.text().await.unwrap();
        assert!(
            csv.lines().next().is_some_and(|h| h.contains(',')),
            "{name}: {csv}"
        );
    }
}
