use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, school_input};

fn body(code: &str, name: &str) -> Value {
    serde_json::to_value(school_input(code, name)).unwrap()
}

/// Every school endpoint, as (method, path, needs write permission).
async fn endpoints(app: &TestApp) -> Vec<(&'static str, String, bool)> {
    let id = app.create_school("P100", "Probe Elementary").await;
    vec![
        ("GET", "/api/v1/schools".into(), false),
        ("GET", format!("/api/v1/schools/{id}"), false),
        ("POST", "/api/v1/schools".into(), true),
        ("PUT", format!("/api/v1/schools/{id}"), true),
        ("POST", format!("/api/v1/schools/{id}/archive"), true),
        ("POST", format!("/api/v1/schools/{id}/restore"), true),
        ("POST", "/api/v1/schools/import".into(), true),
    ]
}

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut req = app.client.request(method.parse().unwrap(), app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if path.ends_with("/import") {
        req = req
            .header("content-type", "text/csv")
            .body("code,name,level,region\nQ1,Quail Hollow Middle,middle,South\n");
    } else if method != "GET" {
        req = req.header("if-match", "\"1\"");
        if !path.ends_with("archive") && !path.ends_with("restore") {
            req = req.json(&body(
                &format!(
                    "N{}",
                    uuid::Uuid::new_v4().simple().to_string()[..6].to_uppercase()
                ),
                "New School",
            ));
        }
    }
    req.send().await.unwrap()
}

#[actix_web::test]
async fn every_school_endpoint_needs_a_token() {
    let app = TestApp::spawn().await;
    for (method, path, _) in endpoints(&app).await {
        let res = call(&app, method, &path, None).await;
        assert_eq!(res.status(), 401, "{method} {path}");
    }
}

#[actix_web::test]
async fn every_role_reads_schools_but_only_admin_and_staff_write_them() {
    let app = TestApp::spawn().await;
    let eps = endpoints(&app).await;
    for &role in Role::ALL {
        let token = app.token_for(role).await;
        let may_write = matches!(role, Role::Admin | Role::Staff);
        for (method, path, writes) in &eps {
            let res = call(&app, method, path, Some(&token)).await;
            let status = res.status().as_u16();
            if *writes && !may_write {
                assert_eq!(status, 403, "{role} {method} {path}");
            } else {
                assert!(
                    status != 401 && status != 403,
                    "{role} {method} {path}: {status}"
                );
            }
        }
    }
}

#[actix_web::test]
async fn a_created_school_can_be_read_back_with_its_etag() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;

    let res = app
        .post("/api/v1/schools", &staff)
        .json(&body("e205", "  Nations Ford Elementary "))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), 201);
    assert_eq!(res.headers().get("etag").unwrap(), "\"1\"");
    let location = res
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["code"], "E205");
    assert_eq!(created["name"], "Nations Ford Elementary");
    let read = app.get(&location, &staff).send().await.unwrap();
    assert_eq!(read.status(), 200);
    assert_eq!(read.headers().get("etag").unwrap(), "\"1\"");
}

#[actix_web::test]
async fn a_duplicate_code_is_a_field_error() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    app.create_school("E1", "First Elementary").await;

    let res = app
        .post("/api/v1/schools", &staff)
        .json(&body("e1", "Second Elementary"))
        .send()
        .await
        .unwrap();

    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "code");
    assert_eq!(p["errors"][0]["code"], "duplicate");
}

#[actix_web::test]
async fn an_update_without_if_match_is_428_and_with_a_stale_version_is_412() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let id = app.create_school("E1", "First Elementary").await;
    let path = format!("/api/v1/schools/{id}");

    let missing = app
        .put(&path, &staff)
        .json(&body("E1", "Renamed"))
        .send()
        .await
        .unwrap();
    assert_problem(missing, 428, "precondition_required").await;

    let first = app
        .put(&path, &staff)
        .header("if-match", "\"1\"")
        .json(&body("E1", "Renamed Once"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers().get("etag").unwrap(), "\"2\"");

    // A second editor who read version 1 must not overwrite the first one's change.
    let stale = app
        .put(&path, &staff)
        .header("if-match", "\"1\"")
        .json(&body("E1", "Renamed Twice"))
        .send()
        .await
        .unwrap();
    assert_problem(stale, 412, "version_mismatch").await;
    let now: Value = app
        .get(&path, &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(now["name"], "Renamed Once");

    // `*` cannot say which version the change was made on: refused like a missing header,
    // and a value that is not an entity tag is a bad request. Neither changes the record.
    for (value, status, code) in [
        ("*", 428, "precondition_required"),
        ("2", 400, "bad_request"),
        ("\"-2\"", 400, "bad_request"),
    ] {
        let res = app
            .put(&path, &staff)
            .header("if-match", value)
            .json(&body("E1", "Renamed by a wildcard"))
            .send()
            .await
            .unwrap();
        let p = assert_problem(res, status, code).await;
        assert!(p["detail"].as_str().unwrap().contains("If-Match"), "{p}");
    }
    let now: Value = app
        .get(&path, &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(now["name"], "Renamed Once");
}

#[actix_web::test]
async fn archiving_hides_a_school_and_archiving_again_is_a_conflict() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let id = app.create_school("E1", "First Elementary").await;

    let res = app
        .post(&format!("/api/v1/schools/{id}/archive"), &staff)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let again = app
        .post(&format!("/api/v1/schools/{id}/archive"), &staff)
        .header("if-match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_problem(again, 409, "invalid_transition").await;

    let active: Value = app
        .get("/api/v1/schools", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        active["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["code"] != "E1")
    );
    let archived: Value = app
        .get("/api/v1/schools?status=archived", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(archived["items"][0]["code"], "E1");
}

#[actix_web::test]
async fn the_list_pages_with_a_cursor_searches_and_filters() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    for (code, name) in [
        ("E1", "Alpha Park"),
        ("E2", "Bravo Park"),
        ("E3", "Charlie Hills"),
        ("E4", "Delta Park"),
        ("E5", "Echo Park"),
    ] {
        app.create_school(code, name).await;
    }

    let mut names = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/schools?q=PARK&limit=2&cursor={c}"),
            None => "/api/v1/schools?q=PARK&limit=2".to_string(),
        };
        let page: Value = app
            .get(&path, &staff)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        names.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["name"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        names,
        vec!["Alpha Park", "Bravo Park", "Delta Park", "Echo Park"]
    );

    let by_level: Value = app
        .get("/api/v1/schools?level=middle", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_level["items"].as_array().unwrap().len(), 0);
    let bad = app
        .get("/api/v1/schools?level=college", &staff)
        .send()
        .await
        .unwrap();
    assert_problem(bad, 422, "validation_failed").await;
    let bad_cursor = app
        .get("/api/v1/schools?cursor=garbage", &staff)
        .send()
        .await
        .unwrap();
    assert_problem(bad_cursor, 422, "validation_failed").await;
}

#[actix_web::test]
async fn a_good_csv_creates_and_updates_schools() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    app.create_school("E1", "Old Name Elementary").await;
    let csv = "School Code,School Name,Level,Region,Title I\nE1,New Name Elementary,elementary,West,yes\nM2,Mint Hill Middle,middle,East,no\n";

    let res = app
        .post("/api/v1/schools/import", &staff)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report, json!({ "created": 1, "updated": 1 }));
    let page: Value = app
        .get("/api/v1/schools?q=new%20name", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["title_i"], true);
}

#[actix_web::test]
async fn a_bad_csv_reports_every_bad_line_and_imports_nothing() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    let csv = "code,name,level,region\nG1,Good Elementary,elementary,West\nB2,,middle,East\nB3,Bad Level,college,South\n";

    let res = app
        .post("/api/v1/schools/import", &staff)
        .header("content-type", "text/csv")
        .body(csv)
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
    assert_eq!(fields, vec!["line 3: name", "line 4: level"]);
    let page: Value = app
        .get("/api/v1/schools?q=good", &staff)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        page["items"].as_array().unwrap().is_empty(),
        "nothing imported"
    );
}

#[actix_web::test]
async fn an_import_must_be_csv_and_not_too_large() {
    let app = TestApp::spawn_with(|s| s.server.upload_limit_bytes = 100).await;
    let staff = app.token_for(Role::Staff).await;

    let json = app
        .post("/api/v1/schools/import", &staff)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(json, 415, "unsupported_media_type").await;
    let big = app
        .post("/api/v1/schools/import", &staff)
        .header("content-type", "text/csv")
        .body("x".repeat(500))
        .send()
        .await
        .unwrap();
    assert_problem(big, 413, "payload_too_large").await;
}

#[actix_web::test]
async fn a_page_size_outside_1_to_100_is_a_422_on_lists_and_exports_as_the_spec_declares() {
    let app = TestApp::spawn().await;
    let staff = app.token_for(Role::Staff).await;
    app.create_school("E1", "First Elementary").await;
    for path in [
        "/api/v1/schools?limit=0",
        "/api/v1/schools?limit=101",
        "/api/v1/organizations?limit=500",
        "/api/v1/organizations/export?limit=0",
        "/api/v1/hours/export?limit=101",
        "/api/v1/applications?min_days_in_status=3651",
        "/api/v1/audit?entity=school&limit=501",
    ] {
        let res = app.get(path, &staff).send().await.unwrap();
        let p = assert_problem(res, 422, "validation_failed").await;
        assert!(
            ["limit", "min_days_in_status"].contains(&p["errors"][0]["field"].as_str().unwrap()),
            "{path}: {p}"
        );
    }
    for path in ["/api/v1/schools?limit=1", "/api/v1/schools?limit=100"] {
        let res = app.get(path, &staff).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
    }
}
